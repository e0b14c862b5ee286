/**
 * The route rules of one nginx configuration file, as plain data for the project index: one
 * `ServerSurface` per `server` block, one rule per location, from the same model the nginx rules
 * read (`nginxModel`: the headers in effect after `add_header` inheritance, `always`, included
 * files). nginx answers a request from the one location it chooses, so the surfaces say
 * `selection: 'nginx-location'` and core's `selectNginxLocations` picks it.
 *
 * - A location's policy is its effective CORS headers, `none` without any, `unknown` when an
 *   include could not be read.
 * - A preflight is `not-answered` where a `limit_except` without OPTIONS refuses it (403, 401 or
 *   405; `preflightRefusal` says with which status and whether Access-Control-Allow-Origin comes
 *   along), whatever else the location says; else `answered` by an `if ($request_method = OPTIONS) { … return …; }` in the location
 *   (with that branch's headers: an `add_header` there replaces the location's, design note §C2) or
 *   in the server (which answers before any location, with the server's headers, §C3), and by a
 *   location that `return`s for every method; a proxied one leaves it to the upstream (`unknown`).
 * - `proxy_pass` with a literal address or an `upstream` block's name names the app behind it
 *   (utils/extract/nginx/upstreams.ts), so a location without CORS headers of its own hands the
 *   request to the app's rules, and one with them lets the app's response headers through (core's
 *   `forwardsTo`).
 */
import type {
  CorsPolicy,
  NginxLocationMatch,
  PathMatcher,
  PreflightRefusal,
  RouteRule,
  ServerSurface,
  SourceRef,
} from 'cors-lint-core';
import {
  ACAO,
  addHeaderSends,
  effectiveAddHeaders,
  effectiveMoreSetHeaders,
  writesOf,
} from 'cors-lint-core';
import type { Config, Directive, NginxNode } from '../../languages/nginx/ast.js';
import type { ModelLevel, NginxLevels } from '../../utils/extract/nginx/levels.js';
import { effectiveErrorPages, locationsIn, passOf } from '../../utils/extract/nginx/levels.js';
import { nginxModel, policyOf, testsPreflight } from '../../utils/extract/nginx/model.js';
import type { UpstreamBlocks } from '../../utils/extract/nginx/upstreams.js';
import { upstreamBlocks, upstreamOf } from '../../utils/extract/nginx/upstreams.js';
import { serialisePolicy } from './js.js';

/**
 * The surfaces of `ast`, the configuration at `absolute` (for its includes), `file` relative to the
 * project root. Empty when no server block has a location that sets or passes on CORS.
 */
export function nginxServerSurfaces(
  ast: Config,
  absolute: string,
  file: string,
  settings: unknown,
): ServerSurface[] {
  const { levels } = nginxModel(ast, absolute, settings);
  const blocks = upstreamBlocks(ast);
  const ref = (node: NginxNode): SourceRef => ({
    file,
    line: node.loc.start.line,
    column: node.loc.start.column,
  });
  return levels.all.flatMap((server): ServerSurface[] => {
    if (server.kind !== 'server') return [];
    const routes = locationsIn(server).flatMap((location) => {
      const rule = locationRule(location, server, levels, blocks, ref);
      return rule ? [rule] : [];
    });
    if (!routes.some((rule) => rule.policy !== 'none' || rule.forwardsTo)) return [];
    const addresses = serverAddresses(server.directive);
    const headers = new Set<string>();
    for (const level of [server, ...locationsIn(server)])
      for (const write of level.addHeaders) headers.add(write.name.toLowerCase());
    return [
      {
        file,
        origins: addresses.origins,
        routes,
        responseHeaders: [...headers].filter((name) => !name.startsWith('access-control-')),
        ...(addresses.onlyAtOrigins ? { onlyAtOrigins: true } : {}),
        selection: 'nginx-location',
      },
    ];
  });
}

