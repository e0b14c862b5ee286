/**
 * Does a browser's preflight get a 2xx answer carrying the CORS headers? The adapter describes
 * what a server registers (routes, middleware, hooks, exported handlers); this check knows what
 * each framework does with an OPTIONS request nobody routed (cors-reference.md §3.1, §3.7, §5.3):
 * - Express answers it itself (200 + `Allow`), keeping headers that earlier `use` middleware set,
 *   but a route-level `cors()` never sees it;
 * - Fastify answers it with 404 (hooks still run, so their headers are there, the status is not ok);
 * - Next.js App Router answers it itself with no CORS headers when the module exports no OPTIONS;
 * - a raw `node:http` handler gets it like any other request.
 */
import type { Finding, Suggestion } from '../findings.js';
import { isCorsSafelistedMethod } from '../fetch/methods.js';
import { isCorsSafelistedRequestHeader } from '../fetch/request-headers.js';
import { parseHeaderList } from '../fetch/header-names.js';
import { asciiUppercase } from '../fetch/ascii.js';
import type { CorsPolicy, ListValue, Setting } from '../policy/cors-policy.js';

/** What a middleware or handler registered on a route does about CORS, as far as the code shows. */
export type HandlerRole<H> =
  /** A CORS middleware (the `cors` package); `preflightContinue` is the option when it is literally `true`. */
  | {
      readonly kind: 'cors';
      readonly policy: CorsPolicy<H>;
      readonly at: H;
      readonly preflightContinue?: H;
    }
  /** Code in this file that writes `Access-Control-Allow-Origin` itself. */
  | { readonly kind: 'sets-cors-headers' }
  /**
   * Code in this file, or the framework's own middleware, that writes no CORS header.
   * `answersOptions` is false for middleware that always passes OPTIONS on (body parsers, static files).
   */
  | { readonly kind: 'no-cors'; readonly answersOptions: boolean }
  /** Anything else: imported middleware, calls we cannot follow. */
  | { readonly kind: 'unknown' };

/** A route path as written: a literal, no path at all (`app.use(mw)`), or something we cannot read. */
export type RoutePath<H> =
  | { readonly kind: 'none' }
  | { readonly kind: 'known'; readonly value: string; readonly at: H }
  | { readonly kind: 'unknown' };

/** One `app.<verb>(…)` call, in registration order. `verb` is lowercase: `use`, `all`, `options`, `put`, … */
export interface ExpressRegistration<H> {
  readonly verb: string;
  readonly path: RoutePath<H>;
  readonly handlers: readonly HandlerRole<H>[];
  readonly at: H;
}

export interface ExpressApp<H> {
  /** Major version of `express` from the nearest package.json; undefined when unknown. */
  readonly major: number | undefined;
  readonly registrations: readonly ExpressRegistration<H>[];
}

/** A hand-written request handler (`http.createServer(handler)`) that branches on `req.method`. */
export interface RawHandler<H> {
  readonly at: H;
  /** The methods `req.method` is compared with, each with the comparison. */
  readonly methods: readonly { readonly method: string; readonly at: H }[];
  /** Whether every `Access-Control-Allow-Origin` write sits inside a branch for one of `methods`. */
  readonly corsHeadersOnlyInMethodBranches: boolean;
  /** The Allow-Headers the handler writes, to tell whether a GET/POST needs a preflight. */
  readonly allowHeaders: Setting<ListValue<H>, H>;
}

/** A Next.js App Router route module (`app/**\/route.ts`) that sets CORS headers. */
export interface RouteModule<H> {
  readonly at: H;
  /** Exported HTTP method handlers, uppercase. */
  readonly exports: readonly { readonly method: string; readonly at: H }[];
  readonly allowHeaders: Setting<ListValue<H>, H>;
  /** Where the handler's CORS headers are set when that is another file (`packages/kit/src/handler.ts:12`). */
  readonly headersSetAt?: string;
}

