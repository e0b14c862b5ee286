/**
 * A client request against the servers of its project: does the server that answers it allow what
 * it sends and expose what it reads? Pure matching on `ServerSurface` data; the adapter supplies the
 * request (with its own handles) and the surfaces (with `SourceRef`s).
 *
 * It stays quiet unless it knows: a relative URL is same-origin (no CORS at all); a URL whose origin
 * is one of the app's origins or a same-origin prefix (a dev proxy) is same-origin; a URL it cannot
 * read (an env or template base) matches nothing; an `unknown` policy or setting passes; and where
 * several servers or rules could answer, a finding is reported only when every candidate fails.
 */
import type { Finding, FixIntent, Suggestion } from '../findings.js';
import { isCorsSafelistedMethod, normalizeMethod } from '../fetch/methods.js';
import {
  corsUnsafeRequestHeaderNames,
  isForbiddenRequestHeader,
  mayBeCorsSafelistedRequestHeader,
} from '../fetch/request-headers.js';
import { asciiLowercase, asciiUppercase } from '../fetch/ascii.js';
import { parseHeaderList } from '../fetch/header-names.js';
import { exposedHeaderNames, needsExposing } from '../checks/require-exposed-headers.js';
import type { ClientRequest } from '../policy/client-request.js';
import type { CorsPolicy } from '../policy/cors-policy.js';
import { sendsCredentials } from '../policy/cors-policy.js';
import type { RouteRule, ServerSurface, SourceRef, Upstream } from './server-surface.js';
import { allowedRequestHeaders, pathMatches, selectNginxLocations } from './server-surface.js';

/** A response header the client's script reads (`response.headers.get('X-Total-Count')`). */
export interface HeaderRead<H> {
  readonly name: string;
  readonly at: H;
}

export interface ContractOptions<H> {
  /** The origins the app's pages are served from (`settings.cors.appOrigins`). */
  readonly appOrigins?: readonly string[];
  /**
   * Whether the request's URL as known is the whole URL; `false` when it is the start of a template
   * (`https://api.example.com/orders/${id}`), so a route need only be able to continue it.
   */
  readonly urlComplete?: boolean;
  /**
   * Paths a dev server proxies to a backend (`vite.config` `server.proxy`, Next.js rewrites,
   * package.json `proxy`), each on the dev server's origin: a request there is same-origin, whatever
   * the backend then answers.
   */
  readonly proxied?: readonly ProxiedPrefix[];
  /** Response headers the request's response is read for. */
  readonly headersRead?: readonly HeaderRead<H>[];
  /**
   * Filled with the server files the verdict depends on: each candidate rule's surface file, or
   * `ANY_SERVER_FILE` for a cross-origin request no rule covers yet (any server file may come to
   * cover it). The language server re-lints a client when one of these changes.
   */
  readonly consulted?: Set<string>;
}

/** A path prefix a dev server at `origin` forwards to a backend. */
export interface ProxiedPrefix {
  readonly origin: string;
  readonly prefix: string;
}

/** The contract findings; each names the server rule (`data.server`, `file:line`) in its message. */
export type ContractMessageId =
  | 'credentialsNotAllowed'
  | 'credentialsWithWildcard'
  | 'headerNotAllowed'
  | 'methodNotAllowed'
  | 'preflightNotAnswered'
  | 'preflightRefused'
  | 'headerNotExposedByServer';

export interface ContractFinding<H> extends Finding<H> {
  readonly messageId: ContractMessageId;
  /** The server rule that fails the request (the first candidate's, when several all fail). */
  readonly server: SourceRef;
  /**
   * The edit of the server file that makes the request pass there, when one is safe to propose.
   * ESLint edits only the linted file, so no rule applies it; an editor offers it as a suggestion.
   */
  readonly serverFix?: ServerFix;
}

/**
 * A suggestion on the server's side of a contract finding: `fix` edits the server file `policy.file`,
 * whose CORS policy is the one written at `policy`; the adapter finds that policy again in the
 * file's current text and turns the intent into text there. `messageId` names its description in
 * the finding's rule's messages.
 */
export interface ServerFix {
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
  readonly policy: SourceRef;
  readonly fix: FixIntent<SourceRef>;
}

