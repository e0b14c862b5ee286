/**
 * Is a statement only reached after the request's origin was checked? Looks at the enclosing
 * conditions (`if`, `?:`, `&&`, `switch`) and at early exits before it in the same blocks
 * (`if (!allowed.has(origin)) return next();`), up to the enclosing function.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { OriginReads } from './request-origin.js';
import { isFunctionNode } from './resolve.js';

export function isGuardedByOriginCheck(node: TSESTree.Node, reads: OriginReads): boolean {
  return isGuardedBy(node, (test) => reads.containsCheck(test));
}

/** Is `node` only reached when a condition that `isCheck` accepts holds (or an early exit on one did not fire)? */
export function isGuardedBy(node: TSESTree.Node, isCheck: (test: TSESTree.Node) => boolean): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunctionNode(parent)) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child !== parent.test && isCheck(parent.test)) return true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.operator === '&&' && child === parent.right && isCheck(parent.left)) return true;
        break;
      case AST_NODE_TYPES.SwitchCase: {
        const switchStatement = parent.parent;
        if (switchStatement.type === AST_NODE_TYPES.SwitchStatement && isCheck(switchStatement.discriminant)) return true;
        if (hasEarlyExitCheckBefore(parent.consequent, child, isCheck)) return true;
        break;
      }
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
        if (hasEarlyExitCheckBefore(parent.body, child, isCheck)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

function hasEarlyExitCheckBefore(statements: readonly TSESTree.Node[], current: TSESTree.Node, isCheck: (test: TSESTree.Node) => boolean): boolean {
  for (const statement of statements) {
    if (statement === current) return false;
    if (statement.type === AST_NODE_TYPES.IfStatement && alwaysExits(statement.consequent) && isCheck(statement.test)) return true;
  }
  return false;
}

/** A branch that leaves the handler: `return`, `throw`, or a block ending in one. */
function alwaysExits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body.at(-1);
    return !!last && alwaysExits(last);
  }
  return false;
}
