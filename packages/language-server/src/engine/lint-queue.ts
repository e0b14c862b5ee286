/**
 * The main thread's side of the lint worker (`lint-worker.ts`): one worker thread per server, fed
 * one job at a time from a queue.
 *
 * - A newer version of a document supersedes its lint that is still waiting, in the same place in
 *   the queue; a lint of it that has already run for `cancelAfterMs` is cancelled by stopping the
 *   worker (a lint is synchronous JavaScript: stopping the thread is the only way to interrupt it).
 *   A shorter one is left to finish: starting a worker again costs about as much.
 * - A lint may be queued as a function that builds its request: it is called only when the job is
 *   handed to the worker, so a document typed into while another lint runs has its text read (and
 *   copied to the worker) once per lint, not once per keystroke. It may answer undefined: the
 *   document is not to be linted after all (`skipped`).
 * - Fix-all jobs (fix on save, the fix-all command) go ahead of waiting lints.
 * - A job that runs longer than its time budget is stopped the same way and answered `over-budget`.
 * - A worker whose heap has grown past `trimHeapBytes`, or past `recycleHeapBytes` once a document
 *   has closed, is first asked, once the queue has been empty for `trimQuietMs` (the next
 *   keystroke's lint is not made to wait for it), to compact its heap (most of it is lints' garbage:
 *   a 10,000-line file leaves about 75 MB a lint that V8 collects only later, and a compaction makes
 *   the next lint run on a cold heap, so garbage alone waits for the higher limit); only a heap still
 *   over `recycleHeapBytes` afterwards (a large document's live data) gets the worker stopped, which
 *   hands its memory back. A fresh worker loads ESLint again and runs cold: that made every third
 *   edit of a 10,000-line file 2.5× slower.
 *
 * The main thread never waits for a job: requests (hover, code actions) are answered while one runs.
 */
import { Worker } from 'node:worker_threads';
import type { CorsSettings } from '../protocol/settings.js';
import type { LintResult, ProjectFactsRef } from './lint-host.js';
import { thresholdFromEnvironment } from '../heap-trim.js';
import {
  CANCEL_SUPERSEDED_LINT_AFTER_MS,
  HEAP_TRIM_QUIET_MS,
  WORKER_RECYCLE_HEAP_BYTES,
  WORKER_TRIM_HEAP_BYTES,
} from '../limits.js';

export interface LintRequest {
  text: string;
  fileName: string;
  settings: CorsSettings;
  /** The workspace folder's index snapshot, for the cross-file rules; absent while it builds or when it is off. */
  project?: ProjectFactsRef;
}

export type JobKind = 'lint' | 'fixAll';
export type JobRequest =
  (LintRequest & { id: number; kind: JobKind }) | { id: number; kind: 'trim' };
/**
 * `started`: the worker has loaded what the job needs (ESLint, the parser) and starts linting; the
 * time budget counts from here. `heapBytes`: the worker's heap after the job.
 */
export type JobResponse =
  | { id: number; started: true }
  /** The heap was compacted (`trim`): its size after. */
  | { id: number; trimmed: true; heapBytes: number }
  | { id: number; ok: true; lint?: LintResult; fixed?: string | undefined; heapBytes: number }
  | { id: number; ok: false; error: string; heapBytes: number };

export type Outcome<T> =
  | { kind: 'done'; value: T }
  /** A newer version of the document was queued, or the document closed: nothing to publish. */
  | { kind: 'superseded' }
  | { kind: 'over-budget'; budgetMs: number }
  /** The lint's request, built when the worker was free, said the document is not to be linted. */
  | { kind: 'skipped' }
  | { kind: 'failed'; error: string };

interface Job {
  id: number;
  key: string;
  kind: JobKind;
  request: LintRequest | (() => LintRequest | undefined);
  budgetMs: number;
  resolve: (outcome: Outcome<LintResult | string | undefined>) => void;
}

