/**
 * Every rule message, in one place, so the ESLint CLI, the editor and the docs show the same words.
 * Templates use ESLint's `{{placeholder}}` syntax. Messages for failures a browser shows quote the
 * console text of Chrome and Firefox (cors-reference.md §2), with the offending value filled in.
 */
import type { BrowserFailure } from './console-messages.js';
import { consoleReason } from './console-messages.js';

/**
 * What a browser shows when the reported code runs, for tests that check it against a real browser.
 * - `blocked`: the request fails and the console prints `failure`;
 * - `warning`: the request still succeeds, but the browser warns with `failure`'s text; where
 *   Chromium reports it as a DevTools issue instead of a console line, `chromiumIssue` names the
 *   issue (`<code> <type>`, as the DevTools protocol's `Audits.issueAdded` gives it);
 * - `hidden-headers`: the request succeeds, but scripts read the non-safelisted response headers as null;
 * - `preflight-not-cached`: every request is preceded by its own preflight;
 * - `preflight-cached-briefly`: the value is ignored and the preflight cached for the default 5 seconds
 *   (Fetch §cors-preflight-fetch; Chromium's parser falls back to it), so back-to-back requests share one.
 * - `cached-for-another-origin`: a cacheable response lacks `Vary: Origin`, so the browser's HTTP cache
 *   hands the answer made for one origin to another origin of the same site (the cache is partitioned by
 *   top-level site) fetching the same URL, and that request fails with `failure`.
 * Client-side effects (what the page's own script meets; no CORS console line):
 * - `opaque-read`: the request is sent and answered, but the response is opaque, so the read the message
 *   names gives the blank value it names (`sees`), never what the server sent;
 * - `throws`: `fetch` (or `new Request`) throws a TypeError before anything is sent;
 * - `header-dropped`: the request is sent without the value the script gave the header the message names:
 *   the browser leaves the header out or sends its own value;
 * - `preflight`: the request is preceded by a preflight (OPTIONS) that it would not need without the
 *   reported code.
 * Messages with no effect are security findings: the browser allows what they describe.
 */
export type BrowserEffect =
  | { readonly kind: 'blocked'; readonly failure: BrowserFailure }
  | { readonly kind: 'warning'; readonly failure: BrowserFailure; readonly chromiumIssue?: string }
  | { readonly kind: 'hidden-headers' }
  | { readonly kind: 'preflight-not-cached' }
  | { readonly kind: 'preflight-cached-briefly' }
  | { readonly kind: 'cached-for-another-origin'; readonly failure: BrowserFailure }
  | { readonly kind: 'opaque-read' }
  | { readonly kind: 'throws' }
  | { readonly kind: 'header-dropped' }
  | { readonly kind: 'preflight' };

export interface MessageSpec {
  readonly text: string;
  readonly effect?: BrowserEffect;
}

/** The console quotes with template placeholders in place of the values only known per report. */
const PLACEHOLDERS = { value: '{{value}}', method: '{{method}}', header: '{{header}}', url: '…', pageOrigin: '…' } as const;

function quoteBoth(failure: BrowserFailure, firefoxFailure: BrowserFailure = failure, params: Record<string, string> = PLACEHOLDERS): string {
  const chrome = consoleReason(failure, params).chrome;
  const firefox = consoleReason(firefoxFailure, params).firefox;
  return `Chrome: "${chrome}" Firefox: "${firefox}"`;
}

function failing(text: string, failure: BrowserFailure, firefoxFailure?: BrowserFailure, params?: Record<string, string>): MessageSpec {
  return { text: `${text} ${quoteBoth(failure, firefoxFailure, params)}`, effect: { kind: 'blocked', failure } };
}

const plain = (text: string, effect?: BrowserEffect): MessageSpec => (effect ? { text, effect } : { text });

/**
 * What a cache mix-up without `Vary: Origin` shows: it needs a cached answer for another origin, so it
 * is worded as a condition (not the `Chrome: "…"` quote of failures every request shows).
 */
