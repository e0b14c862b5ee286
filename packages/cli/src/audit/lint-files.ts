/**
 * Lints every candidate, in this thread or in worker threads (`--concurrency`). Each worker takes
 * the next file when it is done with one, so a slow file never holds a queue of others behind it.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Candidate } from './collect-files.js';
import { FileLinter, type FileLintOptions, type FileOutcome } from './lint-file.js';

export type Concurrency = 'auto' | 'off' | number;

/** Below this many files per thread, starting a worker (it loads ESLint and the plugin again) costs more than it saves. */
const FILES_PER_WORKER = 40;

export function threadCount(concurrency: Concurrency, files: number): number {
  if (concurrency === 'off') return 1;
  if (concurrency === 'auto')
    return Math.max(
      1,
      Math.min(os.availableParallelism() - 1, Math.floor(files / FILES_PER_WORKER)),
    );
  return Math.max(1, Math.min(concurrency, files));
}

export async function lintFiles(
  candidates: readonly Candidate[],
  options: FileLintOptions,
  concurrency: Concurrency,
  onDone: (done: number) => void,
): Promise<FileOutcome[]> {
  const threads = threadCount(concurrency, candidates.length);
  if (threads === 1) {
    const linter = new FileLinter(options);
    const outcomes: FileOutcome[] = [];
    for (const candidate of candidates) {
      outcomes.push(linter.lint(candidate));
      onDone(outcomes.length);
      // Let a progress ticker run between files.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return outcomes;
  }
  return inWorkers(candidates, options, threads, onDone);
}

interface WorkerReply {
  readonly index: number;
  readonly outcome: FileOutcome;
}

function inWorkers(
  candidates: readonly Candidate[],
  options: FileLintOptions,
  threads: number,
  onDone: (done: number) => void,
): Promise<FileOutcome[]> {
  const outcomes = new Array<FileOutcome>(candidates.length);
  const working = new Map<Worker, number>();
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const record = (index: number, outcome: FileOutcome) => {
      outcomes[index] = outcome;
      done++;
      onDone(done);
      if (done === candidates.length) {
        for (const worker of working.keys()) void worker.terminate();
        resolve(outcomes);
      }
    };
    const feed = (worker: Worker) => {
      if (next >= candidates.length) {
        working.delete(worker);
        void worker.terminate();
        return;
      }
      working.set(worker, next);
      worker.postMessage({ index: next, candidate: candidates[next] });
      next++;
    };
    const start = () => {
      const worker = new Worker(new URL('./lint-worker.js', import.meta.url), {
        workerData: options,
      });
      worker.on('message', ({ index, outcome }: WorkerReply) => {
        record(index, outcome);
        feed(worker);
      });
      // A thread that dies (out of memory, say) costs its one file, never the audit: that file is not audited, a new thread goes on.
      worker.on('error', (error) => {
        const index = working.get(worker);
        working.delete(worker);
        if (index === undefined) {
          // It died before it took a file: the thread cannot start, which no retry mends.
          for (const other of working.keys()) void other.terminate();
          reject(error);
          return;
        }
        const candidate = candidates[index];
        if (candidate)
          record(index, {
            status: 'unaudited',
            filePath: candidate.filePath,
            reason: `the analysis crashed its thread (${error.message.split('\n')[0] ?? ''})`,
          });
        if (done < candidates.length) start();
      });
      feed(worker);
    };
    for (let thread = 0; thread < threads; thread++) start();
  });
}
