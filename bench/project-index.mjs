#!/usr/bin/env node
/**
 * What the project index costs (issue 17): building it for a project root (listing, reading every
 * file for the prefilter, parsing the server candidates), its heap, a warm re-check (stat only),
 * and a lint of client files with the index warm against the same lint with the index off.
 *
 * Usage: node bench/project-index.mjs [--root DIR] [--runs N]
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
const { values } = parseArgs({ options: { root: { type: 'string' }, runs: { type: 'string' } } });
const root = path.resolve(values.root ?? path.join(HERE, '..'));
const runs = Number(values.runs ?? 5);
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const ms = (value) => `${value.toFixed(1)} ms`;

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
const clients = [];
for (const file of fs.readdirSync(
  path.join(HERE, '..', 'test-fixtures', 'project-express-vite', 'apps', 'web', 'src'),
))
  clients.push(
    path.join(HERE, '..', 'test-fixtures', 'project-express-vite', 'apps', 'web', 'src', file),
  );
const probe = `fetch('http://localhost:3000/api/orders', { credentials: 'include' });\n`;
start = performance.now();
linter.verify(probe, config(true), { filename: path.join(root, '__bench_client__.js') });
const buildMs = performance.now() - start;
globalThis.gc?.();
const heapAfter = process.memoryUsage().heapUsed;

const warm = [];
for (let run = 0; run < runs; run++) {
  start = performance.now();
  cors.configs.project({ root });
  warm.push(performance.now() - start);
}

// A lint of the sample project's client files, index on and warm vs off, in alternating rounds.
const texts = clients.map((file) => [file, fs.readFileSync(file, 'utf8')]);
const ROUNDS = 50;
const lintAll = (project) => {
  const begin = performance.now();
  for (let round = 0; round < ROUNDS; round++)
    for (const [file, text] of texts) linter.verify(text, config(project), { filename: file });
  return (performance.now() - begin) / ROUNDS;
};
lintAll(true);
lintAll(false);
const on = [];
const off = [];
for (let run = 0; run < runs; run++) {
  off.push(lintAll(false));
  on.push(lintAll(true));
}

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
  `lint of ${texts.length} client file(s) (mean of ${ROUNDS} lints per run): index off median ${ms(median(off))}, index on (warm) median ${ms(median(on))}, ratio ${(median(on) / median(off)).toFixed(2)}`,
);
