/**
 * How nginx sends the response headers a configuration writes: facts of `ngx_http_headers_module`
 * (`add_header`) and of the headers-more module (`more_set_headers`), each checked on nginx 1.22.1
 * with headers-more 0.34 (design note §C), as data and pure functions over a level tree. No IO, no
 * syntax: the plugin reads the configuration and hands the levels over with its own handles `H`.
 */
import { asciiLowercase } from '../fetch/ascii.js';
import { ACAC, ACAO, ACEH } from '../fetch/response-headers.js';

/**
 * The statuses `add_header` adds a header to without `always` (nginx docs, `ngx_http_headers_filter`):
 * every other status, 4xx and 5xx included, goes out without it (§C4).
 */
export const ADD_HEADER_STATUSES: readonly number[] = [
  200, 201, 204, 206, 301, 302, 303, 304, 307, 308,
];

/** Whether an `add_header` reaches a response of `status`. */
export function addHeaderSends(status: number, always: boolean): boolean {
  return always || ADD_HEADER_STATUSES.includes(status);
}

/**
 * `add_header_inherit on|off|merge` (nginx 1.29.3): `on`, the only behaviour before it, inherits the
 * enclosing level's `add_header`s only where a level has none of its own (§C1, C2); `merge` appends them
 * to the level's own; `off` inherits none.
 */
export type AddHeaderInherit = 'on' | 'off' | 'merge';

/**
 * The headers a CORS response needs on every status, so that the page sees a 4xx or 5xx instead of a
 * CORS error: the ones a simple request's response carries. Preflight-only headers are answered with
 * 204, which `add_header` covers.
 */
export const HEADERS_NEEDED_ON_ERRORS: ReadonlySet<string> = new Set(
  [ACAO, ACAC, ACEH, 'Vary'].map(asciiLowercase),
);

/** Where a header write sits: `main` is a file's top level when it is not inside `http` (an included snippet). */
export type NginxLevelKind = 'main' | 'http' | 'server' | 'location' | 'if';

/** One response header the configuration writes. */
export interface NginxHeaderWrite<H> {
  readonly module: 'add_header' | 'more_set_headers';
  readonly name: string;
  /** The value as nginx stores it; undefined when it holds variables or could not be read. */
  readonly value: string | undefined;
  /** `add_header … always`; `more_set_headers` sends on every status unless `-s` narrows it. */
  readonly always: boolean;
  readonly line: number;
  readonly at: H;
}

/** An `http`, `server`, `location` or `if` block (or a file's top level), with what it writes itself. */
export interface NginxLevel<H> {
  readonly kind: NginxLevelKind;
  readonly at: H;
  /** How a message names it: `location /api/`, `if ($request_method = OPTIONS)`. */
  readonly label: string;
  readonly parent: NginxLevel<H> | undefined;
  /** This level's own `add_header`s, in order (an `include` counts as text at its level). */
  readonly addHeaders: readonly NginxHeaderWrite<H>[];
  /** This level's own `more_set_headers`. */
  readonly moreSetHeaders: readonly NginxHeaderWrite<H>[];
  /** An include that could not be read may write headers here: what this level sends is not known. */
  readonly unknownHeaders: boolean;
  readonly inherit: AddHeaderInherit;
}

/**
 * The `add_header`s a response of this level gets: its own, or, where it has none, the enclosing
 * level's, and so on outwards (`merge` adds the enclosing ones after its own). `complete` is false
 * when an unreadable include may have changed them.
 */
export function effectiveAddHeaders<H>(level: NginxLevel<H> | undefined): {
  writes: NginxHeaderWrite<H>[];
  complete: boolean;
} {
  if (!level) return { writes: [], complete: true };
  const own = level.addHeaders.length > 0 || level.unknownHeaders;
  if (!own)
    return level.inherit === 'off'
      ? { writes: [], complete: true }
      : effectiveAddHeaders(level.parent);
  if (level.inherit !== 'merge')
    return { writes: [...level.addHeaders], complete: !level.unknownHeaders };
  const outer = effectiveAddHeaders(level.parent);
  return {
    writes: [...level.addHeaders, ...outer.writes],
    complete: !level.unknownHeaders && outer.complete,
  };
}

/** `more_set_headers` accumulate from the outermost level inwards, into `if` too (§C7); an inner one replaces an outer one of the same name. */
export function effectiveMoreSetHeaders<H>(
  level: NginxLevel<H> | undefined,
): NginxHeaderWrite<H>[] {
  if (!level) return [];
  const outer = effectiveMoreSetHeaders(level.parent);
  const names = new Set(level.moreSetHeaders.map((write) => asciiLowercase(write.name)));
  return [
    ...outer.filter((write) => !names.has(asciiLowercase(write.name))),
    ...level.moreSetHeaders,
  ];
}

/** Every header a response of this level gets, `add_header`s first. */
export function effectiveHeaders<H>(level: NginxLevel<H>): {
  writes: NginxHeaderWrite<H>[];
  complete: boolean;
} {
  const added = effectiveAddHeaders(level);
  return { writes: [...added.writes, ...effectiveMoreSetHeaders(level)], complete: added.complete };
}

export function isCorsResponseHeader(name: string): boolean {
  return asciiLowercase(name).startsWith('access-control-');
}

/** Writes of `name` (case-insensitive) with a value nginx sends: an empty value is not sent at all (§C5). */
export function writesOf<H>(
  writes: readonly NginxHeaderWrite<H>[],
  name: string,
): NginxHeaderWrite<H>[] {
  const wanted = asciiLowercase(name);
  return writes.filter((write) => asciiLowercase(write.name) === wanted && write.value !== '');
}

/** Whether some write sends Access-Control-Allow-Origin. */
export function sendsAllowOrigin<H>(writes: readonly NginxHeaderWrite<H>[]): boolean {
  return writesOf(writes, ACAO).length > 0;
}
