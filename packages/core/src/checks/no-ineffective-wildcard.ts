import type { Finding } from '../findings.js';
import { parseHeaderList } from '../fetch/header-names.js';
import type { CorsPolicy, ListPiece, ListValue, Setting } from '../policy/cors-policy.js';
import { sendsCredentials } from '../policy/cors-policy.js';
import { DJANGO_CORS_DEFAULT_METHODS } from '../django/cors-headers-settings.js';

export interface IneffectiveWildcardOptions {
  /** Whether the code around the policy uses the Authorization request header. */
  readonly usesAuthorization: boolean;
}

/** What the `cors` package allows by default; listing it keeps behaviour for every method. */
export const CORS_PACKAGE_DEFAULT_METHODS = 'GET, HEAD, PUT, PATCH, POST, DELETE';

/**
 * `*` is a wildcard in Allow-Methods, Allow-Headers and Expose-Headers only for requests without
 * credentials (Fetch §http-new-header-syntax note), and never covers `Authorization` in
 * Allow-Headers (Fetch "CORS non-wildcard request-header name").
 */
export function checkIneffectiveWildcard<H>(
  policy: CorsPolicy<H>,
  options: IneffectiveWildcardOptions,
): Finding<H>[] {
  const findings: Finding<H>[] = [];
  const credentials = sendsCredentials(policy);
  const django =
    policy.source.kind === 'middleware' && policy.source.library === 'django-cors-headers';
  const defaultMethods = django
    ? DJANGO_CORS_DEFAULT_METHODS.join(', ')
    : CORS_PACKAGE_DEFAULT_METHODS;
  if (credentials) {
    for (const piece of wildcardPieces(policy.allowMethods)) {
      findings.push({
        messageId: 'wildcardMethodsWithCredentials',
        data: { method: 'PUT' },
        at: piece.at,
        suggestions: [
          {
            messageId: 'listMethods',
            data: { fixed: defaultMethods },
            fix: {
              kind: 'replace-value',
              at: piece.at,
              value: replaceWildcard(piece.text, defaultMethods),
            },
          },
        ],
      });
    }
    for (const piece of wildcardPieces(policy.allowHeaders)) {
      const setting = policy.allowHeaders as Extract<Setting<ListValue<H>, H>, { kind: 'known' }>;
      findings.push({
        messageId: 'wildcardHeadersWithCredentials',
        data: { header: 'content-type' },
        at: piece.at,
        suggestions: django
          ? // Without the setting, django-cors-headers sends its default list of request headers.
            [{ messageId: 'useDefaultHeaders', fix: { kind: 'remove', at: setting.at } }]
          : policy.source.kind === 'middleware'
            ? // Without the option, middleware reflects Access-Control-Request-Headers, which works with credentials.
              [{ messageId: 'reflectHeaders', fix: { kind: 'remove', at: setting.at } }]
            : [
                {
                  messageId: 'listHeaders',
                  data: { fixed: 'Content-Type, Authorization' },
                  fix: {
                    kind: 'replace-value',
                    at: piece.at,
                    value: replaceWildcard(piece.text, 'Content-Type, Authorization'),
                  },
                },
              ],
      });
    }
    for (const piece of wildcardPieces(policy.exposeHeaders)) {
      findings.push({ messageId: 'wildcardExposeWithCredentials', data: {}, at: piece.at });
    }
    return findings;
  }
  if (options.usesAuthorization && !listsAuthorization(policy.allowHeaders)) {
    for (const piece of wildcardPieces(policy.allowHeaders)) {
      findings.push({
        messageId: 'authorizationNotCovered',
        data: {},
        at: piece.at,
        suggestions: [
          {
            messageId: 'addAuthorization',
            fix: { kind: 'add-list-item', at: piece.at, item: 'Authorization' },
          },
        ],
      });
    }
  }
  return findings;
}

function wildcardPieces<H>(setting: Setting<ListValue<H>, H>): ListPiece<H>[] {
  if (setting.kind !== 'known') return [];
  return setting.value.pieces.filter((piece) => parseHeaderList(piece.text).items.includes('*'));
}

function listsAuthorization<H>(setting: Setting<ListValue<H>, H>): boolean {
  if (setting.kind !== 'known') return false;
  // An unresolved piece may list it: do not claim it is missing.
  if (!setting.value.complete) return true;
  return setting.value.pieces.some((piece) =>
    parseHeaderList(piece.text).items.some((item) => item.toLowerCase() === 'authorization'),
  );
}

function replaceWildcard(text: string, list: string): string {
  const items = parseHeaderList(text).items.flatMap((item) =>
    item === '*' ? parseHeaderList(list).items : [item],
  );
  // Names already listed beside the wildcard are kept once (methods case-sensitively, as browsers compare them).
  return [...new Set(items)].join(', ');
}
