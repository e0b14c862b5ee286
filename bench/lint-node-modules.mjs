#!/usr/bin/env node
/**
 * Lints the JavaScript and TypeScript files of the installed node_modules (code nobody here
 * wrote) with every eslint-plugin-cors rule on, in-process with ESLint's Linter, and reports:
 * crashes of our rules (must be zero), parse errors (counted apart), and how much of the lint
 * time our rules take, overall and per rule.
 *
 * Three passes:
 *   all     every file found (most never mention CORS: the rules must get out of the way cheaply)
 *   cors    only the files that mention `cors` or `Access-Control-` (the rules do real work)
 *   forced  every file again, with a `// cors` comment appended: the plugin skips files that never
 *           mention CORS, and the comment defeats that text check without changing the code, so
 *           the extraction walks all of this foreign code. The crash test that matters; its time
 *           share is the worst case of a project where every file mentions CORS.
 *
 * Each file is linted with ESLint's own recommended rules plus the plugin's `all` config, the way
 * a project would lint. Times come from ESLint's `stats` (the numbers behind `eslint --stats`),
 * so the cors share is a ratio within one run, not an absolute time to compare across machines.
 *
 * Usage: node bench/lint-node-modules.mjs [--limit N] [--root DIR] [--pass all|cors|forced|every]
 *   --limit N  lint only N files of each pass, evenly sampled from the sorted list
 *   --root DIR directory to scan (default: node_modules/.pnpm of this repository and bench/corpus/node_modules)
 *   --pass     which pass to run (default: every, i.e. all three)
 * Writes bench/.results/<timestamp>.json and bench/.results/latest.json.
 * Exits 1 when one of our rules crashed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import cors from 'eslint-plugin-cors';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.join(repoRoot, 'bench', 'corpus');
const MAX_BYTES = 1024 * 1024;
const SOURCE = /\.(?:[cm]?js|[cm]?ts)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const MENTIONS_CORS = /cors|access-control-/i;
const CORS_PREFIX = 'cors/';

function parseArgs(argv) {
  const args = {
    limit: undefined,
    roots: [path.join(repoRoot, 'node_modules', '.pnpm'), path.join(corpusDir, 'node_modules')],
    pass: 'every',
  };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    const value = argv[index + 1];
    if (flag === '--limit') args.limit = Number.parseInt(value, 10);
    else if (flag === '--root') args.roots = [path.resolve(value)];
    else if (flag === '--pass') args.pass = value;
    else throw new Error(`unknown argument ${flag}`);
    index++;
  }
  if (args.limit !== undefined && !(args.limit > 0))
    throw new Error('--limit takes a positive number');
  if (!['all', 'cors', 'forced', 'every'].includes(args.pass))
    throw new Error('--pass is all, cors, forced or every');
  return args;
}

/** Regular files only: pnpm's symlinks point at packages already listed under .pnpm. */
function findSources(root) {
  const files = [];
  const visit = (directory) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name))
        files.push(full);
    }
  };
  visit(root);
  return files.sort();
}

/** `count` files spread evenly over the list, so a sample covers every package. */
function sample(files, count) {
  if (count === undefined || count >= files.length) return files;
  const step = files.length / count;
  return Array.from({ length: count }, (_, index) => files[Math.floor(index * step)]);
}

const recommendedRules = Object.fromEntries(
  [...builtinRules]
    .filter(([, rule]) => rule.meta?.docs?.recommended)
    .map(([name]) => [name, 'error']),
);
const corsRules = Object.fromEntries(
  Object.keys(cors.rules).map((name) => [`${CORS_PREFIX}${name}`, 'error']),
);

function configFor(file, sourceType) {
  const typescript = /\.[cm]?ts$/.test(file);
  return [
    {
      files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
      plugins: { cors },
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType,
        ...(typescript ? { parser: tsParser } : {}),
      },
      // Packages' own `eslint-disable` comments must not switch our rules off.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      rules: { ...recommendedRules, ...corsRules },
    },
  ];
}

/**
 * The name the Linter sees. ESLint ignores `node_modules` by default, even for the Linter API, so
 * the folder is renamed in the virtual path; the extension, which picks the parser, is kept.
 */
function lintName(file) {
  return path.join(
    repoRoot,
    'bench-input',
    path
      .relative(repoRoot, file)
      .split(path.sep)
      .map((part) => (part === 'node_modules' ? 'nm' : part))
      .join('/'),
  );
}

