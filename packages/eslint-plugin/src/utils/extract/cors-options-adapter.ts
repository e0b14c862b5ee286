/**
 * Reads an options object written with the `cors` package's option names (cors-reference.md §3.1),
 * for libraries that hand their options to `cors` or to a clone of it (NestJS, socket.io, Apollo).
 *
 * Local adapter: cors-package.ts is being generalised to export such a reader; once it does, this
 * module should forward to it instead of repeating the option table.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { ListValue, Setting } from 'cors-lint-core';
import type { MiddlewarePolicy, OptionNames } from './cors-package.js';
import { readOriginOption } from './cors-package.js';
import type { OriginReads } from './request-origin.js';
import type { ResolvedProperty } from './resolve.js';
import { objectProperties } from './resolve.js';
import type { ScopeOf } from './scope.js';
import { isBooleanOrString, isNumberOrString, readList, readScalar } from './values.js';

type Node = TSESTree.Node;

export const CORS_PACKAGE_OPTION_NAMES: OptionNames = {
  origin: 'origin',
  credentials: 'credentials',
  allowMethods: 'methods',
  allowHeaders: ['allowedHeaders', 'headers'],
  exposeHeaders: 'exposedHeaders',
  maxAge: 'maxAge',
};

export interface CorsOptionsSite {
  /** The npm package whose semantics apply (`cors`, `@fastify/cors`). */
  readonly library: string;
  /** The call that receives the options; fixes create the options object there when it has no arguments. */
  readonly call: TSESTree.CallExpression;
  /** The options object, or undefined for the library defaults (`enableCors()`, `cors: true`). */
  readonly options: TSESTree.ObjectExpression | undefined;
  /** False when the object lives in another file: fixes must not edit it. */
  readonly editable: boolean;
  readonly paths: readonly string[];
}

export function readCorsOptionsObject(site: CorsOptionsSite, reads: OriginReads, scopeOf: ScopeOf): MiddlewarePolicy {
  const { call, options } = site;
  const { properties, complete } = options ? objectProperties(options, scopeOf(options)) : { properties: new Map<string, ResolvedProperty>(), complete: true };
  // An unresolved spread may set any option: nothing is "absent" then.
  const missing = <T>(fallback: Setting<T, Node>): Setting<T, Node> => (complete ? fallback : { kind: 'unknown', at: options ?? call });
  const get = (...names: readonly string[]) => names.map((name) => properties.get(name)).find((property) => property !== undefined);
  const scalar = <T extends string | number | boolean>(property: ResolvedProperty | undefined, fallback: Setting<T, Node>, accept: (v: unknown) => v is T) =>
    property ? readScalar(property.value, property.property, scopeOf(property.value), accept) : missing(fallback);
  const list = (property: ResolvedProperty | undefined): Setting<ListValue<Node>, Node> =>
    property ? readList(property.value, property.property, scopeOf(property.value)) : missing<ListValue<Node>>({ kind: 'absent' });
  const names = CORS_PACKAGE_OPTION_NAMES;
  const originProperty = get(names.origin);
  return {
    source: { kind: 'middleware', library: site.library },
    at: call,
    call,
    optionsObject: site.editable ? options : undefined,
    optionNames: names,
    origin: originProperty ? readOriginOption(originProperty, reads, scopeOf) : complete ? { kind: 'wildcard', implicit: true, at: call } : { kind: 'unknown', at: call },
    credentials: scalar(get(names.credentials), { kind: 'default', value: false }, isBooleanOrString),
    allowMethods: list(get(names.allowMethods)),
    allowHeaders: list(get(...names.allowHeaders)),
    exposeHeaders: list(get(names.exposeHeaders)),
    maxAge: scalar(get(names.maxAge), { kind: 'absent' }, isNumberOrString),
    paths: [...site.paths],
  };
}
