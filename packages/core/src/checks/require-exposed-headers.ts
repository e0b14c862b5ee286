import type { Finding } from '../findings.js';
import { parseHeaderList } from '../fetch/header-names.js';
import {
  canonicalCorsHeaderName,
  isCorsSafelistedResponseHeader,
  isForbiddenResponseHeader,
} from '../fetch/response-headers.js';
import { asciiLowercase } from '../fetch/ascii.js';
import type { CorsPolicy } from '../policy/cors-policy.js';
import { sendsCredentials } from '../policy/cors-policy.js';

/** A response header the code writes on a response the policy covers. `at` is the write. */
export interface WrittenResponseHeader<H> {
  readonly name: string;
  readonly at: H;
}

/**
 * Headers meant for the browser itself, not for page scripts: hiding them from scripts breaks nothing,
 * so they are not reported. (Set-Cookie is forbidden and can never be exposed: Fetch
 * §forbidden-response-header-name.)
 */
const NOT_READ_BY_SCRIPTS: ReadonlySet<string> = new Set([
  'vary',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'server',
  'x-powered-by',
  'strict-transport-security',
  'content-security-policy',
  'content-security-policy-report-only',
  'x-content-type-options',
  'x-frame-options',
  'x-xss-protection',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cross-origin-embedder-policy',
  'cross-origin-resource-policy',
  'timing-allow-origin',
  'access-control-allow-private-network',
]);

/**
 * Headers the browser, an HTTP cache or a proxy reads by itself (revalidation, ranges, downloads,
 * service-worker scope, preload links, redirects, buffering): a server sends them for that reader, so
 * their being hidden from scripts is no evidence of a bug. Reported only where a script in the project
 * reads one, or with the rule's `all` option.
 */
const READ_BY_BROWSER_OR_CACHE: ReadonlySet<string> = new Set([
  'etag',
  'age',
  'date',
  'accept-ranges',
  'content-range',
  'content-disposition',
  'content-location',
  'location',
  'link',
  'retry-after',
  'service-worker-allowed',
  'sourcemap',
  'x-sourcemap',
  'alt-svc',
  'server-timing',
  'www-authenticate',
  'x-accel-buffering',
  'x-accel-redirect',
  'x-robots-tag',
  'x-dns-prefetch-control',
  'origin-agent-cluster',
  'report-to',
  'reporting-endpoints',
  'nel',
]);

export interface ExposedHeadersOptions {
  /** Lowercased names of response headers that a script of the project reads (`response.headers.get(…)`). */
  readonly readByScripts?: ReadonlySet<string>;
  /** Report hidden headers that browsers and caches read by themselves too, without a script reading them. */
  readonly all?: boolean;
  /**
   * `readByScripts` lists what every script of the project reads (the project index), so a header
   * none of them reads is hidden from nobody: report only the headers it lists.
   */
  readonly onlyRead?: boolean;
}

/**
 * On a CORS response, scripts read only the safelisted response headers and the names listed in
 * Access-Control-Expose-Headers (Fetch "CORS-safelisted response-header name", "CORS filtered
 * response"); `*` lists every name only for requests without credentials. Every other header reads
 * as null, silently.
 */
export function checkExposedHeaders<H>(
  policy: CorsPolicy<H>,
  headers: readonly WrittenResponseHeader<H>[],
  options: ExposedHeadersOptions = {},
): Finding<H>[] {
  const origin = policy.origin.kind;
  // No CORS headers at all, or a policy we cannot see the origin of (hand-set headers without ACAO).
  if (origin === 'disabled' || (policy.source.kind === 'response-headers' && origin === 'unknown'))
    return [];
  const exposed = exposedHeaderNames(policy, sendsCredentials(policy));
  if (!exposed) return [];
  const findings: Finding<H>[] = [];
  const reported = new Set<string>();
  for (const header of headers) {
    const name = asciiLowercase(header.name);
    if (exposed.has(name) || reported.has(name) || !needsExposing(header.name)) continue;
    if (READ_BY_BROWSER_OR_CACHE.has(name) && !options.all && !options.readByScripts?.has(name))
      continue;
    if (options.onlyRead && !options.all && !options.readByScripts?.has(name)) continue;
    reported.add(name);
    findings.push({
      messageId: 'headerNotExposed',
      data: { header: header.name },
      at: header.at,
      suggestions: [
        {
          messageId: 'exposeHeader',
          data: { header: header.name },
          fix: exposeFix(policy, header.name),
        },
      ],
    });
  }
  return findings;
}

/** A header scripts cannot read without Access-Control-Expose-Headers, and could with it. */
export function needsExposing(name: string): boolean {
  return (
    !isCorsSafelistedResponseHeader(name) &&
    !isForbiddenResponseHeader(name) &&
    canonicalCorsHeaderName(name) === undefined &&
    !NOT_READ_BY_SCRIPTS.has(asciiLowercase(name))
  );
}

/**
 * The lowercased names the policy exposes; undefined when it may expose anything (a list we cannot
 * read, or `*` for a request without credentials). `credentials`: the request is sent with them; a
 * policy check passes whether the policy allows them, since then some of its requests are.
 */
export function exposedHeaderNames<H>(
  policy: CorsPolicy<H>,
  credentials: boolean,
): Set<string> | undefined {
  const setting = policy.exposeHeaders;
  if (setting.kind === 'absent') return new Set();
  if (setting.kind !== 'known' || !setting.value.complete) return undefined;
  const items = setting.value.pieces.flatMap((piece) =>
    parseHeaderList(piece.text).items.map(asciiLowercase),
  );
  // With credentials `*` is a header named '*' (no-ineffective-wildcard reports that); otherwise it covers all.
  if (items.includes('*') && !credentials) return undefined;
  return new Set(items);
}

function exposeFix<H>(policy: CorsPolicy<H>, header: string): Finding<H>['fix'] & object {
  const setting = policy.exposeHeaders;
  if (setting.kind === 'known') {
    const last = setting.value.pieces.at(-1);
    if (last) return { kind: 'add-list-item', at: last.at, item: header };
  }
  const at =
    policy.source.kind === 'response-headers' && policy.origin.kind !== 'unknown'
      ? policy.origin.at
      : policy.at;
  return { kind: 'add-list-setting', at, setting: 'exposeHeaders', items: [header] };
}
