/**
 * `@middy/http-cors` (v6, read from its source): `.use(cors({ origin, origins, credentials, headers,
 * methods, exposeHeaders, maxAge }))`. Its own semantics, unlike the `cors` package:
 * - no `origin` and no `origins` (the defaults): no Access-Control-Allow-Origin at all;
 * - `origin` alone is sent verbatim, except `'*'` with `credentials`, which echoes the request's Origin;
 * - `origins` (with `origin` added to them) is an allow-list of exact origins and `*` subdomain
 *   patterns; a `'*'` entry answers `*`, or the request's Origin with `credentials`;
 * - `headers`, `methods`, `exposeHeaders`, `maxAge` are sent only when given (nothing is reflected).
 * Option values are strings the middleware writes as they are; fixes may rewrite a string but never
 * add options or write lists (optionsObject stays undefined).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ListValue, OriginEntry, OriginSetting, Setting } from 'cors-lint-core';
import type { MiddlewarePolicy, OptionNames } from './cors-package.js';
import type { ExtractEnv, OptionsObject } from './framework-options.js';
import { callsOf, optionsObjectOf } from './framework-options.js';
import { relocateHandles } from './imported-options.js';
import type { ResolvedProperty } from '../values/resolve.js';
import { objectProperties, staticPrimitive } from '../values/resolve.js';
import type { ScopeOf } from '../values/scope.js';
import {
  arrayElements,
  isBooleanOrString,
  isNumberOrString,
  readList,
  readScalar,
} from '../values/cors-values.js';

type Node = TSESTree.Node;

const MIDDY_OPTION_NAMES: OptionNames = {
  origin: 'origin',
  credentials: 'credentials',
  allowMethods: 'methods',
  allowHeaders: ['headers'],
  exposeHeaders: 'exposeHeaders',
  maxAge: 'maxAge',
};

const HTTP_CORS = { module: '@middy/http-cors', moduleIsFactory: true, namedExports: [] };

export function findMiddyCorsPolicies(env: ExtractEnv): MiddlewarePolicy[] {
  const policies: MiddlewarePolicy[] = [];
  for (const call of callsOf(HTTP_CORS, env)) {
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const [argument] = call.arguments;
    if (argument?.type === AST_NODE_TYPES.SpreadElement) continue;
    const options = argument ? optionsObjectOf(argument, env) : undefined;
    if (argument && !options) continue;
    const policy = readMiddyOptions(call, options);
    policies.push(options?.importedAt ? relocateHandles(policy, options.importedAt) : policy);
  }
  return policies;
}

function readMiddyOptions(
  call: TSESTree.CallExpression,
  options: OptionsObject | undefined,
): MiddlewarePolicy {
  const scopeOf: ScopeOf | undefined = options?.scopeOf;
  const { properties, complete } =
    options && scopeOf
      ? objectProperties(options.object, scopeOf(options.object))
      : { properties: new Map<string, ResolvedProperty>(), complete: true };
  const unknownAt = options?.object ?? call;
  const missing = <T>(fallback: Setting<T, Node>): Setting<T, Node> =>
    complete ? fallback : { kind: 'unknown', at: unknownAt };
  const read = <T extends string | number | boolean>(
    name: string,
    fallback: Setting<T, Node>,
    accept: (v: unknown) => v is T,
  ): Setting<T, Node> => {
    const property = properties.get(name);
    return property && scopeOf
      ? readScalar(property.value, property.property, scopeOf(property.value), accept)
      : missing(fallback);
  };
  const list = (name: string): Setting<ListValue<Node>, Node> => {
    const property = properties.get(name);
    return property && scopeOf
      ? readList(property.value, property.property, scopeOf(property.value))
      : missing<ListValue<Node>>({ kind: 'absent' });
  };
  const credentials = read('credentials', { kind: 'default', value: false }, isBooleanOrString);
  return {
    source: { kind: 'middleware', library: '@middy/http-cors' },
    at: call,
    call,
    optionsObject: undefined,
    optionNames: MIDDY_OPTION_NAMES,
    origin: complete
      ? middyOrigin(call, properties, credentials, scopeOf)
      : { kind: 'unknown', at: unknownAt },
    // Any truthy value sends `Access-Control-Allow-Credentials: <value>`.
    credentials:
      credentials.kind === 'known'
        ? { ...credentials, value: Boolean(credentials.value) }
        : credentials,
    allowMethods: list('methods'),
    allowHeaders: list('headers'),
    exposeHeaders: list('exposeHeaders'),
    maxAge: read('maxAge', { kind: 'absent' }, isNumberOrString),
    paths: [],
  };
}

function middyOrigin(
  call: Node,
  properties: ReadonlyMap<string, ResolvedProperty>,
  credentials: Setting<boolean | string, Node>,
  scopeOf: ScopeOf | undefined,
): OriginSetting<Node> {
  const originProperty = properties.get('origin');
  const originsProperty = properties.get('origins');
  if (!scopeOf || (!originProperty && !originsProperty)) return { kind: 'disabled', at: call };
  const credentialed =
    credentials.kind === 'known'
      ? Boolean(credentials.value)
      : credentials.kind === 'unknown'
        ? undefined
        : false;
  const origin = originProperty
    ? staticPrimitive(originProperty.value, scopeOf(originProperty.value))
    : undefined;
  if (
    originProperty &&
    typeof origin !== 'string' &&
    origin !== undefined &&
    origin !== null &&
    origin !== false
  )
    return { kind: 'unknown', at: originProperty.value };
  // The value node, not the property: a fix may rewrite the string, but must not replace it with a list.
  const originAt = originProperty?.value ?? call;
  const list = originsProperty
    ? resolvedArray(originsProperty, scopeOf)
    : { elements: [], complete: true };
  if (!list) return { kind: 'unknown', at: originsProperty!.value };
  if (list.elements.length === 0) {
    if (!list.complete) return { kind: 'unknown', at: originsProperty!.value };
    if (typeof origin !== 'string' || origin === '') return { kind: 'disabled', at: call };
    if (origin !== '*') return { kind: 'fixed', value: origin, at: originAt };
    if (credentialed === undefined) return { kind: 'unknown', at: originAt };
    return credentialed
      ? { kind: 'reflect-any', via: 'request-header', at: originAt }
      : { kind: 'wildcard', implicit: false, at: originAt };
  }
  const entries: OriginEntry<Node>[] = [];
  if (typeof origin === 'string' && origin !== '') entries.push(middyEntry(origin, originAt));
  for (const element of list.elements) {
    const text = staticPrimitive(element, scopeOf(element));
    entries.push(
      typeof text === 'string' ? middyEntry(text, element) : { kind: 'unknown', at: element },
    );
  }
  const star = entries.find((entry) => entry.kind === 'exact' && entry.value === '*');
  if (star) {
    if (credentialed === undefined) return { kind: 'unknown', at: star.at };
    return credentialed
      ? { kind: 'reflect-any', via: 'request-header', at: star.at }
      : { kind: 'wildcard', implicit: false, at: star.at };
  }
  return { kind: 'allow-list', entries, complete: list.complete, at: originsProperty!.value };
}

function resolvedArray(
  property: ResolvedProperty,
  scopeOf: ScopeOf,
): { elements: Node[]; complete: boolean } | undefined {
  return property.value.type === AST_NODE_TYPES.ArrayExpression
    ? arrayElements(property.value, scopeOf(property.value))
    : undefined;
}

/** `https://*.example.com` is middy's subdomain pattern: dots literal, `*` one label (`[^.]*`), anchored. */
function middyEntry(text: string, at: Node): OriginEntry<Node> {
  if (text === '*' || !text.includes('*')) return { kind: 'exact', value: text, at };
  const source = `^${text.replace(/[.+?^${}()|[\]\\/]/g, '\\$&').replace(/\*/g, '[^.]*')}$`;
  return { kind: 'pattern', source, flags: '', at };
}
