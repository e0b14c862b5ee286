/**
 * Is a statement only reached after the request's origin was checked? Looks at the enclosing
 * conditions (`if`, `?:`, `&&`, `switch`) and at early exits before it in the same blocks
 * (`if (!allowed.has(origin)) return next();`), up to the enclosing function.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { OriginReads } from './request-origin.js';
import { isFunctionNode, skipTypeWrappers } from './resolve.js';
import type { ScopeOf } from './scope.js';
import { alwaysExits } from './exits.js';

export function isGuardedByOriginCheck(node: TSESTree.Node, reads: OriginReads): boolean {
  return isGuardedBy(node, (test) => reads.containsCheck(test));
}

/** Is `node` only reached when a condition that `isCheck` accepts holds (or an early exit on one did not fire)? */
export function isGuardedBy(
  node: TSESTree.Node,
  isCheck: (test: TSESTree.Node) => boolean,
): boolean {
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
        if (
          switchStatement.type === AST_NODE_TYPES.SwitchStatement &&
          isCheck(switchStatement.discriminant)
        )
          return true;
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

/**
 * The test of the innermost `if`, `?:` or `&&` whose passing branch holds `node`, when `isCheck` accepts
 * it: the condition `node` runs under. Else branches, early exits and `switch` do not count, since
 * there the code runs when a test fails.
 */
export function passedGuard(
  node: TSESTree.Node,
  isCheck: (test: TSESTree.Node) => boolean,
): TSESTree.Node | undefined {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunctionNode(parent)) return undefined;
    if (
      (parent.type === AST_NODE_TYPES.IfStatement ||
        parent.type === AST_NODE_TYPES.ConditionalExpression) &&
      child === parent.consequent &&
      isCheck(parent.test)
    )
      return parent.test;
    if (
      parent.type === AST_NODE_TYPES.LogicalExpression &&
      parent.operator === '&&' &&
      child === parent.right &&
      isCheck(parent.left)
    )
      return parent.left;
  }
  return undefined;
}

function hasEarlyExitCheckBefore(
  statements: readonly TSESTree.Node[],
  current: TSESTree.Node,
  isCheck: (test: TSESTree.Node) => boolean,
): boolean {
  for (const statement of statements) {
    if (statement === current) return false;
    if (
      statement.type === AST_NODE_TYPES.IfStatement &&
      alwaysExits(statement.consequent) &&
      isCheck(statement.test)
    )
      return true;
  }
  return false;
}

/** A branch that leaves the handler: `return`, `throw`, or a block ending in one. */

/**
 * Is `node` only reached when the variable `subject` names holds a truthy value? `if (origin) …`,
 * `origin && …`, `origin ? … : …`, `if (origin != null)`, the `else` of `if (!origin)`, or after
 * `if (!origin) return;`. Narrows away the `null` a flow-insensitive reading of `subject` includes.
 */
export function isReachedOnlyWhenTruthy(
  node: TSESTree.Node,
  subject: TSESTree.Identifier,
  scopeOf: ScopeOf,
): boolean {
  const variable = ASTUtils.findVariable(scopeOf(subject), subject);
  if (!variable) return false;
  const names = (test: TSESTree.Node) =>
    test.type === AST_NODE_TYPES.Identifier &&
    test.name === subject.name &&
    ASTUtils.findVariable(scopeOf(test), test) === variable;
  const truthy = (test: TSESTree.Node): boolean => testsTruthy(test, names, true);
  const falsy = (test: TSESTree.Node): boolean => testsTruthy(test, names, false);
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunctionNode(parent)) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child === parent.consequent && truthy(parent.test)) return true;
        if (child === parent.alternate && falsy(parent.test)) return true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.operator === '&&' && child === parent.right && truthy(parent.left)) return true;
        break;
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
        for (const statement of parent.body) {
          if (statement === child) break;
          if (
            statement.type === AST_NODE_TYPES.IfStatement &&
            !statement.alternate &&
            alwaysExits(statement.consequent) &&
            falsy(statement.test)
          )
            return true;
        }
        break;
      default:
        break;
    }
  }
  return false;
}

/**
 * Does `test` hold only when the subject is truthy (`want`: true), or only when it is falsy or
 * nullish (`want`: false)? `x`, `!x`, `x != null`, `x !== null`, and `&&` / `||` of such tests.
 */
function testsTruthy(
  test: TSESTree.Node,
  isSubject: (node: TSESTree.Node) => boolean,
  want: boolean,
): boolean {
  if (isSubject(test)) return want;
  switch (test.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return test.operator === '!' && testsTruthy(test.argument, isSubject, !want);
    case AST_NODE_TYPES.LogicalExpression:
      // `a && x` holds only when x does; `!x || b` fails only when both fail.
      if (test.operator === '&&')
        return want
          ? testsTruthy(test.left, isSubject, true) || testsTruthy(test.right, isSubject, true)
          : false;
      if (test.operator === '||')
        return want
          ? false
          : testsTruthy(test.left, isSubject, false) || testsTruthy(test.right, isSubject, false);
      return false;
    case AST_NODE_TYPES.BinaryExpression: {
      const [subject, other] = isSubject(test.left)
        ? [test.left, test.right]
        : [test.right, test.left];
      if (!isSubject(subject) || !(other.type === AST_NODE_TYPES.Literal && other.value === null))
        return false;
      // `x != null` / `x !== null` exclude null; `x == null` / `x === null` hold for it.
      if (test.operator === '!=' || test.operator === '!==') return want;
      if (test.operator === '==' || test.operator === '===') return !want;
      return false;
    }
    default:
      return false;
  }
}

/** `value`, `!value`, `value != null`: a test of whether the written variable holds anything. */
export function testsPresenceOf(test: TSESTree.Node, value: TSESTree.Node): boolean {
  const written = skipTypeWrappers(value);
  if (written.type !== AST_NODE_TYPES.Identifier) return false;
  let bare = skipTypeWrappers(test);
  while (bare.type === AST_NODE_TYPES.UnaryExpression && bare.operator === '!')
    bare = skipTypeWrappers(bare.argument);
  if (
    bare.type === AST_NODE_TYPES.BinaryExpression &&
    ['!=', '!==', '==', '==='].includes(bare.operator)
  ) {
    const [named, other] =
      bare.left.type === AST_NODE_TYPES.Identifier
        ? [bare.left, bare.right]
        : [bare.right, bare.left];
    const nothing =
      (other.type === AST_NODE_TYPES.Literal && other.value === null) ||
      (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined');
    return nothing && named.type === AST_NODE_TYPES.Identifier && named.name === written.name;
  }
  return bare.type === AST_NODE_TYPES.Identifier && bare.name === written.name;
}