/** Where a request goes, as far as the code says. */
interface Target {
  readonly origin: string;
  readonly path: string;
  readonly partial: boolean;
}

/** The origin and path of an absolute http(s) URL; undefined for a relative or unreadable one. */
function targetOf(url: string, complete: boolean): Target | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  // `https://api.example.com` + an unknown rest: the path is unknown beyond its start.
  return { origin: parsed.origin, path: parsed.pathname, partial: !complete };
}

/** In `ContractOptions.consulted`: the verdict may change with any server file of the project. */
export const ANY_SERVER_FILE = '*';

export function checkRequestAgainstSurfaces<H>(
  request: ClientRequest<H>,
  surfaces: readonly ServerSurface[],
  options: ContractOptions<H> = {},
): ContractFinding<H>[] {
  if (
    request.url.kind !== 'known' ||
    (request.mode.kind === 'known' && request.mode.value !== 'cors')
  )
    return [];
  const target = targetOf(request.url.value, options.urlComplete ?? true);
  // Relative: the page's own origin, no CORS. An app origin: same-origin too.
  if (!target || (options.appOrigins ?? []).includes(target.origin)) return [];
  if (
    options.proxied?.some(
      ({ origin, prefix }) =>
        origin === target.origin &&
        pathMatches({ kind: 'prefix', path: prefix }, target.path, false) === 'yes',
    )
  )
    return [];
  const method =
    request.method.kind === 'known'
      ? asciiUppercase(normalizeMethod(request.method.value))
      : request.method.kind === 'absent'
        ? 'GET'
        : undefined;
  if (method === undefined) return [];

  const candidates = memoizedCandidates(surfaces, target, method);
  if (options.consulted) {
    if (candidates.length === 0) options.consulted.add(ANY_SERVER_FILE);
    for (const { surface } of candidates) options.consulted.add(surface.file);
  }
  const [first, ...rest] = candidates;
  if (!first) return [];
  // A finding is reported only when every candidate rule fails the same thing (its key): the first
  // rule's findings, kept while each other rule fails them too. Once none is left, the rest need no look.
  const sent = whatItSends(request, method);
  let kept = findingsFor(request, sent, first, options);
  for (const candidate of rest) {
    if (kept.length === 0) break;
    const failing = new Set(findingsFor(request, sent, candidate, options).map(keyOf));
    kept = kept.filter((finding) => failing.has(keyOf(finding)));
  }
  return kept;
}

/** What a request sends that a server must allow, the same whichever rule answers it. */
interface SentByRequest<H> {
  readonly method: string;
  readonly credentials: boolean;
  readonly headers: readonly UnsafeHeader<H>[];
  readonly methodPreflights: boolean;
  readonly preflights: boolean;
}

function whatItSends<H>(request: ClientRequest<H>, method: string): SentByRequest<H> {
  const headers = unsafeHeaders(request);
  const methodPreflights = !isCorsSafelistedMethod(method);
  return {
    method,
    credentials: request.credentials.kind === 'known' && request.credentials.value === 'include',
    headers,
    methodPreflights,
    preflights: methodPreflights || headers.length > 0 || request.uploadListeners.length > 0,
  };
}

/**
 * What fails, whatever the rule that makes it fail: the credentials, one request header, the method
 * (not allowed, or its preflight unanswered), one response header read. Candidates may fail the same
 * thing differently (one rule answers no preflight, another does not allow the method).
 */
function keyOf<H>(finding: ContractFinding<H>): string {
  switch (finding.messageId) {
    case 'credentialsNotAllowed':
    case 'credentialsWithWildcard':
      return 'credentials';
    case 'methodNotAllowed':
    case 'preflightNotAnswered':
    case 'preflightRefused':
      return 'method';
    case 'headerNotAllowed':
      return `header\0${asciiLowercase(finding.data['header'] ?? '')}`;
    case 'headerNotExposedByServer':
      return `read\0${asciiLowercase(finding.data['header'] ?? '')}`;
  }
}

