#!/usr/bin/env node
/**
 * Accuracy on real code: scores eslint-plugin-cors's `recommended`, `strict` and `all` configs on
 * the shared corpus (../shared/corpus, see its README) and says where the hits, misses and false
 * positives come from.
 *
 *   realworld   65 labelled sites in 35 public repositories: recall and precision overall, per
 *               rule (which rule produced each TP and FP), per framework, per detectability.
 *   peer-tests  other tools' CORS test suites: overall, per suite, and by whether a snippet
 *               imports the framework it uses (the "import-only" figure; see accuracy/imports.mjs).
 *
 * It lints with ESLint's Linter and the checkout's own build, exactly as the team's scorers
 * (corpus score/*.mjs) do, so its totals equal theirs for the same rules (`--parity` checks that);
 * unlike them it lints each config as shipped, rule options included (`strict` sets
 * `no-accidental-preflight: { all: true }`, which the scorers' harness cannot pass).
 * The corpus stays where it is: nothing of it is copied here.
 *
 * Usage: node bench/accuracy.mjs [--checkout DIR] [--corpus DIR] [--verbose] [--json FILE] [--parity | --suite-prefixes]
 *   --checkout DIR     the build to score: DIR/packages/eslint-plugin/dist (default: this repository)
 *   --corpus DIR       the shared corpus (default: ../shared/corpus beside this repository)
 *   --verbose          also list every miss (FN) and false positive (FP), and findings near no site
 *   --json FILE        write everything, every site's outcome included, as JSON
 *   --parity           also run the shared scorers on the same build and compare the figures
 *   --suite-prefixes   give the NestJS and Lambda RuleTester cases the import their suite prefixes
 *                      them with, which score-peer-tests.mjs leaves out (peer-test figures then
 *                      differ from the scorer's; see accuracy/rule-tester-cases.mjs)
 * Exits 0 whatever the figures (it measures, it does not gate); 2 when the corpus or the build is
 * missing; 1 on a usage error, or when --parity finds a difference (this script and the scorers
 * then disagree, and one of them is wrong).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  CONFIG_NAMES,
  MissingInput,
  configRules,
  lintProblems,
  loadBuild,
  makeLinter,
} from './accuracy/lint.mjs';
import { buildUnits, lintUnits, loadPeerSites, scorePeerTests } from './accuracy/peer-tests.mjs';
import { TOLERANCE, lintRealworld, loadManifest, scoreRealworld } from './accuracy/realworld.mjs';
import { breakdown, perRule, totals } from './accuracy/tally.mjs';

/** Bad arguments: exit 1 with the message. */
class UsageError extends Error {}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgsOrThrow(config) {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(error.message);
  }
}

function options() {
  const { values } = parseArgsOrThrow({
    options: {
      checkout: { type: 'string', default: repoRoot },
      corpus: { type: 'string', default: path.join(repoRoot, '..', 'shared', 'corpus') },
      verbose: { type: 'boolean', default: false },
      json: { type: 'string' },
      parity: { type: 'boolean', default: false },
      'suite-prefixes': { type: 'boolean', default: false },
    },
  });
  if (values.parity && values['suite-prefixes'])
    throw new UsageError(
      '--parity compares the texts the scorers lint; leave out --suite-prefixes',
    );
  return {
    ...values,
    checkout: path.resolve(values.checkout),
    corpus: path.resolve(values.corpus),
  };
}

/** The corpus parts we read; MissingInput (exit 2) names the first one absent. */
function locateCorpus(corpus) {
  const paths = {
    realworld: path.join(corpus, 'realworld'),
    peerTests: path.join(corpus, 'peer-tests'),
    peerSites: path.join(corpus, 'score', 'peer-sites.json'),
    scorers: path.join(corpus, 'score'),
  };
  const required = [path.join(paths.realworld, 'manifest.json'), paths.peerTests, paths.peerSites];
  const missing = required.find((file) => !existsSync(file));
  if (missing)
    throw new MissingInput(
      `no corpus at ${corpus}: ${missing} is missing (give its place with --corpus DIR)`,
    );
  return paths;
}

/** Every file the site lists name must be there, or the figures would silently shrink. */
function checkCorpusFiles(paths, manifest, peerSites) {
  const files = [
    ...manifest.map((site) => path.join(paths.realworld, site.local_file)),
    ...peerSites.map((site) => path.join(paths.peerTests, site.path)),
  ];
  const missing = [...new Set(files)].filter((file) => !existsSync(file));
  if (missing.length)
    throw new MissingInput(
      `the corpus is incomplete: ${missing.length} listed file(s) missing, e.g. ${missing[0]}`,
    );
}

