/**
 * The lint worker thread: the one place where ESLint runs (through `LintHost`), off the server's
 * message loop, so a slow document never holds up a hover, a code action or another document's
 * messages. It answers one job at a time; `lint-queue.ts` on the main thread decides the order, and
 * stops this thread (`Worker#terminate`) to cancel a job or free the memory a large document left.
 */
import v8 from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { enableCompileCache } from '../compile-cache.js';
import { compactingFullGc } from '../heap-trim.js';
import type { CorsSettings } from '../protocol/settings.js';
import { neverLoadProjectCode } from 'eslint-plugin-cors';
import { LintHost } from './lint-host.js';
import type { JobRequest, JobResponse } from './lint-queue.js';
import { WORKER_SETTINGS_CACHE_SIZE } from '../limits.js';

enableCompileCache();
// The cross-file rules may parse project files here too (without a snapshot): only with our own parsers.
neverLoadProjectCode();

const host = new LintHost();
/** Asked for by the queue (`trim`), when this thread is idle with a large heap; see lint-queue.ts. */
let collect: (() => void) | undefined | null = null;
/**
 * Settings arrive as a structured clone, a new object per job; `LintHost` builds its configs once
 * per settings object, so equal settings are mapped back to one object.
 */
const settingsByValue = new Map<string, CorsSettings>();

function sameSettings(settings: CorsSettings): CorsSettings {
  const key = JSON.stringify(settings);
  let known = settingsByValue.get(key);
  if (known === undefined) {
    if (settingsByValue.size > WORKER_SETTINGS_CACHE_SIZE) settingsByValue.clear();
    known = settings;
    settingsByValue.set(key, known);
  }
  return known;
}

const heapBytes = (): number => v8.getHeapStatistics().total_heap_size;

async function answer(job: JobRequest): Promise<JobResponse> {
  if (job.kind === 'trim') {
    if (collect === null) collect = compactingFullGc();
    collect?.();
    return { id: job.id, trimmed: true, heapBytes: heapBytes() };
  }
  try {
    await host.prepare(job.fileName);
    parentPort?.postMessage({ id: job.id, started: true } satisfies JobResponse);
    const settings = sameSettings(job.settings);
    if (job.kind === 'lint')
      return {
        id: job.id,
        ok: true,
        lint: host.lint(job.text, job.fileName, settings, job.project),
        heapBytes: heapBytes(),
      };
    return {
      id: job.id,
      ok: true,
      fixed: host.fixAll(job.text, job.fileName, settings),
      heapBytes: heapBytes(),
    };
  } catch (error) {
    return {
      id: job.id,
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      heapBytes: heapBytes(),
    };
  }
}

parentPort?.on('message', (job: JobRequest) => {
  void answer(job).then((response) => {
    parentPort?.postMessage(response);
  });
});
