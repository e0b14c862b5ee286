/**
 * Checks of django-cors-headers settings that have no counterpart in the policy model: the middleware's
 * place, settings the library can never act on, and allow-list entries it can never match. The adapter
 * reads the settings module (one value per branch of the file) and hands the values in; `H` is its handle.
 * Every verdict was run on Django 3.2.25 + django-cors-headers 3.14.0 (design-server-configs.md §D.2).
 */
import type { Finding } from '../findings.js';
import {
  DJANGO_CORS_HEADERS_CLIENTS_SEND,
  DJANGO_CORS_RENAME_VERSION,
  DJANGO_CORS_MIDDLEWARE,
  DJANGO_RESPONDING_MIDDLEWARES,
  WHITENOISE_MIDDLEWARE,
  djangoCorsFacts,
} from '../django/cors-headers-settings.js';
import { validateAllowOriginValue } from '../origin/validate-allow-origin.js';

/** A string a list holds, where it is written. */
export interface DjangoListItem<H> {
  readonly text: string;
  readonly at: H;
}

/** A list-valued setting as the file writes it on one branch. */
export interface DjangoList<H> {
  readonly items: readonly DjangoListItem<H>[];
  /** False when some item is not a known string (a name from elsewhere, a call). */
  readonly complete: boolean;
  /** False after an `insert` at an unknown index: the items are there, their order is not known. */
  readonly orderKnown: boolean;
  readonly at: H;
}

/**
 * `MIDDLEWARE` on one branch, when django-cors-headers is configured in the module (`configuredBy` names
 * how: `INSTALLED_APPS` or the first `CORS_` setting). WhiteNoise answers static files with its own
 * `Access-Control-Allow-Origin: *` unless `WHITENOISE_ALLOW_ALL_ORIGINS` is False, so it counts as
 * answering without CORS headers only when `whiteNoiseAllowsAllOrigins` is known to be false.
 */
export function checkDjangoCorsMiddleware<H>(
  middleware: DjangoList<H>,
  configuredBy: string,
  whiteNoiseAllowsAllOrigins: boolean | undefined = true,
): Finding<H>[] {
  const cors = middleware.items.findIndex((item) => item.text === DJANGO_CORS_MIDDLEWARE);
  if (cors < 0) {
    if (!middleware.complete) return [];
    const first = middleware.items[0];
    return [
      {
        messageId: 'missingMiddleware',
        data: { setting: configuredBy },
        at: middleware.at,
        suggestions: first
          ? [
              {
                messageId: 'addMiddleware',
                fix: { kind: 'insert-list-item', at: first.at, item: DJANGO_CORS_MIDDLEWARE },
              },
            ]
          : [],
      },
    ];
  }
  if (!middleware.orderKnown) return [];
  const responder = middleware.items
    .slice(0, cors)
    .find(
      (item) =>
        item.text in DJANGO_RESPONDING_MIDDLEWARES &&
        (item.text !== WHITENOISE_MIDDLEWARE || whiteNoiseAllowsAllOrigins === false),
    );
  if (!responder) return [];
  const name = responder.text.split('.').pop() ?? responder.text;
  const corsItem = middleware.items[cors]!;
  return [
    {
      messageId:
        name === 'CommonMiddleware' ? 'afterCommonMiddleware' : 'afterWhiteNoiseMiddleware',
      data: { middleware: name },
      at: corsItem.at,
      suggestions: [
        {
          messageId: 'moveMiddleware',
          data: { middleware: name },
          fix: { kind: 'move-list-item', at: corsItem.at, before: responder.at },
        },
      ],
    },
  ];
}

/**
 * `CORS_URLS_REGEX` runs with `re.match` on `request.path_info`, which always starts with `/`: a pattern
 * that cannot start with `/` turns CORS off everywhere (run: no ACAO, not even `Vary`). Whether it can is
 * the adapter's regex analysis (`matchesSlashPaths`); `fixed` is the pattern with the slash.
 */
