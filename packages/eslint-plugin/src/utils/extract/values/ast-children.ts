/** Walking an ESTree node's children without visitor keys (parents, locations and ranges skipped). */
import type { TSESTree } from '@typescript-eslint/utils';

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
