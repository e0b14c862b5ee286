// Other tools' CORS test suites (corpus peer-tests/), with the sites score-peer-tests.mjs derived
// from their own annotations (score/peer-sites.json), scored as that scorer scores them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importsWhatItUses } from './imports.mjs';
import { TOLERANCE } from './realworld.mjs';
import { ruleTesterCases, virtualFilename } from './rule-tester-cases.mjs';

/**
 * The sites the scorer scores by default: everything but the postMessage sites it marks "adjacent"
 * (not CORS). "maybe" sites stay in: they absorb findings but are never counted.
 */
export function loadPeerSites(sitesFile) {
  const { sites } = JSON.parse(readFileSync(sitesFile, 'utf8'));
  return sites.filter((site) => site.scope !== 'adjacent');
}

/**
 * Groups sites into lint units: a real file with its line sites, or one RuleTester case (a virtual
 * file) with its one file-level site. Each unit knows its text and whether it imports the framework
 * it uses (see imports.mjs). `allWrappers`: see rule-tester-cases.mjs.
 */
export function buildUnits(build, peerDir, sites, { allWrappers = false } = {}) {
  const casesOf = memoize((file) =>
    ruleTesterCases(build.typescript, file, readFileSync(file, 'utf8'), { allWrappers }),
  );
  const units = new Map();
  const warnings = [];
  for (const site of sites) {
    const testFile = path.join(peerDir, site.path);
    let key = site.path;
    let unit = units.get(key);
    if (site.case) {
      const { run, kind, index, line } = site.case;
      key = `${site.path}#run${run}.${kind}.${index}`;
      unit = units.get(key);
      if (!unit) {
        const testCase = casesOf(testFile).find(
          (c) => c.run === run && c.kind === kind && c.index === index,
        );
        if (testCase && testCase.line !== line)
          warnings.push(
            `${key}: the test file has this case on line ${testCase.line}, peer-sites.json says ${line}`,
          );
        const filename = virtualFilename(testFile, testCase ?? { run, kind, index });
        unit = {
          key,
          filename,
          text: testCase?.code ?? null,
          runName: testCase?.name ?? null,
          sites: [],
        };
      }
    } else if (!unit) {
      unit = { key, filename: testFile, text: readFileSync(testFile, 'utf8'), sites: [] };
    }
    if (!units.has(key)) {
      unit.imports =
        unit.text == null ? null : importsWhatItUses(build.tsParser, unit.text, unit.filename);
      units.set(key, unit);
    }
    unit.sites.push(site);
  }
  return { units: [...units.values()], warnings };
}

/** Lint each unit once: { key -> lint result }, or null for a case whose code is not static. */
export function lintUnits(lint, units, rules) {
  return new Map(
    units.map((unit) => [
      unit.key,
      unit.text == null ? null : lint(unit.text, unit.filename, rules),
    ]),
  );
}

/**
 * One row per counted site. A file-level site (RuleTester case, benchmark file) takes every finding
 * of its unit. A finding in a file with line sites goes to the nearest site whose span
 * [line, end_line] lies within ±TOLERANCE (0 inside the span; on a tie, the site that starts at or
 * before the finding); a finding near no site is stray. Flag site with a finding: TP, else FN;
 * ok site with a finding: FP, else TN. A unit that does not parse, or whose code could not be read,
 * leaves its sites unscored.
 */
export function scorePeerTests(units, results) {
  const rows = [];
  const stray = [];
  for (const unit of units) {
    const result = results.get(unit.key);
    const counted = unit.sites.filter((site) => site.expected !== 'maybe');
    const base = (site) => ({
      suite: site.peer,
      unit: unit.key,
      where: whereOf(site, unit),
      expected: site.expected,
      category: categoryOf(site, unit),
      imports: unit.imports,
    });
    if (!result || result.parseError) {
      const reason = result
        ? `parse error: ${result.parseError}`
        : 'case code is not a static string';
      for (const site of counted)
        rows.push({ ...base(site), outcome: 'unscored', findings: [], reason });
      continue;
    }
    const hits = assignFindings(unit, result.findings, stray);
    for (const site of counted) {
      const found = hits.get(site);
      const outcome =
        site.expected === 'flag' ? (found.length ? 'tp' : 'fn') : found.length ? 'fp' : 'tn';
      rows.push({ ...base(site), outcome, findings: found });
    }
  }
  return { sites: rows, stray };
}

/** file:line of a site; a RuleTester case by its line in the test file and its place in the run. */
function whereOf(site, unit) {
  if (site.case)
    return `${site.path}:${site.case.line} (run ${site.case.run}, ${site.case.kind}[${site.case.index}])`;
  if (site.line == null) return unit.key;
  return `${site.path}:${site.line}${site.end_line !== site.line ? `-${site.end_line}` : ''}`;
}

function assignFindings(unit, findings, stray) {
  const hits = new Map(unit.sites.map((site) => [site, []]));
  const fileSites = unit.sites.filter((site) => site.line == null);
  const lineSites = unit.sites.filter((site) => site.line != null);
  for (const finding of findings) {
    for (const site of fileSites) hits.get(site).push(finding);
    const nearest = nearestSite(lineSites, finding.line);
    if (nearest) hits.get(nearest).push(finding);
    else if (!fileSites.length) stray.push({ where: `${unit.key}:${finding.line}`, ...finding });
  }
  return hits;
}

function nearestSite(lineSites, line) {
  let best = null;
  let bestDistance = Infinity;
  for (const site of lineSites) {
    const distance =
      line < site.line ? site.line - line : line > site.end_line ? line - site.end_line : 0;
    if (distance > TOLERANCE) continue;
    const startsBefore = site.line <= line && best && best.line > line;
    if (distance < bestDistance || (distance === bestDistance && startsBefore)) {
      best = site;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * What a peer site tests, for the lists: the suite's rule (from the test file's path or the site's
 * annotation) and, for a RuleTester case, the name of its `run(…)` block.
 */
function categoryOf(site, unit) {
  if (site.peer === 'interlace-eslint') {
    const rule =
      site.path.match(/eslint-plugin-([\w-]+)\/src\/rules\/([\w-]+)\//) ??
      site.path.match(/rule-corpus\/([\w-]+)__([\w-]+)\//);
    const name = rule ? `${rule[1]}/${rule[2]}` : site.path;
    return unit.runName ? `${name} › ${unit.runName}` : name;
  }
  return site.note;
}

function memoize(fn) {
  const cache = new Map();
  return (key) => {
    if (!cache.has(key)) cache.set(key, fn(key));
    return cache.get(key);
  };
}
