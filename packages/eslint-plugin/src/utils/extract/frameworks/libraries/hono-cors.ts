/**
 * hono's `cors()` from `hono/cors`: `app.use('/api/*', cors(options))` (cors-reference.md §3.4).
 * A string origin other than '*' is sent only to that very origin (an allow-list of one); lists must
 * be arrays; `credentials` with '*' is sent as is.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { OriginEntry, OriginSetting } from 'cors-lint-core';
import { classifyOriginFunction } from '../../values/origin-function.js';
import { isFunctionNode, staticPrimitive } from '../../values/resolve.js';
import { arrayElements } from '../../values/cors-values.js';
import type { CorsLibrary } from './library.js';

type Node = TSESTree.Node;

export const HONO_CORS: CorsLibrary = {
  name: 'hono',
  module: 'hono/cors',
  moduleIsFactory: false,
  namedExports: ['cors'],
  applied: 'call',
  optionNames: {
    origin: 'origin',
    credentials: 'credentials',
    allowMethods: 'allowMethods',
    allowHeaders: ['allowHeaders'],
    exposeHeaders: 'exposeHeaders',
    maxAge: 'maxAge',
  },
  originTakesList: true,
  // `opts.allowHeaders.join(',')`: a string throws or, for methods, sends nothing.
  listsMustBeArrays: true,
  truthyCredentials: true,
  versioned: false,
  // Every OPTIONS request reaching it gets 204 without `next()`.
  answersPreflight: 'where-mounted',
  defaults: () => ({ origin: 'wildcard', allowMethods: 'GET,HEAD,PUT,POST,DELETE,PATCH' }),
  readOrigin(property, { reads, scopeOf }): OriginSetting<Node> {
    const at = property.property;
    const value = property.value;
    const primitive = staticPrimitive(value, scopeOf(value));
    if (primitive === '*') return { kind: 'wildcard', implicit: false, at };
    if (typeof primitive === 'string')
      return {
        kind: 'allow-list',
        entries: [{ kind: 'exact', value: primitive, at: value }],
        complete: true,
        at,
      };
    if (value.type === AST_NODE_TYPES.ArrayExpression) {
      // Compared with `includes`: only strings can match, '*' included literally.
      const { elements, complete } = arrayElements(value, scopeOf(value));
      const entries = elements.map((element): OriginEntry<Node> => {
        const text = staticPrimitive(element, scopeOf(element));
        return typeof text === 'string'
          ? { kind: 'exact', value: text, at: element }
          : { kind: 'unknown', at: element };
      });
      return { kind: 'allow-list', entries, complete, at };
    }
    if (isFunctionNode(value)) {
      const verdict = classifyOriginFunction(value, reads, scopeOf, {
        originParameter: true,
        callback: false,
      });
      // A path that approves without a check is reported at its answer.
      if (verdict.kind === 'approves-all')
        return { kind: 'reflect-any', via: 'function', at: verdict.at ?? at };
      if (verdict.kind === 'wildcard')
        return { kind: 'wildcard', implicit: false, at: verdict.at ?? at };
      if (verdict.kind === 'checked') return { kind: 'checked', at };
    }
    return { kind: 'unknown', at };
  },
};
