// The labelled real-world sites (corpus realworld/manifest.json), scored as
// score-realworld.mjs scores them: a finding of any enabled rule within ±TOLERANCE lines of a
// site's line makes a "flag" site a true positive and an "ok" site a false positive. One finding
// may count for several sites; a finding near no site is "stray" (listed, not scored).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintProblems } from './lint.mjs';

export const TOLERANCE = 3;

export function loadManifest(realworldDir) {
  return JSON.parse(readFileSync(path.join(realworldDir, 'manifest.json'), 'utf8'));
}

/** Lint every file the manifest names once: { local_file -> lint result }. */
export function lintRealworld(lint, realworldDir, manifest, rules) {
  const results = new Map();
  for (const file of [...new Set(manifest.map((site) => site.local_file))].sort()) {
    const filename = path.join(realworldDir, file);
    results.set(file, lint(readFileSync(filename, 'utf8'), filename, rules));
  }
  return results;
}

/**
 * The manifest's free-text `detectability` reduced to the corpus README's two classes: whether one
 * file suffices ("single-file…") or another file is needed ("cross-file…", "cross-package…").
 * The full text stays on each site in the JSON.
 */
export function detectabilityClass(text) {
  if (/^single-file/i.test(text)) return 'single-file';
  if (/^cross-/i.test(text)) return 'cross-file';
  return text;
}

/** One row per site: its outcome and the findings that decided it. */
export function scoreRealworld(manifest, results) {
  const sites = manifest.map((site) => {
    const result = results.get(site.local_file);
    const base = {
      id: site.id,
      where: `${site.local_file}:${site.line}`,
      expected: site.expected,
      category: site.category,
      framework: site.framework,
      detectability: detectabilityClass(site.detectability),
      detectabilityText: site.detectability,
      confidence: site.confidence,
      part: site.part,
    };
    if (result.parseError)
      return {
        ...base,
        outcome: 'unscored',
        findings: [],
        reason: `parse error: ${result.parseError}`,
      };
    const near = result.findings.filter(
      (finding) => Math.abs(finding.line - site.line) <= TOLERANCE,
    );
    const outcome =
      site.expected === 'flag' ? (near.length ? 'tp' : 'fn') : near.length ? 'fp' : 'tn';
    return { ...base, outcome, findings: near };
  });
  const stray = [];
  for (const [file, result] of results) {
    const lines = manifest.filter((site) => site.local_file === file).map((site) => site.line);
    for (const finding of result.findings) {
      if (!lines.some((line) => Math.abs(finding.line - line) <= TOLERANCE))
        stray.push({ where: `${file}:${finding.line}`, ...finding });
    }
  }
  return { sites, stray, ...lintProblems(results) };
}
