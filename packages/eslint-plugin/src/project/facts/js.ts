/**
 * The route rules one JS/TS server file declares, as plain data for the project index: read from
 * the file's `CorsFileModel` (the same extraction every rule uses) and serialised with `SourceRef`
 * handles, so no AST outlives the parse. Only shapes the extractors place are described; anything
 * else gets no rule, or a catch-all rule with an `unknown` preflight, so the contract check stays quiet.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type {
  CorsPolicy,
  ListValue,
  OriginEntry,
  OriginSetting,
  PathMatcher,
  RouteRule,
  ServerSurface,
  Setting,
  SourceRef,
} from 'cors-lint-core';
import { checkRouteModulePreflight } from 'cors-lint-core';
import path from 'node:path';
import type { CorsFileModel, ExtractedPolicy } from '../../utils/cors-context.js';
import { answersPreflightAt } from '../../utils/extract/routing/answered-routes.js';
import type { Registration } from '../../utils/extract/routing/registrations.js';
import { routeModuleHeaders } from '../../utils/extract/routing/route-module-headers.js';
import { HTTP_VERB_METHODS } from '../../utils/extract/routing/registrations.js';
import {
  objectProperties,
  resolveNode,
  skipTypeWrappers,
  staticPrimitive,
} from '../../utils/extract/values/resolve.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const ROUTE_VERBS: ReadonlySet<string> = new Set([...HTTP_VERB_METHODS, 'all']);

/** `app/api/orders/[id]/route.ts` → `/api/orders/:id` (Next.js App Router); undefined for other files. */
export function nextRoutePath(file: string): string | undefined {
  const match = /(?:^|\/)app\/(.*?)\/?route\.[cm]?[jt]sx?$/.exec(file);
  if (!match) return undefined;
  const segments = (match[1] ?? '')
    .split('/')
    .filter((segment) => segment !== '' && !/^\(.*\)$/.test(segment) && !segment.startsWith('@'))
    .map((segment) =>
      segment.replace(/^\[\[?\.\.\.(\w+)\]?\]$/, '*$1').replace(/^\[(\w+)\]$/, ':$1'),
    );
  return `/${segments.join('/')}`;
}

/**
 * A Next.js route module that exports, without OPTIONS, a handler made in another project file, where
 * that handler sets CORS headers for a method that needs a preflight and never compares the method
 * with OPTIONS itself: the preflight goes unanswered, and the handler's file is where the CORS code
 * is. `require-preflight-handler` reports it there, the route module's own lint reports it at the export.
 */
export interface ReexportedRouteHandler {
  /** The route module's export of the method that needs a preflight. */
  readonly route: SourceRef;
  readonly method: string;
  /** The handler's first CORS header write, in the other file. */
  readonly headers: SourceRef;
}

/** The route module `file` (relative to `root`) as a `ReexportedRouteHandler`, when it is one. */
export function reexportedRouteHandler(
  model: CorsFileModel,
  context: Context,
  file: string,
  root: string,
): ReexportedRouteHandler | undefined {
  const exports = model.serverRoutes.methodExports;
  if (
    nextRoutePath(file) === undefined ||
    exports.length === 0 ||
    exports.some(({ method }) => method === 'OPTIONS')
  )
    return undefined;
  const headers = routeModuleHeaders(
    model,
    context.sourceCode,
    { filename: context.filename, parser: context.languageOptions?.parser },
    context.settings,
  );
  const handler = headers?.handler;
  if (!handler || handler.answersOptions) return undefined;
  const other = path.relative(root, handler.filename).split(path.sep).join('/');
  if (other.startsWith('../') || path.isAbsolute(other)) return undefined;
  const [finding] = checkRouteModulePreflight({
    at: context.sourceCode.ast as Node,
    exports,
    allowHeaders: headers.policy.allowHeaders,
  });
  const method = finding?.data?.['method'];
  if (!finding || method === undefined) return undefined;
  const at = (node: Node, inFile: string): SourceRef => ({
    file: inFile,
    line: node.loc.start.line,
    column: node.loc.start.column,
  });
  return { route: at(finding.at, file), method, headers: at(handler.firstWrite, other) };
}

