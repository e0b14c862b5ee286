/**
 * oRPC's CORS plugin: `new CORSPlugin(options)` from `@orpc/server/plugins` (v1; v2 renames it
 * `CORSHandlerPlugin` and keeps `CORSPlugin` as an alias), handed to a handler's `plugins`. Read from
 * its source (middleapi/orpc:packages/server/src/plugins/cors.ts, v1.15.0 and the v2 line):
 * - `origin` is a string, a list, or a function `(origin, options) => string | string[] | null`
 *   (possibly async); the result is a list of allowed origins: one containing `'*'` sends `*`,
 *   otherwise the request's Origin is sent when the list contains it, with `Vary: origin`;
 * - without `origin` it reflects every origin (`origin => origin`) from v0.39 through v1 and the
 *   early v2 betas; v2.0.0-beta.30 changed the default to `'*'`, so a v2 default stays unknown;
 * - `credentials`: any truthy value sends `Access-Control-Allow-Credentials: true`;
 * - `allowMethods` defaults to GET, HEAD, PUT, POST, DELETE, PATCH; without `allowHeaders` the
 *   preflight reflects `Access-Control-Request-Headers`; `exposeHeaders`, `maxAge` only when given;
 * - it answers every `OPTIONS` request with 204 itself.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { OriginEntry, OriginSetting } from 'cors-lint-core';
import { classifyOriginFunction } from '../../values/origin-function.js';
import { isFunctionNode, staticPrimitive } from '../../values/resolve.js';
import { arrayElements } from '../../values/cors-values.js';
import type { CorsLibrary } from './library.js';

type Node = TSESTree.Node;

export const ORPC_CORS: CorsLibrary = {
  name: '@orpc/server',
  module: '@orpc/server/plugins',
  moduleIsFactory: false,
  namedExports: ['CORSPlugin', 'CORSHandlerPlugin'],
  applied: 'construct',
  optionNames: {
    origin: 'origin',
    credentials: 'credentials',
    allowMethods: 'allowMethods',
    allowHeaders: ['allowHeaders'],
    exposeHeaders: 'exposeHeaders',
    maxAge: 'maxAge',
  },
  originTakesList: true,
  // Typed as arrays; a string is sent as it is (`flattenHeader`), so either reads the same.
  listsMustBeArrays: false,
  // `if (this.options.credentials)`
  truthyCredentials: true,
  versioned: true,
  // The plugin answers every OPTIONS request its handler gets with 204.
  answersPreflight: 'where-mounted',
  defaults: (major) => ({
    origin: major === 0 || major === 1 ? 'reflect' : 'unknown',
    allowMethods: 'GET,HEAD,PUT,POST,DELETE,PATCH',
  }),
  readOrigin(property, { reads, scopeOf }): OriginSetting<Node> {
    const at = property.property;
    const value = property.value;
    const primitive = staticPrimitive(value, scopeOf(value));
    if (primitive === '*') return { kind: 'wildcard', implicit: false, at };
    // `null` allows no origin: no Access-Control-Allow-Origin at all.
    if (primitive === null) return { kind: 'disabled', at };
    if (typeof primitive === 'string')
      return {
        kind: 'allow-list',
        entries: [{ kind: 'exact', value: primitive, at: value }],
        complete: true,
        at,
      };
    if (value.type === AST_NODE_TYPES.ArrayExpression) {
      const { elements, complete } = arrayElements(value, scopeOf(value));
      const texts = elements.map((element) => staticPrimitive(element, scopeOf(element)));
      // A list holding '*' answers `*` to everyone, not only to a page sending `Origin: *`.
      const star = elements.find((_, index) => texts[index] === '*');
      if (star) return { kind: 'wildcard', implicit: false, at: star };
      const entries = elements.map((element, index): OriginEntry<Node> => {
        const text = texts[index];
        return typeof text === 'string'
          ? { kind: 'exact', value: text, at: element }
          : { kind: 'unknown', at: element };
      });
      return { kind: 'allow-list', entries, complete, at };
    }
    if (isFunctionNode(value)) {
      // Called as `(origin, options)` and returns the allowed origins: no callback.
      const verdict = classifyOriginFunction(value, reads, scopeOf, {
        originParameter: true,
        callback: false,
      });
      if (verdict.kind === 'approves-all')
        return { kind: 'reflect-any', via: 'function', at: verdict.at ?? at };
      if (verdict.kind === 'wildcard')
        return { kind: 'wildcard', implicit: false, at: verdict.at ?? at };
      if (verdict.kind === 'checked') return { kind: 'checked', at };
    }
    return { kind: 'unknown', at };
  },
};
