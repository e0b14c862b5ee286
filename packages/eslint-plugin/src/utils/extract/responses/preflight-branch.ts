/**
 * Is a header write only ever on a preflight's answer? Inside `if (req.method === 'OPTIONS') { … }`
 * (any receiver, `==` or `===`, either side) the response answers an OPTIONS request only. HTTP
 * caches never store those (browsers keep preflight results in their own cache, keyed by origin),
 * so what makes a cached answer wrong for another origin does not apply there.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isFunctionNode } from '../values/resolve.js';

export function isOnPreflightAnswerOnly(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (
    let parent = node.parent;
    parent && !isFunctionNode(parent);
    child = parent, parent = parent.parent
  ) {
    if (
      (parent.type === AST_NODE_TYPES.IfStatement ||
        parent.type === AST_NODE_TYPES.ConditionalExpression) &&
      child === parent.consequent &&
      testsOptionsMethod(parent.test)
    )
      return true;
  }
  return false;
}

function testsOptionsMethod(test: TSESTree.Node): boolean {
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&')
    return testsOptionsMethod(test.left) || testsOptionsMethod(test.right);
  if (
    test.type !== AST_NODE_TYPES.BinaryExpression ||
    (test.operator !== '===' && test.operator !== '==')
  )
    return false;
  const sides = [test.left, test.right];
  const options = sides.some(
    (side) => side.type === AST_NODE_TYPES.Literal && side.value === 'OPTIONS',
  );
  const method = sides.some(
    (side) =>
      side.type === AST_NODE_TYPES.MemberExpression &&
      !side.computed &&
      side.property.type === AST_NODE_TYPES.Identifier &&
      side.property.name === 'method',
  );
  return options && method;
}
