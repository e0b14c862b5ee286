#!/usr/bin/env node
/**
 * How the rules' cost grows with file size. Lints generated, CORS-dense Express code
 * (bench/scaling/generate.mjs) of 200, 2,000 and 20,000 lines, in JavaScript and TypeScript, with
 * every cors rule on plus ESLint's recommended rules, in-process with ESLint's Linter and its
 * `stats` (as lint-node-modules.mjs does), and prints per size and dialect: each cors rule's time,
 * all cors rules' time and their share of ESLint's lint time (medians of N runs taken in rounds over
 * the sizes, after one warm-up lint each, every lint after a full garbage collection), and each
 * rule's growth from 2,000 to 20,000 lines.
 *
 * It flags, in its output only, any rule growing more than 12× from 2,000 to 20,000 lines (ten
 * times the code: linear would be 10×) and any size where all cors rules take more than 15 % of the
 * lint. It never fails on time: time is measured here and nowhere else. Then it counts the rules'
 * work at 2,000 and 20,000 lines (scaling/work.mjs: function calls and block executions), which
 * neither the machine's load nor the garbage collector can blur.
 *
 * Usage: node bench/scaling.mjs [--runs N] [--sizes 200,2000,20000] [--dialects js,ts] [--json FILE]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import cors from 'eslint-plugin-cors';
import { generateFile } from './scaling/generate.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORS_PREFIX = 'cors/';
const GROWTH_LIMIT = 12;
const SHARE_LIMIT = 15;
/** The sizes whose ratio is the growth figure. */
const GROWTH_FROM = 2000;
const GROWTH_TO = 20000;

function parseArgs(argv) {
  const args = { runs: 5, sizes: [200, 2000, 20000], dialects: ['js', 'ts'], json: undefined };
  for (let index = 0; index < argv.length; index += 2) {
    const [flag, value] = [argv[index], argv[index + 1]];
    if (flag === '--runs') args.runs = Number.parseInt(value, 10);
    else if (flag === '--sizes')
      args.sizes = value.split(',').map((size) => Number.parseInt(size, 10));
    else if (flag === '--dialects') args.dialects = value.split(',');
    else if (flag === '--json') args.json = path.resolve(value);
    else throw new Error(`unknown argument ${flag}`);
  }
  if (!(args.runs > 0)) throw new Error('--runs takes a positive number');
  if (args.sizes.some((size) => !(size > 0))) throw new Error('--sizes takes positive numbers');
  if (args.dialects.some((dialect) => dialect !== 'js' && dialect !== 'ts'))
    throw new Error('--dialects takes js and/or ts');
  return args;
}

const recommendedRules = Object.fromEntries(
  [...builtinRules]
    .filter(([, rule]) => rule.meta?.docs?.recommended)
    .map(([name]) => [name, 'error']),
);
const corsRules = Object.fromEntries(
  Object.keys(cors.rules).map((name) => [`${CORS_PREFIX}${name}`, 'error']),
);

function configFor(dialect) {
  return [
    {
      files: ['**/*.{js,ts}'],
      plugins: { cors },
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: 'module',
        ...(dialect === 'ts' ? { parser: tsParser } : {}),
      },
      rules: { ...recommendedRules, ...corsRules },
    },
  ];
}

// A full collection before each lint, so that every lint starts from the same heap and no run pays
// for the garbage of the one before (the flag is set at run time; `node --expose-gc` is not needed).
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc');

