/**
 * Origin checks that every origin passes, so they decide nothing: a test with a pattern that
 * matches every origin (`/^https?:/.test(origin)`, `origin.match(/.+/)`), a string test every
 * origin passes (`origin.startsWith('https://')`), and `||` with one of them. Code behind such a
 * check reflects every origin; the extractors read it as no check at all.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticRegExp } from './cors-values.js';
import {
  calledMethodName,
  isFunctionNode,
  resolveNode,
  skipTypeWrappers,
  staticString,
} from './resolve.js';
import type { ScopeOf } from './scope.js';
import type { OriginScheme } from 'cors-lint-core';
import { schemesMatchingEveryOrigin } from './pattern-matches-every-origin.js';
import { alwaysExits } from './exits.js';

type Node = TSESTree.Node;

/** How the caller recognises the request's origin (`OriginReads#isOrigin`) and finds scopes. */
export interface OriginTestContext {
  readonly isOrigin: (node: Node) => boolean;
  readonly scopeOf: ScopeOf;
}

export type SubstringTest = 'includes' | 'startsWith' | 'endsWith';

/** The schemes every origin of which passes `origin.<method>(text)`; empty when some origin fails it. */
export function schemesPassingSubstringTest(
  method: SubstringTest,
  text: string,
): readonly OriginScheme[] {
  const escaped = text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return schemesMatchingEveryOrigin(
    method === 'startsWith' ? `^${escaped}` : method === 'endsWith' ? `${escaped}$` : escaped,
    '',
  );
}

/**
 * True when the expression is truthy for every request that sends an origin (of a scheme): a test every
 * origin passes, the origin itself, `!` of an expression no origin passes, `a || b` with one such side.
 */
export function passesEveryOrigin(node: Node, context: OriginTestContext, depth = 0): boolean {
  const expression = skipTypeWrappers(node);
  if (depth > 8) return false;
  switch (expression.type) {
    case AST_NODE_TYPES.CallExpression:
      return isTestEveryOriginPasses(expression, context) || context.isOrigin(expression);
    case AST_NODE_TYPES.BinaryExpression:
      return isTestEveryOriginPasses(expression, context);
    case AST_NODE_TYPES.ChainExpression:
      return passesEveryOrigin(expression.expression, context, depth + 1);
    case AST_NODE_TYPES.UnaryExpression:
      return expression.operator === '!' && passesNoOrigin(expression.argument, context, depth + 1);
    case AST_NODE_TYPES.LogicalExpression:
      if (expression.operator === '||')
        return (
          passesEveryOrigin(expression.left, context, depth + 1) ||
          passesEveryOrigin(expression.right, context, depth + 1)
        );
      if (expression.operator === '&&')
        return (
          passesEveryOrigin(expression.left, context, depth + 1) &&
          passesEveryOrigin(expression.right, context, depth + 1)
        );
      return false;
    default:
      // The origin itself: a request that sends one sends a non-empty string (`if (!origin)` is a presence test).
      return context.isOrigin(expression);
  }
}

/** True when the expression is false for every origin: `!` of a test every origin passes, `a && b` with one such side. */
export function passesNoOrigin(node: Node, context: OriginTestContext, depth = 0): boolean {
  const expression = skipTypeWrappers(node);
  if (depth > 8) return false;
  if (expression.type === AST_NODE_TYPES.ChainExpression)
    return passesNoOrigin(expression.expression, context, depth + 1);
  if (expression.type === AST_NODE_TYPES.BinaryExpression) {
    const test = indexOfTest(expression);
    return !!test && test.negated && substringTestPasses(test.call, test.method, context);
  }
  if (expression.type === AST_NODE_TYPES.UnaryExpression)
    return (
      expression.operator === '!' && passesEveryOrigin(expression.argument, context, depth + 1)
    );
  if (expression.type !== AST_NODE_TYPES.LogicalExpression) return false;
  if (expression.operator === '&&')
    return (
      passesNoOrigin(expression.left, context, depth + 1) ||
      passesNoOrigin(expression.right, context, depth + 1)
    );
  if (expression.operator === '||')
    return (
      passesNoOrigin(expression.left, context, depth + 1) &&
      passesNoOrigin(expression.right, context, depth + 1)
    );
  return false;
}

/**
 * True when `node` (a value an origin function hands back, `cb(null, false)`) runs only where a check
 * every origin passes has failed: in its `else`, or after an `if (check) return …` before it.
 */
