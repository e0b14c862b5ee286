/**
 * django-cors-headers as data: its setting names, the old aliases, and its defaults per version. Read in
 * the tags' `conf.py`, `defaults.py`, `checks.py` and `middleware.py` (3.5.0, 3.14.0, 4.0.0, 4.3.0, 4.9.0),
 * and run on Debian's Django 3.2.25 + django-cors-headers 3.14.0 (design-server-configs.md §D.1–D.2).
 */

/** The settings that decide the CORS headers, by their current name. */
export type DjangoCorsSettingName =
  | 'CORS_ALLOW_ALL_ORIGINS'
  | 'CORS_ALLOWED_ORIGINS'
  | 'CORS_ALLOWED_ORIGIN_REGEXES'
  | 'CORS_ALLOW_CREDENTIALS'
  | 'CORS_ALLOW_METHODS'
  | 'CORS_ALLOW_HEADERS'
  | 'CORS_EXPOSE_HEADERS'
  | 'CORS_PREFLIGHT_MAX_AGE'
  | 'CORS_URLS_REGEX'
  | 'CORS_ALLOW_PRIVATE_NETWORK';

/**
 * Names renamed in 3.5.0. The old name stays an alias in every later version; when both are set the
 * new one wins (`getattr(settings, NEW, getattr(settings, OLD, default))`). Before 3.5.0 only the old
 * name is read.
 */
export const DJANGO_CORS_OLD_NAMES: Readonly<Partial<Record<DjangoCorsSettingName, string>>> = {
  CORS_ALLOW_ALL_ORIGINS: 'CORS_ORIGIN_ALLOW_ALL',
  CORS_ALLOWED_ORIGINS: 'CORS_ORIGIN_WHITELIST',
  CORS_ALLOWED_ORIGIN_REGEXES: 'CORS_ORIGIN_REGEX_WHITELIST',
};

/** The first version that reads the new names. */
export const DJANGO_CORS_RENAME_VERSION = '3.5.0';

/**
 * `CORS_ALLOW_HEADERS` by default. 4.0.0 dropped the names browsers never let a script set
 * (`accept-encoding`, `dnt`, `origin`): the change makes no request fail.
 */
export const DJANGO_CORS_DEFAULT_HEADERS_3 = [
  'accept',
  'accept-encoding',
  'authorization',
  'content-type',
  'dnt',
  'origin',
  'user-agent',
  'x-csrftoken',
  'x-requested-with',
] as const;
export const DJANGO_CORS_DEFAULT_HEADERS_4 = [
  'accept',
  'authorization',
  'content-type',
  'user-agent',
  'x-csrftoken',
  'x-requested-with',
] as const;

/** `CORS_ALLOW_METHODS` by default, in every version; sent as written (a lowercase name goes out lowercase). */
export const DJANGO_CORS_DEFAULT_METHODS = [
  'DELETE',
  'GET',
  'OPTIONS',
  'PATCH',
  'POST',
  'PUT',
] as const;

/** `CORS_PREFLIGHT_MAX_AGE` by default; `0` leaves the header out. */
export const DJANGO_CORS_DEFAULT_MAX_AGE = 86400;

/** `CORS_URLS_REGEX` by default; matched with `re.match` against `request.path_info`, which starts with `/`. */
export const DJANGO_CORS_DEFAULT_URLS_REGEX = '^.*$';

/** What one version of django-cors-headers does, as far as the checks need it. */
export interface DjangoCorsVersionFacts {
  readonly version: string;
  /** Reads `CORS_ALLOW_ALL_ORIGINS`, `CORS_ALLOWED_ORIGINS`, `CORS_ALLOWED_ORIGIN_REGEXES`. */
  readonly readsNewNames: boolean;
  readonly defaultHeaders: readonly string[];
  /** Sends `Access-Control-Allow-Credentials` also to origins it does not allow (no browser effect). */
  readonly credentialsOnDisallowedOrigins: boolean;
  /** How it writes `Vary` on every CORS-enabled URL. */
  readonly vary: 'Origin' | 'origin';
  readonly readsPrivateNetwork: boolean;
}

