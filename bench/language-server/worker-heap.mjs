/**
 * The lint worker's heap over repeated lints of one large file (issue 15, item 19): what
 * `WORKER_TRIM_HEAP_BYTES` (packages/language-server/src/limits.ts) is set from. Runs the built
 * `dist/engine/lint-worker.js` in a fresh worker thread, lints the generated 10,000-line file N times
 * (a comment changed each time, as typing does) and prints the heap total the worker reports after
 * each lint, then after one compaction (the queue's `trim`).
 *
 *   npx tsc -b && node bench/language-server/worker-heap.mjs [js|ts] [lints, default 20]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { generateFile } from './generate.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dialect = process.argv[2] ?? 'js';
const lints = Number(process.argv[3] ?? 20);
const { normalizeSettings } = await import(
  path.join(repo, 'packages/language-server/dist/protocol/settings.js')
);
const settings = normalizeSettings({}).settings;
const text = generateFile({ lines: 10_000, dialect, seed: 11 });
const worker = new Worker(path.join(repo, 'packages/language-server/dist/engine/lint-worker.js'));
let lastId = 0;
const ask = (job) =>
  new Promise((resolve) => {
    const id = ++lastId;
    const answered = (response) => {
      if (response.id !== id || response.started) return;
      worker.off('message', answered);
      resolve(response);
    };
    worker.on('message', answered);
    worker.postMessage({ id, ...job });
  });
const mb = (bytes) => Math.round(bytes / 2 ** 20);
for (let i = 1; i <= lints; i++) {
  const started = performance.now();
  const response = await ask({
    kind: 'lint',
    text: text.replace('// ', `// ${'x'.repeat(i)}`),
    fileName: path.join(repo, 'bench', '.results', `app-10000.${dialect}`),
    settings,
  });
  const ms = Math.round(performance.now() - started);
  console.log(`lint ${i}: ${ms} ms, heap total ${mb(response.heapBytes)} MB`);
}
console.log(`after a compaction: ${mb((await ask({ kind: 'trim' })).heapBytes)} MB`);
await worker.terminate();
