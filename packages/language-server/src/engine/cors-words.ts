/**
 * The server's cheapest test, run on the main thread before a document goes to the lint worker; it
 * loads nothing of ESLint.
 */

/**
 * Words without which a document cannot configure CORS or make a cross-origin request. Each rule
 * needs one of them to report anything: the `cors` package or `no-cors` mode, hand-set
 * `Access-Control-*` headers and the calls that set them, and the request APIs client rules inspect.
 * A rule that keys on anything else must add its word here.
 */
const CORS_WORDS = ['cors', 'access-control-', 'fetch', 'axios', 'XMLHttpRequest', 'Headers', 'setHeader', 'writeHead', 'no-cors'];
const CORS_WORD_PATTERN = new RegExp(CORS_WORDS.map((word) => word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|'), 'i');

/** Cheap text pre-check: a document with none of these cannot configure CORS and is answered without parsing. */
export function mayContainCors(text: string): boolean {
  return CORS_WORD_PATTERN.test(text);
}
