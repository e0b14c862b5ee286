#!/usr/bin/env node
/**
 * Makes sure the Debian packages the tests drive for real are installed, before the suite runs.
 * The tests never download browsers or editors of their own; they use Debian's.
 *
 * - All present: nothing to do.
 * - Some missing, running as root (CI, containers): one `apt-get update`, one `apt-get install`.
 * - Some missing, not root: print the exact command to run and exit 1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** What the suite needs, how to tell it is there, and who needs it. */
export const REQUIRED = [
  {
    apt: 'chromium',
    present: () => existsSync('/usr/bin/chromium'),
    for: 'the browser oracle (packages/browser-oracle)',
  },
  {
    apt: 'neovim',
    present: () => existsSync('/usr/bin/nvim'),
    for: 'language-server tests in Neovim',
  },
  {
    apt: 'emacs-nox',
    present: () => existsSync('/usr/bin/emacs'),
    for: 'language-server tests in Emacs',
  },
  {
    apt: 'elpa-eglot',
    present: () => hasElpaPackage('eglot'),
    for: 'language-server tests in Emacs (eglot)',
  },
  {
    apt: 'ripgrep',
    present: () => existsSync('/usr/bin/rg'),
    for: 'installing code-server offline (VS Code extension e2e)',
  },
  {
    apt: 'nginx-light',
    present: () => existsSync('/usr/sbin/nginx'),
    for: 'probing a real nginx with cors-lint probe (packages/browser-oracle)',
  },
  {
    apt: 'python3-django',
    present: () => existsSync('/usr/lib/python3/dist-packages/django'),
    for: 'serving Django settings for real in the browser oracle (packages/browser-oracle)',
  },
  {
    apt: 'python3-django-cors-headers',
    present: () => existsSync('/usr/lib/python3/dist-packages/corsheaders'),
    for: 'serving Django settings for real in the browser oracle (packages/browser-oracle)',
  },
  {
    apt: 'python3-whitenoise',
    present: () => existsSync('/usr/lib/python3/dist-packages/whitenoise'),
    for: 'serving static files through WhiteNoise in a Django scenario (packages/browser-oracle)',
  },
  {
    apt: 'libkrb5-dev',
    present: () => existsSync('/usr/include/krb5.h'),
    for: "building code-server's native modules (VS Code extension e2e)",
  },
];

function hasElpaPackage(name) {
  const dir = '/usr/share/emacs/site-lisp/elpa';
  return existsSync(dir) && readdirSync(dir).some((entry) => entry.startsWith(`${name}-`));
}

/** What to do, as a pure function of the machine's state, so it can be checked without apt. */
export function decide({ missing, uid }) {
  if (missing.length === 0) return 'nothing';
  if (uid === 0) return 'install';
  return 'ask';
}

function run(command, args, env) {
  console.log(`ensure-system-packages: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `exit code ${result.status}`;
    console.error(`ensure-system-packages: \`${command} ${args.join(' ')}\` failed (${why}).`);
    process.exit(1);
  }
}

function main() {
  const missing = REQUIRED.filter((item) => !item.present());
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const names = missing.map((item) => item.apt);
  switch (decide({ missing: names, uid })) {
    case 'nothing':
      return;
    case 'ask':
      console.error(
        `ensure-system-packages: missing Debian packages:\n${missing.map((item) => `  - ${item.apt}: ${item.for}`).join('\n')}\nInstall them with:\n\n    sudo apt-get update && sudo apt-get install -y ${names.join(' ')}\n`,
      );
      process.exit(1);
      break;
    case 'install':
      console.log(`ensure-system-packages: installing ${names.join(', ')}.`);
      run('apt-get', ['update']);
      run('apt-get', ['install', '-y', '--no-install-recommends', ...names], {
        DEBIAN_FRONTEND: 'noninteractive',
      });
      for (const item of missing) {
        if (!item.present()) {
          console.error(
            `ensure-system-packages: apt-get installed ${item.apt}, but it still cannot be found.`,
          );
          process.exit(1);
        }
      }
      console.log(`ensure-system-packages: installed ${names.join(', ')}.`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
