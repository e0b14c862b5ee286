/**
 * What the browser does with one cross-origin request, against the live server: decide whether a
 * preflight is needed (Fetch §main-fetch, core's `needsPreflight`), send it with the headers a
 * browser sends, check it (`checkPreflightResponse`), then send the request and run the CORS check
 * on its response (`checkCorsResponse`). The verdicts and console texts are core's, the same ones the
 * lint messages quote.
 */
import type { CorsRequest, CorsVerdict, PreflightReason } from 'cors-lint-core';
import { checkCorsResponse, checkPreflightResponse, corsUnsafeRequestHeaderNames, needsPreflight } from 'cors-lint-core';
import type { ProbeArgs } from '../args.js';
import type { Io } from '../output.js';
import type { Exchange } from './http-exchange.js';
import { exchange } from './http-exchange.js';
import { formatProbe } from './format-probe.js';

export interface ProbeReport {
  readonly args: ProbeArgs;
  readonly request: CorsRequest;
  readonly preflightReasons: readonly PreflightReason[];
  readonly preflight: Exchange | undefined;
  readonly actual: Exchange | undefined;
  /** Whether the failure (if any) is the preflight's. */
  readonly verdict: CorsVerdict;
}

export async function probe(args: ProbeArgs): Promise<ProbeReport> {
  const request: CorsRequest = { origin: args.origin, credentials: args.credentials ? 'include' : 'same-origin', method: args.method, headers: args.headers };
  const { needed, reasons } = needsPreflight(request);
  let preflight: Exchange | undefined;
  if (needed) {
    const unsafe = corsUnsafeRequestHeaderNames(args.headers);
    // What Chromium sends: the method as written, the unsafe names lowercased, sorted, joined with ','.
    const headers: [string, string][] = [
      ['Origin', args.origin],
      ['Access-Control-Request-Method', args.method],
      ...(unsafe.length > 0 ? [['Access-Control-Request-Headers', unsafe.join(',')] as [string, string]] : []),
      ['Accept', '*/*'],
    ];
    preflight = await exchange('OPTIONS', args.url, headers, args.timeoutMs);
    const verdict = checkPreflightResponse(request, { status: preflight.status, headers: preflight.responseHeaders }, { legacyAuthorizationWildcard: true });
    // A redirect is not an ok status: the browser stops here with its own message.
    if (preflight.status >= 300 && preflight.status < 400 && !verdict.ok) {
      return { args, request, preflightReasons: reasons, preflight, actual: undefined, verdict: { ok: false, failure: 'preflight-redirect', hint: '', preflight: true } };
    }
    if (!verdict.ok) return { args, request, preflightReasons: reasons, preflight, actual: undefined, verdict };
  }
  const actualHeaders: [string, string][] = [['Origin', args.origin], ...args.headers.map(([name, value]) => [name, value] as [string, string])];
  const actual = await exchange(args.method, args.url, actualHeaders, args.timeoutMs);
  const verdict = checkCorsResponse(request, { status: actual.status, headers: actual.responseHeaders });
  return { args, request, preflightReasons: reasons, preflight, actual, verdict };
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