function commitOf(checkout) {
  try {
    const commit = execFileSync('git', ['-C', checkout, 'rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['-C', checkout, 'status', '--porcelain', '--', 'packages'], {
      encoding: 'utf8',
    }).trim();
    return dirty ? `${commit} (packages/ modified)` : commit;
  } catch {
    return null;
  }
}

/** One config on both corpora: every site's outcome, plus the breakdowns. */
function scoreConfig(context, rules) {
  const { build, paths, manifest, units } = context;
  const ruleIds = Object.keys(rules).sort();

  const realworldResults = lintRealworld(
    makeLinter(build, paths.realworld),
    paths.realworld,
    manifest,
    rules,
  );
  const realworld = scoreRealworld(manifest, realworldResults);

  const peerResults = lintUnits(makeLinter(build, paths.peerTests), units, rules);
  const peer = scorePeerTests(units, peerResults);
  const linted = new Map([...peerResults].filter(([, result]) => result));

  return {
    rules,
    realworld: {
      totals: { ...totals(realworld.sites), stray: realworld.stray.length },
      perRule: perRule(realworld.sites, realworld.stray, ruleIds),
      perFramework: breakdown(realworld.sites, (site) => site.framework),
      perDetectability: breakdown(realworld.sites, (site) => site.detectability),
      ...realworld,
    },
    peerTests: {
      totals: { ...totals(peer.sites), stray: peer.stray.length },
      perSuite: breakdown(peer.sites, (site) => site.suite),
      perImportClass: breakdown(peer.sites, (site) => site.imports?.class ?? 'unread', [
        'imports',
        'partial',
        'none',
      ]),
      importOnlyPerSuite: breakdown(
        peer.sites.filter((site) => site.imports?.class === 'imports'),
        (site) => site.suite,
      ),
      perRule: perRule(peer.sites, peer.stray, ruleIds),
      ...peer,
      ...lintProblems(linted),
    },
  };
}

// ---------- text output: markdown tables, so they paste into bench/README.md ----------

const fixed = (value) => (value == null ? 'n/a' : value.toFixed(3));

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [
    line(header),
    line(header.map((_, index) => (index ? '---:' : '---'))),
    ...rows.map(line),
  ].join('\n');
}

function overallTable(results, corpus) {
  return table(
    ['config', 'rules', 'TP', 'FN', 'FP', 'TN', 'unscored', 'recall', 'precision', 'stray'],
    CONFIG_NAMES.map((name) => {
      const t = results[name][corpus].totals;
      return [
        name,
        Object.keys(results[name].rules).length,
        t.tp,
        t.fn,
        t.fp,
        t.tn,
        t.unscored,
        fixed(t.recall),
        fixed(t.precision),
        t.stray,
      ];
    }),
  );
}

/** Rows = groups; per config: TP of the flag sites, FP of the ok sites, recall, precision. */
function groupTable(title, results, corpus, key) {
  const groups = Object.keys(results.all[corpus][key]);
  const header = [
    title,
    'flag',
    'ok',
    ...CONFIG_NAMES.flatMap((name) => [`${name} TP`, 'FP', 'R', 'P']),
  ];
  const rows = groups.map((group) => {
    const any = results.all[corpus][key][group];
    return [
      group,
      any.flag,
      any.ok,
      ...CONFIG_NAMES.flatMap((name) => {
        const t = results[name][corpus][key][group];
        return [t.tp, t.fp, fixed(t.recall), fixed(t.precision)];
      }),
    ];
  });
  return table(header, rows);
}