/** A rule of one server that may answer a request. */
export interface CandidateRule {
  readonly rule: RouteRule;
  readonly surface: ServerSurface;
  /**
   * For a rule with CORS headers of its own that passes the request on (nginx `add_header` +
   * `proxy_pass`): the upstream app's rules, whose response headers reach the client through it.
   */
  readonly behind?: readonly CandidateRule[];
  /** With `behind`: the response headers the apps behind it write (lowercased), which reach the client too. */
  readonly passedHeaders?: readonly string[];
  /**
   * A rule of the app behind a proxy that refuses every preflight itself (nginx `limit_except`
   * without OPTIONS, no CORS headers of its own): the proxy's rule, whose refusal the browser sees
   * instead of the app's answer.
   */
  readonly refusedBy?: RouteRule;
}

/** Where a request goes on its way through the servers: the path, and whether only its start is known. */
interface PathTarget {
  readonly path: string;
  readonly partial: boolean;
}

/**
 * A surfaces list looked up by origin, and cut to the servers a request at an unknown origin may
 * reach (a route of their own), built once per list: a project's facts keep one list until a
 * server file changes, and a large project has hundreds of server files.
 */
interface SurfaceLookup {
  readonly byOrigin: ReadonlyMap<string, readonly ServerSurface[]>;
  /** The surfaces with a specific route of their own that serve any origin, in list order. */
  readonly routed: readonly ServerSurface[];
}

const lookups = new WeakMap<readonly ServerSurface[], SurfaceLookup>();

function lookupOf(surfaces: readonly ServerSurface[]): SurfaceLookup {
  let lookup = lookups.get(surfaces);
  if (!lookup) {
    const byOrigin = new Map<string, ServerSurface[]>();
    for (const surface of surfaces)
      for (const origin of new Set(surface.origins)) {
        const list = byOrigin.get(origin);
        if (list) list.push(surface);
        else byOrigin.set(origin, [surface]);
      }
    const routed = surfaces.filter(
      (surface) =>
        !surface.onlyAtOrigins &&
        surface.routes.some((rule) => rule.specific && rule.match.kind !== 'any'),
    );
    lookups.set(surfaces, (lookup = { byOrigin, routed }));
  }
  return lookup;
}

/** The surfaces of the list served at one of `origins`, in list order, without `except`. */
function surfacesAt(
  surfaces: readonly ServerSurface[],
  origins: readonly string[],
  except: ServerSurface | undefined,
): ServerSurface[] {
  const { byOrigin } = lookupOf(surfaces);
  const found = new Set<ServerSurface>();
  for (const origin of origins)
    for (const surface of byOrigin.get(origin) ?? []) found.add(surface);
  if (except) found.delete(except);
  if (found.size <= 1 || origins.length <= 1) return [...found];
  return surfaces.filter((surface) => found.has(surface));
}

/**
 * The rules that may answer: of the servers known to be reached at one of `origins`, else of the
 * servers with a route of their own for the path (a catch-all of some server is no evidence that it
 * is the one at that URL). A request no rule covers is not judged. A rule that passes the request on
 * (nginx `proxy_pass`) without CORS headers of its own gives way to the upstream's rules. `method`
 * undefined: whatever the method. `except`: a server never to answer (the proxy passing it on).
 */
function candidateRules(
  surfaces: readonly ServerSurface[],
  origins: readonly string[],
  target: PathTarget,
  method: string | undefined,
  depth = 0,
  except?: ServerSurface,
): CandidateRule[] {
  const matching = (surface: ServerSurface) =>
    surface.selection === 'nginx-location'
      ? selectNginxLocations(surface.routes, target.path, target.partial)
      : surface.routes.filter(
          (rule) =>
            (rule.methods === 'any' || method === undefined || rule.methods.includes(method)) &&
            pathMatches(rule.match, target.path, target.partial) !== 'no',
        );
  const atOrigin = surfacesAt(surfaces, origins, except);
  const candidates =
    atOrigin.length > 0
      ? atOrigin.flatMap((surface) => matching(surface).map((rule) => ({ rule, surface })))
      : lookupOf(surfaces).routed.flatMap((surface) => {
          if (surface === except) return [];
          const rules = matching(surface);
          return rules.some((rule) => rule.specific && rule.match.kind !== 'any')
            ? rules.map((rule) => ({ rule, surface }))
            : [];
        });
  return candidates.flatMap((candidate) => forwarded(candidate, surfaces, target, method, depth));
}

/**
 * `candidateRules` for a request's own origin, remembered per surfaces list: the facts of a project
 * keep one list until a server file changes, and every request of every client file asks it again
 * (an editor re-lints a file on each keystroke, a project's files call the same endpoints).
 */