/**
 * The server surface of one file, `file` relative to the project root. Undefined when the file
 * declares no CORS policy a server may run.
 */
export function jsServerSurface(
  model: CorsFileModel,
  sourceCode: SourceCode,
  file: string,
): ServerSurface | undefined {
  // A test's mock server answers the test, not the app's pages: it must not make a request to a third party look like ours.
  if (model.policies.length === 0 || model.runtime.isTest) return undefined;
  const ref = (node: Node): SourceRef => ({
    file,
    line: node.loc.start.line,
    column: node.loc.start.column,
  });
  const scopeOf = (node: Node) => sourceCode.getScope(node);
  const { registrations } = model;
  const routes = registrations.all.filter(
    (registration) => ROUTE_VERBS.has(registration.method) && registration.path.kind === 'known',
  );
  const answersOptions = (route: Registration) =>
    registrations.all.some(
      (other) =>
        other.receiver === route.receiver &&
        (other.method === 'options' ||
          other.method === 'all' ||
          (other.method === 'use' && corsMounts.has(other) && registrations.covers(other, route))),
    );
  // `use` registrations that mount a CORS middleware: they may answer a route's preflight instead of its own `cors()`.
  const corsMounts = new Set(
    model.policies
      .flatMap((policy) =>
        'call' in policy
          ? registrations.placementsOf(policy.call).map(({ registration }) => registration)
          : [],
      )
      .filter((registration) => registration.method === 'use'),
  );
  const rules: RouteRule[] = [];

  const routeRule = (
    route: Registration,
    policy: RouteRule['policy'],
    preflight: RouteRule['preflight'],
    source: SourceRef,
  ): RouteRule => ({
    match:
      route.path.kind === 'known' ? { kind: 'route', path: route.path.value } : { kind: 'any' },
    methods: route.method === 'all' ? 'any' : [route.method.toUpperCase()],
    policy,
    preflight: route.method === 'options' ? 'answered' : preflight,
    source,
    specific: true,
  });

  for (const policy of model.policies) {
    const serialised = serialisePolicy(policy, ref);
    if ('call' in policy) {
      const answering = (mount?: Registration) =>
        answersPreflightAt(policy.source.library, mount, registrations) &&
        !preflightTurnedOff(policy, scopeOf);
      const placements = registrations.placementsOf(policy.call);
      const registered = registrations.all.find(
        (registration) => registration.method === 'register' && registration.call === policy.call,
      );
      const mounts = registered ? [registered] : placements.map(({ registration }) => registration);
      if (mounts.length === 0) {
        // Applied in a way the registration model does not place (`app.enableCors`, Apollo): every path, preflight unknown.
        rules.push({
          match: { kind: 'any' },
          methods: 'any',
          policy: serialised,
          preflight: answering() ? 'answered' : 'unknown',
          source: ref(policy.call),
          specific: false,
        });
        continue;
      }
      for (const mount of mounts) {
        if (mount.method === 'use' || mount.method === 'register') {
          // A Fastify plugin made with fastify-plugin (@fastify/cors) is not encapsulated: it serves
          // the whole instance, and a `prefix` in its options prefixes nothing.
          const match =
            mount.method === 'register' ? { kind: 'any' as const } : mountMatcher(mount);
          if (!match) continue;
          const preflight = answering(mount)
            ? 'answered'
            : mount.method === 'register' && !answersOptions(mount)
              ? // `preflight: false`: nothing answers OPTIONS, and Fastify's 404 has no CORS headers.
                'not-answered'
              : 'unknown';
          rules.push({
            match,
            methods: 'any',
            policy: serialised,
            preflight,
            source: ref(policy.call),
            specific: false,
          });
          for (const route of routes) {
            if (
              route.receiver === mount.receiver &&
              (mount.method === 'register' || registrations.covers(mount, route))
            )
              rules.push(routeRule(route, serialised, preflight, ref(policy.call)));
          }
        } else if (ROUTE_VERBS.has(mount.method) && mount.path.kind === 'known') {
          // Route-level `cors()`: it runs only for the route's own method, so nothing answers the preflight unless another registration may.
          const answers = answering(mount);
          const preflight =
            answers && mount.method !== 'all' && !answersOptions(mount)
              ? 'not-answered'
              : 'unknown';
          rules.push(
            routeRule(
              mount,
              serialised,
              mount.method === 'all' && answers ? 'answered' : preflight,
              ref(mount.call),
            ),
          );
        }
      }
      continue;
    }
    rules.push(...handSetRules(model, policy, serialised, ref, file, routeRule));
  }
  if (rules.length === 0) return undefined;
  return {
    file,
    origins: listenOrigins(model.calls, scopeOf),
    routes: rules,
    responseHeaders: [
      ...new Set(model.responseHeaderWrites.map((write) => write.name.toLowerCase())),
    ],
  };
}

