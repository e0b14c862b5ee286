/**
 * `@fastify/cors`: `fastify.register(cors, options)` (often awaited). Same option names and origin
 * forms as `cors`; defaults per major (cors-reference.md §3.2): v11 made the default methods the
 * safelisted `GET,HEAD,POST`, so PUT/PATCH/DELETE preflights fail without a `methods` option.
 */
import { staticPrimitive } from '../../values/resolve.js';
import { arrayElements } from '../../values/cors-values.js';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { CORS_PACKAGE, readOriginOption } from './cors.js';
import type { CorsLibrary } from './library.js';

const ALL_METHODS = 'GET,HEAD,PUT,PATCH,POST,DELETE';
const SAFELISTED_METHODS = 'GET,HEAD,POST';

export const FASTIFY_CORS: CorsLibrary = {
  ...CORS_PACKAGE,
  name: '@fastify/cors',
  module: '@fastify/cors',
  namedExports: ['fastifyCors'],
  applied: 'register',
  optionNames: { ...CORS_PACKAGE.optionNames, allowHeaders: ['allowedHeaders'] },
  // `if (corsOptions.credentials)`: any truthy value sends the header.
  truthyCredentials: true,
  versioned: true,
  // Its wildcard OPTIONS route answers 204 for every path of the instance it is registered on
  // (`preflight: false` turns that off; `refine` then drops the preflight-only settings).
  answersPreflight: 'where-mounted',
  defaults: (major) => ({
    origin: 'wildcard',
    allowMethods: major === undefined ? undefined : major >= 11 ? SAFELISTED_METHODS : ALL_METHODS,
  }),
  readOrigin(property, context) {
    // An array holding '*' collapses to '*'.
    const { value } = property;
    if (value.type === AST_NODE_TYPES.ArrayExpression) {
      const { elements } = arrayElements(value, context.scopeOf(value));
      if (elements.some((element) => staticPrimitive(element, context.scopeOf(element)) === '*'))
        return { kind: 'wildcard', implicit: false, at: property.property };
    }
    return readOriginOption(property, context.reads, context.scopeOf);
  },
  refine(_policy, options, { scopeOf }) {
    // `preflight: false`: the plugin never answers a preflight, so its preflight-only headers are never sent.
    const preflight = options.get('preflight');
    if (!preflight || staticPrimitive(preflight.value, scopeOf(preflight.value)) !== false)
      return {};
    return {
      allowMethods: { kind: 'absent' },
      allowHeaders: { kind: 'absent' },
      maxAge: { kind: 'absent' },
    };
  },
};

/** The option naming a per-request options function; its answer replaces every other option. */
export const FASTIFY_DELEGATOR_OPTION = 'delegator';