const candidateMemo = new WeakMap<readonly ServerSurface[], Map<string, CandidateRule[]>>();
/** Distinct requests remembered per list; past it the memo starts again, so it never grows unbounded. */
const MEMO_LIMIT = 4096;

function memoizedCandidates(
  surfaces: readonly ServerSurface[],
  target: Target,
  method: string,
): CandidateRule[] {
  let memo = candidateMemo.get(surfaces);
  if (!memo) candidateMemo.set(surfaces, (memo = new Map()));
  const key = `${target.origin}\0${target.path}\0${target.partial}\0${method}`;
  let found = memo.get(key);
  if (!found) {
    found = candidateRules(surfaces, [target.origin], target, method);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, found);
  }
  return found;
}

/** Passing proxies, at most this many in a row: a loop of `proxy_pass`es is a config nginx itself would loop on. */
const MAX_FORWARDS = 3;

/**
 * The upstream's rules for a rule that passes the request on without CORS headers of its own; the
 * rule itself otherwise, with the upstream's rules `behind` it when it passes the request on.
 */
function forwarded(
  candidate: CandidateRule,
  surfaces: readonly ServerSurface[],
  target: PathTarget,
  method: string | undefined,
  depth: number,
): CandidateRule[] {
  const upstream = candidate.rule.forwardsTo;
  if (!upstream || depth >= MAX_FORWARDS) return [candidate];
  const found = upstreamRules(surfaces, candidate.surface, upstream, target, method, depth + 1);
  if (candidate.rule.policy === 'none') {
    if (found.length === 0) return [candidate];
    // A preflight the proxy refuses never reaches the app: its refusal is the answer.
    const refuses =
      candidate.rule.preflight === 'not-answered' && candidate.rule.preflightRefusal !== undefined;
    return refuses ? found.map((app) => ({ ...app, refusedBy: candidate.rule })) : found;
  }
  // The app's headers pass through whichever of its rules answers, a route without CORS too.
  const apps = new Set([
    ...surfacesAt(surfaces, upstream.origins, candidate.surface),
    ...found.map(({ surface }) => surface),
  ]);
  if (apps.size === 0) return [candidate];
  return [
    {
      ...candidate,
      behind: found,
      passedHeaders: [...apps].flatMap((surface) => surface.responseHeaders),
    },
  ];
}

/**
 * The rules of the app behind `upstream` that may answer a request for `target` reaching the
 * server `from` (never one of its own rules): at the upstream's origins, else the servers
 * with a route of their own for the path, after the upstream's path rewrite. Empty when none is
 * known. An upstream named, not addressed (`http://api:3000` in a compose network) has no origin:
 * only a route of its own finds its app.
 */
export function upstreamRules(
  surfaces: readonly ServerSurface[],
  from: ServerSurface | undefined,
  upstream: Upstream,
  target: PathTarget,
  method: string | undefined,
  depth = 0,
): CandidateRule[] {
  let path = target.path;
  if (upstream.replacePrefix) {
    if (!path.startsWith(upstream.replacePrefix.from)) return [];
    path = upstream.replacePrefix.to + path.slice(upstream.replacePrefix.from.length);
  }
  // An upstream belongs to one rule of one server (`from`, or none for a caller outside the
  // surfaces), so the list, the upstream and the request's path and method say what answers.
  let byUpstream = upstreamMemo.get(surfaces);
  if (!byUpstream) upstreamMemo.set(surfaces, (byUpstream = new WeakMap()));
  let memo = byUpstream.get(upstream);
  if (!memo) byUpstream.set(upstream, (memo = new Map()));
  const key = `${from ? 'own' : 'any'}\0${path}\0${target.partial}\0${method ?? ''}\0${depth}`;
  let found = memo.get(key);
  if (!found) {
    found = candidateRules(
      surfaces,
      upstream.origins,
      { path, partial: target.partial },
      method,
      depth,
      from,
    );
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, found);
  }
  return found;
}

/** `upstreamRules`' answers, per surfaces list and upstream: many requests and proxies reach one app. */
const upstreamMemo = new WeakMap<
  readonly ServerSurface[],
  WeakMap<Upstream, Map<string, CandidateRule[]>>
