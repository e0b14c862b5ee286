#!/usr/bin/env node
// Noise on whole real apps: runs a build of cors-lint over real open-source apps, pinned by commit,
// and scores every finding against hand-made judgements (judgements.json). It measures; it never
// gates: the exit code is 0 unless the benchmark itself could not run (a bad option, a missing
// build, an app that cannot be checked out), which exits 2.
//
//   node bench/whole-apps/run.mjs [--checkout DIR] [--apps-dir DIR] [--mirror-dir DIR]
//        [--judgements FILE] [--json OUT] [--app owner/name]… [--config recommended|strict|all]…
//
// See bench/whole-apps/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCheckout } from '../lib/pinned-checkout.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const LINE_TOLERANCE = 2;

function usage(message) {
  if (message) process.stderr.write(`run.mjs: ${message}\n`);
  process.stderr.write(
    'usage: node bench/whole-apps/run.mjs [--checkout DIR] [--apps-dir DIR] [--mirror-dir DIR] [--judgements FILE] [--json OUT] [--app owner/name]… [--config NAME]…\n',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const options = {
    checkout: resolve(here, '..', '..'),
    appsDir: undefined,
    mirrorDir: undefined,
    judgements: join(here, 'judgements.json'),
    appsFile: join(here, 'apps.json'),
    json: undefined,
    apps: [],
    configs: [],
  };
  const takesValue = {
    '--checkout': 'checkout',
    '--apps-dir': 'appsDir',
    '--mirror-dir': 'mirrorDir',
    '--judgements': 'judgements',
    '--apps-file': 'appsFile',
    '--json': 'json',
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const next = () => {
      if (value !== undefined) return value;
      if (i + 1 >= argv.length) usage(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--help' || arg === '-h') usage();
    else if (takesValue[arg]) options[takesValue[arg]] = resolve(next());
    else if (arg === '--app') options.apps.push(next());
    else if (arg === '--config') options.configs.push(next());
    else usage(`unknown argument ${arg}`);
  }
  return options;
}

/** Runs the chosen build's cors-lint over the whole app; returns its findings. */
function lintApp(cli, appDir, config) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [cli, '.', '--config', config, '--format', 'json'], {
    cwd: appDir,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  // 3: no finding, but some file could not be audited (listed in the report, counted as "not parsed").
  if (result.status !== 0 && result.status !== 1 && result.status !== 3) {
    throw new Error(
      `cors-lint --config ${config} in ${appDir} exited ${result.status}: ${result.stderr.trim()}`,
    );
  }
  const report = JSON.parse(result.stdout);
  const findings = [];
  const parseErrors = [];
  for (const file of report.files) {
    // `notAudited` since the CLI audits each file on its own; `parseError` in older builds (--checkout).
    if (file.notAudited || file.parseError) parseErrors.push(file.file.split('\\').join('/'));
    for (const f of file.findings) {
      findings.push({
        file: file.file.split('\\').join('/'),
        line: f.line,
        column: f.column,
        rule: f.rule.replace(/^cors\//, ''),
        message: f.message,
      });
    }
  }
  return {
    findings,
    parseErrors,
    filesLinted: report.summary.filesLinted,
    seconds: (Date.now() - started) / 1000,
  };
}

/**
 * Pairs findings with judgements one to one: same app, file and rule, line within ±2, closest
 * line first (then closest column, when the judgement gives one).
 */
function match(findings, judgements) {
  const candidates = [];
  findings.forEach((f, fi) => {
    judgements.forEach((j, ji) => {
      if (j.app !== f.app || j.file !== f.file || j.rule !== f.rule) return;
      const distance = Math.abs(j.line - f.line);
      if (distance > LINE_TOLERANCE) return;
      const columnDistance = j.column === undefined ? 0 : Math.abs(j.column - f.column);
      candidates.push({ fi, ji, distance, columnDistance });
    });
  });
  candidates.sort(
    (a, b) =>
      a.distance - b.distance || a.columnDistance - b.columnDistance || a.fi - b.fi || a.ji - b.ji,
  );
  const byFinding = new Map();
  const used = new Set();
  for (const c of candidates) {
    if (byFinding.has(c.fi) || used.has(c.ji)) continue;
    byFinding.set(c.fi, c.ji);
    used.add(c.ji);
  }
  return { byFinding, used };
}

function pad(value, width, right = false) {
  const s = String(value);
  return right ? s.padStart(width) : s.padEnd(width);
}

function rate(f, t) {
  return t + f === 0 ? '-' : `${Math.round((100 * f) / (t + f))} %`;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const appsSpec = JSON.parse(readFileSync(options.appsFile, 'utf8'));
  const appsDir = options.appsDir ?? appsSpec.appsDir;
  const mirrorDir = options.mirrorDir ?? appsSpec.mirrorDir;
  const configs = options.configs.length ? options.configs : ['recommended', 'all'];
  const judgementsFile = existsSync(options.judgements)
    ? JSON.parse(readFileSync(options.judgements, 'utf8'))
    : { judgements: [], missed: [] };
  const judgements = judgementsFile.judgements ?? [];
  const missed = judgementsFile.missed ?? [];

  const cli = join(options.checkout, 'packages', 'cli', 'bin', 'cors-lint.js');
  if (!existsSync(cli) || !existsSync(join(options.checkout, 'packages', 'cli', 'dist'))) {
    usage(`no built cors-lint in ${options.checkout} (run pnpm build there first)`);
  }
  const pluginCommit = spawnSync('git', ['rev-parse', 'HEAD'], {
    cwd: options.checkout,
    encoding: 'utf8',
  });
  const checkoutCommit = pluginCommit.status === 0 ? pluginCommit.stdout.trim() : 'unknown';
  const dirty = spawnSync(
    'git',
    ['status', '--porcelain', '--untracked-files=no', '--', 'packages'],
    { cwd: options.checkout, encoding: 'utf8' },
  );

  let apps = appsSpec.apps;
  if (options.apps.length) {
    const unknown = options.apps.filter((name) => !apps.some((a) => a.repo === name));
    if (unknown.length) usage(`unknown app ${unknown.join(', ')} (see ${options.appsFile})`);
    apps = apps.filter((a) => options.apps.includes(a.repo));
  }

  console.log(
    `cors-lint from ${options.checkout} at ${checkoutCommit}${dirty.stdout?.trim() ? ' (packages/ has uncommitted changes)' : ''}`,
  );
  console.log(`apps in ${appsDir}; judgements from ${options.judgements}\n`);

  const runs = {}; // config -> findings with app
  const perApp = [];
  for (const app of apps) {
    const dir = ensureCheckout(app, appsDir, mirrorDir);
    for (const config of configs) {
      const result = lintApp(cli, dir, config);
      (runs[config] ??= []).push(...result.findings.map((f) => ({ app: app.repo, ...f })));
      perApp.push({
        app: app.repo,
        commit: app.commit,
        config,
        filesLinted: result.filesLinted,
        findings: result.findings.length,
        notParsed: result.parseErrors,
        seconds: result.seconds,
      });
      console.log(
        `${pad(app.repo, 34)} ${pad(config, 12)} ${pad(result.filesLinted, 5, true)} files  ${pad(result.findings.length, 4, true)} findings  ${pad(result.parseErrors.length, 3, true)} not parsed  ${result.seconds.toFixed(0)} s`,
      );
    }
  }

  const appNames = new Set(apps.map((a) => a.repo));
  const relevantJudgements = judgements.filter((j) => appNames.has(j.app));
  const summary = {
    plugin: { checkout: options.checkout, commit: checkoutCommit },
    apps: apps.map(({ repo, commit }) => ({ repo, commit })),
    perApp,
    configs: {},
  };

  for (const config of configs) {
    const findings = runs[config] ?? [];
    const { byFinding, used } = match(findings, relevantJudgements);
    const rules = {};
    const unjudged = [];
    const judged = [];
    findings.forEach((f, fi) => {
      const r = (rules[f.rule] ??= { findings: 0, true: 0, false: 0, unjudged: 0 });
      r.findings++;
      const ji = byFinding.get(fi);
      if (ji === undefined) {
        r.unjudged++;
        unjudged.push(f);
      } else {
        const j = relevantJudgements[ji];
        r[j.verdict ? 'true' : 'false']++;
        judged.push({ ...f, verdict: j.verdict, reason: j.reason });
      }
    });
    const total = { findings: 0, true: 0, false: 0, unjudged: 0 };
    for (const r of Object.values(rules)) for (const k of Object.keys(total)) total[k] += r[k];
    for (const r of [...Object.values(rules), total])
      r.falseAlarmRate = r.true + r.false === 0 ? null : r.false / (r.true + r.false);
    // Judged findings this run no longer reports (only meaningful for the config the judgements were made with: all).
    const gone = relevantJudgements.filter((_, ji) => !used.has(ji));
    // Known misses that a finding now lands on (same file, line within ±2, and the rule if the miss names one).
    const nowFound = missed.filter(
      (m) =>
        appNames.has(m.app) &&
        findings.some(
          (f) =>
            f.app === m.app &&
            f.file === m.file &&
            Math.abs(f.line - m.line) <= LINE_TOLERANCE &&
            (!m.rule || m.rule === f.rule),
        ),
    );
    summary.configs[config] = { rules, total, unjudged, judged, gone, missedNowFound: nowFound };

    console.log(`\n== --config ${config} ==`);
    console.log(
      `${pad('rule', 38)} ${pad('findings', 8, true)} ${pad('true', 5, true)} ${pad('false', 5, true)} ${pad('unjudged', 8, true)}  false-alarm rate`,
    );
    for (const name of Object.keys(rules).sort()) {
      const r = rules[name];
      console.log(
        `${pad(name, 38)} ${pad(r.findings, 8, true)} ${pad(r.true, 5, true)} ${pad(r.false, 5, true)} ${pad(r.unjudged, 8, true)}  ${rate(r.false, r.true)}`,
      );
    }
    console.log(
      `${pad('total', 38)} ${pad(total.findings, 8, true)} ${pad(total.true, 5, true)} ${pad(total.false, 5, true)} ${pad(total.unjudged, 8, true)}  ${rate(total.false, total.true)}`,
    );
    if (unjudged.length) {
      console.log(`\nNot judged yet (${unjudged.length}); add them to ${options.judgements}:`);
      for (const f of unjudged)
        console.log(
          `  ${f.app} ${f.file}:${f.line}:${f.column} ${f.rule}\n      ${f.message.split('\n')[0].slice(0, 200)}`,
        );
    }
    if (config === 'all' && gone.length) {
      const lostTrue = gone.filter((j) => j.verdict);
      const goneFalse = gone.filter((j) => !j.verdict);
      console.log(
        `\nJudged findings no longer reported: ${goneFalse.length} false alarm(s) gone, ${lostTrue.length} true finding(s) lost`,
      );
      for (const j of lostTrue)
        console.log(`  LOST  ${j.app} ${j.file}:${j.line} ${j.rule} — ${j.reason}`);
      for (const j of goneFalse) console.log(`  gone  ${j.app} ${j.file}:${j.line} ${j.rule}`);
    }
    if (nowFound.length) {
      console.log(`\nKnown misses now reported (${nowFound.length}):`);
      for (const m of nowFound)
        console.log(`  ${m.app} ${m.file}:${m.line}${m.rule ? ` ${m.rule}` : ''}`);
    }
  }
  const openMisses = missed.filter((m) => appNames.has(m.app));
  console.log(`\nKnown CORS bugs the tool misses (judgements.json "missed"): ${openMisses.length}`);
  for (const m of openMisses)
    console.log(`  ${m.app} ${m.file}:${m.line}${m.rule ? ` (${m.rule})` : ''}`);
  summary.missed = openMisses;

  if (options.json) {
    mkdirSync(dirname(options.json), { recursive: true });
    writeFileSync(options.json, JSON.stringify(summary, null, 2) + '\n');
    console.log(`summary written to ${options.json}`);
  }
}

try {
  main();
} catch (error) {
  process.stderr.write(`run.mjs: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
