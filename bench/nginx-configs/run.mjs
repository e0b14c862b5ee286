#!/usr/bin/env node
/**
 * Real nginx configurations from public repositories, linted with the plugin's nginx block, each
 * finding scored against hand-made judgements (judgements.json). The configs are never copied into
 * this repository: `configs.json` names each by repository, commit and path, and the runner reads
 * them from git mirrors (the `fetch` tool's /work/.mirror) into `--dir` (default
 * /work/scratch/nginx-configs), then lints that folder.
 *
 * Rules that depend on the app behind nginx (`nginx-require-proxy-hide-header`) read the project
 * index: each config is linted as part of its repository, whose whole tree at that commit is
 * extracted under `<dir>/trees/` and given as `settings.cors.project.root`. `--single-file` lints
 * each file alone, without the index, as an editor with no project would.
 *
 *   node bench/nginx-configs/run.mjs [--dir DIR] [--mirror-dir DIR] [--config all|recommended]
 *                                    [--single-file] [--json FILE]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const require = createRequire(path.join(repo, 'packages', 'eslint-plugin', 'package.json'));
const { Linter } = require('eslint');
const plugin = (await import(path.join(repo, 'packages', 'eslint-plugin', 'dist', 'index.js')))
  .default;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
const dir = option('--dir', '/work/scratch/nginx-configs');
const mirrorDir = option('--mirror-dir', '/work/.mirror');
const configName = option('--config', 'all');
const jsonOut = option('--json', undefined);
const singleFile = args.includes('--single-file');

const { configs } = JSON.parse(fs.readFileSync(path.join(here, 'configs.json'), 'utf8'));
const { judgements } = JSON.parse(fs.readFileSync(path.join(here, 'judgements.json'), 'utf8'));

/** The file of a config under `dir`: `<owner>+<name>/<path>`. */
const localPath = (entry) => path.join(dir, entry.repo.replace('/', '+'), entry.path);
/** The repository's whole tree at the config's commit: the project the config belongs to. */
const treeOf = (entry) =>
  path.join(dir, 'trees', `${entry.repo.replace('/', '+')}@${entry.commit.slice(0, 12)}`);
const gitDirOf = (entry) => {
  const mirror = path.join(mirrorDir, entry.repo.replace('/', '+'), 'repo');
  return fs.existsSync(path.join(mirror, '.git')) ? path.join(mirror, '.git') : mirror;
};

for (const entry of configs) {
  const target = localPath(entry);
  if (fs.existsSync(target)) continue;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(
    target,
    execFileSync('git', ['--git-dir', gitDirOf(entry), 'show', `${entry.commit}:${entry.path}`]),
  );
}
if (!singleFile) {
  for (const entry of configs) {
    const tree = treeOf(entry);
    if (fs.existsSync(path.join(tree, '.complete'))) continue;
    fs.rmSync(tree, { recursive: true, force: true });
    fs.mkdirSync(tree, { recursive: true });
    extractTree(gitDirOf(entry), entry.commit, tree);
    fs.writeFileSync(path.join(tree, '.complete'), '');
  }
}

/**
 * Writes the files of `commit` under `tree`. A mirror may lack its largest blobs: those are left out
 * (so are files over 1 MB, which the project index never reads).
 */
function extractTree(gitDir, commit, tree) {
  const listing = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-l', '-z', commit], {
    maxBuffer: 1 << 28,
  })
    .toString('utf8')
    .split('\0')
    .flatMap((line) => {
      const match = /^\d+ blob ([0-9a-f]+) +(\d+)\t(.*)$/s.exec(line);
      return match && Number(match[2]) <= 1_000_000 ? [{ sha: match[1], file: match[3] }] : [];
    });
  const output = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
    input: listing.map(({ sha }) => `${sha}\n`).join(''),
    maxBuffer: 1 << 30,
  });
  let offset = 0;
  for (const { file } of listing) {
    const end = output.indexOf(10, offset);
    const header = output.subarray(offset, end).toString('utf8');
    offset = end + 1;
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) continue;
    const target = path.join(tree, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, output.subarray(offset, offset + Number(size)));
    offset += Number(size) + 1;
  }
}

const linter = new Linter({ cwd: '/' });
// The nginx block, matched to every file here whatever its name: these were chosen as nginx configs.
const [, nginx] = plugin.configs[configName];
const results = [];
const started = performance.now();
for (const entry of configs) {
  const file = singleFile ? localPath(entry) : path.join(treeOf(entry), entry.path);
  const text = fs.readFileSync(file, 'utf8');
  const settings = singleFile
    ? nginx.settings
    : { ...nginx.settings, cors: { ...nginx.settings?.cors, project: { root: treeOf(entry) } } };
  let messages;
  try {
    messages = linter.verify(
      text,
      [{ ...nginx, files: [file.slice(1)], ignores: [], ...(settings ? { settings } : {}) }],
      { filename: file },
    );
  } catch (error) {
    results.push({ ...entry, crash: String(error), findings: [] });
    continue;
  }
  const parseError = messages.find((message) => message.fatal);
  const findings = messages
    .filter((message) => message.ruleId)
    .map((message) => {
      const judged = judgements.find(
        (judgement) =>
          judgement.repo === entry.repo &&
          judgement.path === entry.path &&
          judgement.line === message.line &&
          judgement.rule === message.ruleId,
      );
      return {
        line: message.line,
        column: message.column,
        rule: message.ruleId,
        messageId: message.messageId,
        verdict: judged?.verdict ?? 'unjudged',
        reason: judged?.reason,
      };
    });
  results.push({
    ...entry,
    ...(parseError
      ? { parseError: `${parseError.line}:${parseError.column} ${parseError.message}` }
      : {}),
    findings,
  });
}
const elapsed = performance.now() - started;

const all = results.flatMap((result) => result.findings);
const count = (verdict) => all.filter((finding) => finding.verdict === verdict).length;
const summary = {
  config: configName,
  project: !singleFile,
  files: results.length,
  parseErrors: results.filter((result) => result.parseError).length,
  crashes: results.filter((result) => result.crash).length,
  findings: all.length,
  true: count(true),
  false: count(false),
  unjudged: count('unjudged'),
  ms: Math.round(elapsed),
};
for (const result of results) {
  for (const finding of result.findings)
    console.log(
      `${finding.verdict === true ? 'TRUE ' : finding.verdict === false ? 'FALSE' : '?    '} ${result.repo}/${result.path}:${finding.line}:${finding.column} ${finding.rule} ${finding.messageId}`,
    );
  if (result.parseError) console.log(`PARSE ${result.repo}/${result.path}: ${result.parseError}`);
  if (result.crash) console.log(`CRASH ${result.repo}/${result.path}: ${result.crash}`);
}
console.log(JSON.stringify(summary));
if (jsonOut) fs.writeFileSync(jsonOut, `${JSON.stringify({ summary, results }, null, 2)}\n`);
