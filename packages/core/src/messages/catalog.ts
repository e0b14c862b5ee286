/**
 * Every rule message, in one place, so the ESLint CLI, the editor and the docs show the same words.
 * Templates use ESLint's `{{placeholder}}` syntax. Messages for failures a browser shows quote the
 * console text of Chrome and Firefox (cors-reference.md §2), with the offending value filled in.
 * The first sentence (`firstSentence`) says what breaks in at most 100 characters, placeholders
 * filled: it is all the Problems panel and a CI log line show. Values of unbounded length (code the
 * user wrote, patterns) go in the sentences after it; the console quotes come last.
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
 * - `cached-without-allow-origin`: a cacheable response lacks `Vary: Origin`, so the browser's HTTP cache
 *   hands the answer made for a load that sent no Origin (a `no-cors` fetch, an `<img>`) and got no
 *   Access-Control-Allow-Origin to the allowed origin's CORS fetch of the same URL, which fails with `failure`.
 * Client-side effects (what the page's own script meets; no CORS console line):
 * - `opaque-read`: the request is sent and answered, but the response is opaque, so the read the message
 *   names gives the blank value it names (`sees`), never what the server sent;
 * - `throws`: `fetch` (or `new Request`) throws a TypeError before anything is sent;
 * - `header-dropped`: the request is sent without the value the script gave the header the message names:
 *   the browser leaves the header out or sends its own value;
 * - `preflight`: the request is preceded by a preflight (OPTIONS) that it would not need without the
 *   reported code.
 * Security findings (`security: true`) have no effect: the browser allows what they describe.
 */
export type BrowserEffect =
  | { readonly kind: 'blocked'; readonly failure: BrowserFailure }
  | { readonly kind: 'warning'; readonly failure: BrowserFailure; readonly chromiumIssue?: string }
  | { readonly kind: 'hidden-headers' }
  | { readonly kind: 'preflight-not-cached' }
  | { readonly kind: 'preflight-cached-briefly' }
  | { readonly kind: 'cached-for-another-origin'; readonly failure: BrowserFailure }
  | { readonly kind: 'cached-without-allow-origin'; readonly failure: BrowserFailure }
  | { readonly kind: 'opaque-read' }
  | { readonly kind: 'throws' }
  | { readonly kind: 'header-dropped' }
  | { readonly kind: 'preflight' };

export interface MessageSpec {
  readonly text: string;
  readonly effect?: BrowserEffect;
  /** A security finding: the browser allows what it describes, for an attacker's page too, and shows nothing. */
  readonly security?: true;
  /**
   * The security rule whose attack this finding opens too, for a message that has a browser effect of its
   * own: a Django origin without a scheme fails for real pages but admits `Origin: null`, as `no-null-origin`
   * describes. Security findings need no such field: their attack is their own rule's.
   */
  readonly opensAttackOf?: string;
}

/** The console quotes with template placeholders in place of the values only known per report. */
const PLACEHOLDERS = {
  value: '{{value}}',
  method: '{{method}}',
  header: '{{header}}',
  url: '…',
  pageOrigin: '…',
} as const;

function quoteBoth(
  failure: BrowserFailure,
  firefoxFailure: BrowserFailure = failure,
  params: Record<string, string> = PLACEHOLDERS,
): string {
  const chrome = consoleReason(failure, params).chrome;
  const firefox = consoleReason(firefoxFailure, params).firefox;
  return `Chrome: "${chrome}" Firefox: "${firefox}"`;
}

function failing(
  text: string,
  failure: BrowserFailure,
  firefoxFailure?: BrowserFailure,
  params?: Record<string, string>,
): MessageSpec {
  return {
    text: `${text} ${quoteBoth(failure, firefoxFailure, params)}`,
    effect: { kind: 'blocked', failure },
  };
}

const plain = (text: string, effect?: BrowserEffect): MessageSpec =>
  effect ? { text, effect } : { text };
/** A finding the browser allows: another site's page can read what it should not. */
const exposing = (text: string): MessageSpec & { readonly security: true } => ({
  text,
  security: true,
});
/** A failure that also lets any page read the responses with `Origin: null`. */
const admittingNullOrigin = (
  spec: MessageSpec,
): MessageSpec & { readonly opensAttackOf: 'no-null-origin' } => ({
  ...spec,
  opensAttackOf: 'no-null-origin',
});

/**
 * What a cache mix-up without `Vary: Origin` shows: it needs a cached answer made for another request, so
 * it is worded as a condition (not the `Chrome: "…"` quote of failures every request shows). The console
 * line depends on that other request (cors-reference.md §4): an answer made for another allowed origin
 * names that origin (a mismatch); one made for a request that got no Access-Control-Allow-Origin (a page
 * load, an `<img>`, an origin not allowed) has no header at all.
 */
const MISMATCH_REASON = consoleReason('allow-origin-mismatch', {
  ...PLACEHOLDERS,
  value: '<the first origin>',
});
const MISSING_REASON = consoleReason('missing-allow-origin', PLACEHOLDERS);
const CACHED_ORIGIN_MISMATCH = `When that happens, Chrome reports "${MISMATCH_REASON.chrome}" and Firefox "${MISMATCH_REASON.firefox}".`;
const CACHED_WITHOUT_HEADER = `When that happens, Chrome reports "${MISSING_REASON.chrome}" and Firefox "${MISSING_REASON.firefox}".`;
const CACHED_EITHER = `When the cached response was made for another allowed origin, Chrome reports "${MISMATCH_REASON.chrome}" and Firefox "${MISMATCH_REASON.firefox}". When it was made for a request that got no Access-Control-Allow-Origin (a page load, an \`<img>\`, an origin not allowed), Chrome reports "${MISSING_REASON.chrome}" and Firefox "${MISSING_REASON.firefox}".`;
const CACHED_FOR_ANOTHER_ORIGIN: BrowserEffect = {
  kind: 'cached-for-another-origin',
  failure: 'allow-origin-mismatch',
};
const CACHED_WITHOUT_ALLOW_ORIGIN: BrowserEffect = {
  kind: 'cached-without-allow-origin',
  failure: 'missing-allow-origin',
};

