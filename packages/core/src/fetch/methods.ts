/** Request methods as the Fetch standard treats them. */

import { asciiUppercase } from './ascii.js';

// Fetch §methods "CORS-safelisted method"; compared byte-exactly.
export const CORS_SAFELISTED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST']);

// Fetch §methods "forbidden method"; compared case-insensitively.
export const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK']);

// Fetch §methods "normalize": only these are uppercased; `patch` goes on the wire as `patch`.
export const NORMALIZED_METHODS: ReadonlySet<string> = new Set([
  'DELETE',
  'GET',
  'HEAD',
  'OPTIONS',
  'POST',
  'PUT',
]);

/** Byte-exact: `get` is not safelisted (but fetch normalizes it to `GET` first, see `normalizeMethod`). */
export function isCorsSafelistedMethod(method: string): boolean {
  return CORS_SAFELISTED_METHODS.has(method);
}

export function isForbiddenMethod(method: string): boolean {
  return FORBIDDEN_METHODS.has(asciiUppercase(method));
}

/** The method fetch()/XHR put on the wire for `method` as written in script. */
export function normalizeMethod(method: string): string {
  const upper = asciiUppercase(method);
  return NORMALIZED_METHODS.has(upper) ? upper : method;
}
