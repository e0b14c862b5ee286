#!/usr/bin/env node
// Checks the changelog convention of CONTRIBUTING.md ("Changelogs") for every publishable package:
// a CHANGELOG.md whose first section is `## Unreleased` or the package.json version (so a release
// that bumps the version without its section fails). Exits 1 naming each problem, 0 when all hold.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packagesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages');
const problems = [];
let checked = 0;
for (const folder of readdirSync(packagesDir)) {
  const manifestFile = join(packagesDir, folder, 'package.json');
  if (!existsSync(manifestFile)) continue;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  // The VS Code extension is private to npm but published to the marketplace, so it keeps one too.
  if (manifest.private && !manifest.engines?.vscode) continue;
  checked++;
  const changelogFile = join(packagesDir, folder, 'CHANGELOG.md');
  if (!existsSync(changelogFile)) {
    problems.push(`packages/${folder}: no CHANGELOG.md`);
    continue;
  }
  const sections = [...readFileSync(changelogFile, 'utf8').matchAll(/^## (.+)$/gm)].map((match) =>
    match[1].trim(),
  );
  const first = sections[0];
  if (first !== 'Unreleased' && first !== manifest.version) {
    problems.push(
      `packages/${folder}/CHANGELOG.md: the first section is ${first ? `"${first}"` : 'missing'}; expected "Unreleased" or "${manifest.version}"`,
    );
  }
}
for (const problem of problems) process.stderr.write(`${problem}\n`);
process.stdout.write(
  `changelogs: ${checked - problems.length} of ${checked} publishable package(s) follow CONTRIBUTING.md\n`,
);
process.exit(problems.length ? 1 : 0);