function locationRule(
  location: ModelLevel,
  server: ModelLevel,
  levels: NginxLevels,
  blocks: UpstreamBlocks,
  ref: (node: NginxNode) => SourceRef,
): RouteRule | undefined {
  const written = location.location;
  if (!written || written.modifier === '@') return undefined;
  const nginx: NginxLocationMatch = { modifier: written.modifier, path: written.path };
  const json = (level: ModelLevel): CorsPolicy<SourceRef> | 'none' | 'unknown' => {
    if (readsUnknownHeaders(level)) return 'unknown';
    const policy = policyOf(level, levels);
    return policy ? serialisePolicy<NginxNode>(policy, ref) : 'none';
  };
  const policy = json(location);
  // The server's OPTIONS branch answers first (§C3); else the location's own (§C2).
  const serverBranch = preflightBranch(server);
  const branch = serverBranch ?? preflightBranch(location);
  const pass = passOf(location);
  // The server's branch answers before a location, and its limit_except, is chosen.
  const refusal = serverBranch
    ? undefined
    : refusalStatuses(location.directive, pass !== undefined);
  const refused = refusal !== undefined;
  const preflight: RouteRule['preflight'] = refused
    ? 'not-answered'
    : branch
      ? 'answered'
      : location.answers && !pass
        ? 'answered'
        : 'unknown';
  const preflightPolicy = branch && !refused ? json(branch) : undefined;
  const forwardsTo = pass?.module === 'proxy' ? upstreamOf(pass.at, written, blocks) : undefined;
  return {
    match: matcherOf(nginx),
    methods: 'any',
    policy,
    preflight,
    ...(refusal ? refusalOf(location, refusal.statuses, refusal.methods) : {}),
    source: ref(location.at),
    specific: !(nginx.modifier === '' && nginx.path === '/'),
    nginx,
    ...(preflightPolicy !== undefined && preflightPolicy !== 'unknown' ? { preflightPolicy } : {}),
    ...(forwardsTo ? { forwardsTo } : {}),
  };
}

/**
 * The statuses a `limit_except` of the location refuses every OPTIONS request with, and the methods
 * it lets through; undefined when it lets the preflight through. For a method it does not list,
 * nginx uses the `limit_except` block's configuration, chosen before the rewrite phase: the
 * location's `if ($request_method = OPTIONS) { return 204; }` and `return` never run for it. Checked on nginx 1.22: `deny all;` (and
 * no `allow`) gives 403, also beside `auth_basic`; `auth_basic` alone 401 (a preflight never carries
 * credentials); where an `allow` may let it through, 403 for the other clients and 405 from the
 * static handler for the allowed ones, unless the location passes it to an upstream (`proxied`),
 * which then answers them.
 */
function refusalStatuses(
  directive: Directive | undefined,
  proxied: boolean,
): { statuses: readonly number[]; methods: readonly string[] } | undefined {
  for (const child of directive?.block?.body ?? []) {
    if (child.name.value !== 'limit_except' || !child.block) continue;
    if (child.args.some((arg) => arg.value.toUpperCase() === 'OPTIONS')) continue;
    const inside = child.block.body;
    const allows = inside.some((rule) => rule.name.value === 'allow');
    const deniesAll = inside.some(
      (rule) => rule.name.value === 'deny' && rule.args[0]?.value === 'all',
    );
    const authenticates = inside.some(
      (rule) => rule.name.value === 'auth_basic' && rule.args[0]?.value !== 'off',
    );
    const statuses =
      deniesAll && !allows
        ? [403]
        : authenticates
          ? deniesAll
            ? [403, 401]
            : [401]
          : !proxied
            ? deniesAll
              ? [403, 405]
              : [405]
            : undefined;
    if (!statuses) continue;
    // nginx: "Allowing the GET method makes the HEAD method also allowed."
    const methods = child.args.map((arg) => arg.value.toUpperCase());
    return {
      statuses,
      methods: methods.includes('GET') ? [...new Set([...methods, 'HEAD'])] : methods,
    };
  }
  return undefined;
}