interface Running {
  job: Job;
  worker: Worker;
  startedAt: number;
  /** The time budget's timer, set once the worker has loaded what the job needs. */
  timer: NodeJS.Timeout | undefined;
}

export interface LintQueueOptions {
  /** The worker's script; the built `lint-worker.js` next to this module by default. */
  workerUrl?: URL;
  /** A running lint of a document that has a newer version is cancelled once it has run this long. */
  cancelAfterMs?: number;
  /**
   * Once a document has closed, an idle worker whose heap is larger than this is asked to compact it,
   * and stopped if it is still larger afterwards, to hand the memory back.
   */
  recycleHeapBytes?: number;
  /**
   * An idle worker whose heap is larger than this is asked to compact it even though no document
   * closed; `WORKER_TRIM_HEAP_BYTES` unless `CORS_LS_HEAP_TRIM_ABOVE_MB` says otherwise, which then
   * sets the limit after a close too (`off`: never, and so never replaced either).
   */
  trimHeapBytes?: number;
  /**
   * How long the queue must have been empty before such a worker is asked to compact its heap: a
   * compacting collection of a large heap takes a while, and a lint that arrives meanwhile waits.
   */
  trimQuietMs?: number;
  /** Where the worker's own output goes (never the server's stdout, which may be the LSP channel). */
  log?: (line: string) => void;
}

export class LintQueue {
  readonly #workerUrl: URL;
  readonly #cancelAfterMs: number;
  readonly #recycleHeapBytes: number;
  readonly #trimHeapBytes: number;
  readonly #trimQuietMs: number;
  /** Set while the queue is idle with a large heap: the trim, once it has been quiet long enough. */
  #trimTimer: NodeJS.Timeout | undefined;
  readonly #log: (line: string) => void;
  #worker: Worker | undefined;
  #pending: Job[] = [];
  #running: Running | undefined;
  /** Where a superseded lint waited, for its successor. */
  readonly #slots = new Map<string, number>();
  #nextId = 1;
  #lastHeapBytes = 0;
  /** The worker a trim was asked of, until it answers; no job is handed over meanwhile. */
  #trimming: Worker | undefined;
  /** The last heap figure is from after a trim: if it is still over the limit, the worker goes. */
  #trimmed = false;
  /** A document closed since the last trim: its lints' garbage and live data are no longer wanted. */
  #closedSinceTrim = false;
  #disposed = false;
  /** How many workers were started: the tests and the benchmark read it. */
  workersStarted = 0;
  /** How many heap trims were asked of idle workers. */
  workersTrimmed = 0;