>();

/** A request header that makes it preflight: `name` lowercased, `written` as the code writes it. */
interface UnsafeHeader<H> {
  readonly name: string;
  readonly written: string;
  readonly at: H;
  readonly removable: boolean;
}

/** The request headers that make it preflight and must be allowed, each at its write. */
function unsafeHeaders<H>(request: ClientRequest<H>): UnsafeHeader<H>[] {
  const found = new Map<string, { written: string; at: H }>();
  const implied = new Set<string>();
  for (const write of request.headers.writes) {
    const name = asciiLowercase(write.name);
    if (isForbiddenRequestHeader(name, write.value)) continue;
    // A library's own header (axios's JSON Content-Type) goes only with what implies it.
    if (write.implied) implied.add(name);
    // An unknown value of a header that some values keep safelisted (`Content-Type`) proves nothing.
    if (write.value === undefined) {
      if (!mayBeCorsSafelistedRequestHeader(name) && !found.has(name))
        found.set(name, { written: write.name, at: write.at });
      continue;
    }
    if (corsUnsafeRequestHeaderNames([[write.name, write.value]]).length > 0 && !found.has(name))
      found.set(name, { written: write.name, at: write.at });
  }
  return [...found].map(([name, { written, at }]) => ({
    name,
    written,
    at,
    removable: !implied.has(name),
  }));
}