const CACHED_ORIGIN_MISMATCH = ((reason) => `When that happens, Chrome reports "${reason.chrome}" and Firefox "${reason.firefox}".`)(
  consoleReason('allow-origin-mismatch', { ...PLACEHOLDERS, value: '<the first origin>' }),
);
const CACHED_FOR_ANOTHER_ORIGIN: BrowserEffect = { kind: 'cached-for-another-origin', failure: 'allow-origin-mismatch' };

/** What a preflight costs a cross-origin request, for the messages that report one. */
const PREFLIGHT_COST =
  'the browser first sends an OPTIONS preflight, an extra round trip before every such request unless Access-Control-Max-Age lets it cache the answer, and the request fails if the server does not answer it';
/** A console quote that holds only on some servers, so it is worded as a condition like the cache mix-up above. */
function whenServer(condition: string, failure: BrowserFailure): string {
  const reason = consoleReason(failure, PLACEHOLDERS);
  return `When the server ${condition}, Chrome reports "${reason.chrome}" and Firefox "${reason.firefox}".`;
}
const HEADER_REFUSED = whenServer('does not allow the header', 'header-not-allowed');
const METHOD_REFUSED = whenServer('does not allow the method', 'method-not-allowed');
const PREFLIGHT_UNANSWERED = whenServer('does not answer OPTIONS', 'preflight-invalid-status');
/** Every no-accidental-preflight message: the request is preceded by an OPTIONS it would not need otherwise. */
const PREFLIGHT: BrowserEffect = { kind: 'preflight' };