/** Rows = rules; per config: sites the rule found (TP) and wrongly flagged (FP); '–' when off. */
function ruleTable(results, corpus) {
  const ruleIds = Object.keys(results.all[corpus].perRule);
  const header = [
    'rule',
    ...CONFIG_NAMES.flatMap((name) => [`${name} TP`, 'FP']),
    'all: only-TP',
    'only-FP',
    'stray',
  ];
  const rows = ruleIds.map((id) => {
    const cells = CONFIG_NAMES.flatMap((name) => {
      const entry = results[name][corpus].perRule[id];
      return entry ? [entry.tp, entry.fp] : ['–', '–'];
    });
    const all = results.all[corpus].perRule[id];
    return [id.replace(/^cors\//, ''), ...cells, all.onlyTp, all.onlyFp, all.stray];
  });
  return table(header, rows);
}

/**
 * Every site with one of `outcomes` in some config, once, with the configs where it has it and the
 * findings that decided it (from the widest such config): the misses and false positives, or the hits.
 */
function sitesWith(results, corpus, outcomes) {
  const byWhere = new Map();
  for (const name of CONFIG_NAMES) {
    for (const site of results[name][corpus].sites) {
      if (!outcomes.includes(site.outcome)) continue;
      const key = `${site.outcome} ${site.id ?? ''} ${site.where}`;
      const entry = byWhere.get(key) ?? { ...site, configs: [] };
      entry.configs.push(name);
      entry.findings = site.findings;
      byWhere.set(key, entry);
    }
  }
  return [...byWhere.values()];
}

function describeSite(site) {
  const id = site.id ? `${site.id}  ` : '';
  const imports = site.imports ? `  {${site.imports.class}}` : '';
  const rules = site.findings.length
    ? ` <- ${site.findings.map((f) => `${f.line} ${f.ruleId}`).join(', ')}`
    : '';
  return `  ${site.outcome.toUpperCase()} ${id}${site.where}  [${site.category}]${imports}  (${site.configs.join(', ')})${rules}`;
}

function printReport(report, verbose) {
  const { results } = report;
  const rw = results.all.realworld.totals;
  const pt = results.all.peerTests.totals;
  const out = [];
  out.push(
    `eslint-plugin-cors ${report.versions.plugin} at ${report.commit ?? '(no git)'} in ${report.checkout}; eslint ${report.versions.eslint}, typescript ${report.versions.typescript}`,
  );
  out.push(`corpus ${report.corpus}; a finding within ±${TOLERANCE} lines of a site decides it`);
  if (report.suitePrefixes)
    out.push(
      "--suite-prefixes: NestJS and Lambda cases linted with their suite's import (peer-test figures differ from score-peer-tests.mjs)",
    );
  out.push(
    '',
    `## realworld: ${rw.sites} sites (${rw.flag} flag, ${rw.ok} ok)`,
    '',
    overallTable(results, 'realworld'),
  );
  out.push(
    '',
    '### per rule (sites where the rule has a finding; "only": no other rule fired there; stray: findings near no site)',
    '',
    ruleTable(results, 'realworld'),
  );
  out.push(
    '',
    '### per framework',
    '',
    groupTable('framework', results, 'realworld', 'perFramework'),
  );
  out.push(
    '',
    '### per detectability',
    '',
    groupTable('detectability', results, 'realworld', 'perDetectability'),
  );
  out.push(
    '',
    `## peer-tests: ${pt.sites} sites (${pt.flag} flag, ${pt.ok} ok)`,
    '',
    overallTable(results, 'peerTests'),
  );
  out.push('', '### per suite', '', groupTable('suite', results, 'peerTests', 'perSuite'));
  out.push(
    '',
    '### by import (import-only = the "imports" row)',
    '',
    groupTable('snippet', results, 'peerTests', 'perImportClass'),
  );
  out.push(
    '',
    '### import-only, per suite',
    '',
    groupTable('suite', results, 'peerTests', 'importOnlyPerSuite'),
  );
  out.push('', '### per rule', '', ruleTable(results, 'peerTests'));
  for (const corpus of ['realworld', 'peerTests']) {
    const sites = sitesWith(results, corpus, ['fn', 'fp']);
    const misses = sites.filter((site) => site.outcome === 'fn').length;
    out.push(
      '',
      `${corpus}: ${misses} sites missed and ${sites.length - misses} false positives in some config${verbose ? ':' : ' (list them with --verbose)'}`,
    );
    if (verbose) {
      out.push(...sites.map(describeSite));
      const hits = sitesWith(results, corpus, ['tp']);
      out.push(
        `${corpus} true positives, with the rules that found them: ${hits.length}`,
        ...hits.map(describeSite),
      );
    }
    const { parseFailures, crashes } = results.all[corpus];
    if (parseFailures.length)
      out.push(
        `${corpus} parse failures (sites unscored): ${parseFailures.length}`,
        ...parseFailures.map((p) => `  ${p}`),
      );
    if (crashes.length)
      out.push(`${corpus} rule crashes: ${crashes.length}`, ...crashes.map((c) => `  ${c}`));
    if (verbose) {
      const stray = results.all[corpus].stray;
      out.push(
        `${corpus} findings near no site (all config, not scored): ${stray.length}`,
        ...stray.map((f) => `  ${f.where} ${f.ruleId}`),
      );
    }
  }
  if (report.warnings.length) out.push('', 'warnings:', ...report.warnings.map((w) => `  ${w}`));
  console.log(out.join('\n'));
}

// ---------- --parity: the shared scorers on the same build, same rules ----------

/**
 * Runs score-realworld.mjs and score-peer-tests.mjs with `--config NAME` on the same build and
 * compares their figures with ours for the same rules without options (their harness lints every
 * rule as 'error' with no options). Returns the lines to print and whether all agree.
 */
function checkParity(context, opts) {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'cors-accuracy-'));
  const lines = [];
  let agree = true;
  try {
    for (const name of CONFIG_NAMES) {
      const ours = scoreConfig(
        context,
        configRules(context.build.plugin, name, { withoutOptions: true }),
      );
      for (const [corpus, script] of [
        ['realworld', 'score-realworld.mjs'],
        ['peerTests', 'score-peer-tests.mjs'],
      ]) {
        const scorer = runScorer(
          path.join(context.paths.scorers, script),
          opts.checkout,
          name,
          path.join(temp, `${name}-${corpus}.json`),
        );
        for (const { label, same, text } of compareWithScorer(ours[corpus], scorer)) {
          agree &&= same;
          lines.push(
            `  ${name.padEnd(11)} ${corpus.padEnd(9)} ${label.padEnd(16)} ${same ? 'same     ' : 'DIFFERENT'} ${text}`,
          );
        }
      }
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return { lines, agree };
}

/** A shared scorer's --json output for one config of the checkout's build. */
function runScorer(script, checkout, configName, jsonFile) {
  execFileSync(
    process.execPath,
    [
      script,
      '--preset',
      'ours',
      '--checkout',
      checkout,
      '--config',
      configName,
      '--json',
      jsonFile,
    ],
    {
      cwd: checkout,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return JSON.parse(readFileSync(jsonFile, 'utf8'));
}

/** Totals, each peer suite, and (realworld, whose scorer lists them) each site's outcome. */
function compareWithScorer(ours, scorer) {
  const keys = ['tp', 'fn', 'fp', 'tn', 'unscored', 'stray'];
  const show = (counts) => keys.map((key) => `${key}=${counts[key] ?? 0}`).join(' ');
  const compare = (label, theirs, mine) => {
    const same = keys.every((key) => (theirs[key] ?? 0) === (mine[key] ?? 0));
    return { label, same, text: `scorer: ${show(theirs)}${same ? '' : `  ours: ${show(mine)}`}` };
  };
  // score-realworld.mjs lists its stray findings; score-peer-tests.mjs counts them in its totals.
  const rows = [compare('total', { stray: scorer.stray?.length, ...scorer.totals }, ours.totals)];
  for (const [suite, counts] of Object.entries(scorer.per ?? {})) {
    const stray = ours.stray.filter((finding) => finding.where.startsWith(`${suite}/`)).length;
    rows.push(compare(suite, counts, { ...ours.perSuite[suite], stray }));
  }
  const outcomeOf = new Map((scorer.sites ?? []).map((site) => [site.id, site.outcome]));
  const differing = ours.sites.filter(
    (site) => outcomeOf.has(site.id) && outcomeOf.get(site.id) !== site.outcome,
  );
  if (outcomeOf.size) {
    const text = differing
      .map((site) => `${site.id} ours=${site.outcome} scorer=${outcomeOf.get(site.id)}`)
      .join(', ');
    rows.push({
      label: 'each site',
      same: !differing.length,
      text: differing.length ? text : `${outcomeOf.size} sites`,
    });
  }
  return rows;
}

// ---------- main ----------

async function main() {
  const opts = options();
  const paths = locateCorpus(opts.corpus);
  const build = await loadBuild(opts.checkout);
  const manifest = loadManifest(paths.realworld);
  const peerSites = loadPeerSites(paths.peerSites);
  checkCorpusFiles(paths, manifest, peerSites);
  const { units, warnings } = buildUnits(build, paths.peerTests, peerSites, {
    allWrappers: opts['suite-prefixes'],
  });
  const context = { build, paths, manifest, units };

  const results = {};
  for (const name of CONFIG_NAMES) {
    process.stderr.write(`scoring ${name}…\n`);
    results[name] = scoreConfig(context, configRules(build.plugin, name));
  }
  const report = {
    commit: commitOf(opts.checkout),
    checkout: opts.checkout,
    corpus: opts.corpus,
    versions: build.versions,
    tolerance: TOLERANCE,
    suitePrefixes: opts['suite-prefixes'],
    warnings,
    results,
  };
  printReport(report, opts.verbose);

  if (opts.json) {
    // Besides every site of every config in `results`: the misses and false positives once each.
    const problemSites = Object.fromEntries(
      ['realworld', 'peerTests'].map((corpus) => [
        corpus,
        sitesWith(results, corpus, ['fn', 'fp']),
      ]),
    );
    writeFileSync(opts.json, JSON.stringify({ ...report, problems: problemSites }, null, 1) + '\n');
    console.log(`\nwrote ${opts.json}`);
  }
  if (opts.parity) {
    process.stderr.write('running the shared scorers…\n');
    const { lines, agree } = checkParity(context, opts);
    console.log(`\nparity with ${paths.scorers} (same rules, no options):\n${lines.join('\n')}`);
    if (!agree) process.exitCode = 1;
  }
}

main().catch((error) => {
  if (error instanceof MissingInput || error instanceof UsageError) {
    console.error(`accuracy: ${error.message}`);
    process.exit(error instanceof MissingInput ? 2 : 1);
  }
  throw error;
});