function findingsFor<H>(
  request: ClientRequest<H>,
  { method, credentials, headers, methodPreflights, preflights }: SentByRequest<H>,
  { rule, surface, behind = [], passedHeaders = [], refusedBy }: CandidateRule,
  options: ContractOptions<H>,
): ContractFinding<H>[] {
  const { policy } = rule;
  // No CORS policy we can read: `none` may be added by a proxy in front, `unknown` by code we cannot see.
  if (
    policy === 'none' ||
    policy === 'unknown' ||
    policy.origin.kind === 'unknown' ||
    policy.origin.kind === 'disabled'
  )
    return [];
  const server = rule.source;
  const serverAt = `${server.file}:${server.line}`;
  const findings: ContractFinding<H>[] = [];
  const push = (
    messageId: ContractMessageId,
    at: H,
    data: Record<string, string> = {},
    suggestions: readonly Suggestion<H>[] = [],
    serverFix?: Omit<ServerFix, 'policy' | 'data'>,
    failingAt: SourceRef = server,
  ) =>
    findings.push({
      messageId,
      at,
      data: {
        server: failingAt === server ? serverAt : `${failingAt.file}:${failingAt.line}`,
        ...data,
      },
      server: failingAt,
      ...(suggestions.length > 0 ? { suggestions } : {}),
      ...(serverFix
        ? { serverFix: { ...serverFix, data: { server: serverAt, ...data }, policy: policy.at } }
        : {}),
    });

  if (credentials && request.credentials.kind === 'known') {
    // Without credentials the request passes: a suggestion, since the server may need the cookies.
    const omit: Suggestion<H>[] = [
      { messageId: 'omitCredentials', fix: { kind: 'remove', at: request.credentials.at } },
    ];
    if (policy.origin.kind === 'wildcard' && sendsCredentials(policy))
      push('credentialsWithWildcard', request.credentials.at, {}, omit);
    else if (!sendsCredentials(policy) && policy.credentials.kind !== 'unknown')
      push('credentialsNotAllowed', request.credentials.at, {}, omit, allowCredentials(policy));
  }

  // nginx may answer the preflight itself, with other headers than the request's response.
  const preflightPolicy = rule.preflightPolicy ?? policy;
  if (
    preflights &&
    (refusedBy !== undefined ||
      rule.preflight === 'not-answered' ||
      preflightPolicy === 'none' ||
      preflightPolicy.origin.kind === 'disabled')
  ) {
    // A refusal that keeps Access-Control-Allow-Origin passes the CORS check; its status fails it.
    const refusal = refusedBy
      ? refusedBy.preflightRefusal
      : rule.preflight === 'not-answered'
        ? rule.preflightRefusal
        : undefined;
    const [only] = headers;
    // Only one header makes it preflight: without it the request is simple and needs no answer,
    // where the server lets its method through.
    const unpreflight: Suggestion<H>[] =
      !methodPreflights &&
      (refusal?.methods === undefined || refusal.methods.includes(method)) &&
      headers.length === 1 &&
      only?.removable === true &&
      request.uploadListeners.length === 0
        ? [
            {
              messageId: 'removePreflightHeader',
              data: { header: only.written },
              fix: { kind: 'remove', at: only.at },
            },
          ]
        : [];
    push(
      refusal?.allowOrigin === true ? 'preflightRefused' : 'preflightNotAnswered',
      request.method.kind === 'known' && methodPreflights
        ? request.method.at
        : (headers[0]?.at ?? request.at),
      refusal?.allowOrigin === true
        ? { method, status: refusal.statuses.join(' or ') }
        : { method },
      unpreflight,
      // An OPTIONS handler behind a refusal never sees the preflight.
      refusal ? undefined : answerPreflight(policy, rule),
      refusedBy?.source,
    );
  } else if (preflights && preflightPolicy !== 'none') {
    const allowedHeaders = allowedRequestHeaders(preflightPolicy);
    if (allowedHeaders !== 'reflect' && allowedHeaders !== 'unknown') {
      // `*` covers every name but Authorization, and only without credentials (Fetch §cors-preflight-fetch).
      const wildcard = !credentials && allowedHeaders.names.has('*');
      for (const header of headers) {
        if (allowedHeaders.names.has(header.name) || (wildcard && header.name !== 'authorization'))
          continue;
        const remove: Suggestion<H>[] = header.removable
          ? [
              {
                messageId: 'removeHeader',
                data: { header: header.written },
                fix: { kind: 'remove', at: header.at },
              },
            ]
          : [];
        push(
          'headerNotAllowed',
          header.at,
          { header: header.written },
          remove,
          addToList(policy, 'allowHeaders', header.written, 'allowHeaderOnServer'),
        );
      }
    }
    const allowedMethods = allowedMethodNames(preflightPolicy);
    if (
      methodPreflights &&
      allowedMethods &&
      !allowedMethods.has(method) &&
      !(allowedMethods.has('*') && !credentials) &&
      request.method.kind === 'known'
    ) {
      push(
        'methodNotAllowed',
        request.method.at,
        { method, allowed: [...allowedMethods].join(', ') },
        [],
        addToList(policy, 'allowMethods', method, 'allowMethodOnServer'),
      );
    }
  }

  const exposed = exposedThrough(policy, behind, credentials);
  if (exposed) {
    // Behind nginx, the app's own headers reach the client too, and so does its Access-Control-Expose-Headers.
    const written = new Set([...surface.responseHeaders, ...passedHeaders]);
    for (const read of options.headersRead ?? []) {
      const name = asciiLowercase(read.name);
      // Only headers this server writes: a read of a header it never sends is another bug.
      if (!written.has(name) || exposed.has(name) || !needsExposing(read.name)) continue;
      push(
        'headerNotExposedByServer',
        read.at,
        { header: read.name },
        [],
        addToList(policy, 'exposeHeaders', read.name, 'exposeHeaderOnServer'),
      );
    }
  }
  return findings;
}

/**
 * The response headers a script may read: the policy's exposed names, and where the response comes
 * from an app behind the server, also those the app's own policies expose (its
 * Access-Control-Expose-Headers line passes through and the browser joins the lines). Undefined
 * when one of them cannot be read.
 */
function exposedThrough(
  policy: CorsPolicy<SourceRef>,
  behind: readonly CandidateRule[],
  credentials: boolean,
): ReadonlySet<string> | undefined {
  const exposed = exposedHeaderNames(policy, credentials);
  if (!exposed || behind.length === 0) return exposed;
  const all = new Set(exposed);
  for (const { rule } of behind) {
    if (rule.policy === 'none') continue;
    if (rule.policy === 'unknown') return undefined;
    const more = exposedHeaderNames(rule.policy, credentials);
    if (!more) return undefined;
    for (const name of more) all.add(name);
  }
  return all;
}

