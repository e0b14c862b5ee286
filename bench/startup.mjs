#!/usr/bin/env node
/**
 * Start-up cost of cors-lint and of loading the plugin, against ESLint's own (issue 15, item 18):
 * each command in a fresh process, wall time, median of --runs (default 9), taken in rounds so a
 * drifting load weighs on every command alike. Compare ratios within one run, never across machines.
 *
 *   node bench/startup.mjs [--runs 9] [--json FILE] [--checkout DIR]
 *
 * `--checkout DIR` measures the built packages of another checkout (its ESLint too), to compare a
 * change with the code before it on the same machine.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    json: { type: 'string' },
    checkout: { type: 'string' },
  },
});
const root = values.checkout
  ? path.resolve(values.checkout)
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(values.runs);

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-startup-'));
fs.writeFileSync(
  path.join(folder, 'server.js'),
  "const cors = require('cors');\nmodule.exports = cors({ origin: 'https://app.example.com' });\n",
);
const eslintBin = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
const corsLint = path.join(root, 'packages', 'cli', 'bin', 'cors-lint.js');
const pluginEntry = path.join(root, 'packages', 'eslint-plugin', 'dist', 'index.js');
const importOf = (entry) => ['--input-type=module', '-e', `await import(${JSON.stringify(entry)})`];

const COMMANDS = [
  { name: 'node (nothing)', args: ['-e', ''] },
  { name: 'eslint --version', args: [eslintBin, '--version'] },
  { name: 'cors-lint --version', args: [corsLint, '--version'] },
  {
    name: 'import eslint',
    args: importOf(path.join(root, 'node_modules', 'eslint', 'lib', 'api.js')),
  },
  { name: 'import eslint-plugin-cors', args: importOf(pluginEntry) },
  { name: 'cors-lint (one small file)', args: [corsLint, '.', '--concurrency', 'off'] },
];

const times = new Map(COMMANDS.map((command) => [command.name, []]));
for (let round = 0; round < runs; round++) {
  for (const command of COMMANDS) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, command.args, { cwd: folder, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0)
      throw new Error(`${command.name} exited ${result.status}: ${result.stderr}`);
    times.get(command.name).push(ms);
  }
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const eslintVersion = median(times.get('eslint --version'));
console.log(`${root}: median of ${runs} runs, ms (ratio to eslint --version)`);
const figures = {};
for (const [name, list] of times) {
  figures[name] = median(list);
  console.log(
    `${name.padEnd(30)} ${median(list).toFixed(0).padStart(6)}  ${(median(list) / eslintVersion).toFixed(2)}×`,
  );
}
if (values.json)
  fs.writeFileSync(
    values.json,
    `${JSON.stringify({ runs, node: process.version, cpus: os.cpus().length, figures }, null, 2)}\n`,
  );
fs.rmSync(folder, { recursive: true, force: true });