/** What a preflight costs a cross-origin request, for the messages that report one. */
const PREFLIGHT_COST =
  'The browser first sends an OPTIONS preflight, an extra round trip before every such request unless Access-Control-Max-Age lets it cache the answer, and the request fails if the server does not answer it.';
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
      "Requests sent with cookies fail: Access-Control-Allow-Origin is '*' while credentials are allowed. Browsers block every request sent with cookies (`credentials: 'include'`, `withCredentials`) when the origin is '*'{{defaultOrigin}}.",
      'wildcard-origin-with-credentials',
    ),
    useExplicitOrigin: plain("Allow explicit origins instead of '*': {{origin}}"),
    removeCredentials: plain('Remove credentials: any origin may read responses, without cookies'),
  },
  'no-reflected-origin-with-credentials': {
    reflectedWithCredentials: exposing(
      "Any website a signed-in user visits can read this server's responses with the user's cookies. Every origin is approved ({{how}}) while credentials are allowed. Check the origin against an allow-list.",
    ),
    useAllowList: plain('Allow an explicit list of origins: {{origin}}'),
    useFixedOrigin: plain('Send one fixed origin: {{origin}}'),
  },
  'no-null-origin': {
    nullOrigin: exposing(
      "Any attacker page can read these responses: the origin 'null' is allowed. Sandboxed iframes, data: and file: documents and redirected requests all send `Origin: null`, so any page can obtain it.",
    ),
    removeNullEntry: plain("Remove 'null' from the allowed origins"),
    useExplicitOrigin: plain("Allow explicit origins instead of 'null': {{origin}}"),
  },
  'no-unsafe-origin-check': {
    unescapedDot: exposing(
      'An attacker origin passes this origin check: a `.` in its pattern is not escaped. The `.` in `{{pattern}}` matches any character, so an origin such as {{example}} passes.',
    ),
    missingStartAnchor: exposing(
      'An attacker origin passes this origin check: its pattern is not anchored with `^`. `{{pattern}}` accepts an origin that merely contains an allowed one, such as {{example}}.',
    ),
    missingEndAnchor: exposing(
      'An attacker origin passes this origin check: its pattern is not anchored with `$`. `{{pattern}}` accepts an origin that merely starts with an allowed one, such as {{example}}.',
    ),
    substringCheck: exposing(
      "An attacker origin passes this origin check: it tests part of the origin, not all of it. `{{check}}` also accepts an attacker origin such as {{example}}. Compare whole origins (`===`, a Set, an array's `includes`) or check the parsed hostname against a leading-dot suffix.",
    ),
    sharedHostingDomain: exposing(
      'An attacker origin passes this check: it trusts names anyone can register on {{domain}}. `{{check}}` accepts every name on this shared hosting domain, where every customer gets a name of their own, so an attacker origin such as {{example}} passes. List the exact origins of your own deployments.',
    ),
    wildcardRest: exposing(
      "An attacker origin passes this origin check: a wildcard entry becomes a bare suffix. `{{check}}` takes what follows the wildcard with no dot before it, so an entry such as `{{entry}}` also accepts {{example}}. Require the dot in code (`hostname.endsWith('.' + domain)`) or match entries with anchored patterns.",
    ),
    dynamicRegExp: exposing(
      'This origin check may let attacker origins through: nobody can review its pattern. `new RegExp(…)` builds it from a value that is not a constant: any `.` in it matches every character and nothing anchors it. Use an allow-list of exact origins.',
    ),
    escapeDots: plain('Escape the dots: `{{fixed}}`'),
    useExactOrigin: plain('Compare the whole origin: `{{fixed}}`'),
    useDomainPattern: plain('Accept the domain and its subdomains only: `{{fixed}}`'),
    addAnchors: plain('Anchor the pattern: `{{fixed}}`'),
    escapeDotsAndAnchor: plain('Escape the dots and anchor the pattern: `{{fixed}}`'),
  },
  'valid-allow-origin': {
    trailingSlash: failing(
      "No page matches this origin: it ends with a slash, but a browser's Origin never does. Access-Control-Allow-Origin '{{value}}' matches no page ('{{fixed}}' would).",
      'allow-origin-mismatch',
    ),
    path: failing(
      "No page matches this origin: it has a path, but an origin is only scheme://host[:port]. Access-Control-Allow-Origin '{{value}}' matches no page ('{{fixed}}' would).",
      'allow-origin-mismatch',
    ),
    uppercase: failing(
      "No page matches this origin: it has uppercase letters, but browsers send the origin in lowercase. They compare it byte for byte, so Access-Control-Allow-Origin '{{value}}' matches no page ('{{fixed}}' would).",
      'allow-origin-mismatch',
    ),
    defaultPort: failing(
      "No page matches this origin: it names the default port, which browsers leave out of their Origin. Access-Control-Allow-Origin '{{value}}' matches no page ('{{fixed}}' would).",
      'allow-origin-mismatch',
    ),
    multiple: failing(
      "Every request fails: this Access-Control-Allow-Origin holds several origins, but takes one. '{{value}}' is not one origin. Send the one origin that matches the request (the cors package does this for an array).",
      'multiple-allow-origin-values',
      'allow-origin-mismatch',
    ),
    wildcardSubdomain: failing(
      "No page matches this origin: browsers compare the '*' inside it literally. Access-Control-Allow-Origin '{{value}}' matches no page. Match subdomains with a regular expression and send the matching origin.",
      'allow-origin-mismatch',
    ),
    noScheme: failing(
      "No page matches this origin: it has no scheme. An origin is scheme://host[:port], so Access-Control-Allow-Origin '{{value}}' matches no page.",
      'invalid-allow-origin',
      'allow-origin-mismatch',
    ),
    invalid: failing(
      "No page matches this origin: it is not scheme://host[:port]. Access-Control-Allow-Origin '{{value}}' is not an origin, so it matches no page.",
      'invalid-allow-origin',
      'allow-origin-mismatch',
    ),
    placeholder: failing(
      "No page matches this origin: it is a placeholder for your app's origin. Replace '{{value}}' with it, or list your origins in `settings.cors.appOrigins` so that suggestions write them.",
      'invalid-allow-origin',
      'allow-origin-mismatch',
    ),
    wildcardEntry: failing(
      "'*' in a list of origins allows nothing: no browser sends `Origin: *`. The list compares it with the request's Origin like any other entry, so a page whose origin is not listed gets no Access-Control-Allow-Origin. List the origins that may read these responses.",
      'missing-allow-origin',
    ),
    removeWildcardEntry: plain("Remove '*' from the list (it allows nothing)"),
    listNotSupported: failing(
      "Every request fails: {{library}} takes one origin, not a list. It sends the array as it is, so every response carries Access-Control-Allow-Origin '{{value}}', one header line per entry, whatever the request's origin, and browsers accept exactly one value. Give `origin` a function that returns the request's origin when it is on the list.",
      'multiple-allow-origin-lines',
    ),
    useOriginList: plain('Use an array of origins: {{list}}'),
    usePattern: plain('Match the subdomains with {{pattern}}'),
    useOrigin: plain("Use '{{fixed}}'"),
  },
  'valid-header-values': {
    credentialsNotTrue: failing(
      "Every request sent with cookies fails: Access-Control-Allow-Credentials is not exactly 'true'. It is '{{value}}', but browsers accept only the exact, lowercase 'true'.",
      'invalid-allow-credentials',
    ),
    credentialsNotBoolean: failing(
      'Every request sent with cookies fails: the cors package sends no Access-Control-Allow-Credentials. `credentials: {{value}}` is not the boolean `true`, so the package leaves the header out.',
      'invalid-allow-credentials',
      'invalid-allow-credentials',
      { ...PLACEHOLDERS, value: '' },
    ),
    useTrue: plain('Use {{fixed}}'),
    methodsSeparator: failing(
      "Browsers reject every preflight: this Access-Control-Allow-Methods is not a comma-separated list. They cannot parse '{{value}}' as a list of methods.",
      'invalid-allow-methods-token',
    ),
    headersSeparator: failing(
      "Browsers reject every preflight: this header list is not separated by commas. They cannot parse {{list}} '{{value}}' as a list of header names.",
      'invalid-allow-headers-token',
    ),
    exposeSeparator: plain(
      "Scripts read these response headers as null: this Access-Control-Expose-Headers is not a list. '{{value}}' is not a comma-separated list of header names (no console message).",
      { kind: 'hidden-headers' },
    ),
    lowercaseMethod: failing(
      "Method '{{method}}' in Access-Control-Allow-Methods is lowercase. Browsers compare methods case-sensitively with the request's uppercase '{{upper}}', so it is never allowed.",
      'method-not-allowed',
      'method-not-allowed',
      { ...PLACEHOLDERS, method: '{{upper}}' },
    ),
    invalidToken: plain(
      "Browsers reject this list: '{{token}}' is not a valid header token. A token in {{header}} has no spaces, quotes, slashes or other separators.",
    ),
    maxAgeNotInteger: plain(
      "Browsers cache the preflight for 5 seconds only: they ignore this Access-Control-Max-Age. '{{value}}' is not a whole number of seconds, so the default applies (no console message).",
      { kind: 'preflight-cached-briefly' },
    ),
    maxAgeNegative: plain(
      "Every request sends its own preflight: this Access-Control-Max-Age is negative. Browsers do not cache the preflight for '{{value}}' (no console message).",
      { kind: 'preflight-not-cached' },
    ),
    maxAgeCapped: plain(
      'Browsers cache the preflight for less than this Access-Control-Max-Age says. {{value}} is above {{browser}} cap, which browsers apply silently ({{cap}} seconds works the same everywhere).',
    ),
    useMaxAge: plain('Use {{fixed}}'),
  },
  'no-ineffective-wildcard': {
    wildcardMethodsWithCredentials: failing(
      "Only GET, HEAD and POST pass: with credentials, '*' in Access-Control-Allow-Methods is no wildcard. Browsers read it as a method named '*' when credentials are allowed.",
      'method-not-allowed',
    ),
    wildcardHeadersWithCredentials: failing(
      "Browsers reject every non-safelisted request header: with credentials, this '*' is no wildcard. They read '*' in Access-Control-Allow-Headers as a header named '*' when credentials are allowed.",
      'header-not-allowed',
    ),
    wildcardExposeWithCredentials: plain(
      "Scripts read non-safelisted response headers as null: with credentials, this '*' is no wildcard. '*' in Access-Control-Expose-Headers is not a wildcard when credentials are allowed (no console message).",
      { kind: 'hidden-headers' },
    ),
    authorizationNotCovered: {
      // Chrome and Firefox still let `*` cover Authorization and only warn (cors-reference §1.7);
      // Chromium 156 shows it as a DevTools issue (AuthorizationCoveredByWildcard), not a console line.
      ...failing(
        "'*' in Access-Control-Allow-Headers never covers Authorization, which this file uses. List it explicitly: Chrome reports a deprecation in DevTools' Issues panel, Firefox warns on the console, and the Fetch standard already rejects it.",
        'authorization-not-covered-by-wildcard',
      ),
      effect: {
        kind: 'warning',
        failure: 'authorization-not-covered-by-wildcard',
        chromiumIssue: 'DeprecationIssue AuthorizationCoveredByWildcard',
      },
    },
    listMethods: plain("List the methods: '{{fixed}}'"),
    reflectHeaders: plain('Remove the option so cors allows the headers each request asks for'),
    useDefaultHeaders: plain(
      'Remove the setting so django-cors-headers sends its default header list',
    ),
    listHeaders: plain("List the headers: '{{fixed}}'"),
    addAuthorization: plain('Add Authorization to the list'),
  },
  'require-exposed-headers': {
    headerNotExposed: plain(
      "Scripts on other origins read the '{{header}}' response header as null. It is not CORS-safelisted and not listed in Access-Control-Expose-Headers, so `response.headers.get('{{header}}')` returns null. Browsers print no console message for this.",
      { kind: 'hidden-headers' },
    ),
    exposeHeader: plain("Add '{{header}}' to Access-Control-Expose-Headers"),
    // Cross-file (the project index): reported on the client's read, naming the server's policy.
    headerNotExposedByServer: plain(
      "'{{header}}' reads as null: {{server}} does not expose it. The server there writes this header, but its CORS policy does not list it in Access-Control-Expose-Headers, so `headers.get('{{header}}')` gives null to this cross-origin script. Browsers print no console message for this.",
      { kind: 'hidden-headers' },
    ),
    exposeHeaderOnServer: plain("Expose '{{header}}' at {{server}}"),
  },
  // The contract rules: a client request checked against the server in the project that answers it (the project index).
  'client-credentials-need-server-credentials': {
    credentialsNotAllowed: failing(
      "This request sends cookies; the server at {{server}} does not allow credentials. Its CORS policy sends no `Access-Control-Allow-Credentials: true`, so the browser hides the response from this script: allow credentials there for the app's origins, or send the request without them.",
      'invalid-allow-credentials',
      'invalid-allow-credentials',
      { ...PLACEHOLDERS, value: '' },
    ),
    credentialsWithWildcard: failing(
      "This request fails: it sends cookies and the server at {{server}} answers '*'. Browsers refuse `Access-Control-Allow-Origin: *` on a request with credentials: the server must answer with the page's own origin.",
      'wildcard-origin-with-credentials',
      'wildcard-origin-with-credentials',
      { ...PLACEHOLDERS, value: '*' },
    ),
    omitCredentials: plain('Send this request without credentials (cookies are then not sent)'),
    // The server-side edits (`ContractFinding.serverFix`), offered by editors: ESLint edits only the linted file.
    allowCredentialsOnServer: plain('Allow credentials at {{server}}, for the origins it lists'),
  },
  'require-allowed-request-headers': {
    headerNotAllowed: failing(
      "This request fails: its '{{header}}' header is not allowed by the server. The server at {{server}} does not list it in Access-Control-Allow-Headers, so the browser rejects the preflight and never sends the request.",
      'header-not-allowed',
    ),
    removeHeader: plain("Remove the '{{header}}' header from this request"),
    allowHeaderOnServer: plain("Allow the '{{header}}' request header at {{server}}"),
  },
  'require-allowed-method': {
    methodNotAllowed: failing(
      'This {{method}} fails: the server at {{server}} does not allow {{method}}. Its CORS methods ({{allowed}}) leave it out, so the browser rejects the preflight and never sends the request.',
      'method-not-allowed',
    ),
    preflightNotAnswered: failing(
      'This {{method}} fails: the server at {{server}} does not answer its preflight. The request needs an OPTIONS preflight first, and nothing there answers OPTIONS for this path with CORS headers.',
      'missing-allow-origin',
    ),
    preflightRefused: failing(
      'This {{method}} fails: {{server}} refuses its preflight with status {{status}}. The request needs an OPTIONS preflight first, and the server refuses OPTIONS for this path (as an nginx `limit_except` that leaves OPTIONS out does). The refusal carries Access-Control-Allow-Origin, so the browser fails the preflight for its status.',
      'preflight-invalid-status',
    ),
    removePreflightHeader: plain(
      "Remove the '{{header}}' header, which alone makes this request preflight",
    ),
    allowMethodOnServer: plain('Allow {{method}} at {{server}}'),
    answerPreflightOnServer: plain('Answer the preflight of this {{method}} at {{server}}'),
  },
  'require-vary-origin': {
    // Checked in Chromium 156 by the oracle: a cached answer for one origin blocks a second same-site
    // origin, and a cached no-cors answer blocks the one allowed origin (cors-reference §4).
    // No suffix: several origins, none for the rest; `OneOrigin`: one origin, none for the rest;
    // `AlwaysSent`: some value for every request (checks/require-vary-origin.ts, `cachedStory`).
    missingVaryOrigin: plain(
      `Requests from other origins can fail intermittently: this response has no \`Vary: Origin\`. Its Access-Control-Allow-Origin depends on the request's Origin, so a browser or shared cache may reuse the response made for one request for another, which then fails. ${CACHED_EITHER}`,
      CACHED_FOR_ANOTHER_ORIGIN,
    ),
    missingVaryOriginOneOrigin: plain(
      `Requests from the allowed origin can fail intermittently: this response has no \`Vary: Origin\`. Access-Control-Allow-Origin is sent only when the Origin is '{{value}}', so a browser or shared cache may hand that origin the response made for a request without it (a page load, an \`<img>\`, another origin's fetch), which has no such header. ${CACHED_WITHOUT_HEADER}`,
      CACHED_WITHOUT_ALLOW_ORIGIN,
    ),
    missingVaryOriginAlwaysSent: plain(
      `Requests from other origins can fail intermittently: this response has no \`Vary: Origin\`. Its Access-Control-Allow-Origin names the request's origin when it is allowed and another value otherwise, so a browser or shared cache may reuse the response made for one origin for another, which then fails. ${CACHED_ORIGIN_MISMATCH}`,
      CACHED_FOR_ANOTHER_ORIGIN,
    ),
    varyWithoutOrigin: plain(
      `Requests from other origins can fail intermittently: this \`Vary\` leaves out \`Origin\`. It replaces the header, although Access-Control-Allow-Origin depends on the request's Origin: caches may reuse one request's response for another. ${CACHED_EITHER}`,
      CACHED_FOR_ANOTHER_ORIGIN,
    ),
    varyWithoutOriginOneOrigin: plain(
      `Requests from the allowed origin can fail intermittently: this \`Vary\` leaves out \`Origin\`. It replaces the header, although Access-Control-Allow-Origin is sent only when the Origin is '{{value}}': caches may hand that origin a response made for a request without it, which has no such header. ${CACHED_WITHOUT_HEADER}`,
      CACHED_WITHOUT_ALLOW_ORIGIN,
    ),
    varyWithoutOriginAlwaysSent: plain(
      `Requests from other origins can fail intermittently: this \`Vary\` leaves out \`Origin\`. It replaces the header, although Access-Control-Allow-Origin depends on the request's Origin: caches may reuse one origin's response for another. ${CACHED_ORIGIN_MISMATCH}`,
      CACHED_FOR_ANOTHER_ORIGIN,
    ),
    varyOverwritten: plain(
      `Requests from other origins can fail intermittently: this \`Vary\` drops the policy's \`Vary: Origin\`. It replaces the \`Vary: Origin\` the CORS policy sent (its Access-Control-Allow-Origin depends on the request's Origin): caches may reuse one request's response for another. Append to Vary or list Origin. ${CACHED_EITHER}`,
      CACHED_FOR_ANOTHER_ORIGIN,
    ),
    varyOverwrittenOneOrigin: plain(
      `Requests from the allowed origin can fail intermittently: this \`Vary\` drops \`Vary: Origin\`. It replaces the \`Vary: Origin\` the CORS policy sent, which sends Access-Control-Allow-Origin only when the Origin is '{{value}}': caches may hand that origin a response made for a request without it, which has no such header. Append to Vary or list Origin. ${CACHED_WITHOUT_HEADER}`,
      CACHED_WITHOUT_ALLOW_ORIGIN,
    ),
    varyOverwrittenAlwaysSent: plain(
      `Requests from other origins can fail intermittently: this \`Vary\` drops the policy's \`Vary: Origin\`. It replaces the \`Vary: Origin\` the CORS policy sent (its Access-Control-Allow-Origin depends on the request's Origin): caches may reuse one origin's response for another. Append to Vary or list Origin. ${CACHED_ORIGIN_MISMATCH}`,
      CACHED_FOR_ANOTHER_ORIGIN,
    ),
  },
  'no-permissive-local-server': {
    permissiveLocalServer: exposing(
      "Any website the user visits can drive this server. {{how}} lets every origin read its answers, and {{because}}: a page's script can call it from the user's machine (the CVE-2025-49596 attack on MCP Inspector). List the origins of your own UI instead.",
    ),
    useAllowList: plain('Allow an explicit list of origins: {{origin}}'),
    useFixedOrigin: plain('Send one fixed origin: {{origin}}'),
  },
  'no-permissive-origin': {
    permissiveOrigin: exposing(
      'Any website can read these responses. {{how}} allows this. That suits public data only: list the origins that may read anything else.',
    ),
    useAllowList: plain('Allow an explicit list of origins: {{origin}}'),
    useFixedOrigin: plain('Send one fixed origin: {{origin}}'),
  },
  'require-preflight-handler': {
    routeLevelCors: failing(
      "Every cross-origin {{method}} here fails: the preflight never reaches this route-level `cors()`. It runs only for {{method}} {{path}}, so Express answers the browser's preflight (OPTIONS {{path}}) itself, without CORS headers.",
      'missing-allow-origin',
    ),
    handlerWithoutOptions: failing(
      'Every cross-origin {{method}} here fails: this handler has no OPTIONS branch. It sets CORS headers only for {{method}}, so the preflight sent before every cross-origin {{method}} gets no Access-Control-Allow-Origin.',
      'missing-allow-origin',
    ),
    routeModuleWithoutOptions: failing(
      'Every cross-origin {{method}} here fails: this route module exports no OPTIONS handler. It sets CORS headers for {{method}}, but Next.js answers the preflight itself, without CORS headers.',
      'missing-allow-origin',
    ),
    routeModuleHandlerElsewhere: failing(
      'Every cross-origin {{method}} here fails: this route module exports no OPTIONS handler. Its handler sets CORS headers for {{method}} at {{where}}, but Next.js answers the preflight itself, without CORS headers.',
      'missing-allow-origin',
    ),
    handlerReexportedWithoutOptions: failing(
      'Every cross-origin {{method}} fails: a route module exports this handler but no OPTIONS handler. {{route}} routes {{method}} here, where the handler sets CORS headers, but Next.js answers the preflight itself, without CORS headers.',
      'missing-allow-origin',
    ),
    fastifyWithoutOptionsRoute: failing(
      'Every cross-origin {{method}} fails: no route answers the preflight (OPTIONS). CORS headers are set in the {{hook}} hook, but Fastify answers the preflight for {{method}} {{path}} with 404.',
      'preflight-invalid-status',
    ),
    preflightContinueWithoutAnswer: failing(
      'Every cross-origin request that needs a preflight fails: nothing answers OPTIONS. `preflightContinue: true` passes the preflight on, but nothing after it answers, so Express ends it with 404.',
      'preflight-invalid-status',
    ),
    // The server does not start, so there is no browser message to compare with (checked by a test on the real Express 5).
    express5UnnamedWildcard: plain(
      "The server never starts: Express {{major}} rejects the path '{{path}}'. Registering the route throws `TypeError: Missing parameter name`, so no request gets CORS headers. Name the wildcard: '{{fixed}}'.",
    ),
    addOptionsRoute: plain("Add an OPTIONS route for '{{path}}' with the same CORS middleware"),
    addOptionsBranch: plain('Answer OPTIONS first with the same CORS headers and 204'),
    addOptionsExport: plain('Export an OPTIONS handler answering 204 with the same CORS headers'),
    addFastifyOptionsRoute: plain(
      'Add an OPTIONS route for every path answering 204 (the hook adds the CORS headers)',
    ),
    removePreflightContinue: plain(
      'Remove `preflightContinue: true` so that cors answers the preflight itself (204)',
    ),
    methodNotAllowed: failing(
      'Every cross-origin {{method}} here fails: the CORS middleware does not allow {{method}}. It answers the preflight for this {{method}} route, but its methods ({{allowed}}) do not include {{method}}, so the browser rejects the preflight.',
      'method-not-allowed',
    ),
    addMethod: plain('Allow {{method}}: add it to the CORS methods'),
    setMethods: plain('Set the CORS methods to {{methods}}'),
  },
  'no-duplicate-allow-origin': {
    duplicateAllowOrigin: failing(
      'Every cross-origin request here fails: this write adds a second Access-Control-Allow-Origin line. `{{earlier}}` (line {{line}}) already set the header on this response, and browsers accept exactly one value, even when both are equal.',
      'multiple-allow-origin-lines',
    ),
    joinedAllowOrigin: failing(
      "Every cross-origin request here fails: Access-Control-Allow-Origin gets a second origin. `{{earlier}}` (line {{line}}) already set the header in these headers, and this append joins a second value into it ('{{value}}'). Browsers accept exactly one origin.",
      'multiple-allow-origin-values',
      'allow-origin-mismatch',
    ),
    removeAppended: plain('Remove this write and keep the value `{{earlier}}` sets'),
  },
  // Client-side rules: what the page's own script sees; browsers print no CORS console line for these.
  'no-opaque-response-read': {
    opaqueResponseRead: plain(
      "This read sees a blank, not what the server sent: a `mode: 'no-cors'` response is opaque. This cross-origin request has `mode: 'no-cors'`, so reading `{{member}}` gives {{sees}}, whatever the server sent. Browsers print no console message; `response.type` is 'opaque'.",
      { kind: 'opaque-read' },
    ),
    kyRejectsOpaque: plain(
      'This ky call always rejects: the response of its `mode: \'no-cors\'` request is opaque, with status 0. ky treats the opaque response of this cross-origin request as an HTTP error, so the call rejects with "HTTPError: Request failed with status code 0" whatever the server sent (with `throwHttpErrors: false` it resolves instead, and every read sees blanks).',
    ),
    removeNoCors: plain(
      "Remove `mode: 'no-cors'` (the server must then allow this origin with Access-Control-Allow-Origin)",
    ),
  },
  'no-invalid-no-cors-request': {
    unsupportedMethod: plain(
      "This {{method}} throws before anything is sent: `mode: 'no-cors'` allows only GET, HEAD and POST. Chrome throws \"TypeError: Failed to execute 'fetch' on 'Window': '{{method}}' is unsupported in no-cors mode.\" (`new Request` says \"Failed to construct 'Request'\"); Firefox also throws a TypeError.",
      { kind: 'throws' },
    ),
    droppedHeader: plain(
      "The server never sees '{{header}}': `mode: 'no-cors'` drops it without an error. A `mode: 'no-cors'` request keeps only Accept, Accept-Language, Content-Language and a form or text/plain Content-Type.",
      { kind: 'header-dropped' },
    ),
    streamBody: plain(
      "This call throws a TypeError before anything is sent: `mode: 'no-cors'` allows no stream body.",
      { kind: 'throws' },
    ),
    removeNoCors: plain(
      "Remove `mode: 'no-cors'` (the server must then allow this origin with CORS headers)",
    ),
  },
  'no-accidental-preflight': {
    contentTypeWithoutBody: plain(
      `A Content-Type on a request without a body only makes this cross-origin request preflighted. This {{method}} request has no body, so \`Content-Type: {{value}}\` describes nothing, yet it is not CORS-safelisted. ${PREFLIGHT_COST} ${HEADER_REFUSED}`,
      PREFLIGHT,
    ),
    requestedWith: plain(
      `{{name}} only makes this cross-origin request preflighted. It is a same-origin convention: servers read it to tell script requests from page loads, and on a cross-origin request it does nothing else. ${PREFLIGHT_COST} ${HEADER_REFUSED}`,
      PREFLIGHT,
    ),
    contentTypeReplacesBodyType: plain(
      `This Content-Type makes the request preflighted: it replaces the one the browser sets for the body. For a {{body}} body the browser sets Content-Type itself ({{sent}}); \`Content-Type: {{value}}\` replaces it with a type that is not CORS-safelisted. ${PREFLIGHT_COST} ${HEADER_REFUSED}`,
      PREFLIGHT,
    ),
    unsafeTextType: plain(
      `This Content-Type makes the request preflighted, and \`text/plain\` sends the same text without one. \`Content-Type: {{value}}\` is not CORS-safelisted{{why}}, so sending this text makes the cross-origin request preflighted. ${PREFLIGHT_COST} ${HEADER_REFUSED}`,
      PREFLIGHT,
    ),
    preflightContentType: plain(
      `This Content-Type makes the cross-origin request preflighted: it is not CORS-safelisted. \`Content-Type: {{value}}\` is not one of application/x-www-form-urlencoded, multipart/form-data and text/plain. ${PREFLIGHT_COST} ${HEADER_REFUSED}`,
      PREFLIGHT,
    ),
    preflightHeader: plain(
      `{{name}} makes this request preflighted: it is not CORS-safelisted. ${PREFLIGHT_COST} ${HEADER_REFUSED}`,
      PREFLIGHT,
    ),
    preflightMethod: plain(
      `{{method}} is not GET, HEAD or POST, so this cross-origin request is preflighted. ${PREFLIGHT_COST} ${METHOD_REFUSED}`,
      PREFLIGHT,
    ),
    repeatedHeader: plain(
      `{{name}} is set more than once, so this request is preflighted. The browser sends the values as one line joined with ', ', and that line is not CORS-safelisted (over 128 bytes, or a character the header does not allow). ${PREFLIGHT_COST} ${HEADER_REFUSED}`,
      PREFLIGHT,
    ),
    uploadListener: plain(
      `A listener on \`xhr.upload\` makes every cross-origin XMLHttpRequest preflighted. Even one with a safelisted method and headers is. ${PREFLIGHT_COST} ${PREFLIGHT_UNANSWERED}`,
      PREFLIGHT,
    ),
    streamBody: plain(
      `A ReadableStream body makes every cross-origin request preflighted. Even one with a safelisted method and headers is. ${PREFLIGHT_COST} ${PREFLIGHT_UNANSWERED}`,
      PREFLIGHT,
    ),
    removeHeader: plain('Remove the {{name}} header'),
    useTextPlain: plain("Use 'text/plain'"),
  },
  'no-forbidden-request-header': {
    forbiddenHeader: plain(
      "Browsers drop '{{header}}' without an error: scripts may not set it. It is a forbidden request header, and the browser sends its own value, if any.",
      { kind: 'header-dropped' },
    ),
    responseHeaderOnRequest: plain(
      "'{{header}}' on a request only adds a preflight: it is a response header. The server sends it; on a request it does nothing, except make a cross-origin request non-simple, so the browser sends a preflight the server must answer.",
      { kind: 'preflight' },
    ),
    removeRequestHeader: plain(
      'Remove the {{header}} header (the code that computes its value no longer runs)',
    ),
  },
  'require-django-cors-middleware': {
    missingMiddleware: failing(
      'No response gets CORS headers: CorsMiddleware is not in MIDDLEWARE. django-cors-headers is configured ({{setting}}), but only `corsheaders.middleware.CorsMiddleware` in MIDDLEWARE sends its headers, and the system checks do not say so.',
      'missing-allow-origin',
    ),
    afterCommonMiddleware: failing(
      'Preflights to URLs without their trailing slash fail: CorsMiddleware runs after CommonMiddleware. With APPEND_SLASH, CommonMiddleware answers `OPTIONS /api/items` with a 301 to `/api/items/` before CorsMiddleware runs, so the redirect has no CORS headers, and browsers follow no redirect of a preflight.',
      'preflight-redirect',
    ),
    afterWhiteNoiseMiddleware: failing(
      'Static files get no CORS headers: CorsMiddleware runs after WhiteNoiseMiddleware. WhiteNoise answers requests for static files itself, so those responses never pass through CorsMiddleware, and WHITENOISE_ALLOW_ALL_ORIGINS = False turns off the `Access-Control-Allow-Origin: *` it would add. django-cors-headers asks to be placed above every middleware that can answer.',
      'missing-allow-origin',
    ),
    addMiddleware: plain('Add CorsMiddleware at the top of MIDDLEWARE'),
    moveMiddleware: plain('Move CorsMiddleware above {{middleware}}'),
  },
  'no-dead-django-cors-setting': {
    urlsRegexNeverMatches: failing(
      "No response gets CORS headers: CORS_URLS_REGEX never matches a request path. django-cors-headers runs `re.match` on the path, which always starts with '/', and `{{regex}}` cannot start with '/', so CORS is off for every URL (not even `Vary: Origin` is sent).",
      'missing-allow-origin',
    ),
    addLeadingSlash: plain("Match from the path's leading slash: `{{fixed}}`"),
    aliasShadowed: plain(
      '{{alias}} never takes effect: {{setting}} is set too and wins. Since django-cors-headers 3.5.0 renamed the setting, it reads {{alias}} only where {{setting}} is unset, so this value is ignored.',
    ),
    removeAlias: plain('Remove {{alias}} (it is ignored)'),
    newNameIgnored: plain(
      'This setting never takes effect: django-cors-headers {{version}} reads only {{alias}}. {{setting}} is the name {{renamedIn}} gave the setting; older versions ignore it, so the library acts as if this line were not there. Rename it to {{alias}}, or upgrade django-cors-headers.',
    ),
    allowHeadersDropDefaults: failing(
      "Requests sending {{missing}} fail: this CORS_ALLOW_HEADERS drops them. The setting replaces django-cors-headers' default list ({{defaults}}), so the preflight of a JSON body, a bearer token or Django's CSRF header is refused.",
      'header-not-allowed',
    ),
    addDefaultHeaders: plain('Add {{missing}} to the list'),
  },
  'valid-django-allowed-origins': {
    wildcardHost: failing(
      "No page matches this origin: django-cors-headers compares the '*' in it literally. '{{value}}' matches only a page whose origin is that very text. Match subdomains with CORS_ALLOWED_ORIGIN_REGEXES, e.g. r'^https://[a-z0-9-]+\\.example\\.com$'.",
      'missing-allow-origin',
    ),
    defaultPort: failing(
      "No page matches this origin: it names the default port, which browsers leave out of their Origin. django-cors-headers compares scheme, host and port as written, so '{{value}}' never equals a page's origin ('{{fixed}}' would).",
      'missing-allow-origin',
    ),
    uppercase: failing(
      "No page matches this origin: it has uppercase letters, but browsers send the origin in lowercase. django-cors-headers compares the host as written, so '{{value}}' never equals a page's origin ('{{fixed}}' would).",
      'missing-allow-origin',
    ),
    path: plain(
      "`manage.py runserver` and `migrate` refuse to run: this origin has a path (corsheaders.E014). django-cors-headers ignores the path when it compares, so a WSGI server still serves '{{value}}' as '{{fixed}}'; only the system checks reject it.",
    ),
    noScheme: admittingNullOrigin(
      failing(
        "Any page can read these responses with `Origin: null`: this origin has no scheme. No real page matches it either: Python's urlsplit gives '{{value}}' an empty scheme and host, as it gives 'null', so sandboxed iframes and data: documents get `Access-Control-Allow-Origin: null` (runserver refuses it as corsheaders.E013; a WSGI server serves it).",
        'missing-allow-origin',
      ),
    ),
    invalidOrigin: failing(
      "No page matches this origin: it is not scheme://host[:port]. django-cors-headers never finds '{{value}}' equal to a browser's Origin.",
      'missing-allow-origin',
    ),
    notAList: admittingNullOrigin(
      failing(
        'Any page can read these responses with `Origin: null`: {{setting}} is a string. It should be a list: django-cors-headers reads it character by character, and each one-character entry has no scheme or host, as \'null\' has; no real page matches. `("…")` without a trailing comma is a string too.',
        'missing-allow-origin',
      ),
    ),
    useOrigin: plain("Use '{{fixed}}'"),
    useList: plain('Make it a list: {{fixed}}'),
  },
  // nginx: its own failure modes, each checked on nginx 1.22.1 (design note §C) and by the oracle in Chromium.
  'nginx-no-dropped-cors-headers': {
    preflightLosesCors: failing(
      "Every preflight here fails: this add_header drops the CORS headers inherited from line {{line}}. An `if` block with an add_header of its own inherits none of the location's, so its OPTIONS answer lacks {{headers}}.",
      'missing-allow-origin',
    ),
    droppedAllowOrigin: failing(
      "Responses here get no CORS headers: this add_header drops those inherited from line {{line}}. {{place}} with an add_header of its own inherits none of the enclosing level's, so {{headers}} are not sent here.",
      'missing-allow-origin',
    ),
    droppedCorsHeaders: plain(
      "Some CORS headers are lost here: this add_header drops those inherited from line {{line}}. {{place}} with an add_header of its own inherits none of the enclosing level's, so {{headers}} are not sent here.",
    ),
    repeatInherited: plain('Repeat the {{count}} inherited CORS header line(s) here'),
  },
  'nginx-no-preflight-before-location': {
    preflightBeforeLocation: failing(
      "Every preflight fails: this server-level `if` answers OPTIONS before any location applies. Its answer carries the server's headers only, never the add_header lines of {{location}}{{more}}, so it has no Access-Control-Allow-Origin.",
      'missing-allow-origin',
    ),
    preflightWithoutLocationHeaders: plain(
      "Preflights here lack the location's CORS headers: this server-level `if` answers OPTIONS first. Its answer carries the server's or http's headers only, so {{headers}} of {{location}}{{more}} are missing from it; a preflight that needs them fails.",
    ),
    moveIntoLocations: plain(
      'Move this `if` into the {{count}} location(s) that send CORS headers',
    ),
  },
  'nginx-require-always': {
    allowOriginWithoutAlways: failing(
      '4xx and 5xx responses reach the page as CORS errors: this add_header lacks `always`. Without it nginx sends {{header}} only with 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308, so a script sees a CORS failure instead of the 401 or 500.',
      'missing-allow-origin',
    ),
    headerWithoutAlways: plain(
      '4xx and 5xx responses lose {{header}}: this add_header lacks `always`. Without it nginx sends the header only with 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308.',
    ),
  },
  'nginx-error-page-drops-cors': {
    errorPageDropsCors: failing(
      'Error responses here reach the page as CORS errors: error_page serves them without CORS headers. `error_page {{codes}} {{uri}}` redirects internally to {{target}}, which sends no Access-Control-Allow-Origin; `always` does not carry over.',
      'missing-allow-origin',
    ),
    repeatInTarget: plain('Send the same CORS headers in {{target}}'),
  },
  'nginx-require-proxy-hide-header': {
    upstreamAllowOrigin: failing(
      "Requests here fail: nginx adds a second Access-Control-Allow-Origin to the app's. The app behind `{{pass}}` sets CORS itself at {{app}}, and add_header does not replace the header it sent; `{{hide}}` drops the app's.",
      'multiple-allow-origin-lines',
    ),
    hideUpstreamHeader: plain(
      "Add `{{hide}} Access-Control-Allow-Origin;` so only nginx's value is sent",
    ),
  },
} as const satisfies Record<string, Record<string, MessageSpec>>;

