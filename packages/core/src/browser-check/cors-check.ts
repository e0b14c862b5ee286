/**
 * The browser side of CORS as a pure function: does a preflight happen, and would a given
 * response pass? Failures are classified the way Chromium reports them (cors.cc CheckAccess,
 * preflight_controller.cc, preflight_result.cc), so `failure` and `hint` fill the console text.
 */

import { asciiLowercase, asciiUppercase, trimOws } from '../fetch/ascii.js';
import { parseHeaderList } from '../fetch/header-names.js';
import { isCorsSafelistedMethod, normalizeMethod } from '../fetch/methods.js';
import {
  CORS_NON_WILDCARD_REQUEST_HEADER_NAMES,
  corsUnsafeRequestHeaderNames,
} from '../fetch/request-headers.js';
import type { BrowserFailure } from '../messages/console-messages.js';

export interface CorsRequest {
  /** The page's serialized origin, or `null` (sandboxed, file:, redirect-tainted). */
  origin: string;
  credentials: 'omit' | 'same-origin' | 'include';
  /** As written in script; fetch normalizes it before sending (Fetch §methods). */
  method: string;
  headers: ReadonlyArray<readonly [string, string]>;
}

/** Header lines as sent: names in any case, a name may repeat. */
export type ResponseHeaders = ReadonlyArray<readonly [string, string]>;

export interface CorsResponse {
  status: number;
  headers: ResponseHeaders;
}

export type CorsVerdict =
  { ok: true } | { ok: false; failure: BrowserFailure; hint: string; preflight: boolean };

export type PreflightReason =
  /** The method (as sent) is not GET, HEAD or POST. */
  | { kind: 'method'; method: string }
  /** A header script set is not CORS-safelisted (lowercased name; a repeated header by its joined value). */
  | { kind: 'header'; name: string };

const OK: CorsVerdict = { ok: true };

/** Fetch §main-fetch: a preflight is needed for an unsafe method or any CORS-unsafe request-header name. */
export function needsPreflight(request: CorsRequest): {
  needed: boolean;
  reasons: PreflightReason[];
} {
  const reasons: PreflightReason[] = [];
  const method = normalizeMethod(request.method);
  if (!isCorsSafelistedMethod(method)) reasons.push({ kind: 'method', method });

  for (const name of corsUnsafeRequestHeaderNames(request.headers))
    reasons.push({ kind: 'header', name });
  return { needed: reasons.length > 0, reasons };
}

/** All values of a header, in order. */
function headerValues(headers: ResponseHeaders, name: string): string[] {
  return headers.filter(([n]) => asciiLowercase(n) === name).map(([, v]) => trimOws(v));
}

/** Fetch "get": repeated lines are combined with `, `; undefined when absent. */
function getHeader(headers: ResponseHeaders, name: string): string | undefined {
  const values = headerValues(headers, name);
  return values.length === 0 ? undefined : values.join(', ');
}

/**
 * Roughly what Chromium's GURL accepts: a scheme, and for special schemes a non-empty host
 * without forbidden characters and a valid port. Only used to tell "invalid" from "mismatch".
 */