export function runsOnlyWhenEveryOriginFails(node: Node, context: OriginTestContext): boolean {
  let child: Node = node;
  for (
    let parent = node.parent;
    parent && !isFunctionNode(parent);
    child = parent, parent = parent.parent
  ) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child === parent.alternate && passesEveryOrigin(parent.test, context)) return true;
        if (child === parent.consequent && passesNoOrigin(parent.test, context)) return true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (
          child === parent.right &&
          (parent.operator === '||'
            ? passesEveryOrigin(parent.left, context)
            : parent.operator === '&&' && passesNoOrigin(parent.left, context))
        )
          return true;
        break;
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
        if (exitsEarlierForEveryOrigin(parent.body, child, context)) return true;
        break;
      case AST_NODE_TYPES.SwitchCase:
        if (exitsEarlierForEveryOrigin(parent.consequent, child, context)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

/** A test of the origin every origin passes: `re.test(origin)`, `re.exec(origin)`, `origin.match(re)`, `origin.startsWith(text)`, `origin.indexOf(text) !== -1`. */
function isTestEveryOriginPasses(
  expression: TSESTree.CallExpression | TSESTree.BinaryExpression,
  context: OriginTestContext,
): boolean {
  if (expression.type === AST_NODE_TYPES.BinaryExpression) {
    const test = indexOfTest(expression);
    return !!test && !test.negated && substringTestPasses(test.call, test.method, context);
  }
  const method = calledMethodName(expression);
  const callee = skipTypeWrappers(expression.callee);
  const [argument] = expression.arguments;
  if (
    !method ||
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    !argument ||
    argument.type === AST_NODE_TYPES.SpreadElement
  )
    return false;
  if ((method === 'test' || method === 'exec') && context.isOrigin(argument))
    return patternPasses(callee.object, context);
  if (method === 'match' && context.isOrigin(callee.object))
    return patternPasses(argument, context);
  if (method === 'includes' || method === 'startsWith' || method === 'endsWith')
    return substringTestPasses(expression, method, context);
  return false;
}

function patternPasses(node: Node, context: OriginTestContext): boolean {
  const target = resolveNode(node, context.scopeOf(node));
  const regex = staticRegExp(target, context.scopeOf(target));
  return !!regex && schemesMatchingEveryOrigin(regex.source, regex.flags).length > 0;
}

function substringTestPasses(
  call: TSESTree.CallExpression,
  method: SubstringTest,
  context: OriginTestContext,
): boolean {
  const callee = skipTypeWrappers(call.callee);
  const [argument] = call.arguments;
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    !context.isOrigin(callee.object) ||
    !argument ||
    argument.type === AST_NODE_TYPES.SpreadElement
  )
    return false;
  const text = staticString(argument, context.scopeOf(argument));
  return text !== undefined && schemesPassingSubstringTest(method, text).length > 0;
}

/**
 * `origin.indexOf(text) !== -1` (or `> -1`, `>= 0`) asks "contains", `=== -1` (or `< 0`) "does not
 * contain"; `=== 0` asks "starts with", `!== 0` "does not start with".
 */
function indexOfTest(
  comparison: TSESTree.BinaryExpression,
): { call: TSESTree.CallExpression; method: SubstringTest; negated: boolean } | undefined {
  const left = skipTypeWrappers(comparison.left);
  const call = left.type === AST_NODE_TYPES.ChainExpression ? left.expression : left;
  const value = numberLiteral(comparison.right);
  if (
    call.type !== AST_NODE_TYPES.CallExpression ||
    calledMethodName(call) !== 'indexOf' ||
    value === undefined
  )
    return undefined;
  const { operator } = comparison;
  if (
    ((operator === '!==' || operator === '!=' || operator === '>') && value === -1) ||
    (operator === '>=' && value === 0)
  )
    return { call, method: 'includes', negated: false };
  if (
    ((operator === '===' || operator === '==') && value === -1) ||
    (operator === '<' && value === 0)
  )
    return { call, method: 'includes', negated: true };
  if ((operator === '===' || operator === '==') && value === 0)
    return { call, method: 'startsWith', negated: false };
  if ((operator === '!==' || operator === '!=') && value === 0)
    return { call, method: 'startsWith', negated: true };
  return undefined;
}

/** `0`, `-1`: a number written as a literal, with its sign. */
function numberLiteral(node: Node): number | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number') return node.value;
  if (
    node.type === AST_NODE_TYPES.UnaryExpression &&
    node.operator === '-' &&
    node.argument.type === AST_NODE_TYPES.Literal &&
    typeof node.argument.value === 'number'
  )
    return -node.argument.value;
  return undefined;
}

/** An `if (check) return …;` before `current` whose check every origin passes. */
function exitsEarlierForEveryOrigin(
  statements: readonly Node[],
  current: Node,
  context: OriginTestContext,
): boolean {
  for (const statement of statements) {
    if (statement === current) return false;
    if (
      statement.type === AST_NODE_TYPES.IfStatement &&
      alwaysExits(statement.consequent) &&
      passesEveryOrigin(statement.test, context)
    )
      return true;
  }
  return false;
}

/** A branch that leaves the function: `return`, `throw`, or a block ending in one. */
