/**
 * Next.js `headers()` in `next.config.{js,mjs,ts}`: `async headers() { return [{ source, headers:
 * [{ key, value }] }] }`. Each entry's `Access-Control-*` pairs are a hand-set policy on the paths
 * `source` matches; values are static strings, so nothing here depends on the request
 * (cors-reference.md §3.7). Recognised by that shape (a config split over files keeps it), not by
 * the file name. Entries or values we cannot read are left out, never guessed.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { OriginSetting, Setting } from 'cors-lint-core';
import { ACAC, ACAH, ACAM, ACAO, ACEH, ACMA, canonicalCorsHeaderName } from 'cors-lint-core';
import { walk } from '../values/request-origin.js';
import type { HeaderWrite, ResponseHeadersPolicy } from '../responses/response-headers.js';
import {
  isFunctionNode,
  objectProperties,
  resolveNode,
  staticPrimitive,
} from '../values/resolve.js';
import type { ScopeOf } from '../values/scope.js';
import {
  arrayElements,
  isBooleanOrString,
  isNumberOrString,
  readList,
  readScalar,
} from '../values/cors-values.js';

type Node = TSESTree.Node;
type FunctionNode =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

export function findNextConfigHeaderPolicies(
  sourceCode: Readonly<TSESLint.SourceCode>,
  scopeOf: ScopeOf,
): ResponseHeadersPolicy[] {
  const policies: ResponseHeadersPolicy[] = [];
  // Only a function given as `headers` is read (`headers() {`, `headers: async () =>`, `config.headers = …`,
  // `config['headers'] = …`, `{ headers }` naming `function headers()`, `headers: corsHeaders`): without one in the text, no walk.
  // The header names are read as static strings of this file, so it names one of them too.
  const { text } = sourceCode;
  if (
    !/access-control-/i.test(text) ||
    !/\bheaders['"`\]]*\s*(?:\(|[:=]\s*(?:async\b|function\b|\(|[A-Za-z_$]))/.test(text)
  )
    return policies;
  const read = new Set<FunctionNode>();
  walk(
    sourceCode.ast,
    (node) => {
      const fn = headersFunction(node, scopeOf);
      if (!fn) return true;
      // `{ headers }` and `headers: headers` may name one function twice: read it once.
      if (read.has(fn)) return false;
      read.add(fn);
      for (const returned of returnedValues(fn, sourceCode))
        policies.push(...entryPolicies(returned, scopeOf));
      return false;
    },
    sourceCode.visitorKeys,
  );
  return policies;
}

/**
 * The function given as the config's `headers`: `headers() {…}`, `headers: async () => […]`,
 * `async headers() {…}`, a property naming a function declared elsewhere (`{ headers }`,
 * `headers: corsHeaders`), or one assigned after the object literal (`nextConfig.headers = async () => […]`).
 */
function headersFunction(node: Node, scopeOf: ScopeOf): FunctionNode | undefined {
  let value: Node;
  if (
    node.type === AST_NODE_TYPES.Property &&
    !node.computed &&
    node.key.type === AST_NODE_TYPES.Identifier &&
    node.key.name === 'headers'
  )
    value = node.value;
  else if (
    node.type === AST_NODE_TYPES.AssignmentExpression &&
    node.operator === '=' &&
    isHeadersMember(node.left)
  )
    value = node.right;
  else return undefined;
  const fn = isFunctionNode(value) ? value : resolveNode(value, scopeOf(value));
  return isFunctionNode(fn) ? fn : undefined;
}

function isHeadersMember(node: Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (!node.computed)
    return node.property.type === AST_NODE_TYPES.Identifier && node.property.name === 'headers';
  return node.property.type === AST_NODE_TYPES.Literal && node.property.value === 'headers';
}

/** What the function returns, nested functions excluded. */
function returnedValues(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const values: Node[] = [];
  walk(
    fn.body,
    (node) => {
      if (isFunctionNode(node)) return false;
      if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) values.push(node.argument);
      return true;
    },
    sourceCode.visitorKeys,
  );
  return values;
}

function entryPolicies(returned: Node, scopeOf: ScopeOf): ResponseHeadersPolicy[] {
  let list = resolveNode(returned, scopeOf(returned));
  // `(await baseHeaders())` is no entry list we can read; `[…].map((source) => ({ source, headers }))` is.
  if (list.type === AST_NODE_TYPES.AwaitExpression)
    list = resolveNode(list.argument, scopeOf(list.argument));
  if (list.type === AST_NODE_TYPES.CallExpression) return mappedEntryPolicies(list, scopeOf);
  if (list.type !== AST_NODE_TYPES.ArrayExpression) return [];
  const policies: ResponseHeadersPolicy[] = [];
  for (const entry of arrayElements(list, scopeOf(list)).elements) {
    const policy =
      entry.type === AST_NODE_TYPES.ObjectExpression
        ? entryPolicy(entry, undefined, scopeOf)
        : undefined;
    if (policy) policies.push(policy);
  }
  return policies;
}

/**
 * One `{ source, headers }` entry. `mapped` are the paths of `[…paths].map((source) => entry)`,
 * where `source` is the callback's parameter: the entry then applies to every one of them.
 */
