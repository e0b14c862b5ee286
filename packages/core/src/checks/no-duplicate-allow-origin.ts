import type { Finding } from '../findings.js';

/**
 * One write of `Access-Control-Allow-Origin` on a response.
 * - `replace`: the header ends up with this value alone (`setHeader`, Express `res.set`/`res.header`,
 *   `writeHead(status, object)`, `Headers#set`, the `cors` package, which uses `setHeader`);
 * - `append`: the value is added to any value already there (`res.append`, `appendHeader`, `Headers#append`).
 */
export interface AllowOriginWrite<H> {
  readonly kind: 'replace' | 'append';
  /** Who wrote it, as the developer would name it: `cors()`, `res.setHeader`. */
  readonly label: string;
  readonly line: number;
  /** The value written, when it is known statically. */
  readonly value?: string;
  /**
   * How the values reach the wire: Node writes one header line per value; a fetch `Headers` object
   * joins them into one line (`a, b`), which Firefox words as a mismatch rather than a duplicate.
   */
  readonly transport: 'node' | 'fetch-headers';
  readonly at: H;
}

export interface AllowOriginSequence<H> {
  /** Writes certain to have run on the same response before `write`, in the order they run. */
  readonly before: readonly AllowOriginWrite<H>[];
  readonly write: AllowOriginWrite<H>;
}

/**
 * Browsers accept exactly one Access-Control-Allow-Origin value: two header lines are combined
 * with `, ` and fail the CORS check even when both values are equal (Fetch §cors-check step 1;
 * cors-reference.md §1.8). A `replace` never leaves two values; an `append` does whenever a value
 * is already there.
 */
export function checkDuplicateAllowOrigin<H>(sequence: AllowOriginSequence<H>): Finding<H>[] {
  const { write } = sequence;
  if (write.kind !== 'append') return [];
  let present: AllowOriginWrite<H>[] = [];
  for (const earlier of sequence.before)
    present = earlier.kind === 'replace' ? [earlier] : [...present, earlier];
  const [first] = present;
  if (!first) return [];
  const value = [...present, write].map((w) => w.value ?? '…').join(', ');
  const data = { value, earlier: first.label, line: String(first.line) };
  return [
    {
      messageId: write.transport === 'fetch-headers' ? 'joinedAllowOrigin' : 'duplicateAllowOrigin',
      data,
      at: write.at,
      // Keeps the value the earlier write chose; a suggestion, since it can change which origin is sent.
      suggestions: [{ messageId: 'removeAppended', data, fix: { kind: 'remove', at: write.at } }],
    },
  ];
}
