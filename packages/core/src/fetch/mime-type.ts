/**
 * The part of MIME Sniffing §parse-a-mime-type that decides success: type and subtype must be
 * tokens. Parameters can never make the parse fail, so they are skipped rather than parsed.
 */

import { asciiLowercase } from './ascii.js';
import { isHttpToken } from './header-names.js';

// MIME Sniffing §http-whitespace
const HTTP_WHITESPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g;

/** The lowercased essence (`type/subtype`) of a MIME type, or undefined when the strict parse fails. */
export function mimeTypeEssence(value: string): string | undefined {
  const input = value.replace(HTTP_WHITESPACE, '');
  const slash = input.indexOf('/');
  if (slash < 0) return undefined;
  const type = input.slice(0, slash);
  const semicolon = input.indexOf(';', slash + 1);
  const subtype = input
    .slice(slash + 1, semicolon < 0 ? undefined : semicolon)
    .replace(/[ \t\r\n]+$/, '');
  if (!isHttpToken(type) || !isHttpToken(subtype)) return undefined;
  return asciiLowercase(`${type}/${subtype}`);
}