export const ruleMessages = {
  'no-wildcard-origin-with-credentials': {
    wildcardWithCredentials: failing(
      "Access-Control-Allow-Origin is '*'{{origin}} while credentials are allowed: browsers block every request sent with cookies (`credentials: 'include'`, `withCredentials`).",
      'wildcard-origin-with-credentials',
    ),
    useExplicitOrigin: plain("Allow an explicit list of origins ('{{origin}}' is a placeholder for your app's origin)"),
    removeCredentials: plain('Remove credentials: any origin may read responses, without cookies'),
  },
  'no-reflected-origin-with-credentials': {
    reflectedWithCredentials: plain(
      "Every origin is approved ({{how}}) while credentials are allowed: any website a signed-in user visits can read this server's responses with the user's cookies. Check the origin against an allow-list.",
    ),
    useAllowList: plain("Allow an explicit list of origins ('{{origin}}' is a placeholder for your app's origin)"),
    useFixedOrigin: plain("Send one fixed origin ('{{origin}}' is a placeholder for your app's origin)"),
  },
  'no-null-origin': {
    nullOrigin: plain(
      "The origin 'null' is allowed: sandboxed iframes, data: and file: documents and redirected requests all send `Origin: null`, so any attacker page can obtain it and read these responses.",
    ),
    removeNullEntry: plain("Remove 'null' from the allowed origins"),
    useExplicitOrigin: plain("Allow an explicit origin instead ('{{origin}}' is a placeholder for your app's origin)"),
  },
  'no-unsafe-origin-check': {
    unescapedDot: plain('The `.` in `{{pattern}}` is not escaped and matches any character, so an attacker origin such as {{example}} passes this origin check.'),
    missingStartAnchor: plain('`{{pattern}}` is not anchored with `^`, so an attacker origin that merely contains an allowed one, such as {{example}}, passes this origin check.'),
    missingEndAnchor: plain('`{{pattern}}` is not anchored with `$`, so an attacker origin that merely starts with an allowed one, such as {{example}}, passes this origin check.'),
    substringCheck: plain(
      "`{{check}}` also accepts an attacker origin such as {{example}}. Compare whole origins (`===`, a Set, an array's `includes`) or check the parsed hostname against a leading-dot suffix.",
    ),
    sharedHostingDomain: plain(
      '`{{check}}` trusts names anyone can register on {{domain}}, a shared hosting domain where every customer gets a name of their own, so an attacker origin such as {{example}} passes this origin check. List the exact origins of your own deployments.',
    ),
    dynamicRegExp: plain(
      '`new RegExp(…)` built from a value that is not a constant checks the origin against a pattern nobody can review: any `.` in it matches every character and nothing anchors it. Use an allow-list of exact origins.',
    ),
    escapeDots: plain('Escape the dots: `{{fixed}}`'),
    useExactOrigin: plain('Compare the whole origin: `{{fixed}}`'),
    useDomainPattern: plain('Accept the domain and its subdomains only: `{{fixed}}`'),
    addAnchors: plain('Anchor the pattern: `{{fixed}}`'),
    escapeDotsAndAnchor: plain('Escape the dots and anchor the pattern: `{{fixed}}`'),
  },
  'valid-allow-origin': {
    trailingSlash: failing(
      "Access-Control-Allow-Origin '{{value}}' ends with a slash, but a browser's Origin never does, so no page matches it ('{{fixed}}' would).",
      'allow-origin-mismatch',
    ),
    path: failing("Access-Control-Allow-Origin '{{value}}' has a path, but an origin is only scheme://host[:port], so no page matches it ('{{fixed}}' would).", 'allow-origin-mismatch'),
    uppercase: failing(
      "Access-Control-Allow-Origin '{{value}}' has uppercase letters; browsers send the origin in lowercase and compare it byte for byte, so no page matches it ('{{fixed}}' would).",
      'allow-origin-mismatch',
    ),
    defaultPort: failing(
      "Access-Control-Allow-Origin '{{value}}' names the default port, which browsers leave out of the Origin they send, so no page matches it ('{{fixed}}' would).",
      'allow-origin-mismatch',
    ),
    multiple: failing(
      "Access-Control-Allow-Origin '{{value}}' holds several origins, but the header takes exactly one: every request fails. Send the one origin that matches the request (the cors package does this for an array).",
      'multiple-allow-origin-values',
      'allow-origin-mismatch',
    ),
    wildcardSubdomain: failing(
      "Access-Control-Allow-Origin '{{value}}' uses '*' inside an origin, which browsers compare literally: no page matches it. Match subdomains with a regular expression and send the matching origin.",
      'allow-origin-mismatch',
    ),
    noScheme: failing("Access-Control-Allow-Origin '{{value}}' has no scheme; an origin is scheme://host[:port], so no page matches it.", 'invalid-allow-origin', 'allow-origin-mismatch'),
    invalid: failing("Access-Control-Allow-Origin '{{value}}' is not an origin (scheme://host[:port]), so no page matches it.", 'invalid-allow-origin', 'allow-origin-mismatch'),
    wildcardEntry: failing(
      "'*' in a list of origins is compared with the request's Origin like any other entry, and no browser sends `Origin: *`, so it allows nothing: a page whose origin is not listed gets no Access-Control-Allow-Origin. List the origins that may read these responses.",
      'missing-allow-origin',
    ),
    removeWildcardEntry: plain("Remove '*' from the list (it allows nothing)"),
    listNotSupported: failing(
      "{{library}} takes one origin, not a list: it sends the array as it is, so every response carries Access-Control-Allow-Origin '{{value}}', one header line per entry, whatever the request's origin. Browsers accept exactly one value, so every request fails. Give `origin` a function that returns the request's origin when it is on the list.",
      'multiple-allow-origin-lines',
    ),
    useOriginList: plain('Use an array of origins: {{list}}'),
    usePattern: plain('Match the subdomains with a regular expression: {{pattern}}'),
    useOrigin: plain("Use '{{fixed}}'"),
  },
  'valid-header-values': {
    credentialsNotTrue: failing(
      "Access-Control-Allow-Credentials is '{{value}}', but browsers accept only the exact, lowercase 'true': every request sent with cookies fails.",
      'invalid-allow-credentials',
    ),
    credentialsNotBoolean: failing(
      '`credentials: {{value}}` is not the boolean `true`, so the cors package sends no Access-Control-Allow-Credentials header: every request sent with cookies fails.',
      'invalid-allow-credentials',
      'invalid-allow-credentials',
      { ...PLACEHOLDERS, value: '' },
    ),
    useTrue: plain('Use {{fixed}}'),
    methodsSeparator: failing(
      "Access-Control-Allow-Methods '{{value}}' is not a comma-separated list of methods: browsers cannot parse it and reject every preflight.",
      'invalid-allow-methods-token',
    ),
    headersSeparator: failing(
      "{{list}} '{{value}}' is not a comma-separated list of header names: browsers cannot parse it and reject every preflight.",
      'invalid-allow-headers-token',
    ),
    exposeSeparator: plain(
      "Access-Control-Expose-Headers '{{value}}' is not a comma-separated list: scripts still read these response headers as null (no console message).",
      { kind: 'hidden-headers' },
    ),
    lowercaseMethod: failing(
      "Method '{{method}}' in Access-Control-Allow-Methods is lowercase. Browsers compare methods case-sensitively with the request's uppercase '{{upper}}', so it is never allowed.",
      'method-not-allowed',
      'method-not-allowed',
      { ...PLACEHOLDERS, method: '{{upper}}' },
    ),
    invalidToken: plain("'{{token}}' in {{header}} is not a valid header token (no spaces, quotes, slashes or other separators), so browsers reject the list."),
    maxAgeNotInteger: plain(
      "Access-Control-Max-Age '{{value}}' is not a whole number of seconds: browsers ignore it and cache the preflight for the default 5 seconds only (no console message).",
      { kind: 'preflight-cached-briefly' },
    ),
    maxAgeNegative: plain("Access-Control-Max-Age '{{value}}' is negative: browsers do not cache the preflight, so every request sends its own (no console message).", { kind: 'preflight-not-cached' }),
    maxAgeCapped: plain('Access-Control-Max-Age {{value}} is above {{browser}} cap: browsers silently cache the preflight for less ({{cap}} seconds works the same everywhere).'),
    useMaxAge: plain('Use {{fixed}}'),
  },
  'no-ineffective-wildcard': {
    wildcardMethodsWithCredentials: failing(
      "'*' in Access-Control-Allow-Methods is not a wildcard when credentials are allowed: browsers read it as a method named '*', so only GET, HEAD and POST pass.",
      'method-not-allowed',
    ),
    wildcardHeadersWithCredentials: failing(
      "'*' in Access-Control-Allow-Headers is not a wildcard when credentials are allowed: browsers read it as a header named '*', so every non-safelisted request header is rejected.",
      'header-not-allowed',
    ),
    wildcardExposeWithCredentials: plain(
      "'*' in Access-Control-Expose-Headers is not a wildcard when credentials are allowed: scripts still read every non-safelisted response header as null (no console message).",
      { kind: 'hidden-headers' },
    ),
    authorizationNotCovered: {
      // Chrome and Firefox still let `*` cover Authorization and only warn (cors-reference §1.7);
      // Chromium 156 shows it as a DevTools issue (AuthorizationCoveredByWildcard), not a console line.
      ...failing(
        "'*' in Access-Control-Allow-Headers never covers Authorization, which this file uses: list it explicitly. Chrome reports a deprecation in DevTools' Issues panel, Firefox warns on the console, and the Fetch standard already rejects it.",
        'authorization-not-covered-by-wildcard',
      ),
      effect: { kind: 'warning', failure: 'authorization-not-covered-by-wildcard', chromiumIssue: 'DeprecationIssue AuthorizationCoveredByWildcard' },
    },
    listMethods: plain("List the methods: '{{fixed}}'"),
    reflectHeaders: plain('Remove the option so cors allows the headers each request asks for'),
    listHeaders: plain("List the headers: '{{fixed}}'"),
    addAuthorization: plain('Add Authorization to the list'),
  },
  'require-exposed-headers': {
    headerNotExposed: plain(
      "Scripts on other origins cannot read the '{{header}}' response header: it is not CORS-safelisted and not listed in Access-Control-Expose-Headers, so `response.headers.get('{{header}}')` returns null. Browsers print no console message for this.",
      { kind: 'hidden-headers' },
    ),
    exposeHeader: plain("Add '{{header}}' to Access-Control-Expose-Headers"),
  },
  'require-vary-origin': {
    // Checked in Chromium 156 by the oracle: a cached answer for one origin blocks a second same-site origin (cors-reference §4).
    missingVaryOrigin: plain(
      `Access-Control-Allow-Origin depends on the request's Origin, but the response has no \`Vary: Origin\`: a browser or shared cache may reuse the response made for one origin (or for a non-CORS load) for another, which then fails intermittently. ${CACHED_ORIGIN_MISMATCH}`,
      CACHED_FOR_ANOTHER_ORIGIN,
    ),
    varyWithoutOrigin: plain(
      `This \`Vary\` replaces the header without \`Origin\`, although Access-Control-Allow-Origin depends on the request's Origin: caches may reuse one origin's response for another. ${CACHED_ORIGIN_MISMATCH}`,
      CACHED_FOR_ANOTHER_ORIGIN,
    ),
    varyOverwritten: plain(
      `This \`Vary\` write replaces the \`Vary: Origin\` the CORS policy sent (its Access-Control-Allow-Origin depends on the request's Origin): caches may reuse one origin's response for another. Append to Vary or list Origin. ${CACHED_ORIGIN_MISMATCH}`,
      CACHED_FOR_ANOTHER_ORIGIN,
    ),
  },
  'no-permissive-local-server': {
    permissiveLocalServer: plain(
      "Any website the user visits can drive this server. {{how}} lets every origin read its answers, and {{because}}: a page's script can call it from the user's machine (the CVE-2025-49596 attack on MCP Inspector). List the origins of your own UI instead.",
    ),
    useAllowList: plain("Allow an explicit list of origins ('{{origin}}' is a placeholder for your app's origin)"),
    useFixedOrigin: plain("Send one fixed origin ('{{origin}}' is a placeholder for your app's origin)"),
  },
  'no-permissive-origin': {
    permissiveOrigin: plain(
      '{{how}} lets any website read these responses. That suits public data only: list the origins that may read anything else.',
    ),
    useAllowList: plain("Allow an explicit list of origins ('{{origin}}' is a placeholder for your app's origin)"),
    useFixedOrigin: plain("Send one fixed origin ('{{origin}}' is a placeholder for your app's origin)"),
  },
  'require-preflight-handler': {
    routeLevelCors: failing(
      "`cors()` runs only for {{method}} {{path}}: the browser's preflight (OPTIONS {{path}}) never reaches it, so Express answers the preflight itself without CORS headers and every cross-origin {{method}} here fails.",
      'missing-allow-origin',
    ),
    handlerWithoutOptions: failing(
      'This handler sets CORS headers only for {{method}} and has no OPTIONS branch: the preflight sent before every cross-origin {{method}} gets no Access-Control-Allow-Origin, so the request fails.',
      'missing-allow-origin',
    ),
    routeModuleWithoutOptions: failing(
      'This route module sets CORS headers for {{method}} but exports no OPTIONS handler: Next.js answers the preflight itself without CORS headers, so every cross-origin {{method}} fails.',
      'missing-allow-origin',
    ),
    fastifyWithoutOptionsRoute: failing(
      'CORS headers are set in the {{hook}} hook, but no route answers OPTIONS: Fastify answers the preflight for {{method}} {{path}} with 404, so every cross-origin {{method}} fails.',
      'preflight-invalid-status',
    ),
    preflightContinueWithoutAnswer: failing(
      '`preflightContinue: true` passes the preflight on, but nothing after it answers OPTIONS: Express ends it with 404, so every cross-origin request that needs a preflight fails.',
      'preflight-invalid-status',
    ),
    // The server does not start, so there is no browser message to compare with (checked by a test on the real Express 5).
    express5UnnamedWildcard: plain(
      "Express {{major}} rejects the path '{{path}}' when the route is registered (`TypeError: Missing parameter name`), so the server never starts and no request gets CORS headers. Name the wildcard: '{{fixed}}'.",
    ),
    addOptionsRoute: plain("Answer the preflight: add an OPTIONS route for '{{path}}' with the same CORS middleware"),
    addOptionsBranch: plain('Answer OPTIONS first with the same CORS headers and 204'),
    addOptionsExport: plain('Export an OPTIONS handler answering 204 with the same CORS headers'),
    addFastifyOptionsRoute: plain('Add an OPTIONS route for every path answering 204 (the hook adds the CORS headers)'),
    removePreflightContinue: plain('Remove `preflightContinue: true` so that cors answers the preflight itself (204)'),
    methodNotAllowed: failing(
      'The CORS middleware answers the preflight for this {{method}} route, but its methods ({{allowed}}) do not include {{method}}: the browser rejects the preflight, so every cross-origin {{method}} here fails.',
      'method-not-allowed',
    ),
    addMethod: plain('Allow {{method}}: add it to the CORS methods'),
    setMethods: plain('Set the CORS methods to {{methods}}'),
  },
  'no-duplicate-allow-origin': {
    duplicateAllowOrigin: failing(
      '`{{earlier}}` (line {{line}}) already set Access-Control-Allow-Origin on this response, and this write appends a second header line. Browsers accept exactly one value, even when both are equal, so every cross-origin request here fails.',
      'multiple-allow-origin-lines',
    ),
    joinedAllowOrigin: failing(
      "`{{earlier}}` (line {{line}}) already set Access-Control-Allow-Origin in these headers, and this append joins a second value into it ('{{value}}'). Browsers accept exactly one origin, so every cross-origin request here fails.",
      'multiple-allow-origin-values',
      'allow-origin-mismatch',
    ),
    removeAppended: plain('Remove this write and keep the value `{{earlier}}` sets'),
  },
  // Client-side rules: what the page's own script sees; browsers print no CORS console line for these.
  'no-opaque-response-read': {
    opaqueResponseRead: plain(
      "This cross-origin request has `mode: 'no-cors'`, so it resolves to an opaque response: reading `{{member}}` gives {{sees}}, whatever the server sent. Browsers print no console message; `response.type` is 'opaque'.",
      { kind: 'opaque-read' },
    ),
    kyRejectsOpaque: plain(
      "ky treats the opaque response of this cross-origin `mode: 'no-cors'` request as an HTTP error: its status is 0, so the call rejects with \"HTTPError: Request failed with status code 0\" whatever the server sent (with `throwHttpErrors: false` it resolves instead, and every read sees blanks).",
    ),
    removeNoCors: plain("Remove `mode: 'no-cors'` (the server must then allow this origin with Access-Control-Allow-Origin)"),
  },
  'no-invalid-no-cors-request': {
    unsupportedMethod: plain(
      "A `mode: 'no-cors'` request allows only GET, HEAD and POST: this {{method}} throws before anything is sent. Chrome throws \"TypeError: Failed to execute 'fetch' on 'Window': '{{method}}' is unsupported in no-cors mode.\" (`new Request` says \"Failed to construct 'Request'\"); Firefox also throws a TypeError.",
      { kind: 'throws' },
    ),
    droppedHeader: plain(
      "A `mode: 'no-cors'` request keeps only Accept, Accept-Language, Content-Language and a form or text/plain Content-Type: the browser drops '{{header}}' without an error, so the server never sees it.",
      { kind: 'header-dropped' },
    ),
    streamBody: plain("A `mode: 'no-cors'` request cannot have a stream body: the call throws a TypeError before anything is sent.", { kind: 'throws' }),
    removeNoCors: plain("Remove `mode: 'no-cors'` (the server must then allow this origin with CORS headers)"),
  },
  'no-accidental-preflight': {
    contentTypeWithoutBody: plain(
      `This {{method}} request has no body, so \`Content-Type: {{value}}\` describes nothing, yet it is not CORS-safelisted and makes the cross-origin request preflighted: ${PREFLIGHT_COST}. ${HEADER_REFUSED}`,
      PREFLIGHT,
    ),
    requestedWith: plain(
      `{{name}} is a same-origin convention (servers read it to tell script requests from page loads); on a cross-origin request it only makes the request preflighted: ${PREFLIGHT_COST}. ${HEADER_REFUSED}`,
      PREFLIGHT,
    ),
    contentTypeReplacesBodyType: plain(
      `For a {{body}} body the browser sets Content-Type itself ({{sent}}); \`Content-Type: {{value}}\` replaces it with a type that is not CORS-safelisted and makes the cross-origin request preflighted: ${PREFLIGHT_COST}. ${HEADER_REFUSED}`,
      PREFLIGHT,
    ),
    unsafeTextType: plain(
      `\`Content-Type: {{value}}\` is not CORS-safelisted{{why}}, so sending this text makes the cross-origin request preflighted: ${PREFLIGHT_COST}. \`text/plain\` sends the same string without one. ${HEADER_REFUSED}`,
      PREFLIGHT,
    ),
    preflightContentType: plain(
      `\`Content-Type: {{value}}\` is not CORS-safelisted (only application/x-www-form-urlencoded, multipart/form-data and text/plain are), so this cross-origin request is preflighted: ${PREFLIGHT_COST}. ${HEADER_REFUSED}`,
      PREFLIGHT,
    ),
    preflightHeader: plain(`{{name}} is not a CORS-safelisted request header, so this cross-origin request is preflighted: ${PREFLIGHT_COST}. ${HEADER_REFUSED}`, PREFLIGHT),
    preflightMethod: plain(`{{method}} is not GET, HEAD or POST, so this cross-origin request is preflighted: ${PREFLIGHT_COST}. ${METHOD_REFUSED}`, PREFLIGHT),
    repeatedHeader: plain(
      `{{name}} is set more than once: the browser sends the values as one line joined with ', ', and that line is not CORS-safelisted (over 128 bytes, or a character the header does not allow), so this cross-origin request is preflighted: ${PREFLIGHT_COST}. ${HEADER_REFUSED}`,
      PREFLIGHT,
    ),
    uploadListener: plain(
      `A listener on \`xhr.upload\` makes every cross-origin XMLHttpRequest preflighted, even one with a safelisted method and headers: ${PREFLIGHT_COST}. ${PREFLIGHT_UNANSWERED}`,
      PREFLIGHT,
    ),
    streamBody: plain(`A ReadableStream body makes every cross-origin request preflighted, even one with a safelisted method and headers: ${PREFLIGHT_COST}. ${PREFLIGHT_UNANSWERED}`, PREFLIGHT),
    removeHeader: plain('Remove the {{name}} header'),
    useTextPlain: plain("Use 'text/plain'"),
  },
  'no-forbidden-request-header': {
    forbiddenHeader: plain(
      "Browsers do not let scripts set '{{header}}' (a forbidden request header): it is dropped without an error and the browser sends its own value, if any.",
      { kind: 'header-dropped' },
    ),
    responseHeaderOnRequest: plain(
      "'{{header}}' is a response header the server sends; on a request it does nothing, except make a cross-origin request non-simple, so the browser sends a preflight the server must answer.",
      { kind: 'preflight' },
    ),
    removeRequestHeader: plain('Remove the {{header}} header (the code that computes its value no longer runs)'),
  },
} as const satisfies Record<string, Record<string, MessageSpec>>;

export type RuleName = keyof typeof ruleMessages;

/** `meta.messages` for a rule: messageId → template text. */
export function messagesFor<R extends RuleName>(rule: R): { [K in keyof (typeof ruleMessages)[R]]: string } {
  const specs = ruleMessages[rule] as Record<string, MessageSpec>;
  return Object.fromEntries(Object.entries(specs).map(([id, spec]) => [id, spec.text])) as { [K in keyof (typeof ruleMessages)[R]]: string };
}

/** What a browser shows for a message, or undefined for security findings a browser allows. */
export function browserEffect(rule: string, messageId: string): BrowserEffect | undefined {
  const specs = (ruleMessages as Record<string, Record<string, MessageSpec>>)[rule];
  return specs?.[messageId]?.effect;
}
