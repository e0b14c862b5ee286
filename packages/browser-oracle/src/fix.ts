/**
 * The linter's own repair: apply the first checked finding's autofix, or else its first suggestion,
 * with the placeholder origin replaced by the page's origin, and re-lint until nothing checked is
 * left. Never touches test-fixtures: the result is written to a copy of the scenario folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectIndex } from 'eslint-plugin-cors';
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
 * The repair on the server's side of a `project-…` scenario: apply the first checked client
 * finding's server edit (`Finding.serverEdit`, what the language server offers as a code action) to
 * server.js, and lint the client again against the edited server, until no client finding is left.
 * The project index reads the edited text in place of the file (an overlay, as for an editor's
 * unsaved text), and the file again once done. The result is written with `writeFixedCopy` to be
 * run. Undefined when the first finding has no server edit.
 */
export function fixScenarioOnServer(
  scenarioDir: string,
  workRoot: string,
  original: ScenarioSources,
): (FixResult & { readonly dir: string }) | undefined {
  const index = projectIndex(scenarioDir);
  const serverFile = path.join(scenarioDir, 'server.js');
  try {
    let sources = original;
    const steps: FixStep[] = [];
    const clientFindings = (): Finding[] => {
      index.overlay(serverFile, sources.server);
      return observable(lintScenario(sources)).filter((finding) => finding.file === 'client.js');
    };
    let checked = clientFindings();
    for (let round = 0; round < MAX_FIX_ROUNDS && checked.length > 0; round += 1) {
      const [first] = checked;
      if (!first?.serverEdit) break;
      let server = sources.server;
      for (const fix of [...first.serverEdit.fixes].sort((x, y) => y.range[0] - x.range[0]))
        server = server.slice(0, fix.range[0]) + fix.text + server.slice(fix.range[1]);
      sources = { ...sources, server };
      steps.push({
        finding: describeFinding(first),
        applied: `server edit "${first.serverEdit.desc}"`,
      });
      checked = clientFindings();
    }
    if (steps.length === 0) return undefined;
    const dir = writeFixedCopy(scenarioDir, workRoot, sources);
    return { dir, sources, steps, remaining: checked, noFixOffered: undefined };
  } finally {
    index.overlay(serverFile, undefined);
  }
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