/** A Fastify instance whose hooks set CORS headers by hand. */
export interface FastifyApp<H> {
  /** The hook writing `Access-Control-Allow-Origin` (its name, e.g. `onRequest`). */
  readonly corsHook: { readonly name: string; readonly at: H };
  readonly routes: readonly {
    readonly method: string;
    readonly path: RoutePath<H>;
    readonly at: H;
  }[];
  /** Whether something else may answer OPTIONS: an OPTIONS or catch-all route, a plugin we cannot see. */
  readonly mayAnswerOptions: boolean;
  readonly allowHeaders: Setting<ListValue<H>, H>;
}

/**
 * Does a request to a route of this method need a preflight? PUT, PATCH, DELETE (any method but
 * GET, HEAD, POST) always; GET, HEAD and POST only when the server expects request headers that
 * are not safelisted, which we read from its Allow-Headers list. An absent or unreadable list says
 * nothing about the client, so it never makes us report.
 */
export function routeNeedsPreflight<H>(
  method: string,
  allowHeaders: Setting<ListValue<H>, H>,
): boolean {
  if (!isCorsSafelistedMethod(method.toUpperCase())) return true;
  if (allowHeaders.kind !== 'known') return false;
  // An empty value is the most lenient one: a listed name that still fails with it (Content-Type,
  // Authorization, X-*) is only ever sent with a preflight.
  return allowHeaders.value.pieces.some((piece) =>
    parseHeaderList(piece.text).items.some(
      (name) => name !== '*' && !isCorsSafelistedRequestHeader(name, ''),
    ),
  );
}

const ROUTE_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);

/** Express route-level `cors()` with nothing giving the preflight CORS headers; Express 5 unnamed wildcards. */
export function checkExpressPreflight<H>(app: ExpressApp<H>): Finding<H>[] {
  const findings: Finding<H>[] = [];
  const answerers = new PreflightAnswerers(app.registrations);
  for (const [index, registration] of app.registrations.entries()) {
    const { path } = registration;
    if (app.major !== undefined && app.major >= 5 && path.kind === 'known') {
      const wildcard = unnamedWildcardFix(path.value);
      if (wildcard !== undefined) {
        findings.push({
          messageId: 'express5UnnamedWildcard',
          data: { path: path.value, fixed: wildcard ?? '', major: String(app.major) },
          at: path.at,
          ...(wildcard === null
            ? {}
            : { fix: { kind: 'replace-value', at: path.at, value: wildcard } }),
        });
      }
    }
    findings.push(...preflightContinueWithoutAnswer(app, registration, index));
    if (!ROUTE_VERBS.has(registration.verb) || path.kind !== 'known') continue;
    const method = registration.verb.toUpperCase();
    for (const handler of registration.handlers) {
      if (handler.kind !== 'cors' || handler.policy.origin.kind === 'disabled') continue;
      if (!routeNeedsPreflight(method, handler.policy.allowHeaders)) continue;
      // A route verb never answers OPTIONS itself, so the route is never among the answerers.
      if (answerers.mayAnswer(path.value)) continue;
      findings.push({
        messageId: 'routeLevelCors',
        data: { method, path: path.value },
        at: handler.at,
        suggestions: [
          {
            messageId: 'addOptionsRoute',
            data: { path: path.value },
            fix: {
              kind: 'add-preflight-handler',
              framework: 'express',
              at: registration.at,
              like: handler.at,
            },
          },
        ],
      });
    }
  }
  return findings;
}

/**
 * `app.use(cors({ preflightContinue: true }))` passes the preflight on. Express answers it (200,
 * keeping the CORS headers) when a route matches the path; when only middleware that never answers
 * OPTIONS follows (body parsers, static files), the preflight ends in Express's 404.
 */
