#!/usr/bin/env node
/**
 * What an nginx config or a Django settings module costs to lint next to a JavaScript file of the
 * same size (issue 16: "an nginx file or a settings module lints in ≤ the time of a JS file of the
 * same size"). For each size (bytes; default 5 KB, 20 KB, 200 KB: the JavaScript generator's smallest file is 4 KB) it builds three files of that size:
 * CORS-dense Express code (scaling/generate.mjs), an nginx config and a settings module
 * (server-configs/generate.mjs), all deterministic. It lints each with ESLint's Linter and the
 * plugin's `recommended` config (its three blocks: JavaScript, nginx, Django settings), as a project
 * using the plugin would, after one warm-up lint per file; the runs are taken in rounds over the files
 * (a busy machine's drifting load weighs on all of them alike), each lint after a full garbage
 * collection, and timed whole (parse, rules, directives) with performance.now().
 *
 * Prints per size: each file's bytes, lines, problems, p50 and p90 in ms, and the ratios nginx / JS
 * and Django / JS of the p50 per KB (the nginx and Django files are built to the JavaScript file's size, and overshoot it by less than one section). It never fails on
 * time: time is measured here and nowhere else. A parse error or a "no matching configuration" stops
 * the run.
 *
 * Usage: node bench/server-configs-cost.mjs [--runs N] [--sizes 5000,20000,200000] [--json FILE]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Linter } from 'eslint';
import cors from 'eslint-plugin-cors';
import { generateFile } from './scaling/generate.mjs';
import { generateNginx, generateSettings } from './server-configs/generate.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const args = { runs: 15, sizes: [5000, 20000, 200000], json: undefined };
  for (let index = 0; index < argv.length; index += 2) {
    const [flag, value] = [argv[index], argv[index + 1]];
    if (flag === '--runs') args.runs = Number.parseInt(value, 10);
    else if (flag === '--sizes')
      args.sizes = value.split(',').map((size) => Number.parseInt(size, 10));
    else if (flag === '--json') args.json = path.resolve(value);
    else throw new Error(`unknown argument ${flag}`);
  }
  if (!(args.runs > 0)) throw new Error('--runs takes a positive number');
  if (args.sizes.some((size) => !(size > 0))) throw new Error('--sizes takes positive numbers');
  return args;
}

/**
 * The JavaScript file closest to `bytes`: the scaling generator grows by lines, so search the line
 * count (its output is a whole, valid program at any count).
 */
function javascriptOfSize(bytes) {
  let [low, high] = [20, 20];
  while (generateFile({ lines: high }).length < bytes) [low, high] = [high, high * 2];
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (generateFile({ lines: middle }).length < bytes) low = middle;
    else high = middle;
  }
  return generateFile({ lines: high });
}

// A full collection before each lint, so that no lint pays for the garbage of the one before.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc');

/** One lint, timed whole; returns ms and the problems. */
function lintOnce(linter, file) {
  collectGarbage();
  const start = performance.now();
  const messages = linter.verify(file.text, cors.configs.recommended, file.filename);
  const ms = performance.now() - start;
  const problem = messages.find(
    (message) => message.fatal || (message.ruleId === null && message.line === 0),
  );
  if (problem) throw new Error(`${file.filename}: ${problem.message}`);
  return { ms, problems: messages.length };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

function main() {
  const args = parseArgs(process.argv.slice(2));
  const linter = new Linter({ configType: 'flat' });
  const files = args.sizes.flatMap((size) => {
    const dir = path.join(repoRoot, 'bench-input', 'cost', String(size));
    // The JavaScript generator grows by whole sections: the other two match its size.
    const js = javascriptOfSize(size);
    return [
      { kind: 'js', text: js, filename: path.join(dir, 'app.js') },
      { kind: 'nginx', text: generateNginx(js.length), filename: path.join(dir, 'nginx.conf') },
      {
        kind: 'django',
        text: generateSettings(js.length),
        filename: path.join(dir, 'settings.py'),
      },
    ].map((file) => ({ ...file, size, samples: [] }));
  });
  for (const file of files) file.problems = lintOnce(linter, file).problems;
  for (let round = 0; round < args.runs; round++)
    for (const file of files) file.samples.push(lintOnce(linter, file).ms);

  console.log(
    `Node ${process.version}, ESLint ${Linter.version}, ${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}; ${args.runs} runs per file, recommended config`,
  );
  const results = [];
  for (const size of args.sizes) {
    const row = Object.fromEntries(
      files
        .filter((file) => file.size === size)
        .map((file) => {
          const bytes = Buffer.byteLength(file.text);
          const p50 = percentile(file.samples, 50);
          return [
            file.kind,
            {
              bytes,
              lines: file.text.split('\n').length - 1,
              problems: file.problems,
              p50,
              p90: percentile(file.samples, 90),
              p50PerKB: (p50 * 1000) / bytes,
            },
          ];
        }),
    );
    const ratio = (kind) => row[kind].p50PerKB / row.js.p50PerKB;
    results.push({ size, ...row, nginxToJs: ratio('nginx'), djangoToJs: ratio('django') });
    console.log(`\n${size.toLocaleString('en')} bytes`);
    for (const kind of ['js', 'nginx', 'django']) {
      const { bytes, lines, problems, p50, p90, p50PerKB } = row[kind];
      console.log(
        `  ${kind.padEnd(6)} ${String(bytes).padStart(7)} B ${String(lines).padStart(5)} lines ${String(
          problems,
        ).padStart(4)} problems  p50 ${p50.toFixed(2).padStart(8)} ms  p90 ${p90
          .toFixed(2)
          .padStart(8)} ms  ${p50PerKB.toFixed(3)} ms/KB`,
      );
    }
    console.log(
      `  p50 per KB: nginx/JS ${ratio('nginx').toFixed(2)}, Django/JS ${ratio('django').toFixed(2)}`,
    );
  }
  if (args.json) {
    fs.mkdirSync(path.dirname(args.json), { recursive: true });
    fs.writeFileSync(args.json, `${JSON.stringify({ runs: args.runs, results }, null, 2)}\n`);
  }
}

main();
