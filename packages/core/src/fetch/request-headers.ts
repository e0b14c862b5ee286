/** Which request headers scripts may send without a preflight, and which they cannot set at all. */

import { asciiLowercase, trimOws } from './ascii.js';
import { isForbiddenMethod } from './methods.js';
import { mimeTypeEssence } from './mime-type.js';
import { parseSingleRange } from './range.js';

// Fetch §cors-safelisted-request-header: longer values are never safelisted.
const MAX_SAFELISTED_VALUE_BYTES = 128;

// Fetch §cors-safelisted-request-header, Content-Type step.
const SAFELISTED_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);

// Fetch §forbidden-request-header (lowercased).
export const FORBIDDEN_REQUEST_HEADER_NAMES: ReadonlySet<string> = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);

// Fetch §forbidden-request-header: forbidden only when a value names a forbidden method.
const METHOD_OVERRIDE_HEADER_NAMES: ReadonlySet<string> = new Set([
  'x-http-method',
  'x-http-method-override',
  'x-method-override',
]);

// Fetch §cors-non-wildcard-request-header-name: never covered by `Access-Control-Allow-Headers: *`.
export const CORS_NON_WILDCARD_REQUEST_HEADER_NAMES: ReadonlySet<string> = new Set([
  'authorization',
]);

/** Fetch §cors-unsafe-request-header-byte. */
function hasCorsUnsafeByte(value: string): boolean {
  return /[\x00-\x08\x0a-\x1f"():<>?@[\\\]{}\x7f]/.test(value);
}

/** Header values are byte strings; a code point above U+00FF cannot be sent at all (Headers throws). */
function isByteString(value: string): boolean {
  return !/[^\x00-\xff]/.test(value);
}

// Fetch §cors-safelisted-request-header: the names whose value decides; every other name is never safelisted.
const VALUE_DEPENDENT_SAFELISTED_NAMES: ReadonlySet<string> = new Set([
  'accept',
  'accept-language',
  'content-language',
  'content-type',
  'range',
]);

/** Whether some value of this header is CORS-safelisted; false means any value makes a cross-origin request preflight. */
export function mayBeCorsSafelistedRequestHeader(name: string): boolean {
  return VALUE_DEPENDENT_SAFELISTED_NAMES.has(asciiLowercase(name));
}

/** Fetch §cors-safelisted-request-header. `value` is the header value as a byte string. */
export function isCorsSafelistedRequestHeader(name: string, value: string): boolean {
  if (!isByteString(value) || value.length > MAX_SAFELISTED_VALUE_BYTES) return false;
  switch (asciiLowercase(name)) {
    case 'accept':
      return !hasCorsUnsafeByte(value);
    case 'accept-language':
    case 'content-language':
      return /^[0-9A-Za-z *,\-.;=]*$/.test(value);
    case 'content-type': {
      if (hasCorsUnsafeByte(value)) return false;
      const essence = mimeTypeEssence(value);
      return essence !== undefined && SAFELISTED_CONTENT_TYPES.has(essence);
    }
    case 'range': {
      // Suffix ranges (`bytes=-500`) are parseable but deliberately not safelisted.
      const range = parseSingleRange(value);
      return range !== undefined && range.start !== null;
    }
    default:
      return false;
  }
}

// Fetch §no-cors-safelisted-request-header-name (lowercased): all a `no-cors` request keeps.
export const NO_CORS_SAFELISTED_REQUEST_HEADER_NAMES: ReadonlySet<string> = new Set([
  'accept',
  'accept-language',
  'content-language',
  'content-type',
]);

/**
 * Fetch §no-cors-safelisted-request-header: what the "request-no-cors" Headers guard keeps. Any
 * other header set on a `no-cors` request is dropped without an error.
 */
export function isNoCorsSafelistedRequestHeader(name: string, value: string): boolean {
  return (
    NO_CORS_SAFELISTED_REQUEST_HEADER_NAMES.has(asciiLowercase(name)) &&
    isCorsSafelistedRequestHeader(name, value)
  );
}

/** Fetch §forbidden-request-header. Without `value`, the method-override names count as allowed. */
export function isForbiddenRequestHeader(name: string, value?: string): boolean {
  const lower = asciiLowercase(name);
  if (FORBIDDEN_REQUEST_HEADER_NAMES.has(lower)) return true;
  if (lower.startsWith('proxy-') || lower.startsWith('sec-')) return true;
  if (value !== undefined && METHOD_OVERRIDE_HEADER_NAMES.has(lower)) {
    return value.split(',').some((item) => isForbiddenMethod(trimOws(item)));
  }
  return false;
}

/**
 * Fetch §cors-unsafe-request-header-names: the names a preflight lists in
 * `Access-Control-Request-Headers` (lowercased, sorted, unique). Forbidden headers are skipped
 * because `Headers` silently drops them, so script-set ones never reach the request.
 */
export function corsUnsafeRequestHeaderNames(
  headers: ReadonlyArray<readonly [string, string]>,
): string[] {
  const unsafe = new Set<string>();
  for (const [name, value] of combineRepeatedHeaders(headers)) {
    if (isForbiddenRequestHeader(name, value)) continue;
    if (!isCorsSafelistedRequestHeader(name, value)) unsafe.add(asciiLowercase(name));
  }
  return [...unsafe].sort();
}

/**
 * A header set more than once goes out as one line, its values joined with `, `, and that joined
 * value is what must be safelisted: XMLHttpRequest's `setRequestHeader` combines by its standard, and
 * Chromium does the same for `fetch` (measured in Chromium 156: two `Content-Language` values of 70
 * bytes preflight, one of 128 bytes does not). The standard's 1024-byte budget for all safelisted
 * values together can then never be exceeded (five names of at most 128 bytes), so it is not counted.
 */
export function combineRepeatedHeaders(
  headers: ReadonlyArray<readonly [string, string]>,
): [string, string][] {
  const combined = new Map<string, [string, string]>();
  for (const [name, value] of headers) {
    const lower = asciiLowercase(name);
    const earlier = combined.get(lower);
    if (earlier) earlier[1] = `${earlier[1]}, ${value}`;
    else combined.set(lower, [name, value]);
  }
  return [...combined.values()];
}
