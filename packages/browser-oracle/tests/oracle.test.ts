/**
 * The Chromium oracle: every folder of test-fixtures/scenarios/ is one test. The linter's findings
 * on the scenario predict what Chromium does; the test fails when the browser disagrees, before or
 * after the linter's own fix. The table of all results goes to .test-output/oracle-report.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../src/browser.js';
import { stopDjangoServers } from '../src/django.js';
import { hostResolverRules } from '../src/hosts.js';
import { renderReport, summaryLine, writeReport } from '../src/report.js';
import type { Environment, ScenarioResult } from '../src/run-scenario.js';
import {
  attackerHosts,
  checkServerEdit,
  discoverScenarios,
  runScenario,
} from '../src/run-scenario.js';
import type { ApiServer, PageServer } from '../src/servers.js';
import { startApiServer, startAppServer, startAttackerServer } from '../src/servers.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SCENARIOS = path.join(REPO, 'test-fixtures', 'scenarios');
const OUTPUT = path.join(REPO, '.test-output');
const WORK_PARENT = path.join(OUTPUT, 'oracle-work');
const REPORT = path.join(OUTPUT, 'oracle-report.md');

const scenarios = discoverScenarios(SCENARIOS);
const results: ScenarioResult[] = [];
const errors: { name: string; error: string }[] = [];

let api: ApiServer | undefined;
let app: PageServer | undefined;
let attacker: PageServer | undefined;
let browser: Browser | undefined;
let env: Environment | undefined;
/** This run's own folder for fixed copies: runs may overlap (two terminals, a watcher). */
let work: string | undefined;

beforeAll(async () => {
  fs.mkdirSync(WORK_PARENT, { recursive: true });
  work = fs.mkdtempSync(path.join(WORK_PARENT, 'run-'));
  [api, app, attacker] = await Promise.all([
    startApiServer(),
    startAppServer(),
    startAttackerServer(),
  ]);
  // The browser's host map is fixed at launch: collect every attacker host name up front. A
  // scenario that does not lint fails in its own test below.
  const hosts = scenarios.flatMap((scenario) => {
    try {
      return attackerHosts(scenario.sources);
    } catch {
      return [];
    }
  });
  browser = await launchBrowser(
    hostResolverRules({ app: app.port, api: api.port, attacker: attacker.port }, hosts),
  );
  env = { browser, api, app, attacker, workRoot: work };
}, 60_000);

afterAll(async () => {
  try {
    if (browser) writeReport(REPORT, renderReport(results, errors, browser.version()));
    console.log(`${summaryLine(results, errors.length)} (report: ${path.relative(REPO, REPORT)})`);
  } finally {
    await browser?.close().catch(() => undefined);
    await Promise.all([api?.close(), app?.close(), attacker?.close(), stopDjangoServers()]);
    if (work) fs.rmSync(work, { recursive: true, force: true });
  }
}, 30_000);

describe('Chromium agrees with the linter', () => {
  it('has scenarios to check', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  for (const scenario of scenarios) {
    it(
      scenario.name,
      async () => {
        if (!env) throw new Error('the oracle environment did not start');
        let result: ScenarioResult;
        try {
          result = await runScenario(env, scenario);
        } catch (error) {
          errors.push({
            name: scenario.name,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          });
          throw error;
        }
        results.push(result);
        if (result.problems.length > 0) {
          expect.fail(
            `Chromium disagrees with the linter on ${scenario.name}:\n\n${result.problems.join('\n\n')}`,
          );
        }
      },
      60_000,
    );
  }
});

describe('the server-side edit of a cross-file finding makes the request pass in Chromium', () => {
  // A Django project's server is its settings.py, which no server edit writes (they edit JS): its
  // findings are repaired on the client's side only, in the test above.
  const projects = scenarios.filter(
    (scenario) =>
      scenario.sources.project !== undefined &&
      !scenario.sources.django &&
      !scenario.name.endsWith('-clean'),
  );

  it('has project scenarios to repair on the server', () => {
    expect(projects.length).toBeGreaterThan(0);
  });

  for (const scenario of projects) {
    it(`${scenario.name}, repaired on the server`, async () => {
      if (!env) throw new Error('the oracle environment did not start');
      const result = await checkServerEdit(env, scenario);
      // Each of these scenarios' findings has a server edit (the language server's code action).
      expect(result, 'a server edit is offered').toBeDefined();
      expect(result?.steps.length).toBeGreaterThan(0);
      if (result && result.problems.length > 0)
        expect.fail(
          `Chromium disagrees after the server edit of ${scenario.name} (${result.steps
            .map((step) => step.applied)
            .join('; ')}):\n\n${result.problems.join('\n\n')}`,
        );
    }, 60_000);
  }
});
