/**
 * The `cors` package (Express/Connect): `cors(options)`. Option names and defaults: cors-reference.md §3.1.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { OriginSetting } from 'cors-lint-core';
import { classifyOriginFunction } from '../../values/origin-function.js';
import type { OriginReads } from '../../values/request-origin.js';
import type { ResolvedProperty } from '../../values/resolve.js';
import { isFunctionNode, staticPrimitive } from '../../values/resolve.js';
import type { ScopeOf } from '../../values/scope.js';
import {
  arrayElements,
  readOriginEntry,
  requestSuppliedOrigin,
  staticRegExp,
} from '../../values/cors-values.js';
import type { PossibleValue } from '../../values/value-flow.js';
import { flowOf } from '../../values/value-flow.js';
import type { CorsLibrary } from './library.js';

type Node = TSESTree.Node;

export const CORS_PACKAGE: CorsLibrary = {
  name: 'cors',
  module: 'cors',
  moduleIsFactory: true,
  namedExports: [],
  applied: 'call',
  optionNames: {
    origin: 'origin',
    credentials: 'credentials',
    allowMethods: 'methods',
    // `headers` is the package's older alias of `allowedHeaders`.
    allowHeaders: ['allowedHeaders', 'headers'],
    exposeHeaders: 'exposedHeaders',
    maxAge: 'maxAge',
  },
  originTakesList: true,
  listsMustBeArrays: false,
  // Only `credentials === true` sends the header.
  truthyCredentials: false,
  versioned: false,
  // 204 (`optionsSuccessStatus`) unless `preflightContinue: true` hands the preflight on with the
  // headers already set; require-preflight-handler checks that something answers it then.
  answersPreflight: 'where-mounted',
  defaults: () => ({ origin: 'wildcard', allowMethods: 'GET,HEAD,PUT,PATCH,POST,DELETE' }),
  readOrigin(property, { reads, scopeOf }) {
    // `if (corsOptions.origin)`: an explicit `null`, `''` or `0` skips CORS like `false` (no default then).
    const primitive = staticPrimitive(property.value, scopeOf(property.value));
    if (primitive === null || primitive === '' || primitive === 0)
      return { kind: 'disabled', at: property.property };
    return readOriginOption(property, reads, scopeOf);
  },
};

/**
 * The `origin` option of `cors` and `@fastify/cors`: `'*'`, one string (sent verbatim), `true`
 * (reflect), `false` (off), a RegExp, an array, or a function `(origin, callback)`.
 */
export function readOriginOption(
  property: ResolvedProperty,
  reads: OriginReads,
  scopeOf: ScopeOf,
): OriginSetting<Node> {
  const at = property.property;
  const value = property.value;
  const scope = scopeOf(value);
  const primitive = staticPrimitive(value, scope);
  if (primitive === '*') return { kind: 'wildcard', implicit: false, at };
  if (typeof primitive === 'string') return { kind: 'fixed', value: primitive, at };
  if (primitive === true) return { kind: 'reflect-any', via: 'option-true', at };
  if (primitive === false) return { kind: 'disabled', at };
  if (staticRegExp(value, scope))
    return { kind: 'allow-list', entries: [readOriginEntry(value, scope)], complete: true, at };
  // `new RegExp(variable)`: still a one-pattern allow-list, though the pattern is not known.
  if (
    (value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.CallExpression) &&
    value.callee.type === AST_NODE_TYPES.Identifier &&
    value.callee.name === 'RegExp'
  ) {
    return { kind: 'allow-list', entries: [{ kind: 'unknown', at: value }], complete: true, at };
  }
  if (value.type === AST_NODE_TYPES.ArrayExpression) {
    const { elements, complete } = arrayElements(value, scope);
    return {
      kind: 'allow-list',
      entries: elements.map((element) => readOriginEntry(element, scopeOf(element))),
      complete,
      at,
    };
  }
  if (isFunctionNode(value)) {
    const verdict = classifyOriginFunction(value, reads, scopeOf);
    // A path that approves without a check is reported at its answer.
    if (verdict.kind === 'approves-all')
      return { kind: 'reflect-any', via: 'function', at: verdict.at ?? at };
    if (verdict.kind === 'wildcard')
      return { kind: 'wildcard', implicit: false, at: verdict.at ?? at };
    if (verdict.kind === 'checked') return { kind: 'checked', at };
  }
  return possibleOrigin(value, at, reads, scopeOf);
}

/**
 * `origin: env.CORS_ORIGIN || true`, `isDev ? true : list`: a fallback or branch that reflects every
 * origin is possible, and with credentials it is a hole whichever deployment takes it. A `'*'`
 * fallback stays unknown: it only breaks credentialed requests of a deployment that left the
 * setting out, which the deployment's own configuration decides.
 */
function possibleOrigin(
  value: Node,
  at: Node,
  reads: OriginReads,
  scopeOf: ScopeOf,
): OriginSetting<Node> {
  const possible = flowOf(reads, scopeOf).possibleValues(value);
  if (possible.some((candidate) => candidate.kind === 'literal' && candidate.value === true))
    return { kind: 'reflect-any', via: 'option-true', at };
  return requestSuppliedOption(possible, at) ?? { kind: 'unknown', at };
}

/**
 * `origin: req.query.origin` in options made per request: a string origin is sent as it is (or, for
 * hono, whenever the request's origin equals it), so the page that sends the request chooses it.
 */
export function requestSuppliedOption(
  possible: readonly PossibleValue[],
  at: Node,
): OriginSetting<Node> | undefined {
  const supplied = possible.find((candidate) => candidate.kind === 'request' && !candidate.guarded);
  return supplied?.kind === 'request' ? requestSuppliedOrigin(supplied.source, at) : undefined;
}