/** Rules for hand-set CORS headers: at the route whose handler writes them, a raw `node:http` handler, or a route module. */
function handSetRules(
  model: CorsFileModel,
  policy: ExtractedPolicy,
  serialised: CorsPolicy<SourceRef>,
  ref: (node: Node) => SourceRef,
  file: string,
  routeRule: (
    route: Registration,
    policy: RouteRule['policy'],
    preflight: RouteRule['preflight'],
    source: SourceRef,
  ) => RouteRule,
): RouteRule[] {
  if (!('writes' in policy)) return [];
  const first = policy.writes[0];
  const source = ref(first?.at ?? policy.at);
  const raw = model.serverRoutes.rawHandlers.find((handler) => handler.corsPolicy === policy);
  if (raw) {
    const preflight = raw.methods.some(({ method }) => method === 'OPTIONS')
      ? 'answered'
      : raw.corsHeadersOnlyInMethodBranches
        ? 'not-answered'
        : 'unknown';
    return [
      {
        match: { kind: 'any' },
        methods: 'any',
        policy: serialised,
        preflight,
        source,
        specific: false,
      },
    ];
  }
  const routePath = nextRoutePath(file);
  if (routePath !== undefined && model.serverRoutes.methodExports.length > 0) {
    const methods = model.serverRoutes.methodExports.map(({ method }) => method);
    return [
      {
        match: { kind: 'route', path: routePath },
        methods,
        policy: serialised,
        preflight: methods.includes('OPTIONS') ? 'answered' : 'not-answered',
        source,
        specific: true,
        routeModule: true,
      },
    ];
  }
  const fastify = model.serverRoutes.fastifyApps.find((app) => app.corsPolicy === policy);
  if (fastify) {
    const preflight = fastify.mayAnswerOptions ? 'unknown' : 'not-answered';
    return [
      {
        match: { kind: 'any' },
        methods: 'any',
        policy: serialised,
        preflight,
        source,
        specific: false,
      },
      ...fastify.routes.flatMap((route): RouteRule[] =>
        route.path.kind === 'known'
          ? [
              {
                match: { kind: 'route', path: route.path.value },
                methods: [route.method],
                policy: serialised,
                preflight: route.method === 'OPTIONS' ? 'answered' : preflight,
                source,
                specific: true,
              },
            ]
          : [],
      ),
    ];
  }
  const placements = first ? (model.registrations.handlerOf(first.at)?.placements ?? []) : [];
  return placements.flatMap(({ registration }): RouteRule[] => {
    if (registration.method === 'use') {
      const match = mountMatcher(registration);
      return match
        ? [
            {
              match,
              methods: 'any',
              policy: serialised,
              preflight: 'unknown',
              source,
              specific: false,
            },
          ]
        : [];
    }
    return ROUTE_VERBS.has(registration.method) && registration.path.kind === 'known'
      ? [routeRule(registration, serialised, 'unknown', source)]
      : [];
  });
}

/**
 * `preflight: false` in @fastify/cors's options (cors-reference.md §3.2): the plugin adds no OPTIONS
 * route and answers no preflight. (`preflightContinue: true` still answers: its wildcard OPTIONS
 * route replies, with the headers the hook set.)
 */
