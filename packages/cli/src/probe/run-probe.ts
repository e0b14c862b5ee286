/**
 * What the browser does with one cross-origin request, against the live server: decide whether a
 * preflight is needed (Fetch §main-fetch, core's `needsPreflight`), send it with the headers a
 * browser sends, check it (`checkPreflightResponse`), then send the request and run the CORS check
 * on its response (`checkCorsResponse`). The verdicts and console texts are core's, the same ones the
 * lint messages quote.
 */
import type { CorsRequest, CorsVerdict, PreflightReason } from 'cors-lint-core';
import {
  checkCorsResponse,
  checkPreflightResponse,
  corsUnsafeRequestHeaderNames,
  needsPreflight,
} from 'cors-lint-core';
import type { ProbeArgs } from '../args.js';
import { NetworkError } from '../errors.js';
import type { Io } from '../output.js';
import type { Exchange } from './http-exchange.js';
import { exchange } from './http-exchange.js';
import { formatProbe } from './format-probe.js';

export interface ProbeReport {
  readonly args: ProbeArgs;
  readonly request: CorsRequest;
  readonly preflightReasons: readonly PreflightReason[];
  /** Redirects the browser followed before the last request, each already through the CORS check. */
  readonly redirects: readonly Exchange[];
  /** The last preflight sent (each hop of a redirected request may need its own). */
  readonly preflight: Exchange | undefined;
  readonly actual: Exchange | undefined;
  /** The Origin the last request carried: `null` once a redirect crossed to another origin (Fetch's tainted origin). */
  readonly originSent: string;
  /** Whether the failure (if any) is the preflight's. */
  readonly verdict: CorsVerdict;
}

/** Fetch §http-redirect-fetch: at most 20 redirects, then a network error. */
const MAX_REDIRECTS = 20;
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
/** Dropped when a redirect turns the request into a GET (Fetch's request-body-header names). */
const BODY_HEADERS: ReadonlySet<string> = new Set([
  'content-encoding',
  'content-language',
  'content-location',
  'content-type',
]);

/**
 * What the browser does with one cross-origin request, redirects included (Fetch §http-fetch,
 * §http-redirect-fetch): each hop gets its preflight when needed and the CORS check (a redirect
 * response too must allow the origin); the request then follows the `Location`, with the Origin
 * `null` once it has crossed from one foreign origin to another, and as a GET after a 303 (or a
 * 301/302 of a POST).
 */
export async function probe(args: ProbeArgs): Promise<ProbeReport> {
  const reasons = needsPreflight(
    corsRequest(args.origin, args.method, args.headers, args.credentials),
  ).reasons;
  const redirects: Exchange[] = [];
  let url = args.url;
  let origin = args.origin;
  let method = args.method;
  let headers = args.headers;
  for (;;) {
    const request = corsRequest(origin, method, headers, args.credentials);
    const done = (
      preflight: Exchange | undefined,
      actual: Exchange | undefined,
      verdict: CorsVerdict,
    ): ProbeReport => ({
      args,
      request,
      preflightReasons: reasons,
      redirects,
      preflight,
      actual,
      originSent: origin,
      verdict,
    });
    let preflight: Exchange | undefined;
    if (needsPreflight(request).needed) {
      const unsafe = corsUnsafeRequestHeaderNames(headers);
      // What Chromium sends: the method as written, the unsafe names lowercased, sorted, joined with ','.
      const preflightHeaders: [string, string][] = [
        ['Origin', origin],
        ['Access-Control-Request-Method', method],
        ...(unsafe.length > 0
          ? [['Access-Control-Request-Headers', unsafe.join(',')] as [string, string]]
          : []),
        ['Accept', '*/*'],
      ];
      preflight = await exchange('OPTIONS', url, preflightHeaders, args.timeoutMs);
      const verdict = checkPreflightResponse(
        request,
        { status: preflight.status, headers: preflight.responseHeaders },
        { legacyAuthorizationWildcard: true },
      );
      // A redirect is not an ok status: the browser stops here with its own message.
      if (preflight.status >= 300 && preflight.status < 400 && !verdict.ok)
        return done(preflight, undefined, {
          ok: false,
          failure: 'preflight-redirect',
          hint: '',
          preflight: true,
        });
      if (!verdict.ok) return done(preflight, undefined, verdict);
    }
    const actual = await exchange(
      method,
      url,
      [['Origin', origin], ...headers.map(([name, value]) => [name, value] as [string, string])],
      args.timeoutMs,
    );
    const verdict = checkCorsResponse(request, {
      status: actual.status,
      headers: actual.responseHeaders,
    });
    const location = actual.responseHeaders.find(
      ([name]) => name.toLowerCase() === 'location',
    )?.[1];
    if (!verdict.ok || !REDIRECT_STATUSES.has(actual.status) || location === undefined)
      return done(preflight, actual, verdict);

    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new NetworkError(
        `${url.href} redirected to '${location}', which is no URL: the browser's fetch fails with a network error`,
      );
    }
    if (redirects.length === MAX_REDIRECTS)
      throw new NetworkError(
        `more than ${MAX_REDIRECTS} redirects from ${args.url.href}: the browser's fetch fails with a network error (net::ERR_TOO_MANY_REDIRECTS)`,
      );
    if (next.protocol !== 'http:' && next.protocol !== 'https:')
      throw new NetworkError(
        `${url.href} redirected to ${next.protocol} URL ${next.href}: a CORS request follows http(s) redirects only, so the fetch fails with a network error`,
      );
    if (next.username !== '' || next.password !== '')
      throw new NetworkError(
        `${url.href} redirected to a URL with credentials (${next.protocol}//user:…@…): a CORS request fails with a network error there`,
      );
    redirects.push(actual);
    // Tainted origin: a hop from one foreign origin to another makes the browser send `Origin: null`.
    if (next.origin !== url.origin && url.origin !== args.origin) origin = 'null';
    if (
      actual.status === 303
        ? method !== 'HEAD'
        : (actual.status === 301 || actual.status === 302) && method === 'POST'
    ) {
      method = 'GET';
      headers = headers.filter(([name]) => !BODY_HEADERS.has(name.toLowerCase()));
    }
    url = next;
  }
}

function corsRequest(
  origin: string,
  method: string,
  headers: ProbeArgs['headers'],
  credentials: boolean,
): CorsRequest {
  return { origin, credentials: credentials ? 'include' : 'same-origin', method, headers };
}

export async function runProbe(args: ProbeArgs, io: Io): Promise<number> {
  const report = await probe(args);
  io.stdout.write(formatProbe(report, io));
  return report.verdict.ok ? 0 : 1;
}

export const isCorsHeader = (name: string): boolean => {
  const lower = name.toLowerCase();
  return lower.startsWith('access-control-') || lower === 'vary' || lower === 'location';
};
