/**
 * ESLint's view of one nginx configuration: text, lines and locations (plugin-kit's text base), the
 * tree walk rules' visitors run on, parents, `#` comments and the ESLint directives in them.
 */
import type { TraversalStep } from '@eslint/core';
import { TextSourceCodeBase, VisitNodeStep } from '@eslint/plugin-kit';
import { HashCommentDirectives } from '../shared/hash-comment-directives.js';
import type { DisableDirectivesResult, InlineConfigResult } from '../shared/hash-comment-directives.js';
import type { Comment, Config, NginxNode } from './ast.js';
import { childrenOf } from './ast.js';

/** nginx ends a line at LF only; a CR before it belongs to the line break, a lone CR is a space. */
const NGINX_LINE_ENDING = /\r?\n/u;

export class NginxSourceCode extends TextSourceCodeBase<{
  LangOptions: Record<string, unknown>;
  RootNode: Config;
  SyntaxElementWithLoc: NginxNode;
  ConfigNode: Comment;
}> {
  readonly #parents = new WeakMap<NginxNode, NginxNode>();
  readonly #directives: HashCommentDirectives<Comment>;
  #steps: TraversalStep[] | undefined;
  /** `#` comments in source order. */
  readonly comments: readonly Comment[];

  constructor({ text, ast }: { text: string; ast: Config }) {
    super({ text, ast, lineEndingPattern: NGINX_LINE_ENDING });
    this.comments = ast.comments;
    this.#directives = new HashCommentDirectives(ast.comments);
  }

  /** Every node on entry and exit, depth first in source order. */
  override traverse(): Iterable<TraversalStep> {
    if (this.#steps) return this.#steps;
    const steps: TraversalStep[] = [];
    const visit = (node: NginxNode, parent: NginxNode | undefined) => {
      if (parent) this.#parents.set(node, parent);
      steps.push(new VisitNodeStep({ target: node, phase: 1, args: [node, parent] }));
      for (const child of childrenOf(node)) visit(child, node);
      steps.push(new VisitNodeStep({ target: node, phase: 2, args: [node, parent] }));
    };
    visit(this.ast, undefined);
    this.#steps = steps;
    return steps;
  }

  override getParent(node: NginxNode): NginxNode | undefined {
    if (!this.#steps) this.traverse();
    return this.#parents.get(node);
  }

  override getAncestors(node: NginxNode): NginxNode[] {
    const ancestors: NginxNode[] = [];
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
