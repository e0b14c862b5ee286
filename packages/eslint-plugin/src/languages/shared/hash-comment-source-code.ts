/**
 * ESLint's view of one file of a language whose only comment is `#` to the end of the line (nginx
 * configs, Python settings modules): text, lines and locations (plugin-kit's text base), the tree walk
 * rules' visitors run on, parents, the `#` comments and the ESLint directives in them. A language
 * subclasses it with what differs: its tree's types, what ends a line, and a node's children.
 */
import type { TraversalStep } from '@eslint/core';
import { TextSourceCodeBase, VisitNodeStep } from '@eslint/plugin-kit';
import { HashCommentDirectives } from './hash-comment-directives.js';
import type { DisableDirectivesResult, InlineConfigResult } from './hash-comment-directives.js';
import type { Comment, NodeBase } from './tree.js';

export interface HashCommentSourceCodeInit<Root, Node> {
  readonly text: string;
  readonly ast: Root;
  /** What ends a line in this language (plugin-kit's `lineEndingPattern`; also the parser's `LineIndex`). */
  readonly lineEndingPattern: RegExp;
  /** A node's children in source order. */
  readonly childrenOf: (node: Node) => readonly Node[];
}

export class HashCommentSourceCode<
  Root extends Node & { readonly comments: readonly Comment[] },
  Node extends NodeBase<string>,
> extends TextSourceCodeBase<{
  LangOptions: Record<string, unknown>;
  RootNode: Root;
  SyntaxElementWithLoc: Node;
  ConfigNode: Comment;
}> {
  readonly #childrenOf: (node: Node) => readonly Node[];
  readonly #parents = new WeakMap<Node, Node>();
  readonly #directives: HashCommentDirectives<Comment>;
  #steps: TraversalStep[] | undefined;
  /** `#` comments in source order. */
  readonly comments: readonly Comment[];

  constructor({ text, ast, lineEndingPattern, childrenOf }: HashCommentSourceCodeInit<Root, Node>) {
    super({ text, ast, lineEndingPattern });
    this.#childrenOf = childrenOf;
    this.comments = ast.comments;
    this.#directives = new HashCommentDirectives(ast.comments);
  }

  /** Every node on entry and exit, depth first in source order. */
  override traverse(): Iterable<TraversalStep> {
    if (this.#steps) return this.#steps;
    const steps: TraversalStep[] = [];
    const visit = (node: Node, parent: Node | undefined) => {
      if (parent) this.#parents.set(node, parent);
      steps.push(new VisitNodeStep({ target: node, phase: 1, args: [node, parent] }));
      for (const child of this.#childrenOf(node)) visit(child, node);
      steps.push(new VisitNodeStep({ target: node, phase: 2, args: [node, parent] }));
    };
    visit(this.ast, undefined);
    this.#steps = steps;
    return steps;
  }

  override getParent(node: Node): Node | undefined {
    if (!this.#steps) this.traverse();
    return this.#parents.get(node);
  }

  override getAncestors(node: Node): Node[] {
    const ancestors: Node[] = [];
    for (let parent = this.getParent(node); parent; parent = this.getParent(parent))
      ancestors.unshift(parent);
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
