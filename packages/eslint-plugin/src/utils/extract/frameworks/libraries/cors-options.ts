/**
 * The one reader of CORS middleware options: an options object (inline, a constant, spread) or an
 * options delegate, read with a library's option names and defaults into a `CorsPolicy`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { CorsPolicy, ListValue, OriginSetting, PolicySource, Setting } from 'cors-lint-core';
import { collectAnswers } from '../../values/origin-function.js';
import type { OriginReads } from '../../values/request-origin.js';
import type { ResolvedProperty } from '../../values/resolve.js';
import { objectProperties, resolveNode } from '../../values/resolve.js';
import type { ScopeOf } from '../../values/scope.js';
import {
  isBooleanOrString,
  isNumberOrString,
  readList,
  readScalar,
} from '../../values/cors-values.js';
import { appliedAs } from './applied-as.js';
import type { CorsLibrary, LibraryDefaults, OptionNames } from './library.js';

type Node = TSESTree.Node;
type FunctionNode =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** A policy plus what fixes need to know about where its options live. */
export interface MiddlewarePolicy extends CorsPolicy<Node> {
  readonly source: Extract<PolicySource, { readonly kind: 'middleware' }>;
  /** The call applying the middleware: `cors(…)`, or `app.register(cors, …)`. */
  readonly call: TSESTree.CallExpression;
  /** The options object literal, when the options are one we can edit. */
  readonly optionsObject: TSESTree.ObjectExpression | undefined;
  /** The option names of this library, for fixes that add or replace options. */
  readonly optionNames: OptionNames;
  /** Which argument of `call` holds the options (0 when absent from the policy). */
  readonly optionsIndex?: number;
}

/** Where the options were found. */
export interface OptionsSite {
  readonly call: TSESTree.CallExpression;
  readonly reads: OriginReads;
  readonly scopeOf: ScopeOf;
  /** Route paths the middleware is mounted on; empty when app-wide or unknown. */
  readonly paths: readonly string[];
  /** The library's major version from the nearest package.json; undefined when unknown. */
  readonly major: number | undefined;
  /** False when the options object lives in another file: fixes must not edit it. */
  readonly editable?: boolean;
}

/**
 * Reads an options object (undefined: no options given) with `library`'s names and defaults.
 * Other extractors that take the `cors` package's options (NestJS, socket.io, …) call this with
 * `CORS_PACKAGE` (or a copy naming their own package).
 */
export function readCorsOptionsObject(
  options: TSESTree.ObjectExpression | undefined,
  library: CorsLibrary,
  site: OptionsSite,
): MiddlewarePolicy {
  const { scopeOf, call } = site;
  const names = library.optionNames;
  const { properties, complete } = options
    ? objectProperties(options, scopeOf(options))
    : { properties: new Map<string, ResolvedProperty>(), complete: true };
  const defaults = library.defaults(site.major);
  // An unresolved spread may set any option: nothing is "absent" or "default" then.
  const missing = <T>(fallback: Setting<T, Node>): Setting<T, Node> =>
    complete ? fallback : { kind: 'unknown', at: options ?? call };
  const get = (...keys: readonly string[]) =>
    keys.map((key) => properties.get(key)).find((property) => property !== undefined);
  const list = (
    property: ResolvedProperty | undefined,
    fallback: Setting<ListValue<Node>, Node> = { kind: 'absent' },
  ): Setting<ListValue<Node>, Node> => {
    if (!property) return missing(fallback);
    if (library.listsMustBeArrays && property.value.type !== AST_NODE_TYPES.ArrayExpression)
      return { kind: 'unknown', at: property.property };
    return readList(property.value, property.property, scopeOf(property.value));
  };
  const credentialsProperty = get(names.credentials);
  const maxAgeProperty = get(names.maxAge);
  const originProperty = get(names.origin);

  const policy: MiddlewarePolicy = {
    source: {
      kind: 'middleware',
      library: library.name,
      appliedAs: appliedAs(call, library),
      ...(library.originTakesList ? {} : { singleOrigin: true }),
    },
    at: call,
    call,
    optionsObject: site.editable === false ? undefined : options,
    optionNames: names,
    ...(library.applied === 'register' ? { optionsIndex: 1 } : {}),
    origin: originProperty
      ? library.readOrigin(originProperty, site)
      : complete
        ? defaultOrigin(defaults, call)
        : { kind: 'unknown', at: call },
    credentials: credentialsProperty
      ? readCredentials(credentialsProperty, library, scopeOf)
      : missing({ kind: 'default', value: false }),
    allowMethods: list(get(names.allowMethods), defaultMethods(defaults, call)),
    allowHeaders: list(get(...names.allowHeaders)),
    exposeHeaders: list(get(names.exposeHeaders)),
    maxAge: maxAgeProperty
      ? readScalar(
          maxAgeProperty.value,
          maxAgeProperty.property,
          scopeOf(maxAgeProperty.value),
          isNumberOrString,
        )
      : missing({ kind: 'absent' }),
    paths: [...site.paths],
  };
  return library.refine
    ? {
        ...policy,
        ...library.refine(policy, properties, {
          originGiven: originProperty !== undefined || !complete,
          reads: site.reads,
          scopeOf,
        }),
      }
    : policy;
}

