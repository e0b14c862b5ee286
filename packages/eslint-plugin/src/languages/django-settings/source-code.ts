/**
 * ESLint's view of one Python settings module: the shared `#`-comment SourceCode with the Python tree
 * and Python's line ends.
 */
import { HashCommentSourceCode } from '../shared/hash-comment-source-code.js';
import type { Module, PyNode } from './ast.js';
import { childrenOf } from './ast.js';
import { PYTHON_LINE_ENDING } from './parse.js';

export class PythonSourceCode extends HashCommentSourceCode<Module, PyNode> {
  constructor({ text, ast }: { text: string; ast: Module }) {
    super({ text, ast, lineEndingPattern: PYTHON_LINE_ENDING, childrenOf });
  }
}