function preflightContinueWithoutAnswer<H>(
  app: ExpressApp<H>,
  registration: ExpressRegistration<H>,
  index: number,
): Finding<H>[] {
  if (registration.verb !== 'use') return [];
  return registration.handlers.flatMap((handler, position) => {
    if (
      handler.kind !== 'cors' ||
      handler.preflightContinue === undefined ||
      handler.policy.origin.kind === 'disabled'
    )
      return [];
    const later = [
      ...registration.handlers.slice(position + 1),
      ...app.registrations
        .slice(index + 1)
        .flatMap((other) =>
          other.verb === 'use' ? other.handlers : [{ kind: 'unknown' } as const],
        ),
    ];
    // Any route at all, or anything that may answer, could take the preflight: stay quiet.
    if (app.registrations.some((other) => other.verb !== 'use')) return [];
    if (later.some((next) => next.kind !== 'no-cors' || next.answersOptions)) return [];
    return [
      {
        messageId: 'preflightContinueWithoutAnswer',
        data: {},
        at: handler.preflightContinue,
        suggestions: [
          {
            messageId: 'removePreflightContinue',
            fix: { kind: 'remove', at: handler.preflightContinue },
          },
        ],
      },
    ];
  });
}

/**
 * The registrations that can run for `OPTIONS <path>` and put CORS headers on the answer (unknown
 * counts as yes), indexed so that a route asks about its path without testing every registration:
 * `use`, `all` and `options` registrations with a handler that may set CORS headers.
 */
class PreflightAnswerers<H> {
  /** One of them answers every path: no path, an unreadable one, `use('/')`, or a route pattern we do not match ourselves. */
  #anyPath = false;
  /** `all`/`options` paths and `use` mount paths, matched exactly. */
  readonly #exact = new Set<string>();
  /** `use` mount paths without their trailing slash: they also run for every path below them. */
  readonly #prefixes = new Set<string>();

