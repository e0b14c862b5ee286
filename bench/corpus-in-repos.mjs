#!/usr/bin/env node
// The shared real-world corpus scored with each site's whole repository around it.
//
// The corpus (../shared/corpus/realworld) holds one file per site, so a site whose evidence sits in
// another file (an imported constant, a config module's defaults, a route's handler in another
// package) cannot be found by linting that file alone. This script checks out every site's
// repository at the site's commit, from the mirrors the `fetch` tool brings to /work/.mirror, runs a
// build of cors-lint on the site's file in place (so imports resolve as in the real project), and
// scores the site as the corpus README says: a flag site is found when a finding lies within ±3 lines,
// an ok site is a false positive when one does. Sites whose repository has no mirror keep the outcome
// `bench/accuracy.mjs` gives them linting the single file, and the totals say how many are which.
// With `--project`, each checkout is also the project whose index the cross-file checks read
// (`cors-lint --project <checkout>`): server facts of other files, such as a route module that
// exports the site's handler, then count too.
// It measures; it never gates (exit 0), except 2 when the build, the corpus or a checkout is missing.
//
//   node bench/corpus-in-repos.mjs [--project] [--checkout DIR] [--corpus DIR] [--apps-dir DIR] [--mirror-dir DIR] [--json FILE]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCheckout } from './lib/pinned-checkout.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const LINE_TOLERANCE = 3; // the corpus README's
const CONFIGS = ['recommended', 'all'];

function parseArgs(argv) {
  const options = {
    checkout: resolve(here, '..'),
    corpus: resolve(here, '..', '..', 'shared', 'corpus'),
    appsDir: '/work/scratch/corpus-repos',
    mirrorDir: '/work/.mirror',
    json: undefined,
    project: false,
  };
  const flags = {
    '--checkout': 'checkout',
    '--corpus': 'corpus',
    '--apps-dir': 'appsDir',
    '--mirror-dir': 'mirrorDir',
    '--json': 'json',
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--project') {
      options.project = true;
      continue;
    }
    const key = flags[argv[i]];
    if (!key || argv[i + 1] === undefined) fail(`unknown or incomplete argument ${argv[i]}`);
    options[key] = resolve(argv[++i]);
  }
  return options;
}

function fail(message) {
  process.stderr.write(`corpus-in-repos: ${message}\n`);
  process.exit(2);
}

