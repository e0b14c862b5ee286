/**
 * RegExps built at run time from a value the linter cannot read, used to decide an origin. Only the
 * plain form is recognised: the value itself is the whole pattern (`new RegExp(pattern)`,
 * `new RegExp(entry.trim())`), nothing added around it. A list of such patterns made with
 * `list.map((entry) => new RegExp(entry))` turns every configured string into a pattern as it is:
 * the origins written there (`https://app.example.com`) keep their dots, which match any character,
 * and nothing anchors them. A pattern assembled with text around the value (`^…$`, an escaping
 * helper) is somebody's deliberate pattern, and unknown.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  calledMethodName,
  isFunctionNode,
  resolveNode,
  skipTypeWrappers,
} from '../../utils/extract/values/resolve.js';
import type { ScopeOf } from '../../utils/extract/values/scope.js';

type Node = TSESTree.Node;
export type RegExpConstruction = TSESTree.NewExpression | TSESTree.CallExpression;

/** Methods that hand back the configured text as it is, for a pattern's purposes. */
const TEXT_PRESERVING = new Set(['trim', 'trimStart', 'trimEnd', 'toString', 'valueOf']);

/** `new RegExp(x)` or `RegExp(x)`. */
export function isRegExpConstruction(node: Node): node is RegExpConstruction {
  return (
    (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression) &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'RegExp'
  );
}

/** Whether the pattern of a construction is a run-time value as it is: an identifier or member read, maybe trimmed. */
export function isPlainDynamicPattern(construction: RegExpConstruction): boolean {
  const [pattern] = construction.arguments;
  if (!pattern || pattern.type === AST_NODE_TYPES.SpreadElement) return false;
  let expression: Node = skipTypeWrappers(pattern);
  while (
    expression.type === AST_NODE_TYPES.CallExpression &&
    TEXT_PRESERVING.has(calledMethodName(expression) ?? '') &&
    expression.arguments.length === 0
  ) {
    expression = skipTypeWrappers(
      (skipTypeWrappers(expression.callee) as TSESTree.MemberExpression).object,
    );
  }
  if (expression.type === AST_NODE_TYPES.ChainExpression) expression = expression.expression;
  return (
    expression.type === AST_NODE_TYPES.Identifier ||
    expression.type === AST_NODE_TYPES.MemberExpression
  );
}

/**
 * The construction in `list.map((entry) => new RegExp(entry))` (inline, or through a constant holding
 * the mapped list), when its pattern is the mapped value as it is; undefined otherwise.
 */
export function mappedRegExpConstruction(
  node: Node,
  scopeOf: ScopeOf,
): RegExpConstruction | undefined {
  const list = resolveNode(node, scopeOf(node));
  if (list.type !== AST_NODE_TYPES.CallExpression || calledMethodName(list) !== 'map')
    return undefined;
  const [callback] = list.arguments;
  if (!callback || callback.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const fn = resolveNode(callback, scopeOf(callback));
  if (!isFunctionNode(fn) || fn.async || fn.generator) return undefined;
  const produced = producedValue(fn);
  const construction = produced && skipTypeWrappers(produced);
  if (!construction || !isRegExpConstruction(construction) || !isPlainDynamicPattern(construction))
    return undefined;
  // The pattern is the element itself (or read off it), not something else in scope.
  const [element] = fn.params;
  const [pattern] = construction.arguments;
  return element?.type === AST_NODE_TYPES.Identifier &&
    pattern &&
    readsIdentifier(pattern, element.name)
    ? construction
    : undefined;
}

/** What a callback returns: its expression body, or the argument of its only statement, a `return`. */
function producedValue(
  fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration,
): Node | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const [only, ...rest] = fn.body.body;
  return rest.length === 0 && only?.type === AST_NODE_TYPES.ReturnStatement
    ? (only.argument ?? undefined)
    : undefined;
}

/** `entry`, `entry.trim()`, `entry.pattern`: an expression whose innermost object is the identifier `name`. */
function readsIdentifier(node: Node, name: string): boolean {
  let expression: Node = skipTypeWrappers(node);
  for (let depth = 0; depth < 8; depth++) {
    if (expression.type === AST_NODE_TYPES.Identifier) return expression.name === name;
    if (expression.type === AST_NODE_TYPES.ChainExpression) expression = expression.expression;
    else if (expression.type === AST_NODE_TYPES.MemberExpression)
      expression = skipTypeWrappers(expression.object);
    else if (expression.type === AST_NODE_TYPES.CallExpression)
      expression = skipTypeWrappers(expression.callee);
    else return false;
  }
  return false;
}
