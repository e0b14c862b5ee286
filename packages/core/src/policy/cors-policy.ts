/**
 * The CORS policy model: what a server will send, independent of where it was written down
 * (a `cors()` call, hand-set headers, later an nginx or Django config).
 *
 * `H` is an opaque handle supplied by the adapter that built the policy (an AST node in the
 * ESLint plugin). Core never looks inside it; it only hands it back in findings so the adapter
 * can point at the right place and turn fix intents into edits.
 */

/** A value read from configuration: given explicitly, implied by a library default, or not knowable statically. */
export type Setting<T, H> =
  | { readonly kind: 'absent' }
  | { readonly kind: 'default'; readonly value: T }
  | { readonly kind: 'known'; readonly value: T; readonly at: H }
  | { readonly kind: 'unknown'; readonly at: H };

/** One written piece of a header list: an array element, or a whole comma-separated string. */
export interface ListPiece<H> {
  readonly text: string;
  readonly at: H;
}

/**
 * A list-valued header (methods, allowed or exposed headers). `pieces` are what the source wrote;
 * `complete` is false when some piece could not be resolved, so checks must not assume an item is missing.
 */
export interface ListValue<H> {
  readonly pieces: readonly ListPiece<H>[];
  readonly complete: boolean;
}

/** One entry of an origin allow-list. */
export type OriginEntry<H> =
  | { readonly kind: 'exact'; readonly value: string; readonly at: H }
  | {
      readonly kind: 'pattern';
      readonly source: string;
      readonly flags: string;
      readonly at: H;
      /**
       * The schemes every origin of which the pattern matches (`/^https?:/`: http and https), as the
       * adapter read the pattern; absent when some origin fails it. Such an entry checks nothing.
       */
      readonly matchesEveryOriginOf?: readonly OriginScheme[];
      /**
       * The library matches the pattern at the start of the origin only (Python's `re.match`, as
       * django-cors-headers does): a missing `^` lets nothing more through.
       */
      readonly anchoredAtStart?: boolean;
    }
  | { readonly kind: 'unknown'; readonly at: H };

export type OriginScheme = 'http' | 'https';

/**
 * How `Access-Control-Allow-Origin` is produced.
 * - `wildcard`: always `*` (`implicit` when it comes from a library default, not from the code).
 * - `fixed`: one literal value sent on every response, whatever the request's origin. `lines` counts
 *   the entries of a list a library sends as it is, one header line each (`@koa/cors` given an array).
 * - `reflect-any`: the request's `Origin` is echoed back with no check on the way (`via: 'allow-all-setting'`:
 *   a setting named by `source`, as django-cors-headers' `CORS_ALLOW_ALL_ORIGINS` with credentials); `via: 'request-data'`:
 *   the value is other request data the requesting page chooses (`?origin=` in the query, the body),
 *   named by `source` (`req.query`), which lets any page through just the same.
 * - `allow-list`: echoed only when it matches one of `entries`.
 * - `checked`: request-dependent logic that does contain a check we cannot enumerate (an origin function).
 *   Requests it turns down get no Access-Control-Allow-Origin unless `otherwiseSent`.
 * - `disabled`: no CORS headers at all (`origin: false`).
 * - `unknown`: from the environment, a parameter or a call; never reported as if it were a wildcard.
 */
export type OriginSetting<H> =
  | { readonly kind: 'wildcard'; readonly implicit: boolean; readonly at: H }
  | { readonly kind: 'fixed'; readonly value: string; readonly at: H; readonly lines?: number }
  | {
      readonly kind: 'reflect-any';
      readonly via:
        'option-true' | 'function' | 'request-header' | 'request-data' | 'allow-all-setting';
      readonly at: H;
      readonly source?: string;
    }
  | {
      readonly kind: 'allow-list';
      readonly entries: readonly OriginEntry<H>[];
      readonly complete: boolean;
      readonly at: H;
    }
  | {
      readonly kind: 'checked';
      readonly at: H;
      /** The one origin the check lets through, when it compares the Origin with one value (`origin === 'https://app.example'`). */
      readonly admitsOnly?: string;
      /** Requests the check turns down still get an Access-Control-Allow-Origin, another value (`ok ? origin : list[0]`). */
      readonly otherwiseSent?: true;
    }
  | { readonly kind: 'disabled'; readonly at: H }
  | { readonly kind: 'unknown'; readonly at: H };

/**
 * The call that applied a middleware, as the user wrote it, for messages: `{ call: 'fastify.register(cors, …)' }`,
 * `{ call: 'cors()', from: 'hono/cors' }` (the module, when the call's name does not say it).
 */
export interface AppliedAs {
  readonly call: string;
  readonly from?: string;
}

/** Where the policy was written down; checks word their messages and fixes by it. */
export type PolicySource =
  /** A CORS middleware's options object, e.g. the `cors` package. */
  | {
      readonly kind: 'middleware';
      readonly library: string;
      readonly appliedAs?: AppliedAs;
      /** The library's `origin` option takes one value, never a list (`@koa/cors`). */
      readonly singleOrigin?: boolean;
    }
  /** `Access-Control-*` response headers set by hand on one response. */
  | { readonly kind: 'response-headers' };

/**
 * `credentials` is the option value (`true`) for middleware, and the raw header text
 * (`'true'`, `'True'`) for hand-set headers.
 */
export interface CorsPolicy<H> {
  readonly source: PolicySource;
  /** The whole policy: the middleware call, or the first header of the response. */
  readonly at: H;
  readonly origin: OriginSetting<H>;
  readonly credentials: Setting<boolean | string, H>;
  readonly allowMethods: Setting<ListValue<H>, H>;
  readonly allowHeaders: Setting<ListValue<H>, H>;
  readonly exposeHeaders: Setting<ListValue<H>, H>;
  readonly maxAge: Setting<number | string, H>;
  /** Route paths the policy is mounted on; empty when it applies app-wide or the path is unknown. */
  readonly paths: readonly string[];
}

/** True when the policy certainly sends `Access-Control-Allow-Credentials: true`. */
export function sendsCredentials<H>(policy: CorsPolicy<H>): boolean {
  const setting = policy.credentials;
  if (setting.kind !== 'known' && setting.kind !== 'default') return false;
  return policy.source.kind === 'middleware' ? setting.value === true : setting.value === 'true';
}

/** The handle of a setting given in code, if any. */
export function settingHandle<T, H>(setting: Setting<T, H>): H | undefined {
  return setting.kind === 'known' || setting.kind === 'unknown' ? setting.at : undefined;
}
