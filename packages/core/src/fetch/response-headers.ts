/** Response header names: what script may read, and the CORS headers a server sends. */

import { asciiLowercase } from './ascii.js';

export const ACAO = 'Access-Control-Allow-Origin';
export const ACAC = 'Access-Control-Allow-Credentials';
export const ACAM = 'Access-Control-Allow-Methods';
export const ACAH = 'Access-Control-Allow-Headers';
export const ACEH = 'Access-Control-Expose-Headers';
export const ACMA = 'Access-Control-Max-Age';

// Fetch §cors-safelisted-response-header-name (lowercased); readable without Expose-Headers.
export const CORS_SAFELISTED_RESPONSE_HEADER_NAMES: ReadonlySet<string> = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
]);

// Fetch §forbidden-response-header-name (lowercased); never exposed, even when listed.
export const FORBIDDEN_RESPONSE_HEADER_NAMES: ReadonlySet<string> = new Set([
  'set-cookie',
  'set-cookie2',
]);

export function isCorsSafelistedResponseHeader(name: string): boolean {
  return CORS_SAFELISTED_RESPONSE_HEADER_NAMES.has(asciiLowercase(name));
}

export function isForbiddenResponseHeader(name: string): boolean {
  return FORBIDDEN_RESPONSE_HEADER_NAMES.has(asciiLowercase(name));
}

// Fetch §http-responses: the CORS protocol's response headers.
const CANONICAL_CORS_HEADER_NAMES: ReadonlyMap<string, string> = new Map(
  [ACAO, ACAC, ACAM, ACAH, ACEH, ACMA].map((name) => [asciiLowercase(name), name]),
);

/** `access-control-allow-origin` → `Access-Control-Allow-Origin`; undefined for any other name. */
export function canonicalCorsHeaderName(name: string): string | undefined {
  return CANONICAL_CORS_HEADER_NAMES.get(asciiLowercase(name));
}