function entryPolicy(
  entry: TSESTree.ObjectExpression,
  mapped: { readonly parameter: Node; readonly paths: string[] } | undefined,
  scopeOf: ScopeOf,
): ResponseHeadersPolicy | undefined {
  const { properties } = objectProperties(entry, scopeOf(entry));
  const source = properties.get('source');
  const headers = properties.get('headers');
  if (!source || !headers || headers.value.type !== AST_NODE_TYPES.ArrayExpression)
    return undefined;
  const writes = pairWrites(headers.value, entry, scopeOf);
  if (writes.length === 0) return undefined;
  const sourcePath = staticPrimitive(source.value, scopeOf(source.value));
  const paths =
    typeof sourcePath === 'string'
      ? [sourcePath]
      : mapped && isParameterUse(source.value, mapped.parameter)
        ? mapped.paths
        : [];
  return staticHeadersPolicy(writes, paths, scopeOf);
}

/** `['/api/:path*', '/auth/:path*'].map((source) => ({ source, headers: corsHeaders }))`. */
function mappedEntryPolicies(
  call: TSESTree.CallExpression,
  scopeOf: ScopeOf,
): ResponseHeadersPolicy[] {
  const callee = call.callee;
  const [callback] = call.arguments;
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.property.type !== AST_NODE_TYPES.Identifier ||
    callee.property.name !== 'map'
  )
    return [];
  if (
    !callback ||
    !isFunctionNode(callback) ||
    callback.body.type === AST_NODE_TYPES.BlockStatement
  )
    return [];
  const array = resolveNode(callee.object, scopeOf(callee.object));
  const entry = resolveNode(callback.body, scopeOf(callback.body));
  if (
    array.type !== AST_NODE_TYPES.ArrayExpression ||
    entry.type !== AST_NODE_TYPES.ObjectExpression
  )
    return [];
  const paths = arrayElements(array, scopeOf(array)).elements.map((element) =>
    staticPrimitive(element, scopeOf(element)),
  );
  const [parameter] = callback.params;
  const known = paths.every((path): path is string => typeof path === 'string');
  const policy = entryPolicy(entry, parameter && known ? { parameter, paths } : undefined, scopeOf);
  return policy ? [policy] : [];
}

/** Whether `value` is the parameter itself (`source` in `(source) => ({ source, … })`). */
function isParameterUse(value: Node, parameter: Node): boolean {
  return (
    value.type === AST_NODE_TYPES.Identifier &&
    parameter.type === AST_NODE_TYPES.Identifier &&
    value.name === parameter.name
  );
}

/** The `{ key: 'Access-Control-…', value }` pairs of one entry; `at` is the pair object. */
function pairWrites(pairs: TSESTree.ArrayExpression, group: Node, scopeOf: ScopeOf): HeaderWrite[] {
  const writes: HeaderWrite[] = [];
  for (const pair of arrayElements(pairs, scopeOf(pairs)).elements) {
    if (pair.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const { properties } = objectProperties(pair, scopeOf(pair));
    const key = properties.get('key');
    const value = properties.get('value');
    const name = key && staticPrimitive(key.value, scopeOf(key.value));
    const canonical = typeof name === 'string' ? canonicalCorsHeaderName(name) : undefined;
    if (canonical && value)
      writes.push({ name: canonical, at: pair, value: value.property.value, group });
  }
  return writes;
}

/**
 * The policy of headers whose values are static strings, set on every response of `paths`
 * (Next.js `headers()` entries, NestJS `@Header()` decorators). A name written twice: the last is sent.
 */
export function staticHeadersPolicy(
  writes: readonly HeaderWrite[],
  paths: string[],
  scopeOf: ScopeOf,
): ResponseHeadersPolicy {
  const byName = new Map(writes.map((write) => [write.name, write]));
  const scalar = <T extends string | number | boolean>(
    name: string,
    accept: (v: unknown) => v is T,
  ): Setting<T, Node> => {
    const write = byName.get(name);
    return write
      ? readScalar(write.value, write.at, scopeOf(write.value), accept)
      : { kind: 'absent' };
  };
  const list = (name: string) => {
    const write = byName.get(name);
    return write
      ? readList(write.value, write.at, scopeOf(write.value))
      : ({ kind: 'absent' } as const);
  };
  const credentials = scalar(ACAC, isBooleanOrString);
  return {
    source: { kind: 'response-headers' },
    at: writes[0]!.at,
    writes: [...byName.values()],
    origin: originOf(byName.get(ACAO), writes[0]!.at, scopeOf),
    credentials:
      credentials.kind === 'known'
        ? { ...credentials, value: String(credentials.value) }
        : credentials,
    allowMethods: list(ACAM),
    allowHeaders: list(ACAH),
    exposeHeaders: list(ACEH),
    maxAge: scalar(ACMA, isNumberOrString),
    paths,
  };
}

/** Only static strings can be written here: `*`, or one value sent as it is. */
function originOf(
  write: HeaderWrite | undefined,
  first: Node,
  scopeOf: ScopeOf,
): OriginSetting<Node> {
  if (!write) return { kind: 'unknown', at: first };
  const text = staticPrimitive(write.value, scopeOf(write.value));
  if (text === '*') return { kind: 'wildcard', implicit: false, at: write.at };
  if (typeof text === 'string') return { kind: 'fixed', value: text, at: write.at };
  return { kind: 'unknown', at: write.at };
}
