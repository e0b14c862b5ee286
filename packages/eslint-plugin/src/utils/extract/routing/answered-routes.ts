/**
 * Which routes' preflights a CORS middleware answers, as the registration model places them: the
 * routes of the same app or router that its `use` mount covers (app-wide or a covering prefix), or
 * every route of the Fastify instance it is registered on (`app.register(cors)` adds an OPTIONS route
 * for every path), with the routes of the routers an app mounts whole (`app.use(router.routes())`).
 * Routes another registration may answer OPTIONS for (an `options` or `all` route,
 * a second CORS middleware) are left out, and so are Koa routers: `router.use(cors())` never sees an
 * OPTIONS request no route of the router matches. Whether a library answers at all is its
 * description's `answersPreflight`, read here only (`answersPreflightAt`), for this rule and the
 * project index alike.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { AnsweredRoute } from 'cors-lint-core';
import type { MiddlewarePolicy } from '../frameworks/libraries/cors-options.js';
import { corsLibraryNamed } from '../frameworks/libraries/index.js';
import { skipTypeWrappers } from '../values/resolve.js';
import type { ScopeOf } from '../values/scope.js';
import type { Registration, Registrations } from './registrations.js';
import { HTTP_VERB_METHODS, routeOptionMethods } from './registrations.js';
import { RouteIndex } from './route-index.js';

type Node = TSESTree.Node;

/** A route answers its own method; an `options` route answers the preflight itself. */
const ROUTE_METHODS: ReadonlySet<string> = new Set(
  [...HTTP_VERB_METHODS].filter((method) => method !== 'options'),
);
/** The methods of a Koa router that make the middleware an app mounts. */
const ROUTER_MIDDLEWARE: ReadonlySet<string> = new Set(['routes', 'middleware']);
/** Registrations that are routes of their receiver: a receiver with one is an app or router that routes. */
const ROUTE_REGISTRATIONS: ReadonlySet<string> = new Set([...HTTP_VERB_METHODS, 'all', 'route']);

/**
 * Whether the CORS middleware of `library`, mounted at `mount` (undefined: applied where the
 * registration model does not place it), answers the preflights that reach it there, from the
 * library's `answersPreflight`. An `app-only` library answers on a receiver without routes of its
 * own (a Koa app); a receiver with routes is a router, which runs it only for matched routes.
 */
export function answersPreflightAt(
  library: string,
  mount: Registration | undefined,
  registrations: Registrations,
): boolean {
  const answers = corsLibraryNamed(library)?.answersPreflight ?? false;
  if (answers !== 'app-only') return answers === 'where-mounted';
  return (
    mount !== undefined &&
    !registrations.all.some(
      (other) => other.receiver === mount.receiver && ROUTE_REGISTRATIONS.has(other.method),
    )
  );
}

export interface PolicyRoutes {
  readonly policy: MiddlewarePolicy;
  readonly routes: readonly AnsweredRoute<Node>[];
}

export function routesAnsweredByPolicies(
  registrations: Registrations,
  policies: readonly MiddlewarePolicy[],
  scopeOf: ScopeOf,
): PolicyRoutes[] {
  const registeredAt = new Map(
    registrations.all
      .filter((registration) => registration.method === 'register')
      .map((registration) => [registration.call as Node, registration]),
  );
  const mounts = policies.flatMap((policy) =>
    mountsOf(registrations, registeredAt, policy)
      .filter((mount) => answersPreflightAt(policy.source.library, mount, registrations))
      .map((mount) => ({ policy, mount })),
  );
  if (mounts.length === 0) return [];
  // Indexes over the routes, so each mount visits only the routes it answers for.
  const routeIndex = new RouteIndex(
    registrations,
    registrations.all.filter(
      (route) => ROUTE_METHODS.has(route.method) || route.method === 'route',
    ),
  );
  const mayAnswerOptions = new Set(
    registrations.all
      .filter((other) => other.method === 'options' || other.method === 'all')
      .map((other) => other.receiver),
  );
  const answered = (mount: Registration) =>
    mount.method === 'register'
      ? routeIndex.all(mount.receiver)
      : [
          ...routeIndex.covered(mount, { after: false }),
          // An app-wide mount also sees the requests of the routers the app mounts (`app.use(router.routes())`).
          ...(mount.path.kind === 'none'
            ? routersMountedOn(registrations, mount.receiver)
                .filter((router) => !mayAnswerOptions.has(router))
                .flatMap((router) => routeIndex.all(router))
            : []),
        ];
  // Route → the distinct mounts answering it; a route two mounts answer belongs to neither.
  const answeringMounts = new Map<Registration, Set<Registration>>();
  for (const { mount } of mounts) {
    for (const route of answered(mount)) {
      const answering = answeringMounts.get(route);
      if (answering) answering.add(mount);
      else answeringMounts.set(route, new Set([mount]));
    }
  }
  return mounts.map(({ policy, mount }) => {
    // An OPTIONS or catch-all route, or a second CORS middleware, may answer the preflight instead: stay quiet.
    if (mayAnswerOptions.has(mount.receiver)) return { policy, routes: [] };
    const routes = answered(mount).filter((route) => answeringMounts.get(route)!.size === 1);
    return { policy, routes: routes.flatMap((route) => methodsOf(route, scopeOf)) };
  });
}

/** The routers an app mounts whole: `router` of `app.use(router.routes())` (@koa/router, also `middleware()`). */
function routersMountedOn(registrations: Registrations, receiver: string): string[] {
  return registrations.all.flatMap((registration) =>
    registration.receiver === receiver && registration.method === 'use'
      ? registration.handlers.flatMap((handler) => {
          const callee =
            handler.type === AST_NODE_TYPES.CallExpression ? handler.callee : undefined;
          return callee?.type === AST_NODE_TYPES.MemberExpression &&
            callee.object.type === AST_NODE_TYPES.Identifier &&
            callee.property.type === AST_NODE_TYPES.Identifier &&
            ROUTER_MIDDLEWARE.has(callee.property.name) &&
            handler.type === AST_NODE_TYPES.CallExpression &&
            handler.arguments.length === 0
            ? [callee.object.name]
            : [];
        })
      : [],
  );
}

/** The `use` registrations a `cors()` middleware is passed to, or the `register` call a Fastify plugin policy is read from. */
function mountsOf(
  registrations: Registrations,
  registeredAt: ReadonlyMap<Node, Registration>,
  policy: MiddlewarePolicy,
): Registration[] {
  const registered = registeredAt.get(policy.call);
  if (registered) return [registered];
  return registrations
    .placementsOf(policy.call)
    .flatMap(({ registration }) => (registration.method === 'use' ? [registration] : []));
}

/** A route's methods, each at the method name (`app.delete`) or the method literal (`route({ method: 'PATCH' })`). */
function methodsOf(route: Registration, scopeOf: ScopeOf): AnsweredRoute<Node>[] {
  if (route.method === 'route') return routeOptionMethods(route.call.arguments[0], scopeOf) ?? [];
  const callee = skipTypeWrappers(route.call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression
    ? [{ method: route.method.toUpperCase(), at: callee.property }]
    : [];
}
