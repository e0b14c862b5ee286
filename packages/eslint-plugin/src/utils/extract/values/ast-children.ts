/** Walking an ESTree node's children without visitor keys (parents, locations and ranges skipped). */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode } from './resolve.js';

type Node = TSESTree.Node;

export function isNode(value: unknown): value is Node {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}

export function forEachChild(node: Node, visit: (child: Node) => void): void {
  for (const key of Object.keys(node) as (keyof typeof node)[]) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    const child = node[key] as unknown;
    if (Array.isArray(child)) child.forEach((item) => isNode(item) && visit(item));
    else if (isNode(child)) visit(child);
  }
}

/** Return arguments of a function body, not of functions nested in it. */
export function collectReturns(node: Node, into: Node[]): void {
  if (node.type === AST_NODE_TYPES.ReturnStatement) {
    if (node.argument) into.push(node.argument);
    return;
  }
  if (isFunctionNode(node)) return;
  forEachChild(node, (child) => collectReturns(child, into));
}
