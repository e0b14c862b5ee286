/**
 * A CORS library described as data: how to find it in a file, how it is applied, what its options
 * are called, and its defaults per major version. The one options reader (`cors-options.ts`) turns
 * any of them into a `CorsPolicy`; a library adds code only for semantics the others lack.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { CorsPolicy, OriginSetting } from 'cors-lint-core';
import type { ResolvedProperty } from '../../values/resolve.js';
import type { OriginReads } from '../../values/request-origin.js';
import type { ScopeOf } from '../../values/scope.js';

type Node = TSESTree.Node;

/** The option names of a library, for reading options and for fixes that add or replace them. */
export interface OptionNames {
  readonly origin: string;
  readonly credentials: string;
  readonly allowMethods: string;
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: string;
  readonly maxAge: string;
}

/** What the library does when an option is not given, for one major version. */
export interface LibraryDefaults {
  /** `wildcard`: sends `*`; `reflect`: echoes the request's Origin; `unknown`: depends on a version we could not read. */
  readonly origin: 'wildcard' | 'reflect' | 'unknown';
  /** The Allow-Methods value sent on preflights; undefined when it depends on a version we could not read. */
  readonly allowMethods: string | undefined;
}

export interface OriginContext {
  readonly reads: OriginReads;
  readonly scopeOf: ScopeOf;
}

/** The settings a library's own semantics change; the rest stay as read. */
export type RefinedSettings = Partial<Omit<CorsPolicy<Node>, 'source' | 'at' | 'paths'>>;

export interface RefineFacts {
  /** The options may set `origin` (it is written, or an unresolved spread may hold it). */
  readonly originGiven: boolean;
  readonly reads: OriginReads;
  readonly scopeOf: ScopeOf;
}

export interface CorsLibrary {
  /** The npm package: the policy's `source.library`, and whose version picks the defaults. */
  readonly name: string;
  /** The module specifier the factory is imported from (`hono/cors` for hono). */
  readonly module: string;
  /** Whether the module value itself is the factory (`require('cors')`, a default import). */
  readonly moduleIsFactory: boolean;
  /** Named exports that are the factory too (`fastifyCors`, `cors`). */
  readonly namedExports: readonly string[];
  /**
   * `call`: `cors(options)` makes a middleware (options are argument 0);
   * `register`: `app.register(plugin, options)` (options are argument 1);
   * `construct`: `new Plugin(options)` makes a plugin a handler is given (options are argument 0).
   */
  readonly applied: 'call' | 'register' | 'construct';
  readonly optionNames: OptionNames;
  /** `origin` takes an array (`false`: one string or a function only; fixes then write one string). */
  readonly originTakesList: boolean;
  /** Header lists must be arrays (a string is not sent): otherwise a string or an array. */
  readonly listsMustBeArrays: boolean;
  /** Any truthy `credentials` sends the header (`true` only, otherwise). */
  readonly truthyCredentials: boolean;
  /** Whether the defaults differ between majors, so the nearest package.json must be read. */
  readonly versioned: boolean;
  /**
   * Whether the middleware ends a preflight that reaches it with its own 2xx answer carrying the
   * CORS headers (cors-reference.md §3), where it is mounted:
   * `where-mounted`: on an app or a router alike;
   * `app-only`: only on the app itself, because the framework's routers run their `use` middleware
   * only for requests one of their routes matches, and no route matches a bare OPTIONS
   * (`@koa/cors` under `@koa/router`);
   * `false`: it hands OPTIONS on to the next handler.
   */
  readonly answersPreflight: 'where-mounted' | 'app-only' | false;
  defaults(major: number | undefined): LibraryDefaults;
  readOrigin(property: ResolvedProperty, context: OriginContext): OriginSetting<Node>;
  /** Library-specific options that change what is sent (Koa's credentials reflection, Fastify's `preflight: false`). */
  refine?(
    policy: CorsPolicy<Node>,
    options: ReadonlyMap<string, ResolvedProperty>,
    facts: RefineFacts,
  ): RefinedSettings;
}