/** The uppercase methods a policy's preflight answer allows; undefined when it cannot be read. */
function allowedMethodNames(policy: CorsPolicy<SourceRef>): Set<string> | undefined {
  const setting = policy.allowMethods;
  if ((setting.kind !== 'known' && setting.kind !== 'default') || !setting.value.complete)
    return undefined;
  const parsed = setting.value.pieces.map((piece) => parseHeaderList(piece.text));
  if (parsed.some(({ invalid }) => invalid.length > 0)) return undefined;
  // Browsers compare the list as sent, case-sensitively: a lowercase entry allows nothing but is valid-header-values' report.
  return new Set(
    parsed
      .flatMap(({ items }) => items)
      .map((item) => (item === '*' ? item : asciiUppercase(item))),
  );
}

type ServerFixPart = Omit<ServerFix, 'policy' | 'data'>;

/**
 * Adds `item` to a list setting of the server's policy: after its last entry when the list is
 * written as literals, as a new setting when it is absent and absence means "none" (hand-set
 * headers; a middleware's missing exposed headers). Undefined where the list is not ours to extend
 * (read from elsewhere, a library default that is not empty).
 */
function addToList(
  policy: CorsPolicy<SourceRef>,
  setting: 'allowHeaders' | 'allowMethods' | 'exposeHeaders',
  item: string,
  messageId: string,
): ServerFixPart | undefined {
  const value = policy[setting];
  if (value.kind === 'known' && value.value.complete) {
    const last = value.value.pieces.at(-1);
    return last ? { messageId, fix: { kind: 'add-list-item', at: last.at, item } } : undefined;
  }
  const absentMeansNone =
    value.kind === 'absent' &&
    (policy.source.kind === 'response-headers' || setting === 'exposeHeaders');
  if (!absentMeansNone || setting === 'allowHeaders') return undefined;
  // A hand-set header goes beside the response's Access-Control-Allow-Origin write.
  const at =
    policy.source.kind === 'response-headers' && policy.origin.kind !== 'unknown'
      ? policy.origin.at
      : policy.at;
  return { messageId, fix: { kind: 'add-list-setting', at, setting, items: [item] } };
}

/**
 * Sends `Access-Control-Allow-Credentials: true` for the origins the server lists, and only then: a
 * policy that answers `*` or reflects every origin would let any site read the user's data with
 * their cookies, which is no fix but a hole.
 */
function allowCredentials(policy: CorsPolicy<SourceRef>): ServerFixPart | undefined {
  const listed =
    (policy.origin.kind === 'fixed' &&
      policy.origin.value !== '*' &&
      policy.origin.value !== 'null') ||
    (policy.origin.kind === 'allow-list' &&
      policy.origin.complete &&
      policy.origin.entries.every((entry) => entry.kind === 'exact'));
  if (!listed) return undefined;
  const setting = policy.credentials;
  const value = policy.source.kind === 'middleware' ? true : 'true';
  if (setting.kind === 'known')
    return {
      messageId: 'allowCredentialsOnServer',
      fix: { kind: 'replace-value', at: setting.at, value },
    };
  if (setting.kind === 'absent' || setting.kind === 'default') {
    // A hand-set header goes beside the response's Access-Control-Allow-Origin write.
    const at = policy.source.kind === 'response-headers' ? policy.origin.at : policy.at;
    return {
      messageId: 'allowCredentialsOnServer',
      fix: { kind: 'add-setting', at, setting: 'credentials', value },
    };
  }
  return undefined;
}

/**
 * An OPTIONS route for an Express route whose own `cors()` never sees the preflight: the route
 * registration is the rule's source, the middleware the policy. An `OPTIONS` export for a Next.js
 * route module that sets its CORS headers by hand, answering 204 with the same headers.
 */
function answerPreflight(
  policy: CorsPolicy<SourceRef>,
  rule: RouteRule,
): ServerFixPart | undefined {
  if (rule.routeModule === true && policy.source.kind === 'response-headers')
    return {
      messageId: 'answerPreflightOnServer',
      fix: { kind: 'add-preflight-handler', framework: 'next', at: policy.at },
    };
  if (
    policy.source.kind !== 'middleware' ||
    policy.source.library !== 'cors' ||
    rule.match.kind !== 'route' ||
    (rule.source.line === policy.at.line && rule.source.column === policy.at.column)
  )
    return undefined;
  return {
    messageId: 'answerPreflightOnServer',
    fix: { kind: 'add-preflight-handler', framework: 'express', at: rule.source, like: policy.at },
  };
}
