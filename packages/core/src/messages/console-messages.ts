/**
 * What Chrome and Firefox print to the console when CORS blocks a response, as text users can
 * search for. Every string is quoted from cors-reference.md §2.1 (Chromium cors_error_string.cc,
 * newer forms) and §2.2 (Firefox security.properties, current keys); placeholders are `{value}`,
 * `{method}` and `{header}`.
 */

export type BrowserFailure =
  | 'missing-allow-origin'
  | 'multiple-allow-origin-values'
  | 'multiple-allow-origin-lines'
  | 'invalid-allow-origin'
  | 'allow-origin-mismatch'
  | 'wildcard-origin-with-credentials'
  | 'invalid-allow-credentials'
  | 'preflight-invalid-status'
  | 'preflight-redirect'
  | 'method-not-allowed'
  | 'header-not-allowed'
  | 'invalid-allow-methods-token'
  | 'invalid-allow-headers-token'
  | 'authorization-not-covered-by-wildcard';

export interface ConsoleParams {
  value?: string;
  method?: string;
  header?: string;
  status?: string;
  url?: string;
  pageOrigin?: string;
  initiator?: 'fetch' | 'XMLHttpRequest';
}

export interface ConsoleText {
  chrome: string;
  firefox: string;
}

const CHROME_PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: ";
// Chromium appends these by initiator: fetch for invalid ACAO values, XMLHttpRequest for credential errors.
const CHROME_VALID_VALUE_SUFFIX = ' Have the server send the header with a valid value.';
const CHROME_XHR_CREDENTIALS_SUFFIX =
  ' The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.';
// Older Chromium forms; accepted by the matcher only.
const CHROME_OLD_VALID_VALUE_SUFFIX =
  " Have the server send the header with a valid value, or, if an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.";
const CHROME_OLD_NO_CORS_SUFFIX =
  " If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.";

interface Entry {
  readonly chrome: string;
  /** `optional`: only when the failure came from a preflight response; `always`: a preflight-only failure. */
  readonly chromePrefix: 'optional' | 'always' | 'never';
  readonly chromeSuffix?: 'valid-value' | 'xhr-credentials';
  /** Suffixes printed by other Chromium versions, accepted by the matcher. */
  readonly chromeOldSuffixes?: readonly string[];
  /** Older wordings of the same failure, accepted by the matcher. */
  readonly chromeVariants?: readonly RegExp[];
  readonly firefox: string;
  readonly firefoxOld?: readonly string[];
  /** Firefox's message key appends ` Status code: <code>.` after the reason. */
  readonly firefoxStatus?: boolean;
  /** Firefox prints the URL of this key in quotes. */
  readonly firefoxQuotedUrl?: boolean;
}

const ACAO_NOT_MATCHING = 'CORS header ‘Access-Control-Allow-Origin’ does not match ‘{value}’';