  constructor(options: LintQueueOptions = {}) {
    this.#workerUrl = options.workerUrl ?? new URL('./lint-worker.js', import.meta.url);
    this.#cancelAfterMs = options.cancelAfterMs ?? CANCEL_SUPERSEDED_LINT_AFTER_MS;
    this.#recycleHeapBytes = options.recycleHeapBytes ?? WORKER_RECYCLE_HEAP_BYTES;
    this.#trimHeapBytes =
      options.trimHeapBytes ?? thresholdFromEnvironment() ?? WORKER_TRIM_HEAP_BYTES;
    this.#trimQuietMs = options.trimQuietMs ?? HEAP_TRIM_QUIET_MS;
    this.#log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  }

  /** Lints `request` for the document `key`, superseding its waiting lint. */
  lint(
    key: string,
    request: LintRequest | (() => LintRequest | undefined),
    budgetMs: number,
  ): Promise<Outcome<LintResult>> {
    this.#supersede(key, 'lint');
    return this.#add(key, 'lint', request, budgetMs) as Promise<Outcome<LintResult>>;
  }

  /** The text with every cors autofix applied (undefined: nothing to fix), ahead of waiting lints. */
  fixAll(
    key: string,
    request: LintRequest,
    budgetMs: number,
  ): Promise<Outcome<string | undefined>> {
    return this.#add(key, 'fixAll', request, budgetMs) as Promise<Outcome<string | undefined>>;
  }

  /**
   * The document closed: its waiting jobs are dropped, a long-running one is stopped, and the
   * worker's heap is compacted once idle if it is over `recycleHeapBytes`.
   */
  cancel(key: string): void {
    this.#closedSinceTrim = true;
    this.#supersede(key, undefined);
    this.#pump();
  }

  /** A job is running or waiting. */
  get busy(): boolean {
    return this.#running !== undefined || this.#pending.length > 0;
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#trimTimer);
    const jobs = [...this.#pending, ...(this.#running ? [this.#running.job] : [])];
    this.#pending = [];
    if (this.#running) clearTimeout(this.#running.timer);
    this.#running = undefined;
    this.#stopWorker();
    for (const job of jobs) job.resolve({ kind: 'superseded' });
  }

  #add(
    key: string,
    kind: JobKind,
    request: Job['request'],
    budgetMs: number,
  ): Promise<Outcome<LintResult | string | undefined>> {
    if (this.#disposed) return Promise.resolve({ kind: 'superseded' });
    return new Promise((resolve) => {
      const job: Job = { id: this.#nextId++, key, kind, request, budgetMs, resolve };
      if (kind === 'fixAll') {
        const firstLint = this.#pending.findIndex((waiting) => waiting.kind !== 'fixAll');
        this.#pending.splice(firstLint === -1 ? this.#pending.length : firstLint, 0, job);
      } else {
        // In the place of the version it superseded, if any (see #supersede), else last.
        const slot = this.#slots.get(key);
        this.#slots.delete(key);
        this.#pending.splice(
          slot === undefined ? this.#pending.length : Math.min(slot, this.#pending.length),
          0,
          job,
        );
      }
      this.#pump();
    });
  }

  /** Drops the waiting jobs of `key` (of `kind`, or all), and stops its running one if it has run long enough. */
  #supersede(key: string, kind: JobKind | undefined): void {
    const index = this.#pending.findIndex(
      (job) => job.key === key && (kind === undefined || job.kind === kind),
    );
    if (index !== -1 && kind !== undefined) this.#slots.set(key, index);
    const dropped = this.#pending.filter(
      (job) => job.key === key && (kind === undefined || job.kind === kind),
    );
    this.#pending = this.#pending.filter((job) => !dropped.includes(job));
    for (const job of dropped) job.resolve({ kind: 'superseded' });
    const running = this.#running;
    if (
      running &&
      running.job.key === key &&
      (kind === undefined || running.job.kind === kind) &&
      performance.now() - running.startedAt >= this.#cancelAfterMs
    ) {
      this.#finish(running, { kind: 'superseded' });
      this.#stopWorker();
    }
  }

