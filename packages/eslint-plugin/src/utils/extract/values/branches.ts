/**
 * Can two statements run on the same path? Not when they sit in different branches of one `if`,
 * one `?:`, or different cases of one `switch` (without fall-through): a header set in the `else`
 * of an `if` never joins the response of its `then`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

export function areExclusive(a: TSESTree.Node, b: TSESTree.Node): boolean {
  const pathOfA = ancestors(a);
  let child: TSESTree.Node = b;
  for (let parent = b.parent; parent; child = parent, parent = parent.parent) {
    const index = pathOfA.indexOf(parent);
    if (index < 0) continue;
    // `parent` is the lowest common ancestor; `childOfA` is a's branch under it, `child` is b's.
    const childOfA = pathOfA[index - 1];
    if (!childOfA || childOfA === child) return false;
    if (
      parent.type === AST_NODE_TYPES.IfStatement ||
      parent.type === AST_NODE_TYPES.ConditionalExpression
    ) {
      return isBranch(parent, childOfA) && isBranch(parent, child);
    }
    if (parent.type === AST_NODE_TYPES.SwitchStatement) {
      return (
        childOfA.type === AST_NODE_TYPES.SwitchCase &&
        child.type === AST_NODE_TYPES.SwitchCase &&
        endsCase(parent, childOfA, child)
      );
    }
    return false;
  }
  return false;
}

/** The node and its ancestors, innermost first. */
function ancestors(node: TSESTree.Node): TSESTree.Node[] {
  const path: TSESTree.Node[] = [];
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent)
    path.push(current);
  return path;
}

function isBranch(
  parent: TSESTree.IfStatement | TSESTree.ConditionalExpression,
  child: TSESTree.Node,
): boolean {
  return child === parent.consequent || child === parent.alternate;
}

/** The earlier of the two cases ends (break, return, throw) before the later one starts. */
function endsCase(
  statement: TSESTree.SwitchStatement,
  a: TSESTree.SwitchCase,
  b: TSESTree.SwitchCase,
): boolean {
  const first = statement.cases.indexOf(a) < statement.cases.indexOf(b) ? a : b;
  const last = first.consequent.at(-1);
  return (
    !!last &&
    (last.type === AST_NODE_TYPES.BreakStatement ||
      last.type === AST_NODE_TYPES.ReturnStatement ||
      last.type === AST_NODE_TYPES.ThrowStatement)
  );
}
