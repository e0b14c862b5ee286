/**
 * The linter's own repair: apply the first checked finding's autofix, or else its first suggestion,
 * with the placeholder origin replaced by the page's origin, and re-lint until nothing checked is
 * left. Never touches test-fixtures: the result is written to a copy of the scenario folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PLACEHOLDER_ORIGIN } from 'cors-lint-core';
import { APP_ORIGIN } from './hosts.js';
import type { Finding, ScenarioSources, TextFix } from './lint.js';
import { describeFinding, lintScenario, observable } from './lint.js';

export const MAX_FIX_ROUNDS = 5;

export interface FixStep {
  readonly finding: string;
  /** `fix`, or the description of the suggestion that was applied. */
  readonly applied: string;
}

export interface FixResult {
  readonly sources: ScenarioSources;
  readonly steps: readonly FixStep[];
  /** Checked findings left when the loop stopped: empty on success. */
  readonly remaining: readonly Finding[];
  /** Set when the loop stopped on a finding with neither a fix nor a suggestion. */
  readonly noFixOffered: Finding | undefined;
}

function splice(text: string, fix: TextFix): string {
  const replacement = fix.text.split(PLACEHOLDER_ORIGIN).join(APP_ORIGIN);
  return text.slice(0, fix.range[0]) + replacement + text.slice(fix.range[1]);
}

export function fixScenario(original: ScenarioSources): FixResult {
  let sources = original;
  const steps: FixStep[] = [];
  for (let round = 0; round < MAX_FIX_ROUNDS; round += 1) {
    const checked = observable(lintScenario(sources));
    const [first] = checked;
    if (!first) return { sources, steps, remaining: [], noFixOffered: undefined };
    const suggestion = first.suggestions[0];
    const fix = first.fix ?? suggestion?.fix;
    if (!fix) return { sources, steps, remaining: checked, noFixOffered: first };
    const key = first.file === 'client.js' ? 'client' : 'server';
    sources = { ...sources, [key]: splice(sources[key], fix) };
    steps.push({
      finding: describeFinding(first),
      applied: first.fix ? 'autofix' : `suggestion "${suggestion?.desc ?? ''}"`,
    });
  }
  return { sources, steps, remaining: observable(lintScenario(sources)), noFixOffered: undefined };
}

/**
 * A copy of the scenario folder with the fixed files, inside the repository (under
 * `.test-output/oracle-work/`) so that `require('express')` still resolves to the root node_modules.
 */
export function writeFixedCopy(
  scenarioDir: string,
  workRoot: string,
  sources: ScenarioSources,
): string {
  fs.mkdirSync(workRoot, { recursive: true });
  // Like test-fixtures/scenarios/package.json: server.js is CommonJS inside an ES module repository.
  fs.writeFileSync(
    path.join(workRoot, 'package.json'),
    `${JSON.stringify({ private: true, type: 'commonjs' }, null, 2)}\n`,
  );
  const dir = fs.mkdtempSync(path.join(workRoot, `${path.basename(scenarioDir)}-`));
  fs.cpSync(scenarioDir, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, sources.django ? 'settings.py' : 'server.js'), sources.server);
  fs.writeFileSync(path.join(dir, 'client.js'), sources.client);
  return dir;
}