/**
 * An options delegate, `(req, callback) => callback(null, options)`: when it never looks at the
 * request's origin and always answers with one options object, that object is the policy. When it
 * does look, the origin is `checked` and the rest unknown. Undefined when we cannot tell.
 */
export function readOptionsDelegate(
  delegate: FunctionNode,
  library: CorsLibrary,
  site: OptionsSite,
): MiddlewarePolicy | undefined {
  const callback = delegate.params[1];
  if (callback?.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (site.reads.containsCheck(delegate.body))
    return { ...unknownPolicy(library, site), origin: { kind: 'checked', at: delegate } };
  const answers = new Set(
    collectAnswers(delegate, callback.name, site.reads.visitorKeys).map((answer) =>
      resolveNode(answer, site.scopeOf(answer)),
    ),
  );
  const [only] = answers;
  if (answers.size !== 1 || only?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  return readCorsOptionsObject(only, library, site);
}

/** A policy of which nothing is known: options computed at run time. */
export function unknownPolicy(library: CorsLibrary, site: OptionsSite): MiddlewarePolicy {
  const { call } = site;
  return {
    source: { kind: 'middleware', library: library.name, appliedAs: appliedAs(call, library) },
    at: call,
    call,
    optionsObject: undefined,
    optionNames: library.optionNames,
    origin: { kind: 'unknown', at: call },
    credentials: { kind: 'unknown', at: call },
    allowMethods: { kind: 'unknown', at: call },
    allowHeaders: { kind: 'unknown', at: call },
    exposeHeaders: { kind: 'unknown', at: call },
    maxAge: { kind: 'unknown', at: call },
    paths: [...site.paths],
  };
}

function defaultOrigin(defaults: LibraryDefaults, call: Node): OriginSetting<Node> {
  if (defaults.origin === 'wildcard') return { kind: 'wildcard', implicit: true, at: call };
  if (defaults.origin === 'reflect')
    return { kind: 'reflect-any', via: 'request-header', at: call };
  return { kind: 'unknown', at: call };
}

/** The default Allow-Methods, anchored at the call (there is no option to point at). */
function defaultMethods(defaults: LibraryDefaults, call: Node): Setting<ListValue<Node>, Node> {
  if (defaults.allowMethods === undefined) return { kind: 'unknown', at: call };
  return {
    kind: 'default',
    value: { pieces: [{ text: defaults.allowMethods, at: call }], complete: true },
  };
}

/** `credentials`: libraries that test truthiness send the header for `'yes'` as for `true`. */
function readCredentials(
  property: ResolvedProperty,
  library: CorsLibrary,
  scopeOf: ScopeOf,
): Setting<boolean | string, Node> {
  const setting = readScalar(
    property.value,
    property.property,
    scopeOf(property.value),
    isBooleanOrString,
  );
  if (!library.truthyCredentials || setting.kind !== 'known') return setting;
  return { ...setting, value: Boolean(setting.value) };
}
