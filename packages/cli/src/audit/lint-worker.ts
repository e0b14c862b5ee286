/** A worker thread of `lint-files.ts`: lints the files it is sent, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Candidate } from './collect-files.js';
import { FileLinter, type FileLintOptions } from './lint-file.js';

const linter = new FileLinter(workerData as FileLintOptions);
parentPort?.on('message', ({ index, candidate }: { index: number; candidate: Candidate }) => {
  parentPort?.postMessage({ index, outcome: linter.lint(candidate) });
});
