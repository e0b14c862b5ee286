/**
 * The extraction's one walk over a whole file: every node, depth first in source order, as
 * `walk` (values/request-origin.ts) visits them. This walk never skips a subtree, so it pushes each
 * node's children straight onto its stack, last first, instead of gathering them in a list and
 * reversing it; on library code it was the largest single cost of the plugin.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { VisitorKeys } from './values/request-origin.js';

type Node = TSESTree.Node;

/** Keys that hold no child nodes (or, on Program, every token and comment). */
const NON_CHILD_KEYS = new Set(['parent', 'loc', 'range', 'tokens', 'comments']);

export function forEachNode(root: Node, keys: VisitorKeys, visit: (node: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const fields = node as unknown as Record<string, unknown>;
    const childKeys = keys[node.type] ?? ownChildKeys(fields);
    for (let index = childKeys.length - 1; index >= 0; index--)
      pushChildren(fields[childKeys[index]!], stack);
  }
}

function pushChildren(value: unknown, stack: Node[]): void {
  if (Array.isArray(value)) {
    for (let index = value.length - 1; index >= 0; index--)
      if (isNode(value[index])) stack.push(value[index]);
  } else if (isNode(value)) {
    stack.push(value);
  }
}

/** A node type the parser gave no keys for: every property that may hold nodes, in property order. */
function ownChildKeys(fields: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const key in fields) if (!NON_CHILD_KEYS.has(key)) keys.push(key);
  return keys;
}

function isNode(value: unknown): value is Node {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}