/** One lint with stats: ESLint's total and each cors rule's time, in ms. */
function lintOnce(linter, text, dialect, filename) {
  collectGarbage();
  const { messages } = linter.verifyAndFix(text, configFor(dialect), {
    filename,
    fix: false,
    stats: true,
  });
  const problem = messages.find(
    (message) => message.fatal || (message.ruleId === null && message.line === 0),
  );
  if (problem) throw new Error(`${filename}: ${problem.message}`);
  const times = linter.getTimes().passes[0];
  const rules = Object.fromEntries(
    Object.keys(corsRules).map((ruleId) => [ruleId, times.rules?.[ruleId]?.total ?? 0]),
  );
  const corsTotal = Object.values(rules).reduce((sum, ms) => sum + ms, 0);
  const reports = messages.filter((message) => message.ruleId?.startsWith(CORS_PREFIX)).length;
  return { total: times.total, rules, corsTotal, reports };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Every size of one dialect, the runs taken in rounds (200, 2,000, 20,000 lines, then again): a busy
 * machine's load drifts over minutes, and rounds let it weigh on every size alike, so the growth
 * ratios compare like with like.
 */
function measureDialect(linter, sizes, dialect, runs) {
  const files = sizes.map((size) => {
    const text = generateFile({ lines: size, dialect, seed: 1 });
    const filename = path.join(repoRoot, 'bench-input', 'scaling', `app-${size}.${dialect}`);
    lintOnce(linter, text, dialect, filename);
    return { size, text, filename, samples: [] };
  });
  for (let round = 0; round < runs; round++) {
    for (const file of files)
      file.samples.push(lintOnce(linter, file.text, dialect, file.filename));
  }
  return files.map(({ size, text, samples }) => ({
    size,
    dialect,
    lines: text.split('\n').length - 1,
    reports: samples[0].reports,
    eslintTotal: median(samples.map((sample) => sample.total)),
    corsTotal: median(samples.map((sample) => sample.corsTotal)),
    share: median(samples.map((sample) => (100 * sample.corsTotal) / sample.total)),
    rules: Object.fromEntries(
      Object.keys(corsRules).map((ruleId) => [
        ruleId,
        median(samples.map((sample) => sample.rules[ruleId])),
      ]),
    ),
  }));
}

const ms = (value) =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);

/** Per dialect: a table of rules × sizes, the totals, the share and the growth, with the flags. */
function report(results, dialect, sizes) {
  const rows = results.filter((result) => result.dialect === dialect);
  const bySize = new Map(rows.map((row) => [row.size, row]));
  const [from, to] = [bySize.get(GROWTH_FROM), bySize.get(GROWTH_TO)];
  const growth = (pick) => (from && to && pick(from) > 0 ? pick(to) / pick(from) : undefined);
  const flags = [];
  const lines = [
    `${dialect === 'ts' ? 'TypeScript' : 'JavaScript'} (${rows.map((row) => `${row.size}: ${row.lines} lines, ${row.reports} cors reports`).join('; ')})`,
  ];
  const header = [
    'rule'.padEnd(44),
    ...sizes.map((size) => `${size} lines`.padStart(13)),
    from && to ? `${GROWTH_FROM}→${GROWTH_TO}`.padStart(13) : '',
  ];
  lines.push(`  ${header.join('')}`);
  const ruleIds = Object.keys(corsRules).sort((a, b) => (to?.rules[b] ?? 0) - (to?.rules[a] ?? 0));
  for (const ruleId of ruleIds) {
    const ratio = growth((row) => row.rules[ruleId]);
    const flagged = ratio !== undefined && ratio > GROWTH_LIMIT;
    if (flagged)
      flags.push(
        `${ruleId} grows ${ratio.toFixed(1)}× from ${GROWTH_FROM} to ${GROWTH_TO} lines (limit ${GROWTH_LIMIT}×)`,
      );
    const cells = sizes.map((size) =>
      `${ms(bySize.get(size)?.rules[ruleId] ?? NaN)} ms`.padStart(13),
    );
    lines.push(
      `  ${ruleId.padEnd(44)}${cells.join('')}${ratio === undefined ? '' : `${ratio.toFixed(1)}×${flagged ? ' !' : ''}`.padStart(13)}`,
    );
  }
  const totalRatio = growth((row) => row.corsTotal);
  lines.push(
    `  ${'all cors rules'.padEnd(44)}${sizes.map((size) => `${ms(bySize.get(size)?.corsTotal ?? NaN)} ms`.padStart(13)).join('')}${totalRatio === undefined ? '' : `${totalRatio.toFixed(1)}×`.padStart(13)}`,
  );
  lines.push(
    `  ${'ESLint lint time'.padEnd(44)}${sizes.map((size) => `${ms(bySize.get(size)?.eslintTotal ?? NaN)} ms`.padStart(13)).join('')}${growth((row) => row.eslintTotal) === undefined ? '' : `${growth((row) => row.eslintTotal).toFixed(1)}×`.padStart(13)}`,
  );
  lines.push(
    `  ${'share of the lint'.padEnd(44)}${sizes.map((size) => `${(bySize.get(size)?.share ?? NaN).toFixed(1)} %`.padStart(13)).join('')}`,
  );
  for (const row of rows)
    if (row.share > SHARE_LIMIT)
      flags.push(
        `all cors rules take ${row.share.toFixed(1)} % of the lint at ${row.size} lines (limit ${SHARE_LIMIT} %)`,
      );
  const checked = [
    from && to
      ? `every rule within ${GROWTH_LIMIT}× from ${GROWTH_FROM} to ${GROWTH_TO} lines`
      : undefined,
    `the cors share within ${SHARE_LIMIT} % at every size measured`,
  ].filter(Boolean);
  lines.push(
    ...(flags.length > 0
      ? flags.map((flag) => `  FLAG: ${flag}`)
      : [`  no flags: ${checked.join(', ')}`]),
  );
  return { text: lines.join('\n'), flags };
}