/** The single-file outcome of every site and config, from bench/accuracy.mjs on the same build. */
function singleFileOutcomes(options) {
  const folder = mkdtempSync(join(tmpdir(), 'corpus-in-repos-'));
  try {
    const out = join(folder, 'accuracy.json');
    const run = spawnSync(
      process.execPath,
      [
        join(here, 'accuracy.mjs'),
        '--checkout',
        options.checkout,
        '--corpus',
        options.corpus,
        '--json',
        out,
      ],
      { encoding: 'utf8', maxBuffer: 1 << 28 },
    );
    if (run.status !== 0) fail(`bench/accuracy.mjs exited ${run.status}: ${run.stderr.trim()}`);
    const results = JSON.parse(readFileSync(out, 'utf8')).results;
    const outcomes = {};
    for (const config of CONFIGS)
      outcomes[config] = new Map(
        results[config].realworld.sites.map((site) => [site.id, site.outcome]),
      );
    return outcomes;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** cors-lint on one file of a checkout, from the checkout's root: the findings in that file. */
function lintInPlace(cli, root, file, config, project) {
  const args = [cli, file, '--config', config, '--format', 'json'];
  if (project) args.push('--project', root);
  const run = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  // 0: nothing found, 1: findings, 3: the file could not be audited (then it has no findings).
  if (![0, 1, 3].includes(run.status))
    fail(`cors-lint ${file} in ${root} exited ${run.status}: ${run.stderr.trim()}`);
  const report = JSON.parse(run.stdout);
  const [entry] = report.files;
  return { notAudited: Boolean(entry?.notAudited), findings: entry?.findings ?? [] };
}

function outcomeOf(site, findings) {
  const near = findings.some((finding) => Math.abs(finding.line - site.line) <= LINE_TOLERANCE);
  if (site.expected === 'flag') return near ? 'tp' : 'fn';
  return near ? 'fp' : 'tn';
}

function totals(outcomes) {
  const count = (kind) => outcomes.filter((outcome) => outcome === kind).length;
  const tp = count('tp');
  const fn = count('fn');
  const fp = count('fp');
  return {
    tp,
    fn,
    fp,
    tn: count('tn'),
    recall: tp + fn ? tp / (tp + fn) : 0,
    precision: tp + fp ? tp / (tp + fp) : 0,
  };
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const cli = join(options.checkout, 'packages', 'cli', 'bin', 'cors-lint.js');
  if (!existsSync(join(options.checkout, 'packages', 'cli', 'dist')))
    fail(`no built cors-lint in ${options.checkout} (run pnpm build there first)`);
  const manifestFile = join(options.corpus, 'realworld', 'manifest.json');
  if (!existsSync(manifestFile)) fail(`no corpus manifest at ${manifestFile}`);
  const sites = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const single = singleFileOutcomes(options);

  const rows = [];
  for (const site of sites) {
    const [owner, name] = site.repo.split('/');
    const app = {
      repo: site.repo,
      commit: site.commit,
      checkout: `${owner}+${name}@${site.commit.slice(0, 10)}`,
      mirror: `${owner}+${name}/repo`,
      url: `https://github.com/${site.repo}.git`,
    };
    const row = {
      id: site.id,
      where: `${site.repo}@${site.commit.slice(0, 10)} ${site.path}:${site.line}`,
      expected: site.expected,
      detectability: site.detectability,
      inRepo: false,
    };
    for (const config of CONFIGS) row[config] = { single: single[config].get(site.id) };
    if (existsSync(join(options.mirrorDir, app.mirror))) {
      const root = ensureCheckout(app, options.appsDir, options.mirrorDir);
      row.inRepo = true;
      for (const config of CONFIGS) {
        const { findings, notAudited } = lintInPlace(cli, root, site.path, config, options.project);
        Object.assign(row[config], {
          repo: outcomeOf(site, findings),
          notAudited,
          rules: [
            ...new Set(
              findings
                .filter((f) => Math.abs(f.line - site.line) <= LINE_TOLERANCE)
                .map((f) => f.rule),
            ),
          ],
        });
      }
    }
    rows.push(row);
  }

  const inRepo = rows.filter((row) => row.inRepo);
  console.log(
    `cors-lint from ${options.checkout}; ${inRepo.length} of ${rows.length} sites linted inside their repository${options.project ? ', with its project index' : ''} (mirrors in ${options.mirrorDir})\n`,
  );
  console.log(
    'site'.padEnd(44),
    'expected',
    ...CONFIGS.map((config) => `${config}: file → repo`.padEnd(24)),
  );
  for (const row of inRepo) {
    const cells = CONFIGS.map((config) =>
      `${row[config].single} → ${row[config].repo}${row[config].notAudited ? ' (not audited)' : ''}`.padEnd(
        24,
      ),
    );
    console.log(row.id.padEnd(44), row.expected.padEnd(8), ...cells);
  }
  const summary = {
    checkout: options.checkout,
    sites: rows.length,
    inRepo: inRepo.length,
    configs: {},
  };
  console.log('');
  for (const config of CONFIGS) {
    const file = totals(rows.map((row) => row[config].single));
    const repo = totals(rows.map((row) => (row.inRepo ? row[config].repo : row[config].single)));
    summary.configs[config] = { singleFile: file, withRepositories: repo };
    const show = (t) =>
      `recall ${t.recall.toFixed(3)} (${t.tp}/${t.tp + t.fn}), precision ${t.precision.toFixed(3)} (${t.fp} FP)`;
    console.log(`${config.padEnd(12)} single files: ${show(file)}`);
    console.log(`${''.padEnd(12)} in their repositories: ${show(repo)}`);
  }
  if (options.json) {
    mkdirSync(dirname(options.json), { recursive: true });
    writeFileSync(options.json, `${JSON.stringify({ ...summary, rows }, null, 2)}\n`);
  }
}

main();
