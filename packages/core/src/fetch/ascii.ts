/**
 * ASCII-only case mapping. HTTP names and methods are byte strings; `toLowerCase()` would also map
 * non-ASCII letters (e.g. the Kelvin sign to `k`) and let a bogus name match a real one.
 */

export function asciiLowercase(text: string): string {
  return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

export function asciiUppercase(text: string): string {
  return text.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 32));
}

/** HTTP optional whitespace (RFC 9110 §5.6.3 OWS): space and horizontal tab only. */
export function trimOws(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}