export function checkDjangoUrlsRegex<H>(regex: {
  readonly value: string;
  readonly at: H;
  readonly matchesSlashPaths: boolean | undefined;
}): Finding<H>[] {
  if (regex.matchesSlashPaths !== false) return [];
  const fixed = regex.value.startsWith('^') ? `^/${regex.value.slice(1)}` : `^/${regex.value}`;
  return [
    {
      messageId: 'urlsRegexNeverMatches',
      data: { regex: regex.value, fixed },
      at: regex.at,
      suggestions: [
        {
          messageId: 'addLeadingSlash',
          data: { fixed },
          fix: { kind: 'replace-value', at: regex.at, value: fixed },
        },
      ],
    },
  ];
}

/**
 * A new name in a module for a django-cors-headers older than 3.5.0, which reads only the old one
 * (`alias`): the value never takes effect. No suggestion: renaming the setting and upgrading the
 * library are both right, and only the user knows which the project wants.
 */
export function checkDjangoIgnoredNewName<H>(write: {
  readonly setting: string;
  readonly alias: string;
  /** The version the lint assumes (`settings.cors.django.corsHeadersVersion` or the project's pin). */
  readonly version: string;
  readonly at: H;
}): Finding<H>[] {
  return [
    {
      messageId: 'newNameIgnored',
      data: {
        setting: write.setting,
        alias: write.alias,
        version: write.version,
        renamedIn: DJANGO_CORS_RENAME_VERSION,
      },
      at: write.at,
    },
  ];
}

/** An old name set while its new name is set too: django-cors-headers (≥ 3.5.0) reads only the new one. */
export function checkDjangoShadowedAlias<H>(alias: {
  readonly alias: string;
  readonly setting: string;
  readonly at: H;
  readonly statement: H;
}): Finding<H>[] {
  return [
    {
      messageId: 'aliasShadowed',
      data: { alias: alias.alias, setting: alias.setting },
      at: alias.at,
      suggestions: [
        {
          messageId: 'removeAlias',
          data: { alias: alias.alias },
          fix: { kind: 'remove', at: alias.statement },
        },
      ],
    },
  ];
}

/**
 * A `CORS_ALLOW_HEADERS` written out in full replaces the defaults: the request headers clients most
 * often send (`content-type` for JSON, `authorization`, `x-csrftoken`) must be listed again, or their
 * preflights fail (run: `CORS_ALLOW_HEADERS = ["x-api-key"]` → `Access-Control-Allow-Headers: x-api-key`).
 * The message names the defaults of the version the lint assumes (4.0.0 dropped three of them); those
 * three are in every version's defaults, so the verdict is the same in all.
 */
export function checkDjangoAllowHeaders<H>(
  headers: DjangoList<H>,
  defaults: readonly string[] = djangoCorsFacts().defaultHeaders,
): Finding<H>[] {
  if (!headers.complete) return [];
  const listed = new Set(headers.items.map((item) => item.text.trim().toLowerCase()));
  if (listed.has('*')) return [];
  const missing = DJANGO_CORS_HEADERS_CLIENTS_SEND.filter((name) => !listed.has(name));
  const last = headers.items[headers.items.length - 1];
  if (missing.length === 0 || !last) return [];
  const text = missing.join(', ');
  return [
    {
      messageId: 'allowHeadersDropDefaults',
      data: {
        missing: text,
        header: missing[0]!,
        defaults: defaults.join(', '),
      },
      at: headers.at,
      suggestions: [
        {
          messageId: 'addDefaultHeaders',
          data: { missing: text },
          fix: { kind: 'add-list-item', at: last.at, item: text },
        },
      ],
    },
  ];
}

/** What a `CORS_ALLOWED_ORIGINS` (or `CORS_ORIGIN_WHITELIST`) holds on one branch. */
export type DjangoOriginsValue<H> =
  | { readonly kind: 'list'; readonly list: DjangoList<H> }
  | { readonly kind: 'string'; readonly value: string; readonly at: H };

