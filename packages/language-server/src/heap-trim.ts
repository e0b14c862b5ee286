import v8 from 'node:v8';
import vm from 'node:vm';
import {
  HEAP_TRIM_GROWTH_BYTES,
  HEAP_TRIM_QUIET_MS,
  HEAP_TRIM_THRESHOLD_BYTES,
  HEAP_TRIM_THRESHOLD_ENV,
} from './limits.js';

/**
 * Opening many files at once (a "find in files", a branch switch) grows V8's heap to several times
 * what stays alive: each lint's garbage waits for the heap's next limit, and V8 returns the emptied,
 * fragmented pages to the system only after a long idle spell (its memory reducer starts after 8 s
 * and may need several rounds). One compacting full collection once the server has gone quiet after
 * such a burst brings the resident size back down within a second.
 *
 * It is not free, though: after a compacting collection the next lint runs on a cold heap (fresh
 * pages, code to compile again), which made the next edit of a 10,000-line file 1.3–1.5× slower
 * when the trim ran after every idle second (issue 15, item 19). So it runs only when memory is
 * really high: the heap in use is over `thresholdBytes` (256 MB by default, about what 500 files
 * opened at once leave; an editing session stays well under it). `CORS_LS_HEAP_TRIM_ABOVE_MB`
 * overrides the default (`off`: never), for the benchmark (bench/language-server/heap-trim.mjs).
 */
export interface HeapTrimOptions {
  /** How long the server must have been quiet. */
  readonly quietMs?: number;
  /** Growth of the heap since the code was loaded (or the last trim) that is worth a collection. */
  readonly growthBytes?: number;
  /** The heap's current size; `process.memoryUsage().heapTotal` unless a test gives its own. */
  readonly heapSize?: () => number;
  /** Heap in use (live and not yet collected) over which a trim is worth its cost; `Infinity`: never. */
  readonly thresholdBytes?: number;
  /** The heap in use; `process.memoryUsage().heapUsed` unless a test gives its own. */
  readonly heapUsed?: () => number;
  /** A compacting full collection; undefined when Node cannot give one. */
  readonly collect?: (() => void) | undefined;
}

export class HeapTrimmer {
  readonly #quietMs: number;
  readonly #growthBytes: number;
  readonly #heapSize: () => number;
  readonly #thresholdBytes: number;
  readonly #heapUsed: () => number;
  readonly #collect: (() => void) | undefined;
  #timer: NodeJS.Timeout | undefined;
  /** The heap once the code is loaded (at the first unit of work), then after each trim. */
  #baseline: number | undefined;

  constructor(options: HeapTrimOptions = {}) {
    this.#quietMs = options.quietMs ?? HEAP_TRIM_QUIET_MS;
    this.#growthBytes = options.growthBytes ?? HEAP_TRIM_GROWTH_BYTES;
    this.#heapSize = options.heapSize ?? (() => process.memoryUsage().heapTotal);
    this.#thresholdBytes =
      options.thresholdBytes ?? thresholdFromEnvironment() ?? HEAP_TRIM_THRESHOLD_BYTES;
    this.#heapUsed = options.heapUsed ?? (() => process.memoryUsage().heapUsed);
    this.#collect = 'collect' in options ? options.collect : compactingFullGc();
  }

  /** Call after each unit of work; the trim runs once the server has been quiet for `quietMs`. */
  workDone(): void {
    this.#baseline ??= this.#heapSize();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#trimIfGrown(), this.#quietMs);
    this.#timer.unref();
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }

  #trimIfGrown(): void {
    if (this.#collect === undefined || this.#baseline === undefined) return;
    if (this.#heapSize() - this.#baseline < this.#growthBytes) return;
    if (this.#heapUsed() <= this.#thresholdBytes) return;
    this.#collect();
    this.#baseline = this.#heapSize();
  }
}

/**
 * `CORS_LS_HEAP_TRIM_ABOVE_MB`: a number of megabytes, or `off`; undefined when unset or invalid.
 * Read by both trims: this thread's and the lint worker's (`engine/lint-queue.ts`).
 */
export function thresholdFromEnvironment(): number | undefined {
  const value = process.env[HEAP_TRIM_THRESHOLD_ENV]?.trim();
  if (value === undefined || value === '') return undefined;
  if (value === 'off') return Infinity;
  const megabytes = Number(value);
  return Number.isFinite(megabytes) && megabytes >= 0 ? megabytes * 1024 * 1024 : undefined;
}

/**
 * `gc()` without starting Node with `--expose-gc` (the flag exposes it to contexts created after
 * it is set), made compacting for its one call: a plain full collection frees objects but leaves the
 * old generation's pages fragmented and mapped.
 */
export function compactingFullGc(): (() => void) | undefined {
  let gc: unknown;
  try {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc');
  } catch {
    return undefined;
  }
  if (typeof gc !== 'function') return undefined;
  const fullGc = gc as () => void;
  return () => {
    v8.setFlagsFromString('--compact-on-every-full-gc');
    try {
      fullGc();
    } finally {
      v8.setFlagsFromString('--no-compact-on-every-full-gc');
    }
  };
}