/** Module or CommonJS by extension; `.js`/`.ts` are tried as modules first, then as CommonJS. */
function sourceTypesFor(file) {
  if (/\.c[jt]s$/.test(file)) return ['commonjs'];
  if (/\.m[jt]s$/.test(file)) return ['module'];
  return ['module', 'commonjs'];
}

const FORCING_COMMENT = '\n// cors\n';

function runPass(name, files, linter, { force = false } = {}) {
  const pass = {
    name,
    files: files.length,
    linted: 0,
    skipped: { tooLarge: 0, parseErrors: 0, unreadable: 0 },
    parseErrorSamples: [],
    crashes: { ours: [], others: [] },
    ms: { wall: 0, eslintTotal: 0, parse: 0, rules: 0, corsRules: 0 },
    perRule: {},
    reports: {},
  };
  const started = performance.now();
  for (const file of files) {
    const relativeFile = path.relative(repoRoot, file);
    let text;
    try {
      if (fs.statSync(file).size > MAX_BYTES) {
        pass.skipped.tooLarge++;
        continue;
      }
      text = fs.readFileSync(file, 'utf8');
      if (force) text += FORCING_COMMENT;
    } catch {
      pass.skipped.unreadable++;
      continue;
    }
    let result;
    for (const sourceType of sourceTypesFor(file)) {
      try {
        const { messages } = linter.verifyAndFix(text, configFor(file, sourceType), {
          filename: lintName(file),
          fix: false,
          stats: true,
        });
        // "No matching configuration" (ruleId null, line 0) would mean nothing was linted at all.
        const unmatched = messages.find(
          (message) => !message.fatal && message.ruleId === null && message.line === 0,
        );
        if (unmatched) throw new Error(`bench configuration error: ${unmatched.message}`);
        const fatal = messages.find((message) => message.fatal);
        result = fatal
          ? { parseError: `${fatal.line}:${fatal.column} ${fatal.message}` }
          : { messages, times: linter.getTimes().passes[0] };
      } catch (error) {
        if (String(error?.message).startsWith('bench configuration error')) throw error;
        result = { crash: error };
      }
      if (!result.parseError) break;
    }
    if (result.parseError) {
      pass.skipped.parseErrors++;
      if (pass.parseErrorSamples.length < 20)
        pass.parseErrorSamples.push(`${relativeFile} ${result.parseError}`);
      continue;
    }
    if (result.crash) {
      const ruleId = result.crash?.ruleId ?? null;
      const crash = {
        file: relativeFile,
        ruleId,
        message: String(result.crash?.message ?? result.crash),
        stack: String(result.crash?.stack ?? ''),
      };
      (ruleId?.startsWith(CORS_PREFIX) ? pass.crashes.ours : pass.crashes.others).push(crash);
      continue;
    }
    pass.linted++;
    const { times, messages } = result;
    pass.ms.eslintTotal += times.total ?? 0;
    pass.ms.parse += times.parse?.total ?? 0;
    for (const [ruleId, { total }] of Object.entries(times.rules ?? {})) {
      pass.perRule[ruleId] = (pass.perRule[ruleId] ?? 0) + total;
      pass.ms.rules += total;
      if (ruleId.startsWith(CORS_PREFIX)) pass.ms.corsRules += total;
    }
    for (const message of messages) {
      if (message.ruleId?.startsWith(CORS_PREFIX)) {
        const key = `${message.ruleId} ${message.messageId ?? ''}`.trim();
        (pass.reports[key] ??= []).push(`${relativeFile}:${message.line}:${message.column}`);
      }
    }
  }
  pass.ms.wall = performance.now() - started;
  return pass;
}

const percent = (part, whole) => (whole > 0 ? (100 * part) / whole : 0);
const fixed = (value, digits = 1) => value.toFixed(digits);

