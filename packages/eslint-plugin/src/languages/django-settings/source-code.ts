/**
 * ESLint's view of one Python settings module: text, lines, locations (plugin-kit's text base),
 * the tree walk rules' visitors run on, parents, `#` comments and the ESLint directives in them.
 */
import type { TraversalStep } from '@eslint/core';
import { TextSourceCodeBase, VisitNodeStep } from '@eslint/plugin-kit';
import { HashCommentDirectives } from '../shared/hash-comment-directives.js';
import type { DisableDirectivesResult, InlineConfigResult } from '../shared/hash-comment-directives.js';
import type { Comment, Module, PyNode } from './ast.js';
import { childrenOf } from './ast.js';

/** Python ends a line at `\r\n`, `\n` or a lone `\r` (reference §2.1.2); nothing else. */
export const PYTHON_LINE_ENDING = /\r\n|[\r\n]/u;

export class PythonSourceCode extends TextSourceCodeBase<{
  LangOptions: Record<string, unknown>;
  RootNode: Module;
  SyntaxElementWithLoc: PyNode;
  ConfigNode: Comment;
}> {
  readonly #parents = new WeakMap<PyNode, PyNode>();
  readonly #directives: HashCommentDirectives<Comment>;
  #steps: TraversalStep[] | undefined;
  /** `#` comments in source order. */
  readonly comments: readonly Comment[];

  constructor({ text, ast }: { text: string; ast: Module }) {
    super({ text, ast, lineEndingPattern: PYTHON_LINE_ENDING });
    this.comments = ast.comments;
    this.#directives = new HashCommentDirectives(ast.comments);
  }

  /** Every node on entry and exit, depth first in source order. */
  override traverse(): Iterable<TraversalStep> {
    if (this.#steps) return this.#steps;
    const steps: TraversalStep[] = [];
    const visit = (node: PyNode, parent: PyNode | undefined) => {
      if (parent) this.#parents.set(node, parent);
      steps.push(new VisitNodeStep({ target: node, phase: 1, args: [node, parent] }));
      for (const child of childrenOf(node)) visit(child, node);
      steps.push(new VisitNodeStep({ target: node, phase: 2, args: [node, parent] }));
    };
    visit(this.ast, undefined);
    this.#steps = steps;
    return steps;
  }

  override getParent(node: PyNode): PyNode | undefined {
    if (!this.#steps) this.traverse();
    return this.#parents.get(node);
  }

  override getAncestors(node: PyNode): PyNode[] {
    const ancestors: PyNode[] = [];
    for (let parent = this.getParent(node); parent; parent = this.getParent(parent)) ancestors.unshift(parent);
    return ancestors;
  }

  getInlineConfigNodes(): Comment[] {
    return this.#directives.getInlineConfigNodes();
  }

  getDisableDirectives(): DisableDirectivesResult {
    return this.#directives.getDisableDirectives();
  }

  applyInlineConfig(): InlineConfigResult {
    return this.#directives.applyInlineConfig();
  }
}
