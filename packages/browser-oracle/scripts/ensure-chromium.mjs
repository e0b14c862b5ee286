#!/usr/bin/env node
/**
 * Makes sure Debian's Chromium is installed at /usr/bin/chromium before the test suite runs: the
 * browser oracle (packages/browser-oracle) drives it through playwright-core, which never downloads
 * a browser of its own.
 *
 * - Already installed: nothing to do.
 * - Running as root (CI, containers): `apt-get update`, then `apt-get install -y chromium`.
 * - Otherwise: print the command to run and exit 1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = '/usr/bin/chromium';

/** What to do, as a pure function of the machine's state, so it can be checked without apt. */
export function decide({ installed, uid }) {
  if (installed) return 'nothing';
  if (uid === 0) return 'install';
  return 'ask';
}

/** Runs a command with its output on the terminal; exits with a clear message when it fails. */
function run(command, args, env) {
  console.log(`ensure-chromium: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `exit code ${result.status}`;
    console.error(`ensure-chromium: \`${command} ${args.join(' ')}\` failed (${why}). Install Chromium by hand: apt-get install chromium`);
    process.exit(1);
  }
}

function main() {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const action = decide({ installed: existsSync(CHROMIUM), uid });
  if (action === 'nothing') return;
  if (action === 'ask') {
    console.error(
      `ensure-chromium: ${CHROMIUM} is missing. The browser oracle tests need Debian's Chromium; install it with:\n\n    sudo apt-get install chromium\n`,
    );
    process.exit(1);
  }
  console.log(`ensure-chromium: ${CHROMIUM} is missing; installing Debian's chromium package.`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
  if (!existsSync(CHROMIUM)) {
    console.error(`ensure-chromium: apt-get installed chromium, but ${CHROMIUM} still does not exist.`);
    process.exit(1);
  }
  console.log(`ensure-chromium: installed ${CHROMIUM}.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