  constructor(registrations: readonly ExpressRegistration<H>[]) {
    for (const registration of registrations) {
      if (
        registration.verb !== 'use' &&
        registration.verb !== 'all' &&
        registration.verb !== 'options'
      )
        continue;
      if (!registration.handlers.some((handler) => handler.kind !== 'no-cors')) continue;
      const mount = registration.path;
      if (
        mount.kind !== 'known' ||
        (registration.verb === 'use' ? mount.value === '/' : /[:*(?+]/.test(mount.value))
      ) {
        this.#anyPath = true;
        continue;
      }
      this.#exact.add(mount.value);
      if (registration.verb === 'use') this.#prefixes.add(mount.value.replace(/\/$/, ''));
    }
  }

  /** Whether one of them may answer `OPTIONS <path>`: the path itself, or a `use` prefix ending where the path has a `/`. */
  mayAnswer(path: string): boolean {
    if (this.#anyPath || this.#exact.has(path)) return true;
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
      if (this.#prefixes.has(path.slice(0, slash))) return true;
    }
    return false;
  }
}

/**
 * Express 5's path-to-regexp rejects a `*` without a name at startup (`Missing parameter name`).
 * Returns the path with the wildcard named (`*` → `/{*splat}`, `/api/*` → `/api/{*splat}`),
 * null when the path has an unnamed `*` we do not rewrite, undefined when it has none.
 */
export function unnamedWildcardFix(path: string): string | null | undefined {
  if (!/\*(?![A-Za-z_$])/.test(path)) return undefined;
  if (path === '*' || path === '/*') return '/{*splat}';
  const prefix = /^(\/[^*?+()[\]{}:]*\/)\*$/.exec(path)?.[1];
  return prefix === undefined ? null : `${prefix}{*splat}`;
}

/** A raw request handler comparing `req.method` with preflighted methods but never with OPTIONS. */
export function checkRawHandlerPreflight<H>(handler: RawHandler<H>): Finding<H>[] {
  if (handler.methods.some(({ method }) => method === 'OPTIONS')) return [];
  // Headers written for every method reach the preflight too; its status then depends on code we do not follow.
  if (!handler.corsHeadersOnlyInMethodBranches) return [];
  const needing = handler.methods.find(({ method }) =>
    routeNeedsPreflight(method, handler.allowHeaders),
  );
  if (!needing) return [];
  return [
    {
      messageId: 'handlerWithoutOptions',
      data: { method: needing.method },
      at: needing.at,
      suggestions: [
        {
          messageId: 'addOptionsBranch',
          fix: { kind: 'add-preflight-handler', framework: 'node-http', at: handler.at },
        },
      ],
    },
  ];
}

/** A Next.js route module that sets CORS headers for a preflighted method and exports no OPTIONS. */
export function checkRouteModulePreflight<H>(module: RouteModule<H>): Finding<H>[] {
  if (module.exports.some(({ method }) => method === 'OPTIONS')) return [];
  const needing = module.exports.find(({ method }) =>
    routeNeedsPreflight(method, module.allowHeaders),
  );
  if (!needing) return [];
  return [
    {
      ...(module.headersSetAt === undefined
        ? { messageId: 'routeModuleWithoutOptions', data: { method: needing.method } }
        : {
            messageId: 'routeModuleHandlerElsewhere',
            data: { method: needing.method, where: module.headersSetAt },
          }),
      at: needing.at,
      suggestions: [
        {
          messageId: 'addOptionsExport',
          fix: { kind: 'add-preflight-handler', framework: 'next', at: module.at },
        },
      ],
    },
  ];
}

/** Fastify answers an unrouted OPTIONS with 404, so CORS headers from a hook come with a failing status. */
export function checkFastifyPreflight<H>(app: FastifyApp<H>): Finding<H>[] {
  if (app.mayAnswerOptions) return [];
  const route = app.routes.find(
    ({ method }) => method !== 'OPTIONS' && routeNeedsPreflight(method, app.allowHeaders),
  );
  if (!route) return [];
  const path = route.path.kind === 'known' ? route.path.value : '…';
  return [
    {
      messageId: 'fastifyWithoutOptionsRoute',
      data: { method: route.method, path, hook: app.corsHook.name },
      at: route.at,
      suggestions: [
        {
          messageId: 'addFastifyOptionsRoute',
          fix: { kind: 'add-preflight-handler', framework: 'fastify', at: route.at },
        },
      ],
    },
  ];
}

/** A route whose preflight a CORS middleware answers: its method, uppercase, and where it is registered. */
export interface AnsweredRoute<H> {
  readonly method: string;
  readonly at: H;
}

/**
 * The middleware answers these routes' preflights, but its Access-Control-Allow-Methods lacks their
 * method, so the browser rejects the preflight (Fetch §cors-preflight-fetch, method check). Only a
 * complete, parsable list is compared; `*` allows every method without credentials and is
 * no-ineffective-wildcard's case with them; a lowercase entry is valid-header-values' case.
 */
export function checkRouteMethodsAllowed<H>(
  policy: CorsPolicy<H>,
  routes: readonly AnsweredRoute<H>[],
): Finding<H>[] {
  const methods = policy.allowMethods;
  if (
    policy.origin.kind === 'disabled' ||
    (methods.kind !== 'known' && methods.kind !== 'default') ||
    !methods.value.complete
  )
    return [];
  const parsed = methods.value.pieces.map((piece) => parseHeaderList(piece.text));
  if (parsed.some(({ invalid }) => invalid.length > 0)) return [];
  const allowed = parsed.flatMap(({ items }) => items);
  if (allowed.includes('*')) return [];
  const listed = new Set(allowed.map(asciiUppercase));
  const shown =
    methods.kind === 'default' ? `${allowed.join(', ')} by default` : allowed.join(', ');
  const last = methods.value.pieces.at(-1);
  return routes.flatMap((route): Finding<H>[] => {
    const { method } = route;
    if (method === 'OPTIONS' || isCorsSafelistedMethod(method) || listed.has(method)) return [];
    // A library default has no list to extend: write the option with the default methods plus this one.
    const items = [...allowed, method];
    const suggestion: Suggestion<H> | undefined =
      methods.kind === 'default'
        ? {
            messageId: 'setMethods',
            data: { methods: items.join(', ') },
            fix: { kind: 'add-list-setting', at: policy.at, setting: 'allowMethods', items },
          }
        : last && {
            messageId: 'addMethod',
            data: { method },
            fix: { kind: 'add-list-item', at: last.at, item: method },
          };
    return [
      {
        messageId: 'methodNotAllowed',
        data: { method, allowed: shown },
        at: route.at,
        ...(suggestion ? { suggestions: [suggestion] } : {}),
      },
    ];
  });
}
