/**
 * The cheapest test of all, shared by the ESLint plugin (before it walks a file) and the language
 * server (before a document goes to the lint worker), so the editor and CI skip the same files.
 */

/**
 * Words without which a file can neither configure CORS nor make a cross-origin request the client
 * rules inspect: the `cors` package and `no-cors` mode, `Access-Control-*` headers and the calls that
 * set headers whose names may come from another file, servers that mount CORS without naming it
 * (Apollo's `startStandaloneServer`, `apollo-server`), and the request APIs (`fetch`, also ofetch's
 * `$fetch`; axios; `XMLHttpRequest`; ky only where the module is named), and route modules' exported
 * method handlers (`export const POST =`, `export { handler as GET }`), whose CORS headers may be set
 * in another file. A rule that keys on anything else must add its word here.
 */
const CORS_WORDS =
  /cors|access-control-|startStandaloneServer|apollo-server|fetch|axios|XMLHttpRequest|Headers|setHeader|writeHead|['"`]ky['"`]/i;
const METHOD_EXPORT =
  /\bexport\s+(?:async\s+)?(?:function|const|let|var)\s+(?:GET|POST|PUT|PATCH|DELETE)\b|\bas\s+(?:GET|POST|PUT|PATCH|DELETE)\b/;

/** False when `text` cannot configure CORS or make a cross-origin request: it need not be parsed. */
export function mayConfigureCors(text: string): boolean {
  return CORS_WORDS.test(text) || METHOD_EXPORT.test(text);
}
