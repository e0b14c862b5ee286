/**
 * ESLint's view of one nginx configuration: the shared `#`-comment SourceCode with nginx's tree and
 * nginx's line ends.
 */
import { HashCommentSourceCode } from '../shared/hash-comment-source-code.js';
import type { Config, NginxNode } from './ast.js';
import { childrenOf } from './ast.js';
import { NGINX_LINE_ENDING } from './parse.js';

export class NginxSourceCode extends HashCommentSourceCode<Config, NginxNode> {
  constructor({ text, ast }: { text: string; ast: Config }) {
    super({ text, ast, lineEndingPattern: NGINX_LINE_ENDING, childrenOf });
  }
}
