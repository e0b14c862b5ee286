/**
 * The language server's tunables, each with the reason for its value: time limits, size limits, the
 * typing debounce, heap thresholds and the environment variable that overrides one. Modules import
 * them from here; `tests/limits.test.ts` fails when one is defined a second time in `src/`.
 */

const MB = 1024 * 1024;

// ---- Documents

/** Larger documents are not linted: generated bundles and data files, not code anyone edits by hand. */
export const MAX_DOCUMENT_BYTES = 5 * MB;

/**
 * A document this long (in UTF-16 code units) is linted once its typing pauses for `TYPING_PAUSE_MS`,
 * not after every keystroke: each lint reads, checks and copies its whole text to the worker on the
 * main thread (tens of milliseconds per megabyte on a busy machine), and its lint takes seconds, so
 * one per keystroke would only be cancelled by the next.
 */
export const LARGE_DOCUMENT_LENGTH = 512 * 1024;
/** The typing pause that lints a large document: longer than the gap between keystrokes of a typist. */
export const TYPING_PAUSE_MS = 400;
/**
 * How long the server stays without lints before it hands open documents' texts to the project
 * index: the hand-over copies each changed text (and a server file's facts) to the index thread on
 * the main thread, so a keystroke that arrives just after a publish waits for it. A pause this
 * short costs the cross-file re-lint of clients nothing a user notices (its budget is 500 ms).
 */
export const OVERLAY_QUIET_MS = 50;

// ---- Time

/** Hand-written files lint in well under a second; ten seconds is a pathological file, not a slow machine. */
export const DEFAULT_TIME_BUDGET_MS = 10_000;
/** The smallest `cors.timeBudget` accepted: a smaller one would stop ordinary lints of small files, so it is taken for a typo. */
export const MIN_TIME_BUDGET_MS = 100;
/**
 * A running lint superseded by a newer version of its document is stopped only once it has run this
 * long: a shorter one is left to finish, since starting a worker again costs about as much.
 */
export const CANCEL_SUPERSEDED_LINT_AFTER_MS = 1_000;
/** How often the server checks that its client process still lives: a server left behind by a killed editor exits within a second. */
export const CLIENT_PROCESS_POLL_MS = 1_000;

// ---- Memory

/**
 * A lint worker whose heap is over this once idle after a document closed is asked to compact, then
 * stopped if it still is (a large document's live data): closing a 5 MB bundle hands its memory back.
 * A fresh worker runs cold (2.5× slower), so it is not stopped for garbage alone.
 */
export const WORKER_RECYCLE_HEAP_BYTES = 256 * MB;
/**
 * While its documents stay open, a lint worker is compacted once idle only with a heap over this. A
 * compaction makes the next lint run on a cold heap (about 0.23 s more CPU on a 10,000-line file), and
 * the garbage of one large file's lints alone crossed 256 MB. Measured (20 lints of the benchmark's
 * 10,000-line JavaScript file in a fresh worker, bench/language-server/worker-heap.mjs; figures in
 * bench/README.md): each lint leaves about 80 MB, the heap peaks at 751 MB before V8's own first
 * full collection, then stays between 169 and 298 MB.
 */
export const WORKER_TRIM_HEAP_BYTES = 1024 * MB;
/** How long the server must have been quiet before a heap trim: a burst of opened files is over by then. */
export const HEAP_TRIM_QUIET_MS = 1_000;
/** Growth of the heap since the code was loaded (or the last trim) that is worth a compacting collection. */
export const HEAP_TRIM_GROWTH_BYTES = 32 * MB;
/**
 * Heap in use over which a trim is worth its cost (the next lint runs on a cold heap): about what 500
 * files opened at once leave; an editing session stays well under it (issue 15, item 19).
 */
export const HEAP_TRIM_THRESHOLD_BYTES = 256 * MB;
/** Overrides `HEAP_TRIM_THRESHOLD_BYTES` (megabytes, or `off`), for bench/language-server/heap-trim.mjs. */
export const HEAP_TRIM_THRESHOLD_ENV = 'CORS_LS_HEAP_TRIM_ABOVE_MB';
/** Distinct settings a lint worker maps back to one object (its configs are built once per object); past this the map starts over. */
export const WORKER_SETTINGS_CACHE_SIZE = 50;
/** Config arrays kept per settings object: a few dialects times a few index snapshots. */
export const MAX_CONFIGS_PER_SETTINGS = 24;
/** Project-index snapshots kept per folder: a lint queued a few versions ago may still be about to read one. */
export const KEPT_SNAPSHOTS = 8;
/** Server-side edits a lint worker keeps (per server file text and fix); past this many it starts over. */
export const MAX_CACHED_SERVER_EDITS = 200;
/** Open documents longer than this are left to the disk in the project index: it reads no file over 1 MB (the plugin's project-index.ts); UTF-16 code units bound its bytes from below. */
export const MAX_OVERLAY_LENGTH = 1_000_000;
/** Settings problems already logged (each is logged once); past this many the set starts over rather than grow without end. */
export const REPORTED_PROBLEMS_CAP = 1_000;

// ---- Protocol and display

/** A message header longer than this is not one: the framing guard drops the bytes as garbage. */
export const MAX_HEADER_BYTES = 4096;
/** Code action titles longer than this are cut: editors show them on one line of a menu. */
export const MAX_TITLE_LENGTH = 80;