/**
 * How the refusal reaches the browser: the `limit_except` block inherits the location's headers
 * (it cannot hold `add_header` itself), so it carries Access-Control-Allow-Origin where that is
 * sent on the refusal's statuses (`always`; checked on nginx 1.22, at location and server level).
 * An `error_page` for one of them answers with another location's response: left unsaid.
 */
function refusalOf(
  location: ModelLevel,
  statuses: readonly number[],
  methods: readonly string[],
): { preflightRefusal?: PreflightRefusal } {
  const codes = effectiveErrorPages(location).flatMap((page) => page.codes.split(/\s+/));
  if (statuses.some((status) => codes.includes(String(status)))) return {};
  const more = writesOf(effectiveMoreSetHeaders(location), ACAO);
  const write = more.at(-1) ?? writesOf(effectiveAddHeaders(location).writes, ACAO)[0];
  const allowOrigin =
    write !== undefined && statuses.every((status) => addHeaderSends(status, write.always));
  return { preflightRefusal: { statuses, allowOrigin, methods } };
}

/** An `if ($request_method = OPTIONS)` written directly in `level` that answers with `return`. */
function preflightBranch(level: ModelLevel): ModelLevel | undefined {
  return level.children.find(
    (child) => child.kind === 'if' && testsPreflight(child) && child.answers !== undefined,
  );
}

/** Whether an include nginx reads at this level or above could not be read: its headers are unknown. */
function readsUnknownHeaders(level: ModelLevel): boolean {
  for (let current: ModelLevel | undefined = level; current; current = current.parent)
    if (current.unknownHeaders) return true;
  return false;
}

function matcherOf(nginx: NginxLocationMatch): PathMatcher {
  switch (nginx.modifier) {
    case '=':
      return { kind: 'exact', path: nginx.path };
    case '~':
    case '~*':
      return { kind: 'regex', source: nginx.path, flags: nginx.modifier === '~*' ? 'i' : '' };
    default:
      return { kind: 'prefix', path: nginx.path };
  }
}

/**
 * The origins a `server` answers at. With concrete `server_name`s (no `_`, wildcard or regex), those
 * names, over https when it listens with `ssl`, and only there; else loopback on its port, as a
 * browser on the developer's machine reaches it.
 */
function serverAddresses(directive: Directive | undefined): {
  origins: string[];
  onlyAtOrigins: boolean;
} {
  const body = directive?.block?.body ?? [];
  const listens = body.filter((child) => child.name.value === 'listen');
  const ports: { port: number; ssl: boolean }[] = [];
  for (const listen of listens) {
    const [address, ...flags] = listen.args.map((arg) => arg.value);
    if (address === undefined || address.startsWith('unix:')) continue;
    // `8080`, `127.0.0.1:8080`, `[::]:8080`; a bare address or name listens on 80.
    const port = /^(?:.*:)?(\d+)$/.exec(address)?.[1];
    const number = port === undefined ? 80 : Number(port);
    ports.push({ port: number, ssl: flags.includes('ssl') || number === 443 });
  }
  if (listens.length === 0) ports.push({ port: 80, ssl: false });
  const names = body
    .filter((child) => child.name.value === 'server_name')
    .flatMap((child) => child.args.map((arg) => arg.value))
    .filter((name) => name !== '' && name !== '_' && !/[*~$]/.test(name));
  const loopback = names.length === 0 || names.some((name) => isLoopback(name));
  const hosts = loopback ? ['localhost', '127.0.0.1'] : names;
  const origins = ports.flatMap(({ port, ssl }) =>
    hosts.map((host) => {
      const scheme = ssl ? 'https' : 'http';
      const standard = (ssl && port === 443) || (!ssl && port === 80);
      return `${scheme}://${host}${standard ? '' : `:${port}`}`;
    }),
  );
  return { origins, onlyAtOrigins: !loopback && origins.length > 0 };
}

function isLoopback(name: string): boolean {
  return name === 'localhost' || name.startsWith('127.') || name === '[::1]';
}