function parsesAsUrl(value: string): boolean {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(value);
  if (!match) return false;
  const [, scheme = '', rest = ''] = match;
  if (!['http', 'https', 'ws', 'wss', 'ftp', 'file'].includes(asciiLowercase(scheme))) return true;
  const authority = (/^[/\\]*([^/\\?#]*)/.exec(rest)?.[1] ?? '').replace(/^.*@/, '');
  const hostPort = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(authority);
  if (!hostPort) return false;
  const [, host = '', port = ''] = hostPort;
  if (asciiLowercase(scheme) === 'file') return true;
  return (
    host !== '' &&
    !/[\x00-\x20#%/:<>?@[\\\]^|]/.test(host.replace(/^\[|\]$/g, '')) &&
    (port === '' || Number(port) <= 65535)
  );
}

function fail(failure: BrowserFailure, hint: string, preflight: boolean): CorsVerdict {
  return { ok: false, failure, hint, preflight };
}

/** Fetch §cors-check, classified like Chromium's CheckAccess. */
function corsCheck(
  request: CorsRequest,
  headers: ResponseHeaders,
  preflight: boolean,
): CorsVerdict {
  const include = request.credentials === 'include';
  const origins = headerValues(headers, 'access-control-allow-origin');
  if (origins.length === 0) return fail('missing-allow-origin', '', preflight);
  // Chromium sees the joined `a, b`; Firefox names the repeated line. Either way it fails.
  if (origins.length > 1) return fail('multiple-allow-origin-lines', origins.join(', '), preflight);
  const value = origins[0] ?? '';
  if (value === '*')
    return include ? fail('wildcard-origin-with-credentials', value, preflight) : OK;
  if (value !== request.origin) {
    if (value === 'null') return fail('allow-origin-mismatch', value, preflight);
    if (/[ ,]/.test(value)) return fail('multiple-allow-origin-values', value, preflight);
    if (!parsesAsUrl(value)) return fail('invalid-allow-origin', value, preflight);
    return fail('allow-origin-mismatch', value, preflight);
  }
  if (!include) return OK;
  const credentials = getHeader(headers, 'access-control-allow-credentials');
  return credentials === 'true'
    ? OK
    : fail('invalid-allow-credentials', credentials ?? '', preflight);
}

function isOkStatus(status: number): boolean {
  return status >= 200 && status <= 299;
}

function isRedirect(response: CorsResponse): boolean {
  return (
    [301, 302, 303, 307, 308].includes(response.status) &&
    getHeader(response.headers, 'location') !== undefined
  );
}

/** Preflight steps shared by both entry points: no redirect, the CORS check, then an ok status (Chromium's order). */
function preflightAccess(request: CorsRequest, response: CorsResponse): CorsVerdict {
  if (isRedirect(response))
    return fail('preflight-redirect', getHeader(response.headers, 'location') ?? '', true);
  const access = corsCheck(request, response.headers, true);
  if (!access.ok) return access;
  return isOkStatus(response.status)
    ? OK
    : fail('preflight-invalid-status', String(response.status), true);
}

/**
 * Fetch §cors-check on a response. With `preflight`, the response is the preflight's and must also
 * have an ok status; any status is fine for an actual response.
 */
export function checkCorsResponse(
  request: CorsRequest,
  response: CorsResponse,
  opts?: { preflight?: boolean },
): CorsVerdict {
  return opts?.preflight === true
    ? preflightAccess(request, response)
    : corsCheck(request, response.headers, false);
}

/**
 * Fetch §cors-preflight-fetch: would this preflight response let `request` (the actual request)
 * through? Chromium's order: CORS check, ok status, parse Allow-Methods, parse Allow-Headers,
 * method, headers.
 *
 * `Authorization` under `Access-Control-Allow-Headers: *` fails as the spec says, with the
 * `authorization-not-covered-by-wildcard` failure; Chrome and Firefox still let it through with a
 * warning, which `legacyAuthorizationWildcard: true` reproduces.
 */
export function checkPreflightResponse(
  request: CorsRequest,
  response: CorsResponse,
  opts?: { legacyAuthorizationWildcard?: boolean },
): CorsVerdict {
  const access = preflightAccess(request, response);
  if (!access.ok) return access;

  const include = request.credentials === 'include';
  const methods = parseHeaderList(
    getHeader(response.headers, 'access-control-allow-methods') ?? '',
  );
  const firstBadMethod = methods.invalid[0];
  if (firstBadMethod !== undefined)
    return fail('invalid-allow-methods-token', firstBadMethod, true);
  const headers = parseHeaderList(
    getHeader(response.headers, 'access-control-allow-headers') ?? '',
  );
  const firstBadHeader = headers.invalid[0];
  if (firstBadHeader !== undefined)
    return fail('invalid-allow-headers-token', firstBadHeader, true);

  // Chromium compares the uppercased request method case-sensitively against the list as sent,
  // so `put` in the list never matches (preflight_result.cc EnsureAllowedCrossOriginMethod).
  const method = normalizeMethod(request.method);
  const upper = asciiUppercase(method);
  const methodAllowed =
    methods.items.includes(upper) ||
    isCorsSafelistedMethod(upper) ||
    (!include && methods.items.includes('*'));
  if (!methodAllowed) return fail('method-not-allowed', method, true);

  // With credentials `*` is a literal name (Fetch §cors-preflight-fetch).
  const allowed = new Set(headers.items.map(asciiLowercase));
  const wildcard = !include && allowed.has('*');
  const unsafe = corsUnsafeRequestHeaderNames(request.headers);
  if (wildcard) {
    const uncovered = unsafe.find(
      (name) => CORS_NON_WILDCARD_REQUEST_HEADER_NAMES.has(name) && !allowed.has(name),
    );
    if (uncovered !== undefined && opts?.legacyAuthorizationWildcard !== true)
      return fail('authorization-not-covered-by-wildcard', uncovered, true);
    return OK;
  }
  const missing = unsafe.find((name) => !allowed.has(name));
  return missing === undefined ? OK : fail('header-not-allowed', missing, true);
}
