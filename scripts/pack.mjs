#!/usr/bin/env node
/**
 * Packs the four publishable packages into `packages-dist/` as npm tarballs, so they can be installed
 * from a clone before they are on the registry. `pnpm pack` turns the `workspace:*` dependencies
 * into the packages' versions; installing the tarballs together lets npm satisfy them from one
 * another. Run through `pnpm pack:all`; it builds the packages from scratch first.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const destination = path.join(root, 'packages-dist');
// In dependency order, so the install line reads naturally.
const PACKAGES = ['core', 'eslint-plugin', 'cli', 'language-server'];

// A clean build: `tsc -b` never deletes the output of a source file that was moved or removed, and
// `files: ["dist"]` would publish it.
for (const folder of PACKAGES)
  fs.rmSync(path.join(root, 'packages', folder, 'dist'), { recursive: true, force: true });
execFileSync(
  process.execPath,
  [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b'],
  { cwd: root, stdio: 'inherit' },
);
fs.rmSync(destination, { recursive: true, force: true });
fs.mkdirSync(destination);
const tarballs = PACKAGES.map((folder) => {
  const cwd = path.join(root, 'packages', folder);
  const { name, version } = JSON.parse(fs.readFileSync(path.join(cwd, 'package.json'), 'utf8'));
  // The repository's own pnpm (a devDependency), whatever is on the PATH.
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs'),
      'pack',
      '--pack-destination',
      destination,
    ],
    { cwd, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const file = path.join(destination, `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`);
  if (!fs.existsSync(file)) throw new Error(`pnpm pack did not write ${file}`);
  return file;
});
console.log(`Packed into ${path.relative(process.cwd(), destination) || '.'}:`);
for (const file of tarballs) console.log(`  ${path.basename(file)}`);
const [core, plugin, cli, server] = tarballs;
const rel = (file) => path.relative(process.cwd(), file);
console.log(
  '\nIn another project, install the tarballs a package needs together, so npm finds its siblings:',
);
console.log(`  the ESLint plugin:    npm install --save-dev ${rel(core)} ${rel(plugin)}`);
console.log(
  `  the cors-lint CLI:    npm install --save-dev ${rel(core)} ${rel(plugin)} ${rel(cli)}`,
);
console.log(
  `  the language server:  npm install --global ${rel(core)} ${rel(plugin)} ${rel(server)}`,
);
