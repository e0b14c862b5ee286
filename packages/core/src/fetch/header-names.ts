/** The HTTP token grammar and the `#rule` list syntax used by the Access-Control-* headers. */

import { trimOws } from './ascii.js';

// RFC 9110 §5.6.2 token = 1*tchar
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isHttpToken(text: string): boolean {
  return TOKEN.test(text);
}

/**
 * Splits a `#field-name` / `#method` list (Fetch §http-new-header-syntax, RFC 9110 §5.6.1).
 * Empty items (`a,,b`, a trailing comma) are ignored as the `#rule` allows. `items` holds every
 * non-empty item in order, valid or not; `invalid` repeats the ones that are not tokens, so a
 * non-empty `invalid` means the browser fails to parse the whole header.
 */
export function parseHeaderList(value: string): { items: string[]; invalid: string[] } {
  const items: string[] = [];
  const invalid: string[] = [];
  for (const raw of value.split(',')) {
    const item = trimOws(raw);
    if (item === '') continue;
    items.push(item);
    if (!isHttpToken(item)) invalid.push(item);
  }
  return { items, invalid };
}
