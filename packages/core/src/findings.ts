/**
 * What a check returns: plain data. The adapter maps `at` handles to source positions and
 * `FixIntent`s to text edits; core never sees syntax.
 */

/**
 * A semantic edit. `at` is a handle the adapter gave core: either a whole setting (an option, a
 * header write) or one literal inside it (an array entry, one piece of a list).
 */
export type FixIntent<H> =
  /** Replace a setting's value, or a literal, with a string or number of the same kind. */
  | { readonly kind: 'replace-value'; readonly at: H; readonly value: string | number | boolean }
  /** Make a middleware's origin setting this allow-list (adding the option when it is implicit). */
  | { readonly kind: 'set-origins'; readonly at: H; readonly entries: readonly OriginLiteral[] }
  /** Replace one allow-list entry with other entries (a string entry by a pattern, one by two). */
  | { readonly kind: 'replace-entry'; readonly at: H; readonly entries: readonly OriginLiteral[] }
  /** Remove a setting entirely (an option property, a header write, an array element). */
  | { readonly kind: 'remove'; readonly at: H }
  /** Insert an item into a list just before the element `at`. */
  | { readonly kind: 'insert-list-item'; readonly at: H; readonly item: string }
  /** Move the list element `at` to just before the element `before` of the same list. */
  | { readonly kind: 'move-list-item'; readonly at: H; readonly before: H }
  /** Add an item to a list value (an array element, or `, item` at the end of a string). */
  | { readonly kind: 'add-list-item'; readonly at: H; readonly item: string }
  /**
   * Create an absent (or library-default) list setting with these items: an option on the middleware
   * whose call is `at`, or a header written beside the hand-set header write `at` (same response).
   */
  | {
      readonly kind: 'add-list-setting';
      readonly at: H;
      readonly setting: 'exposeHeaders' | 'allowMethods';
      readonly items: readonly string[];
    }
  /**
   * Create an absent setting with this value: an option on the middleware whose call is `at`, or a
   * header written beside the hand-set header write `at` (same response).
   */
  | {
      readonly kind: 'add-setting';
      readonly at: H;
      readonly setting: 'credentials';
      readonly value: boolean | string;
    }
  /** Append a field to the `Vary` header of the response `at` writes to, keeping any fields already there. */
  | { readonly kind: 'append-vary'; readonly at: H; readonly field: string }
  /**
   * Add what answers the CORS preflight next to `at`: an OPTIONS route beside an Express or Fastify
   * route registration (with the middleware at `like`), an OPTIONS branch at the top of a request
   * handler, or an OPTIONS export in a route module.
   */
  | {
      readonly kind: 'add-preflight-handler';
      readonly framework: 'express' | 'fastify' | 'node-http' | 'next';
      readonly at: H;
      readonly like?: H;
    }
  /**
   * Rewrite the origin pattern written at `at` as `source`, in the notation it is written in (a regex
   * literal with `flags`, a Python raw string, an nginx word keeping its `~`/`~*` and quotes).
   */
  | {
      readonly kind: 'replace-pattern';
      readonly at: H;
      readonly source: string;
      readonly flags: string;
    }
  /** Replace the origin test `at` (a call, or a comparison around one) by a test that the value `subject` is the exact origin or matches the pattern. */
  | {
      readonly kind: 'replace-origin-test';
      readonly at: H;
      readonly subject: H;
      readonly accept: OriginLiteral;
    }
  /** nginx: send the header written at `at` on every status (`add_header … always`). */
  | { readonly kind: 'add-always'; readonly at: H }
  /** nginx: write copies of the header writes `headers` where `at` is (a level's first header write, or the level itself). */
  | { readonly kind: 'repeat-headers'; readonly at: H; readonly headers: readonly H[] }
  /** nginx: move the block `at` into each of the levels `into`, at their start. */
  | { readonly kind: 'move-into-levels'; readonly at: H; readonly into: readonly H[] }
  /** nginx: stop passing the upstream's `header` on (`directive` is `proxy_hide_header` or its kin), beside the write `at`. */
  | {
      readonly kind: 'hide-upstream-header';
      readonly at: H;
      readonly directive: string;
      readonly header: string;
    };

/** An origin allow-list entry as text: an exact origin or a regular expression. */
export type OriginLiteral =
  | { readonly kind: 'exact'; readonly value: string }
  | { readonly kind: 'pattern'; readonly source: string; readonly flags: string };

export interface Suggestion<H> {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string>>;
  readonly fix: FixIntent<H>;
}

export interface Finding<H> {
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
  /** Where to report. */
  readonly at: H;
  /** An automatic fix: only when it keeps the developer's evident intent. */
  readonly fix?: FixIntent<H>;
  readonly suggestions?: readonly Suggestion<H>[];
}

/**
 * What a suggestion writes for the app's origin when no app origins are configured
 * (`settings.cors.appOrigins`). It is no origin, so no page matches it and valid-allow-origin keeps
 * reporting it until the user puts the app's origin in its place: a fake but real-looking origin
 * would silence the finding while allowing nobody the app knows.
 */
export const PLACEHOLDER_ORIGIN = '<your-app-origin>';

/** Options of the checks that repair an origin setting: the origins the app's pages are served from. */
export interface RepairOptions {
  readonly appOrigins?: readonly string[];
}
