/**
 * Reading CORS values out of expressions: origin settings, header lists, credentials, max-age.
 * Shared by the middleware extractors (option values) and the response-header extractor (header values).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ListPiece, ListValue, OriginEntry, OriginSetting, Setting } from 'cors-lint-core';
import { schemesMatchingEveryOrigin } from './pattern-matches-every-origin.js';
import { resolveNode, skipTypeWrappers, staticPrimitive } from './resolve.js';
import { ORIGIN_HEADER_SOURCE } from './request-sources.js';

type Scope = TSESLint.Scope.Scope;
type Node = TSESTree.Node;

/** A regular expression written as a literal or as `new RegExp('…')` with constant arguments. */
export function staticRegExp(
  node: Node,
  scope: Scope,
): { source: string; flags: string } | undefined {
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.Literal && 'regex' in expression && expression.regex) {
    return { source: expression.regex.pattern, flags: expression.regex.flags };
  }
  if (
    (expression.type === AST_NODE_TYPES.NewExpression ||
      expression.type === AST_NODE_TYPES.CallExpression) &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === 'RegExp'
  ) {
    const [patternArgument, flagsArgument] = expression.arguments;
    if (!patternArgument || patternArgument.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const source = staticPrimitive(patternArgument, scope);
    const flags =
      flagsArgument && flagsArgument.type !== AST_NODE_TYPES.SpreadElement
        ? staticPrimitive(flagsArgument, scope)
        : '';
    if (typeof source === 'string' && typeof flags === 'string') return { source, flags };
  }
  return undefined;
}

/** The elements of an array expression, spreads of constant arrays flattened. */
export function arrayElements(
  array: TSESTree.ArrayExpression,
  scope: Scope,
  depth = 0,
): { elements: Node[]; complete: boolean } {
  const elements: Node[] = [];
  let complete = true;
  for (const element of array.elements) {
    if (!element) continue;
    if (element.type === AST_NODE_TYPES.SpreadElement) {
      const spread = resolveNode(element.argument, scope);
      if (spread.type === AST_NODE_TYPES.ArrayExpression && depth < 8) {
        const inner = arrayElements(spread, scope, depth + 1);
        elements.push(...inner.elements);
        complete &&= inner.complete;
      } else {
        complete = false;
      }
      continue;
    }
    elements.push(resolveNode(element, scope));
  }
  return { elements, complete };
}

/** One allow-list entry: an exact origin string, a pattern, or unknown. */
export function readOriginEntry(node: Node, scope: Scope): OriginEntry<Node> {
  const value = staticPrimitive(node, scope);
  if (typeof value === 'string') return { kind: 'exact', value, at: node };
  const pattern = staticRegExp(node, scope);
  if (pattern) {
    // `/^https?:/` in an allow-list checks nothing: the reflection checks read it as `origin: true`.
    const everyOrigin = schemesMatchingEveryOrigin(pattern.source, pattern.flags);
    return {
      kind: 'pattern',
      source: pattern.source,
      flags: pattern.flags,
      at: node,
      ...(everyOrigin.length > 0 ? { matchesEveryOriginOf: everyOrigin } : {}),
    };
  }
  return { kind: 'unknown', at: node };
}

/**
 * A header list written as a comma-separated string or as an array of strings.
 * `at` is the setting's own node (property or header write) for reporting the whole.
 */
export function readList(valueNode: Node, at: Node, scope: Scope): Setting<ListValue<Node>, Node> {
  const value = resolveNode(valueNode, scope);
  const text = staticPrimitive(value, scope);
  if (typeof text === 'string')
    return { kind: 'known', value: { pieces: [{ text, at: value }], complete: true }, at };
  if (value.type === AST_NODE_TYPES.ArrayExpression) {
    const { elements, complete } = arrayElements(value, scope);
    const pieces: ListPiece<Node>[] = [];
    let allKnown = complete;
    for (const element of elements) {
      const item = staticPrimitive(element, scope);
      if (typeof item === 'string') pieces.push({ text: item, at: element });
      else allKnown = false;
    }
    return { kind: 'known', value: { pieces, complete: allKnown }, at };
  }
  if (value.type === AST_NODE_TYPES.TemplateLiteral)
    return { kind: 'known', value: { pieces: templatePieces(value), complete: false }, at };
  return { kind: 'unknown', at };
}

/**
 * The names a template list spells out around what it interpolates: `content-type, ${EXTRA}` lists
 * Content-Type and something unknown. A name touching an interpolation (`x-${name}`) is not one. The
 * piece is the whole template, which no fix edits (its interpolations would be lost).
 */
function templatePieces(template: TSESTree.TemplateLiteral): ListPiece<Node>[] {
  const names: string[] = [];
  const last = template.quasis.length - 1;
  for (const [index, quasi] of template.quasis.entries()) {
    const segments = (quasi.value.cooked ?? '').split(',');
    const from = index > 0 ? 1 : 0;
    const to = index < last ? segments.length - 1 : segments.length;
    for (const segment of segments.slice(from, to))
      if (segment.trim() !== '') names.push(segment.trim());
  }
  return names.length > 0 ? [{ text: names.join(', '), at: template }] : [];
}

/** A scalar setting (credentials, max-age) from an expression. */
export function readScalar<T extends string | number | boolean>(
  valueNode: Node,
  at: Node,
  scope: Scope,
  accept: (value: unknown) => value is T,
): Setting<T, Node> {
  const value = staticPrimitive(valueNode, scope);
  return accept(value) ? { kind: 'known', value, at } : { kind: 'unknown', at };
}

export const isBooleanOrString = (value: unknown): value is boolean | string =>
  typeof value === 'boolean' || typeof value === 'string';
export const isNumberOrString = (value: unknown): value is number | string =>
  typeof value === 'number' || typeof value === 'string';

/**
 * An origin the request supplies, unchecked: its Origin header echoed back, or other data the
 * requesting page chooses (`?origin=` in the query, the body), which any page sets to its own origin.
 */
export function requestSuppliedOrigin(source: string, at: Node): OriginSetting<Node> {
  return source === ORIGIN_HEADER_SOURCE
    ? { kind: 'reflect-any', via: 'request-header', at }
    : { kind: 'reflect-any', via: 'request-data', source, at };
}