export type RuleName = keyof typeof ruleMessages;

/** The rules with a security finding (`security: true`), read from the catalog's types: the attacks an oracle runs. */
export type SecurityRuleName = {
  [R in RuleName]: {
    [M in keyof (typeof ruleMessages)[R]]: (typeof ruleMessages)[R][M] extends {
      readonly security: true;
    }
      ? R
      : never;
  }[keyof (typeof ruleMessages)[R]];
}[RuleName];

/** `meta.messages` for a rule: messageId → template text. */
export function messagesFor<R extends RuleName>(
  rule: R,
): { [K in keyof (typeof ruleMessages)[R]]: string } {
  const specs = ruleMessages[rule] as Record<string, MessageSpec>;
  return Object.fromEntries(Object.entries(specs).map(([id, spec]) => [id, spec.text])) as {
    [K in keyof (typeof ruleMessages)[R]]: string;
  };
}

/** Whether a message is a security finding: the browser allows what it describes, so no console line shows it. */
export function isSecurityFinding(rule: string, messageId: string): boolean {
  const specs = (ruleMessages as Record<string, Record<string, MessageSpec>>)[rule];
  return specs?.[messageId]?.security === true;
}

/**
 * The attack a message's finding opens, named by the security rule that describes it: the message's own
 * rule for a security finding, the rule its `opensAttackOf` names for a failure that admits an attacker
 * too, else undefined.
 */
export function securityAttack(rule: string, messageId: string): SecurityRuleName | undefined {
  const spec = (ruleMessages as Record<string, Record<string, MessageSpec>>)[rule]?.[messageId];
  if (spec?.security === true) return rule as SecurityRuleName;
  return spec?.opensAttackOf as SecurityRuleName | undefined;
}

/** What a browser shows for a message, or undefined for security findings a browser allows. */
export function browserEffect(rule: string, messageId: string): BrowserEffect | undefined {
  const specs = (ruleMessages as Record<string, Record<string, MessageSpec>>)[rule];
  return specs?.[messageId]?.effect;
}
