#!/usr/bin/env node
// Runs the whole test suite several times in a row while busy loops load every other core, to show
// the suite does not depend on a quiet machine (its tests wait on states, not times). It exits 0
// only if every run passed; each run's exit code and duration is printed as it ends.
//
//   node scripts/suite-under-load.mjs [--runs N] [--busy N]   (defaults: 2 runs, 2 busy loops)
//
// It runs `vitest run` as `pnpm test` does, after the same install and build steps, so run
// `npx --yes pnpm@10.34.8 test` once first on a fresh machine.
import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(
      `suite-under-load: ${name} takes a whole number, got ${process.argv[at + 1]}\n`,
    );
    process.exit(2);
  }
  return value;
}

const runs = option('--runs', 2);
const busy = option('--busy', 2);

// Each loop spins one thread at 100 % until the process exits.
const loops = Array.from({ length: busy }, () => new Worker('for (;;) {}', { eval: true }));

function runSuite() {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npx', ['vitest', 'run'], { stdio: 'inherit' });
    child.on('exit', (code, signal) =>
      resolve({ code: code ?? 1, signal, seconds: Math.round((Date.now() - started) / 1000) }),
    );
  });
}

const results = [];
for (let run = 1; run <= runs; run++) {
  process.stdout.write(`\n==> suite run ${run} of ${runs}, beside ${busy} busy loop(s)\n`);
  const result = await runSuite();
  results.push(result);
  process.stdout.write(
    `==> run ${run}: exit ${result.code}${result.signal ? ` (${result.signal})` : ''} after ${result.seconds} s\n`,
  );
}
await Promise.all(loops.map((loop) => loop.terminate()));
const failed = results.filter((result) => result.code !== 0).length;
process.stdout.write(`\n${runs - failed} of ${runs} run(s) passed beside ${busy} busy loop(s)\n`);
process.exit(failed ? 1 : 0);
