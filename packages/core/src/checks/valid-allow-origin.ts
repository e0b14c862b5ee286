import type { Finding, FixIntent, OriginLiteral, RepairOptions, Suggestion } from '../findings.js';
import type { AllowOriginProblem } from '../origin/validate-allow-origin.js';
import { validateAllowOriginValue } from '../origin/validate-allow-origin.js';
import { isSharedHostingDomain } from '../origin/shared-hosting.js';
import type { CorsPolicy } from '../policy/cors-policy.js';

/** Most telling problem first: a value is reported once, with the fix for all its problems. */
const PRECEDENCE: readonly AllowOriginProblem['kind'][] = [
  'placeholder',
  'multiple',
  'wildcard-subdomain',
  'no-scheme',
  'invalid',
  'trailing-slash',
  'path',
  'default-port',
  'uppercase',
];

const MESSAGE_IDS = {
  multiple: 'multiple',
  'wildcard-subdomain': 'wildcardSubdomain',
  'no-scheme': 'noScheme',
  invalid: 'invalid',
  'trailing-slash': 'trailingSlash',
  path: 'path',
  'default-port': 'defaultPort',
  uppercase: 'uppercase',
  placeholder: 'placeholder',
} as const;

/**
 * Origin values that never equal a browser's serialized Origin (Fetch §cors-check step 4 is a
 * byte comparison; §origin-header gives the grammar). Trailing slash, path, case and default port
 * have one certain meaning and are fixed automatically; lists and wildcards are suggestions. The
 * placeholder an origin suggestion wrote is reported until replaced, with the app's origins
 * (`options.appOrigins`) as suggestions once they are configured.
 */
export function checkAllowOriginValues<H>(
  policy: CorsPolicy<H>,
  options: RepairOptions = {},
): Finding<H>[] {
  const { origin } = policy;
  if (origin.kind === 'fixed') {
    // A list the library does not take: every entry goes out as its own header line, on every response.
    if ((origin.lines ?? 1) > 1 && policy.source.kind === 'middleware')
      return [
        {
          messageId: 'listNotSupported',
          at: origin.at,
          data: { value: origin.value, library: policy.source.library },
        },
      ];
    return checkValue(
      origin.value,
      origin.at,
      policy.source.kind === 'middleware' ? 'option' : 'header',
      options,
    );
  }
  if (origin.kind !== 'allow-list') return [];
  return origin.entries.flatMap((entry) => {
    if (entry.kind !== 'exact') return [];
    if (entry.value.trim() === '*') return [wildcardEntry(entry.at)];
    return checkValue(entry.value, entry.at, 'entry', options);
  });
}

/**
 * `'*'` as one entry of an allow-list: the request's Origin is compared with it like with any other
 * entry (`===` in the cors package, `includes` in hono; @fastify/cors, which treats it as "any", never
 * builds an allow-list with it), and no browser sends `Origin: *`. The entry allows nothing, so
 * removing it keeps behaviour; allowing every origin instead is a policy choice left to the user.
 */
function wildcardEntry<H>(at: H): Finding<H> {
  return {
    messageId: 'wildcardEntry',
    at,
    data: {},
    suggestions: [{ messageId: 'removeWildcardEntry', fix: { kind: 'remove', at } }],
  };
}

/** `option`: a middleware's single origin (a list may replace it); `entry`: one element of an allow-list; `header`: a raw header value. */
type Place = 'option' | 'entry' | 'header';

function checkValue<H>(value: string, at: H, place: Place, options: RepairOptions): Finding<H>[] {
  const problems = validateAllowOriginValue(value);
  const problem = PRECEDENCE.map((kind) => problems.find((p) => p.kind === kind)).find(
    (p) => p !== undefined,
  );
  if (!problem) return [];
  const finding = { messageId: MESSAGE_IDS[problem.kind], at, data: { value } };
  switch (problem.kind) {
    case 'trailing-slash':
    case 'path':
    case 'default-port':
    case 'uppercase':
      return [
        {
          ...finding,
          data: { value, fixed: problem.fixed },
          fix: { kind: 'replace-value', at, value: problem.fixed },
        },
      ];
    case 'no-scheme': {
      const host = problem.fixed.replace(/^https:\/\//, '');
      // Both schemes are plausible; development hosts are usually served over plain http.
      const schemes = isLocalHost(host) ? ['http', 'https'] : ['https', 'http'];
      const suggestions = schemes.map((scheme): Suggestion<H> => {
        const fixed = `${scheme}://${host}`;
        return {
          messageId: 'useOrigin',
          data: { fixed },
          fix: { kind: 'replace-value', at, value: fixed },
        };
      });
      return [{ ...finding, suggestions }];
    }
    case 'multiple': {
      const entries = problem.origins.map((o): OriginLiteral => ({ kind: 'exact', value: o }));
      const list = `[${problem.origins.map((o) => `'${o}'`).join(', ')}]`;
      return [
        {
          ...finding,
          suggestions: listSuggestion(place, at, entries, {
            messageId: 'useOriginList',
            data: { list },
          }),
        },
      ];
    }
    case 'wildcard-subdomain': {
      // `https://*.vercel.app`: every customer's site would match the pattern, so none is offered.
      if (isSharedHostingDomain(problem.suffix)) return [finding];
      const pattern = subdomainPattern(problem.scheme, problem.suffix, problem.port);
      return [
        {
          ...finding,
          suggestions: listSuggestion(place, at, [pattern], {
            messageId: 'usePattern',
            data: { pattern: `/${pattern.source}/` },
          }),
        },
      ];
    }
    case 'invalid':
      return [finding];
    case 'placeholder': {
      const suggestions = (options.appOrigins ?? []).map((fixed): Suggestion<H> => ({
        messageId: 'useOrigin',
        data: { fixed },
        fix: { kind: 'replace-value', at, value: fixed },
      }));
      return [suggestions.length > 0 ? { ...finding, suggestions } : finding];
    }
  }
}

function listSuggestion<H>(
  place: Place,
  at: H,
  entries: OriginLiteral[],
  message: Omit<Suggestion<H>, 'fix'>,
): Suggestion<H>[] {
  let fix: FixIntent<H>;
  if (place === 'option') fix = { kind: 'set-origins', at, entries };
  else if (place === 'entry') fix = { kind: 'replace-entry', at, entries };
  // A raw header carries one value: only code that picks it per request can use a list.
  else return [];
  return [{ ...message, fix }];
}

/** Hosts that are local by convention (RFC 6761 names, loopback addresses). */
function isLocalHost(hostAndPort: string): boolean {
  const host = hostAndPort.replace(/:\d+$/, '').toLowerCase();
  return (
    host === 'localhost' ||
    host === '[::1]' ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    /\.(localhost|test|local)$/.test(host)
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** `https://*.example.com` → a pattern for one or more subdomain labels, anchored, dots escaped. */
export function subdomainPattern(
  scheme: string,
  suffix: string,
  port?: string,
): Extract<OriginLiteral, { kind: 'pattern' }> {
  const portPart = port ? escapeRegExp(`:${port}`) : '';
  return {
    kind: 'pattern',
    source: `^${escapeRegExp(`${scheme}://`)}(?:[a-z0-9-]+\\.)+${escapeRegExp(suffix)}${portPart}$`,
    flags: '',
  };
}
