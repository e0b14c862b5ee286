#!/usr/bin/env node
/**
 * Installs code-server (VS Code 1.100 with a Node extension host) into a cache folder inside the repo,
 * offline, so the end-to-end test can drive real VS Code. Does nothing when it is already there.
 *
 * The recipe (../../../../shared/docs/real-clients.md, verified on Debian 12 + Node 20):
 * - code-server 4.100.3 is the last release that runs on Node 20;
 * - `@vscode/ripgrep` downloads `rg` in its postinstall unless it finds a cached archive: we put one
 *   there holding Debian's `/usr/bin/rg` (package `ripgrep`);
 * - node-pty's postinstall runs `npx node-gyp`: `npm_config_yes=true` lets it (needs `libkrb5-dev`);
 * - as root, the postinstall scripts need `--unsafe-perm`.
 *
 * Usage: `node scripts/ensure-code-server.mjs` prints the path of the `code-server` launcher.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** Gitignored (it is under node_modules) and kept between runs. */
export const cacheDir = join(
  repoRoot,
  'node_modules',
  '.cache',
  `code-server-${CODE_SERVER_VERSION}`,
);
export const codeServerBin = join(cacheDir, 'node_modules', '.bin', 'code-server');
const doneMarker = join(cacheDir, '.installed');

function run(command, args, options) {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    ...options,
  });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `exit code ${result.status}`;
    throw new Error(
      `ensure-code-server: \`${command} ${args.join(' ')}\` failed (${why}).\n${result.stdout ?? ''}\n${result.stderr ?? ''}`,
    );
  }
  return result.stdout;
}

/** Returns the path of the code-server launcher, installing it first when needed. */
export function ensureCodeServer({ log = (line) => console.error(line) } = {}) {
  if (existsSync(doneMarker) && existsSync(codeServerBin)) return codeServerBin;
  if (!existsSync('/usr/bin/rg')) {
    throw new Error(
      'ensure-code-server: /usr/bin/rg is missing; run `node packages/test-environment/scripts/ensure-system-packages.mjs` (Debian `ripgrep`).',
    );
  }
  log(
    `ensure-code-server: installing code-server@${CODE_SERVER_VERSION} into ${cacheDir} (about a minute)`,
  );
  rmSync(cacheDir, { recursive: true, force: true });
  const tmp = join(cacheDir, 'tmp');
  mkdirSync(join(tmp, RIPGREP_CACHE), { recursive: true });
  // The archive @vscode/ripgrep looks for before downloading: Debian's rg, named `rg` at the top.
  run('tar', ['-czf', join(tmp, RIPGREP_CACHE, RIPGREP_ARCHIVE), '-C', '/usr/bin', 'rg']);
  writeFileSync(
    join(cacheDir, 'package.json'),
    `${JSON.stringify({ name: 'code-server-cache', private: true }, null, 2)}\n`,
  );
  const args = [
    'install',
    '--no-audit',
    '--no-fund',
    '--no-package-lock',
    `code-server@${CODE_SERVER_VERSION}`,
  ];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--unsafe-perm');
  run('npm', args, {
    cwd: cacheDir,
    env: {
      ...npmFreeEnvironment(),
      npm_config_yes: 'true',
      TMPDIR: tmp,
      npm_config_update_notifier: 'false',
    },
    timeout: 15 * 60_000,
    // node-gyp's build log is long; the default 1 MiB would cut npm off.
    maxBuffer: 256 * 1024 * 1024,
  });
  if (!existsSync(codeServerBin))
    throw new Error(`ensure-code-server: npm finished but ${codeServerBin} is missing.`);
  writeFileSync(doneMarker, `${CODE_SERVER_VERSION}\n`);
  log('ensure-code-server: done');
  return codeServerBin;
}

/**
 * The environment without what a running package manager exports (`npm_config_user_agent`,
 * `npm_execpath`, `npm_lifecycle_*`…): under `pnpm test` these say "pnpm", and code-server's
 * postinstall then refuses to run ("Could not determine which package manager…").
 */
function npmFreeEnvironment() {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key)),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(ensureCodeServer());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