  #pump(): void {
    clearTimeout(this.#trimTimer);
    this.#trimTimer = undefined;
    if (this.#running !== undefined || this.#trimming !== undefined || this.#disposed) return;
    // Still over the limit after a trim: a large document's live data, handed back with the worker.
    if (this.#worker !== undefined && this.#trimmed && this.#lastHeapBytes > this.#recycleHeapBytes)
      this.#stopWorker();
    for (let job = this.#pending.shift(); job !== undefined; job = this.#pending.shift()) {
      const request = typeof job.request === 'function' ? job.request() : job.request;
      if (request === undefined) {
        job.resolve({ kind: 'skipped' });
        continue;
      }
      const worker = this.#ensureWorker();
      this.#running = { job, worker, startedAt: performance.now(), timer: undefined };
      const message: JobRequest = { id: job.id, kind: job.kind, ...request };
      worker.postMessage(message);
      return;
    }
    // Idle, with a large heap after a job: compacted once it has been quiet (the check above then decides).
    if (this.#worker === undefined || this.#trimmed || this.#lastHeapBytes <= this.#trimLimit())
      return;
    this.#trimTimer = setTimeout(() => this.#trim(), this.#trimQuietMs);
    this.#trimTimer.unref();
  }

  /** The heap over which an idle worker is compacted: lower once a document has closed. */
  #trimLimit(): number {
    if (!this.#closedSinceTrim || this.#trimHeapBytes === Infinity) return this.#trimHeapBytes;
    return Math.min(this.#trimHeapBytes, this.#recycleHeapBytes);
  }

  #trim(): void {
    this.#trimTimer = undefined;
    const worker = this.#worker;
    if (
      worker === undefined ||
      this.#running !== undefined ||
      this.#trimming !== undefined ||
      this.#pending.length > 0 ||
      this.#disposed
    )
      return;
    this.#trimming = worker;
    this.workersTrimmed++;
    const message: JobRequest = { id: this.#nextId++, kind: 'trim' };
    worker.postMessage(message);
  }

  #finish(running: Running, outcome: Outcome<LintResult | string | undefined>): void {
    clearTimeout(running.timer);
    if (this.#running === running) this.#running = undefined;
    running.job.resolve(outcome);
  }

  #answered(worker: Worker, response: JobResponse): void {
    if ('trimmed' in response) {
      if (this.#trimming !== worker) return;
      this.#trimming = undefined;
      this.#lastHeapBytes = response.heapBytes;
      this.#trimmed = true;
      this.#closedSinceTrim = false;
      this.#pump();
      return;
    }
    const running = this.#running;
    if (running === undefined || running.worker !== worker || running.job.id !== response.id)
      return;
    if ('started' in response) {
      // Loading ESLint and a parser is not the document's time: the budget starts now.
      running.startedAt = performance.now();
      running.timer = setTimeout(() => {
        if (this.#running !== running) return;
        this.#stopWorker();
        this.#finish(running, { kind: 'over-budget', budgetMs: running.job.budgetMs });
        this.#pump();
      }, running.job.budgetMs);
      return;
    }
    this.#lastHeapBytes = response.heapBytes;
    this.#trimmed = false;
    if (!response.ok) this.#finish(running, { kind: 'failed', error: response.error });
    else
      this.#finish(running, {
        kind: 'done',
        value: running.job.kind === 'lint' ? response.lint : response.fixed,
      });
    this.#pump();
  }

  #crashed(worker: Worker, error: string): void {
    if (worker !== this.#worker) return;
    this.#worker = undefined;
    this.#lastHeapBytes = 0;
    this.#trimmed = false;
    if (this.#trimming === worker) this.#trimming = undefined;
    const running = this.#running;
    if (running?.worker === worker) this.#finish(running, { kind: 'failed', error });
    this.#pump();
  }

  #ensureWorker(): Worker {
    if (this.#worker !== undefined) return this.#worker;
    // `stdout: true`: the worker's console output is ours to route; it must never reach the LSP channel.
    const worker = new Worker(this.#workerUrl, { stdout: true, stderr: true });
    this.workersStarted++;
    this.#lastHeapBytes = 0;
    worker.stdout.setEncoding('utf8');
    worker.stdout.on('data', (chunk: string) => this.#log(chunk.trimEnd()));
    worker.stderr.setEncoding('utf8');
    worker.stderr.on('data', (chunk: string) => this.#log(chunk.trimEnd()));
    worker.on('message', (response: JobResponse) => this.#answered(worker, response));
    worker.on('error', (error) =>
      this.#crashed(worker, `the lint worker failed: ${error.message}`),
    );
    worker.on('exit', (code) => this.#crashed(worker, `the lint worker exited with code ${code}`));
    // The worker never keeps the server alive on its own: the connection decides when it ends.
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  #stopWorker(): void {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#lastHeapBytes = 0;
    this.#trimmed = false;
    if (this.#trimming === worker) this.#trimming = undefined;
    if (worker !== undefined) void worker.terminate();
  }
}
