/**
 * `@koa/cors`: `app.use(cors(options))` (cors-reference.md §3.3). `origin` is one string or a
 * function of `ctx`; with `credentials` the `'*'` origin is replaced by the request's Origin (all
 * versions), and before v5 a missing `origin` reflected the request's Origin.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { OriginSetting } from 'cors-lint-core';
import { classifyOriginFunction } from '../../values/origin-function.js';
import { isFunctionNode, staticPrimitive } from '../../values/resolve.js';
import type { CorsLibrary } from './library.js';

type Node = TSESTree.Node;

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
  defaults: (major) => ({ origin: major === undefined ? 'unknown' : major >= 5 ? 'wildcard' : 'reflect', allowMethods: 'GET,HEAD,PUT,POST,DELETE,PATCH' }),
  readOrigin(property, { reads, scopeOf }): OriginSetting<Node> {
    const at = property.property;
    const value = property.value;
    const primitive = staticPrimitive(value, scopeOf(value));
    // `options.origin || '*'`: any falsy value means '*'.
    if (primitive === '*' || primitive === '' || primitive === false || primitive === null || primitive === 0) return { kind: 'wildcard', implicit: false, at };
    if (typeof primitive === 'string') return { kind: 'fixed', value: primitive, at };
    if (isFunctionNode(value)) {
      const verdict = classifyOriginFunction(value, reads, scopeOf, { originParameter: false, callback: false });
      // A path that approves without a check is reported at its answer.
    if (verdict.kind === 'approves-all') return { kind: 'reflect-any', via: 'function', at: verdict.at ?? at };
    if (verdict.kind === 'wildcard') return { kind: 'wildcard', implicit: false, at: verdict.at ?? at };
      if (verdict.kind === 'checked') return { kind: 'checked', at };
    }
    // Arrays and RegExps are not supported by the library; we do not model what they produce.
    return { kind: 'unknown', at };
  },
  refine(policy, _options, { originGiven }) {
    // `if (credentials && origin === '*') origin = requestOrigin`, whatever the version.
    const credentials = policy.credentials.kind === 'known' && policy.credentials.value === true;
    const wildcard = policy.origin.kind === 'wildcard' || (!originGiven && policy.origin.kind === 'unknown');
    if (!credentials || !wildcard) return {};
    return { origin: { kind: 'reflect-any', via: 'request-header', at: policy.origin.at } };
  },
};
