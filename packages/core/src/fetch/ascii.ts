/**
 * ASCII-only case mapping. HTTP names and methods are byte strings; `toLowerCase()` would also map
 * non-ASCII letters (e.g. the Kelvin sign to `k`) and let a bogus name match a real one.
 */

// A run of ASCII letters maps the same under `toLowerCase()`/`toUpperCase()`; mapping whole runs
// (and returning the text itself when there is none) keeps these cheap on the hot paths of the rules.
const ASCII_UPPER = /[A-Z]/;
const ASCII_LOWER = /[a-z]/;

export function asciiLowercase(text: string): string {
  return ASCII_UPPER.test(text) ? text.replace(/[A-Z]+/g, (run) => run.toLowerCase()) : text;
}

export function asciiUppercase(text: string): string {
  return ASCII_LOWER.test(text) ? text.replace(/[a-z]+/g, (run) => run.toUpperCase()) : text;
}

/** HTTP optional whitespace (RFC 9110 §5.6.3 OWS): space and horizontal tab only. */
export function trimOws(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}
