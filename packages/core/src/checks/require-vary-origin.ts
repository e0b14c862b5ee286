import type { Finding } from '../findings.js';
import { parseHeaderList } from '../fetch/header-names.js';
import { asciiLowercase } from '../fetch/ascii.js';
import type { CorsPolicy, ListValue, OriginSetting } from '../policy/cors-policy.js';

/** One `Vary` write: `set` replaces the header (`setHeader`), `append` adds fields (`res.vary`, `headers.append`). */
export interface VaryWrite<H> {
  readonly at: H;
  readonly mode: 'set' | 'append';
  /** The fields written; undefined when the value cannot be read. */
  readonly value: ListValue<H> | undefined;
}

export interface VaryContext<H> {
  /** `Vary` writes on the very response the policy's headers are written to, in source order. */
  readonly sameResponse: readonly VaryWrite<H>[];
  /** `Vary` writes by handlers that run after the policy on the same responses, one list per response, in source order. */
  readonly later: readonly (readonly VaryWrite<H>[])[];
  /** The file writes `Vary: Origin` (or an unreadable Vary) somewhere we cannot place on this response path. */
  readonly varyOriginElsewhere: boolean;
}

/**
 * An Access-Control-Allow-Origin that depends on the request must be sent with `Vary: Origin`
 * (Fetch "CORS protocol and HTTP caches"): otherwise a cache hands the response made for one origin
 * to another, or a non-CORS response to a CORS request. CORS middleware appends it itself; writing
 * `Vary` with set semantics afterwards removes it again.
 */
export function checkVaryOrigin<H>(policy: CorsPolicy<H>, context: VaryContext<H>): Finding<H>[] {
  if (!dependsOnRequest(policy.origin)) return [];
  const story = cachedStory(policy.origin);
  const findings: Finding<H>[] = [];
  if (policy.source.kind === 'response-headers') {
    const missing = missingOnResponse(policy.origin.at, context, story);
    if (missing) findings.push(missing);
  }
  // Middleware appended `Vary: Origin`, and so did a hand-written Vary on the same response.
  const appended = policy.source.kind === 'middleware' || findings.length === 0;
  if (appended) {
    for (const writes of context.later) {
      const result = replay(writes, ['origin']);
      if (result && !hasOrigin(result.fields) && result.lastSet)
        findings.push(overwritten(result.lastSet, 'varyOverwritten', story));
    }
  }
  return findings;
}

/**
 * What a cache can hand a request without `Vary: Origin`, which decides what the console shows
 * (cors-reference.md §4), as a message id suffix and its data:
 * - one allowed origin, and no header for any other request: only a response made without
 *   Access-Control-Allow-Origin (a page load, an `<img>`, another origin's fetch) can be wrong for it,
 *   so the console says the header is missing (`OneOrigin`);
 * - a header on every response, its value chosen per request (`ok ? origin : list[0]`): the cached
 *   value names another origin, a mismatch (`AlwaysSent`);
 * - several origins, and no header for the others: either, depending on which request the cached
 *   response was made for (no suffix).
 */
interface CachedStory {
  readonly suffix: '' | 'OneOrigin' | 'AlwaysSent';
  readonly data: Record<string, string>;
}

function cachedStory<H>(origin: OriginSetting<H>): CachedStory {
  const either: CachedStory = { suffix: '', data: {} };
  const oneOrigin = (value: string): CachedStory => ({ suffix: 'OneOrigin', data: { value } });
  if (origin.kind === 'allow-list') {
    // Every allow-list the adapters read sends nothing when the Origin is not on it.
    const [entry, ...rest] = origin.entries;
    return origin.complete && entry?.kind === 'exact' && rest.length === 0
      ? oneOrigin(entry.value)
      : either;
  }
  if (origin.kind === 'checked') {
    if (origin.otherwiseSent) return { suffix: 'AlwaysSent', data: {} };
    return origin.admitsOnly === undefined ? either : oneOrigin(origin.admitsOnly);
  }
  return either;
}

/**
 * Reflected, picked from a list, or produced by an origin check: the value differs per Origin. A
 * value taken from the query, the path or the body (`via: 'request-data'`) differs per URL or per
 * request body instead, which caches key on already (or do not cache at all): `Vary: Origin` would
 * change nothing there (cors-reference.md §4).
 */
function dependsOnRequest<H>(origin: OriginSetting<H>): boolean {
  if (origin.kind === 'reflect-any') return origin.via !== 'request-data';
  return origin.kind === 'allow-list' || origin.kind === 'checked';
}

/** Replays the response's Vary writes in order: does `Origin` survive them? */
function missingOnResponse<H>(
  originAt: H,
  context: VaryContext<H>,
  story: CachedStory,
): Finding<H> | undefined {
  const result = replay(context.sameResponse, []);
  if (!result || hasOrigin(result.fields)) return undefined;
  if (result.lastSet) return overwritten(result.lastSet, 'varyWithoutOrigin', story);
  if (context.varyOriginElsewhere) return undefined;
  return {
    messageId: `missingVaryOrigin${story.suffix}`,
    data: story.data,
    at: originAt,
    fix: { kind: 'append-vary', at: originAt, field: 'Origin' },
  };
}

/** The fields Vary ends with after `writes`, starting from `initial`; undefined when a value cannot be read. */
function replay<H>(
  writes: readonly VaryWrite<H>[],
  initial: readonly string[],
): { fields: Set<string>; lastSet: VaryWrite<H> | undefined } | undefined {
  let fields = new Set(initial);
  let lastSet: VaryWrite<H> | undefined;
  for (const write of writes) {
    if (!write.value) return undefined;
    if (write.mode === 'set') {
      fields = fieldsOf(write.value);
      lastSet = write;
    } else {
      for (const field of fieldsOf(write.value)) fields.add(field);
    }
  }
  return { fields, lastSet };
}

/**
 * A Vary write that may make responses vary by Origin: unreadable, or listing `Origin` or `*`. The
 * rule uses it to tell Vary writes it cannot place on a response path from the ones that cannot matter.
 */
export function mayVaryOnOrigin<H>(write: VaryWrite<H>): boolean {
  return !write.value || hasOrigin(fieldsOf(write.value));
}

function hasOrigin(fields: ReadonlySet<string>): boolean {
  return fields.has('origin') || fields.has('*');
}

function overwritten<H>(
  write: VaryWrite<H>,
  messageId: 'varyOverwritten' | 'varyWithoutOrigin',
  story: CachedStory,
): Finding<H> {
  const last = write.value?.pieces.at(-1);
  return {
    messageId: `${messageId}${story.suffix}`,
    data: story.data,
    at: write.at,
    ...(last ? { fix: { kind: 'add-list-item', at: last.at, item: 'Origin' } as const } : {}),
  };
}

function fieldsOf<H>(value: ListValue<H>): Set<string> {
  return new Set(
    value.pieces.flatMap((piece) => parseHeaderList(piece.text).items.map(asciiLowercase)),
  );
}
