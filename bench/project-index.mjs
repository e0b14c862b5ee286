#!/usr/bin/env node
/**
 * What the project index costs (issue 17): building it for a project root (listing, reading every
 * file for the prefilter, parsing the server candidates), its heap, a warm re-check (stat only),
 * and a lint of client files with the index warm against the same lint with the index off.
 *
 * Usage: node bench/project-index.mjs [--root DIR] [--runs N] [--clients DIR]
 * Defaults: this repository as the project, 5 runs. Time is measured here and nowhere else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import cors from 'eslint-plugin-cors';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: { root: { type: 'string' }, runs: { type: 'string' }, clients: { type: 'string' } },
});
const root = path.resolve(values.root ?? path.join(HERE, '..'));
const runs = Number(values.runs ?? 5);
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const ms = (value) => `${value.toFixed(2)} ms`;

// Cold build, in a fresh module instance per run would need a new process: the first run is the cold one.
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let start = performance.now();
const { settings } = cors.configs.project({ root });
const fingerprintMs = performance.now() - start;
const linter = new Linter({ cwd: path.join(HERE, '..') });
const config = (project) => [
  {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts,jsx,tsx}'],
    plugins: { cors },
    // `recommended` is a list of blocks (JavaScript, nginx, Django); its first is the JavaScript one.
    rules: cors.configs.recommended[0].rules,
    languageOptions: { parser: tsParser, sourceType: 'module' },
    settings: project ? settings : {},
  },
];
// The index is built by the first lint that needs it: lint one client file.
const clientFolder = path.resolve(
  values.clients ??
    path.join(HERE, '..', 'test-fixtures', 'project-express-vite', 'apps', 'web', 'src'),
);
const clients = fs.readdirSync(clientFolder).map((file) => path.join(clientFolder, file));
// A client file of the sample project: a file the runtime classifier takes for browser code, so its
// requests reach the contract check (a bare probe at the root may be taken for server code, and build nothing).
start = performance.now();
linter.verify(fs.readFileSync(clients[0], 'utf8'), config(true), { filename: clients[0] });
const buildMs = performance.now() - start;
globalThis.gc?.();
const heapAfter = process.memoryUsage().heapUsed;

const warm = [];
for (let run = 0; run < runs; run++) {
  start = performance.now();
  cors.configs.project({ root });
  warm.push(performance.now() - start);
}

// A lint of the sample project's client files, index on and warm vs off. Each pass is timed on its
// own and the four kinds take turns, in a rotating order, so drift in the machine's load hits all alike.
const texts = clients.map((file) => [file, fs.readFileSync(file, 'utf8')]);
const ROUNDS = 50;
// The contract check remembers each request's candidate rules while the facts stay the same (an
// editor re-lints a file per keystroke). `unseen` gives every lint requests it has not met: the
// client's origin becomes one no server is known at, so each request scans every server's routes.
let unseenPort = 20000;
const unseen = (text) =>
  text.replaceAll('http://localhost:3000', `http://localhost:${unseenPort++}`);
const same = (text) => text;
const pass = (project, vary) => {
  const begin = performance.now();
  for (const [file, text] of texts) linter.verify(vary(text), config(project), { filename: file });
  return performance.now() - begin;
};
const kinds = [
  { project: false, vary: same, times: [] },
  { project: true, vary: same, times: [] },
  { project: false, vary: unseen, times: [] },
  { project: true, vary: unseen, times: [] },
];
for (const kind of kinds)
  for (let round = 0; round < ROUNDS; round++) pass(kind.project, kind.vary);
for (let round = 0; round < runs * ROUNDS; round++)
  for (let turn = 0; turn < kinds.length; turn++) {
    const kind = kinds[(round + turn) % kinds.length];
    kind.times.push(pass(kind.project, kind.vary));
  }
const [off, on, offUnseen, onUnseen] = kinds.map(({ times }) => median(times));

const snapshotFile = path.join(
  fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'cors-bench-')),
  'index.json',
);
const built =
  cors.configs.project &&
  (await import('eslint-plugin-cors')).buildProjectSnapshot(root, snapshotFile, tsParser);
const snapshot = JSON.parse(fs.readFileSync(built.snapshot, 'utf8'));
console.log(
  `project: ${root}: ${snapshot.surfaces.length} server file(s), ${snapshot.surfaces.reduce((sum, surface) => sum + surface.routes.length, 0)} route rule(s), snapshot ${(fs.statSync(snapshotFile).size / 1024).toFixed(0)} KB`,
);
console.log(`fingerprint (list + stat + prefilter read of every file): ${ms(fingerprintMs)}`);
console.log(`first lint that builds the facts (parses the server candidates): ${ms(buildMs)}`);
console.log(
  `heap held after the build: ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MB${globalThis.gc ? '' : ' (run with --expose-gc for a cleaner figure)'}`,
);
console.log(
  `warm re-check (list + stat, changed files only): median ${ms(median(warm))} of ${runs}`,
);
console.log(
  `lint of ${texts.length} client file(s), median of ${runs * ROUNDS} passes each: index off ${ms(off)}, index on (warm) ${ms(on)}, ratio ${(on / off).toFixed(2)}`,
);
console.log(
  `  with requests the contract check has not met: index off ${ms(offUnseen)}, index on (warm) ${ms(onUnseen)}, ratio ${(onUnseen / offUnseen).toFixed(2)}`,
);
