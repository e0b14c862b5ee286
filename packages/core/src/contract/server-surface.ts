/**
 * What the servers of a project answer, as plain data: one `ServerSurface` per server file, with the
 * route rules it declares. An adapter builds them from code (Express, Fastify, node:http, Next.js
 * route modules, nginx locations, Django settings) and may keep them as JSON: a policy's
 * handles are `SourceRef`s, never syntax. `checkRequestAgainstSurfaces` matches a client request to them.
 */
import type { CorsPolicy } from '../policy/cors-policy.js';

/** A place in a project file: `file` relative to the project root with `/` separators, line 1-based, column 0-based (ESLint's). */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Which request paths a rule covers:
 * - `route`: an Express-style route path (`/orders/:id`, `/files/{*rest}`, `/files/*`), matched whole;
 * - `prefix`: a mount (`app.use('/api', …)`, nginx `location /api/`): the path and everything below it;
 * - `exact`: that path only, case-sensitively (nginx `location = /api/health`);
 * - `regex`: a regular expression tested on the path (nginx `location ~`, Django's `CORS_URLS_REGEX`);
 * - `any`: every path (`app.use(cors())`, a raw `node:http` handler).
 */
export type PathMatcher =
  | { readonly kind: 'route'; readonly path: string }
  | { readonly kind: 'prefix'; readonly path: string }
  | { readonly kind: 'exact'; readonly path: string }
  | { readonly kind: 'regex'; readonly source: string; readonly flags: string }
  | { readonly kind: 'any' };

/**
 * One rule a server declares: the requests it covers and what they get.
 * - `methods`: uppercase methods the rule answers, or `any` (middleware, `all`, a raw handler);
 * - `policy`: the CORS policy these requests get, `none` when the code shows no CORS at all for
 *   them, `unknown` when something we cannot read may set it;
 * - `preflight`: whether an OPTIONS request for these paths gets the policy's answer;
 * - `source`: where the rule is written, for messages (the route registration, the `cors()` call).
 */
export interface RouteRule {
  readonly match: PathMatcher;
  readonly methods: readonly string[] | 'any';
  readonly policy: CorsPolicy<SourceRef> | 'none' | 'unknown';
  readonly preflight: 'answered' | 'not-answered' | 'unknown';
  /**
   * With `preflight: 'not-answered'`, where the server refuses the OPTIONS request with an error
   * status (nginx `limit_except` without OPTIONS: 403 for `deny all`, 401 for `auth_basic`, 405 where
   * the static handler gets it): the statuses it may answer with, and whether that refusal still
   * carries Access-Control-Allow-Origin (`add_header … always` in effect), which decides what the
   * browser says: with it the CORS check passes and the status fails the preflight.
   */
  readonly preflightRefusal?: PreflightRefusal;
  readonly source: SourceRef;
  /**
   * The policy is one specific route's, not a catch-all: a request matching it is evidence that this
   * server serves the path, where a catch-all matches any server's path.
   */
  readonly specific: boolean;
  /**
   * What an OPTIONS preflight gets, where it is not `policy`: nginx's `if ($request_method = OPTIONS)
   * { …; return 204; }` answers it with the `if`'s own headers (`none` when they hold no CORS header).
   */
  readonly preflightPolicy?: CorsPolicy<SourceRef> | 'none';
  /**
   * Where the server passes these requests on (nginx `proxy_pass`). With a `none` policy the upstream
   * answers for CORS, so its own rules are the candidates.
   */
  readonly forwardsTo?: Upstream;
  /**
   * A Next.js App Router route module: an `OPTIONS` export, answering 204 with the module's CORS
   * headers, would answer its preflight.
   */
  readonly routeModule?: boolean;
  /** nginx only: how the location is written, for choosing the location nginx would (`selectNginxLocations`). */
  readonly nginx?: NginxLocationMatch;
}

/** How a server refuses a preflight: `RouteRule.preflightRefusal`. */
export interface PreflightRefusal {
  readonly statuses: readonly number[];
  readonly allowOrigin: boolean;
  /** The uppercase methods the server lets through there (`limit_except GET POST`: GET, HEAD, POST); undefined when every one. */
  readonly methods?: readonly string[];
}

/** nginx's location modifiers: '' for a plain prefix. */
export interface NginxLocationMatch {
  readonly modifier: '=' | '^~' | '~' | '~*' | '';
  readonly path: string;
}

/**
 * An upstream a rule passes requests to: the origins the app behind it is reached at (the literal
 * address, `http://127.0.0.1:3000`; each `server` of an nginx `upstream` block; empty when unknown),
 * and how the path changes on the way (`location /api/ { proxy_pass http://app/v1/; }`: `/api/` → `/v1/`).
 */
export interface Upstream {
  readonly origins: readonly string[];
  readonly replacePrefix?: { readonly from: string; readonly to: string };
}

/** One server file's answers. */
export interface ServerSurface {
  /** The file, relative to the project root. */
  readonly file: string;
  /**
   * Origins the server is known to be reached at (`http://localhost:3000` from `listen(3000)`, a
   * dev proxy's target); empty when unknown, e.g. behind a production host name.
   */
  readonly origins: readonly string[];
  readonly routes: readonly RouteRule[];
  /** Lowercased names of the non-CORS response headers the server's code writes (`X-Total-Count`). */
  readonly responseHeaders: readonly string[];
  /**
   * The server answers only at `origins` (an nginx `server` with concrete `server_name`s): a request
   * to another origin is never its, even where one of its routes matches the path.
   */
  readonly onlyAtOrigins?: boolean;
  /**
   * `nginx-location`: the routes are one nginx `server`'s locations, and a request gets the one
   * location nginx chooses (`selectNginxLocations`), not every location whose path matches.
   */
  readonly selection?: 'nginx-location';
}

/**
 * Libraries that, without an allowed-headers option, echo the preflight's
 * Access-Control-Request-Headers, so every requested header passes (cors-reference.md §3.1–3.4, the
 * defaults table): `cors` 2.x, `@fastify/cors` (all majors), `@koa/cors`, hono's `cors()`, `@orpc/server`.
 */
const REFLECTS_REQUEST_HEADERS_WHEN_UNSET: ReadonlySet<string> = new Set([
  'cors',
  '@fastify/cors',
  '@koa/cors',
  'hono',
  '@orpc/server',
]);

/**
 * What a policy allows as request headers: `reflect` (whatever is asked), the lowercased names, or
 * `unknown`. Hand-set headers without Access-Control-Allow-Headers allow none.
 */
export function allowedRequestHeaders(
  policy: CorsPolicy<SourceRef>,
): 'reflect' | 'unknown' | { readonly names: ReadonlySet<string> } {
  const setting = policy.allowHeaders;
  if (setting.kind === 'absent') {
    if (policy.source.kind === 'response-headers') return { names: new Set() };
    return REFLECTS_REQUEST_HEADERS_WHEN_UNSET.has(policy.source.library) ? 'reflect' : 'unknown';
  }
  if ((setting.kind !== 'known' && setting.kind !== 'default') || !setting.value.complete)
    return 'unknown';
  const names = new Set<string>();
  for (const piece of setting.value.pieces) {
    for (const name of piece.text.split(',')) {
      const trimmed = name.trim().toLowerCase();
      if (trimmed !== '') names.add(trimmed);
    }
  }
  return { names };
}

/** How a request path relates to a matcher: the path as written may be only a start (`/orders/${id}`: `partial`). */
export function pathMatches(
  matcher: PathMatcher,
  path: string,
  partial: boolean,
): 'yes' | 'no' | 'maybe' {
  switch (matcher.kind) {
    case 'any':
      return 'yes';
    case 'prefix': {
      const mount = matcher.path.replace(/\/+$/, '');
      if (mount === '' || path === mount || path.startsWith(`${mount}/`)) return 'yes';
      return partial && mount.startsWith(path) ? 'maybe' : 'no';
    }
    case 'exact':
      if (path === matcher.path) return 'yes';
      return partial && matcher.path.startsWith(path) ? 'maybe' : 'no';
    case 'regex': {
      const pattern = compiled(matcher, () => {
        try {
          return new RegExp(matcher.source, matcher.flags.replace(/[gy]/g, ''));
        } catch {
          return undefined;
        }
      });
      if (!pattern) return 'maybe';
      if (pattern.test(path)) return 'yes';
      return partial ? 'maybe' : 'no';
    }
    case 'route':
      return routeMatches(matcher, path, partial);
  }
}

/** Each matcher's regular expression, compiled once: every request of every client file tests the same matchers. */
const patterns = new WeakMap<PathMatcher, RegExp | undefined>();

function compiled(matcher: PathMatcher, compile: () => RegExp | undefined): RegExp | undefined {
  if (!patterns.has(matcher)) patterns.set(matcher, compile());
  return patterns.get(matcher);
}

/**
 * An Express-style route path against a request path. Named parameters match one segment, wildcards
 * (`*`, `{*name}`, `*name`) the rest; anything else path-to-regexp allows (`?`, `+`, `(…)`, `{…}`
 * groups) makes the answer `maybe`, never a guess.
 */
function routeMatches(
  matcher: Extract<PathMatcher, { kind: 'route' }>,
  path: string,
  partial: boolean,
): 'yes' | 'no' | 'maybe' {
  const whole = compiled(matcher, () => {
    const source = routeSource(matcher.path);
    // Express matches case-insensitively and ignores one trailing slash by default.
    return source === undefined ? undefined : new RegExp(`^${source.replace(/\/$/, '')}\\/?$`, 'i');
  });
  if (!whole) return 'maybe';
  const pathOnly = path.replace(/[?#].*$/s, '');
  if (whole.test(pathOnly)) return 'yes';
  if (!partial) return 'no';
  // The written start must itself be a start of some path the route matches.
  const known = (/^[^:*{]*/.exec(matcher.path)?.[0] ?? '').toLowerCase();
  const start = pathOnly.toLowerCase();
  return known.startsWith(start) || start.startsWith(known) ? 'maybe' : 'no';
}

/** The route as a regular expression's source; undefined when it uses syntax we do not read. */
function routeSource(route: string): string | undefined {
  let source = '';
  for (let index = 0; index < route.length;) {
    const rest = route.slice(index);
    const wildcard = /^(?:\{\*[A-Za-z_$][\w$]*\}|\*[A-Za-z_$][\w$]*|\*)/.exec(rest);
    if (wildcard) {
      source += '.*';
      index += wildcard[0].length;
      continue;
    }
    const parameter = /^:[A-Za-z_$][\w$]*/.exec(rest);
    if (parameter) {
      source += '[^/]+';
      index += parameter[0].length;
      continue;
    }
    const char = route[index]!;
    if ('?+()[]{}'.includes(char)) return undefined;
    source += char.replace(/[.\\^$|]/g, '\\$&');
    index += 1;
  }
  return source;
}

/**
 * The locations of one nginx `server` that may answer `path`, as nginx chooses
 * (`ngx_http_core_find_location`): an exact `=` match; else the longest prefix, kept when it is `^~`;
 * else the first regex (`~`, `~*`) in order that matches; else that longest prefix. `locations` are in
 * document order. With a `partial` path (only its start is known), every location the rest could
 * still lead to is returned too; an empty list when none matches (nginx then answers 404 itself).
 */
export function selectNginxLocations<T extends { readonly nginx?: NginxLocationMatch }>(
  locations: readonly T[],
  path: string,
  partial = false,
): T[] {
  const pathOnly = path.replace(/[?#].*$/s, '');
  const chosen = chooseNginxLocation(locations, pathOnly) ?? undefined;
  if (!partial) return chosen ? [chosen] : [];
  // What the unknown rest of the path may still reach: a longer prefix or exact path, any regex.
  const more = locations.filter((location) => {
    const written = location.nginx;
    if (!written || location === chosen) return false;
    if (written.modifier === '~' || written.modifier === '~*') return true;
    return written.path.startsWith(pathOnly) && written.path !== pathOnly;
  });
  return chosen ? [chosen, ...more] : more;
}

/**
 * The one location nginx chooses for a whole `path` (no query): `null` when none matches (the
 * server itself answers), undefined when it cannot be told (a regex JavaScript cannot read comes
 * before the match).
 */
export function chooseNginxLocation<T extends { readonly nginx?: NginxLocationMatch }>(
  locations: readonly T[],
  path: string,
): T | null | undefined {
  const exact = locations.find(
    (location) => location.nginx?.modifier === '=' && location.nginx.path === path,
  );
  if (exact) return exact;
  let prefix: T | undefined;
  for (const location of locations) {
    const written = location.nginx;
    if (
      written &&
      (written.modifier === '' || written.modifier === '^~') &&
      path.startsWith(written.path) &&
      written.path.length > (prefix?.nginx?.path.length ?? -1)
    )
      prefix = location;
  }
  if (prefix?.nginx?.modifier === '^~') return prefix;
  for (const location of locations) {
    const written = location.nginx;
    if (!written || (written.modifier !== '~' && written.modifier !== '~*')) continue;
    const pattern = nginxPattern(written);
    if (!pattern) return undefined;
    if (pattern.test(path)) return location;
  }
  return prefix ?? null;
}

const nginxPatterns = new Map<string, RegExp | undefined>();

/** An nginx location regex (PCRE) as a JavaScript one; undefined when JavaScript cannot read it. */
function nginxPattern(written: NginxLocationMatch): RegExp | undefined {
  const key = `${written.modifier}\0${written.path}`;
  if (!nginxPatterns.has(key)) {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(
        written.path.replace(/\(\?P</g, '(?<'),
        written.modifier === '~*' ? 'i' : '',
      );
    } catch {
      pattern = undefined;
    }
    nginxPatterns.set(key, pattern);
  }
  return nginxPatterns.get(key);
}