/**
 * Entries django-cors-headers can never match with a browser's Origin. It compares `scheme://netloc` of
 * the entry with the request's, as written: a wildcard, an uppercase host or a default port never match.
 * A schemeless entry parses to an empty scheme and host, which is what `Origin: null` parses to, so it
 * admits `null`; a string in place of the list is a list of one-character schemeless entries. A path is
 * ignored at run time but fails the system checks that `runserver` and `migrate` run (E014).
 */
export function checkDjangoAllowedOrigins<H>(
  setting: string,
  value: DjangoOriginsValue<H>,
): Finding<H>[] {
  if (value.kind === 'string') {
    const fixed = `['${value.value}']`;
    return [
      {
        messageId: 'notAList',
        data: { setting, value: value.value, fixed },
        at: value.at,
        suggestions: [
          {
            messageId: 'useList',
            data: { fixed },
            fix: {
              kind: 'set-origins',
              at: value.at,
              entries: [{ kind: 'exact', value: value.value }],
            },
          },
        ],
      },
    ];
  }
  return value.list.items.flatMap((item): Finding<H>[] => {
    const text = item.text;
    if (text === 'null' || text === '*') return [];
    const problems = validateAllowOriginValue(text);
    const find = (
      kind:
        | 'trailing-slash'
        | 'path'
        | 'uppercase'
        | 'default-port'
        | 'no-scheme'
        | 'wildcard-subdomain'
        | 'multiple'
        | 'invalid',
    ) => problems.find((p) => p.kind === kind) as { kind: string; fixed: string } | undefined;
    const finding = (messageId: string, fixed?: string): Finding<H> => ({
      messageId,
      data: { value: text, ...(fixed ? { fixed } : {}) },
      at: item.at,
      ...(fixed ? { fix: { kind: 'replace-value', at: item.at, value: fixed } as const } : {}),
    });
    if (find('wildcard-subdomain')) return [finding('wildcardHost')];
    const noScheme = find('no-scheme');
    if (noScheme) {
      const host = noScheme.fixed.replace(/^https:\/\//, '');
      // http first for development hosts; else the scheme most of the list's other entries use, else https.
      const others = value.list.items
        .map((other) => /^(https?):\/\//.exec(other.text)?.[1])
        .filter((scheme): scheme is string => scheme !== undefined);
      const http = others.filter((scheme) => scheme === 'http').length;
      const preferHttp =
        /^(localhost|127\.|\[::1\])/.test(host) || (others.length > 0 && http * 2 > others.length);
      const schemes = preferHttp ? ['http', 'https'] : ['https', 'http'];
      // Python's urlsplit reads `host:8000` as scheme `host`: only an entry with no scheme and no host is `null`'s twin.
      return [
        {
          messageId: parsesAsNull(text) ? 'noScheme' : 'invalidOrigin',
          data: { value: text },
          at: item.at,
          suggestions: schemes.map((scheme) => ({
            messageId: 'useOrigin',
            data: { fixed: `${scheme}://${host}` },
            fix: { kind: 'replace-value', at: item.at, value: `${scheme}://${host}` } as const,
          })),
        },
      ];
    }
    if (find('multiple') || find('invalid')) return [finding('invalidOrigin')];
    const path = find('trailing-slash') ?? find('path');
    if (path) return [finding('path', path.fixed)];
    const port = find('default-port');
    if (port) return [finding('defaultPort', port.fixed)];
    const upper = find('uppercase');
    if (upper) return [finding('uppercase', upper.fixed)];
    return [];
  });
}

/** Whether Python's `urlsplit` gives `text` an empty scheme and host, as it does for `null`. */
function parsesAsNull(text: string): boolean {
  return !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(text) && !text.startsWith('//');
}