const VERSIONS: readonly DjangoCorsVersionFacts[] = [
  {
    version: '3.4.0',
    readsNewNames: false,
    defaultHeaders: DJANGO_CORS_DEFAULT_HEADERS_3,
    credentialsOnDisallowedOrigins: true,
    vary: 'Origin',
    readsPrivateNetwork: false,
  },
  {
    version: '3.5.0',
    readsNewNames: true,
    defaultHeaders: DJANGO_CORS_DEFAULT_HEADERS_3,
    credentialsOnDisallowedOrigins: true,
    vary: 'Origin',
    readsPrivateNetwork: false,
  },
  {
    version: '4.0.0',
    readsNewNames: true,
    defaultHeaders: DJANGO_CORS_DEFAULT_HEADERS_4,
    credentialsOnDisallowedOrigins: true,
    vary: 'origin',
    readsPrivateNetwork: true,
  },
  {
    version: '4.3.0',
    readsNewNames: true,
    defaultHeaders: DJANGO_CORS_DEFAULT_HEADERS_4,
    credentialsOnDisallowedOrigins: false,
    vary: 'origin',
    readsPrivateNetwork: true,
  },
];

/**
 * Whether `text` reads as a django-cors-headers version a setting may name: `4`, `4.3` or `4.3.1`
 * (surrounding spaces allowed). The ESLint setting and the editors' setting accept exactly these.
 */
export function isDjangoCorsHeadersVersion(text: string): boolean {
  return /^\d+(?:\.\d+){0,2}$/.test(text.trim());
}

/** The facts of the newest listed version at or below `version` (`'3.14.0'` → 3.5.0's); unknown → the newest. */
export function djangoCorsFacts(version?: string): DjangoCorsVersionFacts {
  const newest = VERSIONS[VERSIONS.length - 1]!;
  const wanted = version ? parseVersion(version) : undefined;
  if (!wanted) return newest;
  let found = VERSIONS[0]!;
  for (const facts of VERSIONS)
    if (compare(parseVersion(facts.version)!, wanted) <= 0) found = facts;
  return found;
}

function parseVersion(text: string): number[] | undefined {
  const match = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : undefined;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i]! !== b[i]!) return a[i]! - b[i]!;
  return 0;
}

/**
 * Request headers clients commonly send that a `CORS_ALLOW_HEADERS` replacing the defaults must keep,
 * else their preflight fails: JSON bodies, bearer tokens, Django's CSRF header.
 */
export const DJANGO_CORS_HEADERS_CLIENTS_SEND = [
  'content-type',
  'authorization',
  'x-csrftoken',
] as const;

/** The middleware's import path, and the middlewares that answer before it when listed first. */
export const DJANGO_CORS_MIDDLEWARE = 'corsheaders.middleware.CorsMiddleware';
/**
 * Middlewares that produce a response of their own (a redirect, a static file) without calling the
 * next one: listed before `CorsMiddleware`, their responses carry no CORS headers. CommonMiddleware's
 * `APPEND_SLASH` redirect of a preflight was run (§D.2: `301` without CORS headers); the README names
 * WhiteNoise too.
 */
export const DJANGO_RESPONDING_MIDDLEWARES: Readonly<Record<string, string>> = {
  'django.middleware.common.CommonMiddleware': 'its APPEND_SLASH redirect',
  'whitenoise.middleware.WhiteNoiseMiddleware': 'its static-file responses',
};
/** WhiteNoise's middleware, which answers static-file requests itself. */
export const WHITENOISE_MIDDLEWARE = 'whitenoise.middleware.WhiteNoiseMiddleware';
/**
 * The setting that stops WhiteNoise's own `Access-Control-Allow-Origin: *` on every static file
 * (`allow_all_origins`, on by default; read in whitenoise 6.0's `base.py`, and run: with WhiteNoise
 * before CorsMiddleware and the default, a cross-origin GET of a static file gets `*` and passes).
 */
export const WHITENOISE_ALLOW_ALL_ORIGINS = 'WHITENOISE_ALLOW_ALL_ORIGINS';