function summarize(pass) {
  const { ms } = pass;
  const corsShare = percent(ms.corsRules, ms.eslintTotal);
  const lines = [
    `pass "${pass.name}": ${pass.files} files, ${pass.linted} linted, skipped ${pass.skipped.tooLarge} over 1 MB, ${pass.skipped.parseErrors} parse errors, ${pass.skipped.unreadable} unreadable`,
    `  crashes in cors/* rules: ${pass.crashes.ours.length}; in other rules: ${pass.crashes.others.length}`,
    `  wall ${fixed(ms.wall / 1000, 2)} s; ESLint total ${fixed(ms.eslintTotal)} ms = parse ${fixed(ms.parse)} ms (${fixed(percent(ms.parse, ms.eslintTotal))}%) + rules ${fixed(ms.rules)} ms (${fixed(percent(ms.rules, ms.eslintTotal))}%) + traversal/other`,
    `  all cors/* rules: ${fixed(ms.corsRules, 2)} ms = ${fixed(corsShare, 2)}% of the ESLint total (target < 5%: ${corsShare < 5 ? 'met' : 'NOT met'})`,
  ];
  const ours = Object.entries(pass.perRule)
    .filter(([ruleId]) => ruleId.startsWith(CORS_PREFIX))
    .sort((a, b) => b[1] - a[1]);
  for (const [ruleId, total] of ours)
    lines.push(
      `    ${ruleId.padEnd(46)} ${fixed(total, 2).padStart(9)} ms ${fixed(percent(total, ms.eslintTotal), 3).padStart(7)}%`,
    );
  const others = Object.entries(pass.perRule)
    .filter(([ruleId]) => !ruleId.startsWith(CORS_PREFIX))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  lines.push(
    `  for scale, the slowest core rules: ${others.map(([ruleId, total]) => `${ruleId} ${fixed(total)} ms`).join(', ')}`,
  );
  const reported = Object.entries(pass.reports).map(([key, where]) => `${key} ×${where.length}`);
  lines.push(`  cors reports: ${reported.length > 0 ? reported.join(', ') : 'none'}`);
  for (const crash of pass.crashes.ours)
    lines.push(`  CRASH ${crash.ruleId} in ${crash.file}\n${crash.stack}`);
  return lines.join('\n');
}

/**
 * The corpus of real packages (bench/corpus, pinned by its lockfile) is installed on first use only,
 * so the project's own install and CI stay small.
 */
function ensureCorpus(roots) {
  const corpusModules = path.join(corpusDir, 'node_modules');
  if (!roots.includes(corpusModules) || fs.existsSync(corpusModules)) return;
  console.log('installing the benchmark corpus (bench/corpus, npm ci; about 600 MB, once)…');
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: corpusDir,
    stdio: 'inherit',
  });
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  ensureCorpus(args.roots);
  // Virtual file names live under the repository root, which must be the Linter's cwd to match `files`.
  const linter = new Linter({ cwd: repoRoot });
  const allFiles = args.roots.flatMap(findSources);
  const passes = [];
  const wants = (name) => args.pass === 'every' || args.pass === name;
  if (wants('all')) passes.push(runPass('all', sample(allFiles, args.limit), linter));
  if (wants('cors')) {
    const mentioning = allFiles.filter((file) => {
      try {
        return (
          fs.statSync(file).size <= MAX_BYTES && MENTIONS_CORS.test(fs.readFileSync(file, 'utf8'))
        );
      } catch {
        return false;
      }
    });
    passes.push(runPass('cors', sample(mentioning, args.limit), linter));
  }
  if (wants('forced'))
    passes.push(runPass('forced', sample(allFiles, args.limit), linter, { force: true }));

  const machine = {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    eslint: Linter.version,
  };
  const report = {
    date: new Date().toISOString(),
    command: `node bench/lint-node-modules.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    roots: args.roots.map((root) => path.relative(repoRoot, root)),
    limit: args.limit ?? null,
    machine,
    rules: { core: Object.keys(recommendedRules).length, cors: Object.keys(corsRules).length },
    passes,
  };

  const resultsDir = path.join(repoRoot, 'bench', '.results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  fs.writeFileSync(path.join(resultsDir, `${report.date.replace(/[:.]/g, '-')}.json`), json);
  fs.writeFileSync(path.join(resultsDir, 'latest.json'), json);

  console.log(
    `machine: ${machine.nproc} cpu (${machine.cpu}), ${machine.memoryGiB} GiB, node ${machine.node}, eslint ${machine.eslint}`,
  );
  console.log(
    `rules on: ${report.rules.core} ESLint recommended + ${report.rules.cors} cors/*; scanned ${report.roots.join(' + ')} (${allFiles.length} files)${args.limit ? ` (--limit ${args.limit})` : ''}`,
  );
  for (const pass of passes) console.log(summarize(pass));
  console.log(`results: ${path.relative(repoRoot, path.join(resultsDir, 'latest.json'))}`);
  if (passes.some((pass) => pass.crashes.ours.length > 0)) process.exitCode = 1;
}

main();