const CATALOGUE: Readonly<Record<BrowserFailure, Entry>> = {
  'missing-allow-origin': {
    chrome: "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    chromePrefix: 'optional',
    chromeOldSuffixes: [CHROME_OLD_NO_CORS_SUFFIX],
    firefox: 'CORS header ‘Access-Control-Allow-Origin’ missing',
    firefoxStatus: true,
  },
  // Chromium joins several header lines with `, ` and reports the joined value like a list in one line.
  'multiple-allow-origin-values': {
    chrome:
      "The 'Access-Control-Allow-Origin' header contains multiple values '{value}', but only one is allowed.",
    chromePrefix: 'optional',
    chromeSuffix: 'valid-value',
    chromeOldSuffixes: [CHROME_OLD_VALID_VALUE_SUFFIX],
    firefox: ACAO_NOT_MATCHING,
  },
  'multiple-allow-origin-lines': {
    chrome:
      "The 'Access-Control-Allow-Origin' header contains multiple values '{value}', but only one is allowed.",
    chromePrefix: 'optional',
    chromeSuffix: 'valid-value',
    chromeOldSuffixes: [CHROME_OLD_VALID_VALUE_SUFFIX],
    firefox: 'Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed',
  },
  'invalid-allow-origin': {
    chrome: "The 'Access-Control-Allow-Origin' header contains the invalid value '{value}'.",
    chromePrefix: 'optional',
    chromeSuffix: 'valid-value',
    chromeOldSuffixes: [CHROME_OLD_VALID_VALUE_SUFFIX],
    firefox: ACAO_NOT_MATCHING,
  },
  'allow-origin-mismatch': {
    chrome:
      "The 'Access-Control-Allow-Origin' header has a value '{value}' that is not equal to the supplied origin.",
    chromePrefix: 'optional',
    chromeSuffix: 'valid-value',
    chromeOldSuffixes: [CHROME_OLD_VALID_VALUE_SUFFIX],
    firefox: ACAO_NOT_MATCHING,
  },
  'wildcard-origin-with-credentials': {
    chrome:
      "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
    chromePrefix: 'optional',
    chromeSuffix: 'xhr-credentials',
    firefox: 'Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’',
    firefoxQuotedUrl: true,
  },
  'invalid-allow-credentials': {
    chrome:
      "The value of the 'Access-Control-Allow-Credentials' header in the response is '{value}' which must be 'true' when the request's credentials mode is 'include'.",
    chromePrefix: 'optional',
    chromeSuffix: 'xhr-credentials',
    firefox: 'expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’',
  },
  'preflight-invalid-status': {
    chrome: 'It does not have HTTP ok status.',
    chromePrefix: 'always',
    firefox: 'CORS preflight response did not succeed',
    firefoxOld: ['CORS preflight channel did not succeed'],
    firefoxStatus: true,
  },
  'preflight-redirect': {
    chrome: 'Redirect is not allowed for a preflight request.',
    chromePrefix: 'always',
    firefox: 'CORS request external redirect not allowed',
  },
  'method-not-allowed': {
    chrome: 'Method {method} is not allowed by Access-Control-Allow-Methods in preflight response.',
    chromePrefix: 'never',
    firefox: 'Did not find method in CORS header ‘Access-Control-Allow-Methods’',
  },
  'header-not-allowed': {
    chrome:
      'Request header field {header} is not allowed by Access-Control-Allow-Headers in preflight response.',
    chromePrefix: 'never',
    firefox:
      'header ‘{header}’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response',
    firefoxOld: [
      'missing token ‘{header}’ in CORS header ‘Access-Control-Allow-Headers’ from CORS preflight channel',
    ],
  },
  'invalid-allow-methods-token': {
    chrome:
      'Cannot parse Access-Control-Allow-Methods response header field in preflight response.',
    chromePrefix: 'never',
    firefox: 'invalid token ‘{value}’ in CORS header ‘Access-Control-Allow-Methods’',
  },
  'invalid-allow-headers-token': {
    chrome:
      'Cannot parse Access-Control-Allow-Headers response header field in preflight response.',
    chromePrefix: 'never',
    firefox: 'invalid token ‘{value}’ in CORS header ‘Access-Control-Allow-Headers’',
  },
  // A deprecation warning in both browsers, not (yet) a blocking error; see cors-reference.md §1.7.
  'authorization-not-covered-by-wildcard': {
    chrome:
      'Authorization will not be covered by the wildcard symbol (*) in CORS Access-Control-Allow-Headers handling.',
    chromePrefix: 'never',
    chromeVariants: [
      /["`]?Authorization["`]? will not be covered by the wildcard symbol \(\*\) ?in CORS ["`]?Access-Control-Allow-Headers["`]? handling\./,
    ],
    firefox:
      'When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered. To include the `Authorization` header, it must be explicitly listed in CORS header `Access-Control-Allow-Headers`',
  },
};

const UNKNOWN = '…';

function fill(template: string, params: ConsoleParams): string {
  return template
    .replace('{value}', params.value ?? '')
    .replace('{method}', params.method ?? UNKNOWN)
    .replace('{header}', params.header ?? UNKNOWN);
}

/** Just the reason sentences, exactly as the browsers print them, with params filled in. */
export function consoleReason(
  failure: BrowserFailure,
  params: ConsoleParams,
  opts?: { preflight?: boolean },
): ConsoleText {
  const entry = CATALOGUE[failure];
  const prefix =
    entry.chromePrefix === 'always' ||
    (entry.chromePrefix === 'optional' && opts?.preflight === true)
      ? CHROME_PREFLIGHT_PREFIX
      : '';
  const xhr = params.initiator === 'XMLHttpRequest';
  let suffix = '';
  if (entry.chromeSuffix === 'valid-value' && !xhr) suffix = CHROME_VALID_VALUE_SUFFIX;
  if (entry.chromeSuffix === 'xhr-credentials' && xhr) suffix = CHROME_XHR_CREDENTIALS_SUFFIX;
  return {
    chrome: prefix + fill(entry.chrome, params) + suffix,
    firefox: fill(entry.firefox, params),
  };
}

/**
 * Whole console lines. Chrome: `Access to <initiator> at '<url>' from origin '<page>' has been
 * blocked by CORS policy: …`; Firefox: `Cross-Origin Request Blocked: … (Reason: …).` Missing
 * url, page origin or status print as `…`. The Authorization deprecation is a warning: Chrome
 * prints its sentence alone and Firefox uses its `Cross-Origin Request Warning` envelope.
 */
export function consoleLine(
  failure: BrowserFailure,
  params: ConsoleParams,
  opts?: { preflight?: boolean },
): ConsoleText {
  const entry = CATALOGUE[failure];
  const reason = consoleReason(failure, params, opts);
  const url = params.url ?? UNKNOWN;
  if (failure === 'authorization-not-covered-by-wildcard') {
    return {
      chrome: reason.chrome,
      firefox: `Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at ${url} soon. (Reason: ${reason.firefox}).`,
    };
  }
  const initiator = params.initiator ?? 'fetch';
  const chrome = `Access to ${initiator} at '${url}' from origin '${params.pageOrigin ?? UNKNOWN}' has been blocked by CORS policy: ${reason.chrome}`;
  const shownUrl = entry.firefoxQuotedUrl === true ? `‘${url}’` : url;
  const status = entry.firefoxStatus === true ? ` Status code: ${params.status ?? UNKNOWN}.` : '';
  const firefox = `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${shownUrl}. (Reason: ${reason.firefox}).${status}`;
  return { chrome, firefox };
}

/** Browsers and docs disagree on quote style; compare with plain quotes and single spaces. */
function normalize(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A template as a regex source: the placeholders match whatever the browser filled in. */
function templateSource(template: string): string {
  return escapeRegExp(normalize(template))
    .replace('\\{value\\}', '.*?')
    .replace('\\{method\\}', '\\S+')
    .replace('\\{header\\}', '\\S+');
}

function chromeMatcher(entry: Entry): RegExp {
  const prefix = escapeRegExp(CHROME_PREFLIGHT_PREFIX.trim());
  const prefixSource = { optional: `(?:${prefix} )?`, always: `${prefix} `, never: '' }[
    entry.chromePrefix
  ];
  const suffixes = [
    CHROME_VALID_VALUE_SUFFIX,
    CHROME_XHR_CREDENTIALS_SUFFIX,
    ...(entry.chromeOldSuffixes ?? []),
  ];
  const suffixSource = `(?:${suffixes.map((s) => escapeRegExp(normalize(s))).join('|')})?`;
  return new RegExp(
    `(?:has been blocked by CORS policy|Access blocked by CORS policy): ${prefixSource}${templateSource(entry.chrome)} ?${suffixSource}$`,
  );
}

/**
 * True when `line` (one console message) reports `failure`. Quotes may be typographic or plain;
 * Chrome's preflight prefix, where optional, and its advice suffixes are optional; older wordings
 * of the same failure are accepted.
 */
export function matchesConsoleLine(
  failure: BrowserFailure,
  browser: 'chrome' | 'firefox',
  line: string,
): boolean {
  const entry = CATALOGUE[failure];
  const text = normalize(line);
  if (browser === 'chrome') {
    if (failure === 'authorization-not-covered-by-wildcard') {
      return [new RegExp(templateSource(entry.chrome)), ...(entry.chromeVariants ?? [])].some(
        (re) => re.test(text),
      );
    }
    return chromeMatcher(entry).test(text);
  }
  return [entry.firefox, ...(entry.firefoxOld ?? [])].some((template) =>
    new RegExp(templateSource(template)).test(text),
  );
}