/** Function calls and block executions of the cors rules alone at 2,000 and 20,000 lines, per dialect (scaling/work.mjs, its own process). */
function measureWork(dialects) {
  const script = path.join(repoRoot, 'bench', 'scaling', 'work.mjs');
  const counts = JSON.parse(
    execFileSync(
      process.execPath,
      [script, '--sizes', `${GROWTH_FROM},${GROWTH_TO}`, '--dialects', dialects.join(',')],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    ),
  );
  return Object.fromEntries(
    Object.entries(counts).map(([dialect, bySize]) => {
      const [from, to] = [bySize[GROWTH_FROM], bySize[GROWTH_TO]];
      return [
        dialect,
        { ...bySize, callGrowth: to.calls / from.calls, blockGrowth: to.blocks / from.blocks },
      ];
    }),
  );
}

function reportWork(work) {
  const lines = [
    'Work of the cors rules alone, counted (V8 precise coverage of the plugin, core and eslint-utils; one lint):',
  ];
  const flags = [];
  for (const [dialect, counts] of Object.entries(work)) {
    const [from, to] = [counts[GROWTH_FROM], counts[GROWTH_TO]];
    lines.push(
      `  ${dialect === 'ts' ? 'TypeScript' : 'JavaScript'}: function calls ${from.calls.toLocaleString('en-US')} → ${to.calls.toLocaleString('en-US')} (${counts.callGrowth.toFixed(1)}×), block executions ${from.blocks.toLocaleString('en-US')} → ${to.blocks.toLocaleString('en-US')} (${counts.blockGrowth.toFixed(1)}×) from ${GROWTH_FROM} to ${GROWTH_TO} lines`,
    );
    if (Math.max(counts.callGrowth, counts.blockGrowth) > GROWTH_LIMIT)
      flags.push(
        `${dialect}: the rules' work grows more than ${GROWTH_LIMIT}× from ${GROWTH_FROM} to ${GROWTH_TO} lines`,
      );
  }
  lines.push(...flags.map((flag) => `  FLAG: ${flag}`));
  return { text: lines.join('\n'), flags };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  // Virtual file names live under the repository root, which must be the Linter's cwd to match `files`.
  const linter = new Linter({ cwd: repoRoot });
  const machine = {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    eslint: Linter.version,
    load: os.loadavg().map((load) => load.toFixed(2)),
  };
  console.log(
    `machine: ${machine.nproc} cpu (${machine.cpu}), ${machine.memoryGiB} GiB, node ${machine.node}, eslint ${machine.eslint}, load ${machine.load.join(' ')}`,
  );
  console.log(
    `rules on: ${Object.keys(recommendedRules).length} ESLint recommended + ${Object.keys(corsRules).length} cors/*; median of ${args.runs} runs (in rounds over the sizes) after one warm-up lint each\n`,
  );
  const results = [];
  for (const dialect of args.dialects) {
    results.push(...measureDialect(linter, args.sizes, dialect, args.runs));
    const { text } = report(results, dialect, args.sizes);
    console.log(`${text}\n`);
  }
  const work =
    args.sizes.includes(GROWTH_FROM) && args.sizes.includes(GROWTH_TO)
      ? measureWork(args.dialects)
      : undefined;
  if (work) console.log(`${reportWork(work).text}\n`);
  if (args.json) {
    const flags = [
      ...args.dialects.flatMap((dialect) => report(results, dialect, args.sizes).flags),
      ...(work ? reportWork(work).flags : []),
    ];
    fs.mkdirSync(path.dirname(args.json), { recursive: true });
    fs.writeFileSync(
      args.json,
      `${JSON.stringify({ date: new Date().toISOString(), command: `node bench/scaling.mjs ${process.argv.slice(2).join(' ')}`.trim(), machine, runs: args.runs, results, work, flags }, null, 2)}\n`,
    );
    console.log(`figures: ${path.relative(process.cwd(), args.json)}`);
  }
}

main();
