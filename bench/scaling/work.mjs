#!/usr/bin/env node
/**
 * The work the cors rules do, counted instead of timed: V8's precise coverage gives, for one lint,
 * how often each function of the plugin, of core and of eslint-utils (which the extractors call)
 * ran, and how often each of their blocks ran, loop bodies included. Counts depend neither on the
 * machine's load nor on the garbage collector or the caches, so their growth from 2,000 to 20,000
 * lines shows what the algorithms do: linear work grows 10×.
 *
 * Its own process, because coverage must be on before the counted code is compiled (and would slow
 * down the timed lints of scaling.mjs). Only the cors rules are on, so that eslint-utils' counts are
 * the plugin's calls alone.
 *
 * Usage: node bench/scaling/work.mjs [--sizes 2000,20000] [--dialects js,ts]  → JSON on stdout
 */
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const COUNTED = /\/packages\/(?:eslint-plugin|core)\/dist\/|\/@eslint-community\/eslint-utils\//;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const args = { sizes: [2000, 20000], dialects: ['js', 'ts'] };
for (let index = 2; index < process.argv.length; index += 2) {
  const [flag, value] = [process.argv[index], process.argv[index + 1]];
  if (flag === '--sizes') args.sizes = value.split(',').map(Number);
  else if (flag === '--dialects') args.dialects = value.split(',');
  else throw new Error(`unknown argument ${flag}`);
}

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });

// Loaded only now, so that they are compiled with counters.
const { Linter } = await import('eslint');
const { default: tsParser } = await import('@typescript-eslint/parser');
const { default: cors } = await import('eslint-plugin-cors');
const { generateFile } = await import('./generate.mjs');

const rules = Object.fromEntries(Object.keys(cors.rules).map((name) => [`cors/${name}`, 'error']));
const linter = new Linter({ cwd: repoRoot });
const work = {};
for (const dialect of args.dialects) {
  const config = [
    {
      files: ['**/*.{js,ts}'],
      plugins: { cors },
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: 'module',
        ...(dialect === 'ts' ? { parser: tsParser } : {}),
      },
      rules,
    },
  ];
  const filename = path.join(repoRoot, 'bench-input', 'scaling', `work.${dialect}`);
  work[dialect] = {};
  for (const size of args.sizes) {
    const text = generateFile({ lines: size, dialect, seed: 1 });
    // Taking the coverage resets the counters.
    await session.post('Profiler.takePreciseCoverage');
    linter.verify(text, config, { filename });
    const { result } = await session.post('Profiler.takePreciseCoverage');
    work[dialect][size] = sumCounts(result);
  }
}
session.disconnect();
process.stdout.write(`${JSON.stringify(work)}\n`);

function sumCounts(scripts) {
  let calls = 0;
  let blocks = 0;
  for (const script of scripts) {
    if (!COUNTED.test(script.url)) continue;
    for (const fn of script.functions) {
      // The first range is the whole function (its calls); the others are its blocks.
      calls += fn.ranges[0]?.count ?? 0;
      for (const range of fn.ranges) blocks += range.count;
    }
  }
  return { calls, blocks };
}
