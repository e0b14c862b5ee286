#!/usr/bin/env node
/**
 * The main job: runs `cors-lint` (packages/cli) on the demo app and prints what it finds.
 *
 * The demo exists to show findings, so cors-lint's exit code 1 ("CORS problems found") is the
 * expected outcome here and this script then exits 0. Anything else fails it: exit code 2 (a crash,
 * a usage error) or 0 (no findings at all, which would mean the rules silently stopped working).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const demoDir = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(demoDir, '..', '..', 'packages', 'cli', 'bin', 'cors-lint.js');

// The storefront's pages are served from these origins; its requests to them are same-origin.
const appOrigins = ['https://shop.example.com', 'https://admin.example.com'];
// The command exactly as run: from the demo folder, so the paths it prints are relative to it.
const folder = path.relative(process.cwd(), demoDir);
console.log(`$ ${folder ? `cd ${folder} && ` : ''}cors-lint . ${appOrigins.map((origin) => `--app-origin ${origin}`).join(' ')}\n`);
const run = spawnSync(process.execPath, [bin, '.', ...appOrigins.flatMap((origin) => ['--app-origin', origin])], { cwd: demoDir, stdio: 'inherit' });
if (run.status === 1) {
  console.log(
    [
      '\nThese problems are deliberate; see test-fixtures/README.md. In this clone, `cors-lint` is',
      '`npx --yes pnpm@10.34.8 cors-lint` (from the repository root). Try:',
      '  npx --yes pnpm@10.34.8 cors-lint test-fixtures/demo --format sarif',
      '  npx --yes pnpm@10.34.8 cors-lint probe --help',
      'To install it elsewhere before it is published: npx --yes pnpm@10.34.8 pack:all (see README.md).',
    ].join('\n'),
  );
} else {
  console.error(run.status === 0 ? '\ncors-lint reported nothing on the demo: the demo exists to show findings, so something is broken.' : `\ncors-lint failed (exit code ${String(run.status ?? run.signal)}).`);
  process.exitCode = 2;
}
