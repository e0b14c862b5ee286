/**
 * The route rules of one nginx configuration file, as plain data for the project index: one
 * `ServerSurface` per `server` block, one rule per location, from the same model the nginx rules
 * read (`nginxModel`: the headers in effect after `add_header` inheritance, `always`, included
 * files). nginx answers a request from the one location it chooses, so the surfaces say
 * `selection: 'nginx-location'` and core's `selectNginxLocations` picks it.
 *
 * - A location's policy is its effective CORS headers, `none` without any, `unknown` when an
 *   include could not be read.
 * - A preflight is `answered` by an `if ($request_method = OPTIONS) { … return …; }` in the location
 *   (with that branch's headers: an `add_header` there replaces the location's, design note §C2) or
 *   in the server (which answers before any location, with the server's headers, §C3), and by a
 *   location that `return`s for every method; a proxied one leaves it to the upstream (`unknown`).
 * - `proxy_pass` with a literal address names the upstream, so a location without CORS headers of
 *   its own hands the request to the app's rules (core's `forwardsTo`).
 */
import type {
  CorsPolicy,
  NginxLocationMatch,
  PathMatcher,
  RouteRule,
  ServerSurface,
  SourceRef,
  Upstream,
} from 'cors-lint-core';
import type { Config, Directive, NginxNode } from '../../languages/nginx/ast.js';
import type { ModelLevel, NginxLevels } from '../../utils/extract/nginx/levels.js';
import { locationsIn, passOf } from '../../utils/extract/nginx/levels.js';
import { nginxModel, policyOf, testsPreflight } from '../../utils/extract/nginx/model.js';
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
  const ref = (node: NginxNode): SourceRef => ({
    file,
    line: node.loc.start.line,
    column: node.loc.start.column,
  });
  return levels.all.flatMap((server): ServerSurface[] => {
    if (server.kind !== 'server') return [];
    const routes = locationsIn(server).flatMap((location) => {
      const rule = locationRule(location, server, levels, ref);
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
  const branch = preflightBranch(server) ?? preflightBranch(location);
  const pass = passOf(location);
  const preflight: RouteRule['preflight'] = branch
    ? 'answered'
    : location.answers && !pass
      ? 'answered'
      : 'unknown';
  const preflightPolicy = branch ? json(branch) : undefined;
  const forwardsTo = pass?.module === 'proxy' ? upstreamOf(pass.at, nginx) : undefined;
  return {
    match: matcherOf(nginx),
    methods: 'any',
    policy,
    preflight,
    source: ref(location.at),
    specific: !(nginx.modifier === '' && nginx.path === '/'),
    nginx,
    ...(preflightPolicy !== undefined && preflightPolicy !== 'unknown' ? { preflightPolicy } : {}),
    ...(forwardsTo ? { forwardsTo } : {}),
  };
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
 * The upstream of `proxy_pass <url>`: its origin, and with a URI part (`http://app:3000/v1/`) in a
 * prefix location, the prefix it replaces. Undefined when the address holds variables or sits in an
 * included file (the handle is then the `include`).
 */
function upstreamOf(at: NginxNode, nginx: NginxLocationMatch): Upstream | undefined {
  if (at.type !== 'Directive' || at.name.value !== 'proxy_pass') return undefined;
  const address = at.args[0]?.value;
  if (address === undefined || address.includes('$')) return undefined;
  const parsed = /^(https?):\/\/([^/]+)(\/.*)?$/i.exec(address);
  if (!parsed) return undefined;
  let origin: string | undefined;
  try {
    origin = new URL(`${parsed[1]}://${parsed[2]}`).origin;
  } catch {
    origin = undefined;
  }
  const uri = parsed[3];
  if (uri === undefined) return { origin };
  // nginx refuses a URI in a regex location's proxy_pass; a named location has no path.
  if (nginx.modifier !== '' && nginx.modifier !== '^~' && nginx.modifier !== '=') return undefined;
  return { origin, replacePrefix: { from: nginx.path, to: uri } };
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
