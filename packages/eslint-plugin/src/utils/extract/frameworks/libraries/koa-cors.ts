/**
 * `@koa/cors`: `app.use(cors(options))` (cors-reference.md §3.3). `origin` is one string or a
 * function of `ctx`; with `credentials` the `'*'` origin is replaced by the request's Origin (all
 * versions), and before v5 a missing `origin` reflected the request's Origin. An array is not
 * understood (v4 and v5 alike): Koa's `ctx.set` writes it as one header line per entry.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { CorsPolicy, OriginSetting } from 'cors-lint-core';
import { classifyOriginFunction, uncheckedAnswerValues } from '../../values/origin-function.js';
import type { OriginReads } from '../../values/request-origin.js';
import type { ResolvedProperty } from '../../values/resolve.js';
import { isFunctionNode, staticPrimitive } from '../../values/resolve.js';
import type { ScopeOf } from '../../values/scope.js';
import { flowOf } from '../../values/value-flow.js';
import { arrayElements } from '../../values/cors-values.js';
import type { CorsLibrary } from './library.js';

type Node = TSESTree.Node;

/** Values `options.origin || '*'` turns into '*'. */
const isKoaWildcard = (value: unknown) =>
  value === '*' || value === '' || value === false || value === null || value === 0;

export const KOA_CORS: CorsLibrary = {
  name: '@koa/cors',
  module: '@koa/cors',
  moduleIsFactory: true,
  namedExports: [],
  applied: 'call',
  optionNames: {
    origin: 'origin',
    credentials: 'credentials',
    allowMethods: 'allowMethods',
    allowHeaders: ['allowHeaders'],
    exposeHeaders: 'exposeHeaders',
    maxAge: 'maxAge',
  },
  originTakesList: false,
  listsMustBeArrays: false,
  // `!!options.credentials`
  truthyCredentials: true,
  versioned: true,
  // An OPTIONS with Access-Control-Request-Method gets 204 without `next()`; a `router.use(cors())`
  // of @koa/router runs only for requests a route of the router matches, which a preflight is not.
  answersPreflight: 'app-only',
  defaults: (major) => ({
    origin: major === undefined ? 'unknown' : major >= 5 ? 'wildcard' : 'reflect',
    allowMethods: 'GET,HEAD,PUT,POST,DELETE,PATCH',
  }),
  readOrigin(property, { reads, scopeOf }): OriginSetting<Node> {
    const at = property.property;
    const value = property.value;
    const primitive = staticPrimitive(value, scopeOf(value));
    // `options.origin || '*'`: any falsy value means '*'.
    if (isKoaWildcard(primitive)) return { kind: 'wildcard', implicit: false, at };
    if (typeof primitive === 'string') return { kind: 'fixed', value: primitive, at };
    if (isFunctionNode(value)) {
      const verdict = classifyOriginFunction(value, reads, scopeOf, {
        originParameter: false,
        callback: false,
      });
      // A path that approves without a check is reported at its answer.
      if (verdict.kind === 'approves-all')
        return { kind: 'reflect-any', via: 'function', at: verdict.at ?? at };
      if (verdict.kind === 'wildcard')
        return { kind: 'wildcard', implicit: false, at: verdict.at ?? at };
      if (verdict.kind === 'checked') return { kind: 'checked', at };
    }
    // An array is not a list to pick from: `ctx.set` sends it as it is, one header line per entry.
    if (value.type === AST_NODE_TYPES.ArrayExpression) {
      const { elements, complete } = arrayElements(value, scopeOf(value));
      const texts = elements.map((element) => staticPrimitive(element, scopeOf(element)));
      if (
        complete &&
        texts.length > 0 &&
        texts.every((text): text is string => typeof text === 'string')
      )
        return { kind: 'fixed', value: texts.join(', '), at, lines: texts.length };
    }
    // RegExps are not supported by the library either; we do not model what they produce.
    return { kind: 'unknown', at };
  },
  refine(policy, options, { originGiven, reads, scopeOf }) {
    // `if (credentials && origin === '*') origin = requestOrigin`, whatever the version. A default or
    // fallback that may give '*' and credentials (`{ ...defaults, ...config }`) reflects every origin
    // with credentials whichever deployment leaves both to it, as `origin: env.X || true` does.
    const credentials = credentialsMayBeOn(policy, options.get('credentials'), reads, scopeOf);
    if (!credentials) return {};
    const wildcard =
      policy.origin.kind === 'wildcard' || (!originGiven && policy.origin.kind === 'unknown')
        ? policy.origin.at
        : possibleWildcard(options.get('origin'), reads, scopeOf);
    if (!wildcard) return {};
    return {
      origin: { kind: 'reflect-any', via: 'request-header', at: wildcard },
      ...(credentials === true
        ? {}
        : { credentials: { kind: 'known', value: true, at: credentials } }),
    };
  },
};

/** True when the policy sends credentials; else the truthy literal `credentials` may take (`!!options.credentials`), if any. */
function credentialsMayBeOn(
  policy: CorsPolicy<Node>,
  property: ResolvedProperty | undefined,
  reads: OriginReads,
  scopeOf: ScopeOf,
): true | Node | undefined {
  if (policy.credentials.kind === 'known' && policy.credentials.value === true) return true;
  if (!property || policy.credentials.kind !== 'unknown') return undefined;
  return flowOf(reads, scopeOf)
    .possibleValues(property.value)
    .find((value) => value.kind === 'literal' && !!value.value)?.at;
}

/**
 * Where a '*' the origin may be comes from: a value that may be one (`env.ORIGIN || '*'`, a default),
 * or an origin function that may answer one on a path no origin check guards (a falsy answer skips
 * CORS instead).
 */
function possibleWildcard(
  property: ResolvedProperty | undefined,
  reads: OriginReads,
  scopeOf: ScopeOf,
): Node | undefined {
  if (!property) return undefined;
  if (isFunctionNode(property.value)) {
    return uncheckedAnswerValues(property.value, reads, scopeOf, {
      originParameter: false,
      callback: false,
    }).find((value) => value.kind === 'literal' && value.value === '*')?.at;
  }
  return flowOf(reads, scopeOf)
    .possibleValues(property.value)
    .find((value) => value.kind === 'literal' && isKoaWildcard(value.value))?.at;
}