function preflightTurnedOff(
  policy: ExtractedPolicy,
  scopeOf: (node: Node) => TSESLint.Scope.Scope,
): boolean {
  if (policy.source.kind !== 'middleware' || policy.source.library !== '@fastify/cors')
    return false;
  const options = 'optionsObject' in policy ? policy.optionsObject : undefined;
  if (!options) return false;
  const property = objectProperties(options, scopeOf(options)).properties.get('preflight');
  return (
    property !== undefined && staticPrimitive(property.value, scopeOf(property.value)) === false
  );
}

function mountMatcher(mount: Registration): PathMatcher | undefined {
  if (mount.path.kind === 'none') return { kind: 'any' };
  if (mount.path.kind === 'unknown') return undefined;
  return mount.path.value === '/' ? { kind: 'any' } : { kind: 'prefix', path: mount.path.value };
}

/** `app.listen(3000)`, `server.listen({ port: 3000 })`: the loopback origins a local browser reaches it at. */
function listenOrigins(
  calls: CorsFileModel['calls'],
  scopeOf: (node: Node) => TSESLint.Scope.Scope,
): string[] {
  const ports = new Set<number>();
  for (const call of calls) {
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = skipTypeWrappers(call.callee);
    if (
      callee.type !== AST_NODE_TYPES.MemberExpression ||
      callee.property.type !== AST_NODE_TYPES.Identifier ||
      callee.property.name !== 'listen'
    )
      continue;
    const [first] = call.arguments;
    if (!first || first.type === AST_NODE_TYPES.SpreadElement) continue;
    let port = staticPrimitive(first, scopeOf(first));
    const resolved = resolveNode(first, scopeOf(first));
    if (resolved.type === AST_NODE_TYPES.ObjectExpression) {
      const property = objectProperties(resolved, scopeOf(resolved)).properties.get('port');
      port = property ? staticPrimitive(property.value, scopeOf(property.value)) : undefined;
    }
    const number = typeof port === 'string' ? Number(port) : port;
    if (typeof number === 'number' && Number.isInteger(number) && number > 0 && number < 65536)
      ports.add(number);
  }
  return [...ports].flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
}

/** The policy with every handle replaced by its `SourceRef`: plain JSON. Any language's handles (`N`): JS, nginx, Python. */
export function serialisePolicy<N>(
  policy: CorsPolicy<N>,
  ref: (node: N) => SourceRef,
): CorsPolicy<SourceRef> {
  const setting = <T>(
    value: Setting<T, N>,
    map: (inner: T) => T | ListValue<SourceRef> = (inner) => inner,
  ): Setting<never, SourceRef> => {
    switch (value.kind) {
      case 'absent':
        return value;
      case 'default':
        return { kind: 'default', value: map(value.value) } as never;
      case 'known':
        return { kind: 'known', value: map(value.value), at: ref(value.at) } as never;
      case 'unknown':
        return { kind: 'unknown', at: ref(value.at) };
    }
  };
  const list = (value: ListValue<N>): ListValue<SourceRef> => ({
    pieces: value.pieces.map((piece) => ({ text: piece.text, at: ref(piece.at) })),
    complete: value.complete,
  });
  return {
    source: policy.source,
    at: ref(policy.at),
    origin: serialiseOrigin(policy.origin, ref),
    credentials: setting(policy.credentials),
    allowMethods: setting(policy.allowMethods, list as never),
    allowHeaders: setting(policy.allowHeaders, list as never),
    exposeHeaders: setting(policy.exposeHeaders, list as never),
    maxAge: setting(policy.maxAge),
    paths: policy.paths,
  };
}

function serialiseOrigin<N>(
  origin: OriginSetting<N>,
  ref: (node: N) => SourceRef,
): OriginSetting<SourceRef> {
  if (origin.kind === 'allow-list') {
    const entries = origin.entries.map((entry): OriginEntry<SourceRef> => ({
      ...entry,
      at: ref(entry.at),
    }));
    return { ...origin, entries, at: ref(origin.at) };
  }
  return { ...origin, at: ref(origin.at) };
}
