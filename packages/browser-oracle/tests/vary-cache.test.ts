/**
 * require-vary-origin's two cache stories in Chromium, on the scenarios that tell them: a response
 * cached for a load that sent no Origin (a no-cors fetch, as an `<img>` or a navigation) is handed to
 * the allowed origin's CORS fetch, which fails with the "missing header" line the rule quotes; with
 * `Vary: Origin` the fetch is sent and works. oracle.test.ts runs the same scenarios through the
 * whole runner; this file checks the console text against the rule's own message.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleReason, matchesConsoleLine } from 'cors-lint-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../src/browser.js';
import { SAME_SITE_APP_ORIGIN, hostResolverRules } from '../src/hosts.js';
import { lintScenario, observable } from '../src/lint.js';
import type { Environment, Scenario } from '../src/run-scenario.js';
import {
  cachedWithoutHeaderFixProblem,
  cachedWithoutHeaderProblem,
  discoverScenarios,
  observeCachedWithoutHeader,
} from '../src/run-scenario.js';
import type { ApiServer, PageServer } from '../src/servers.js';
import { startApiServer, startAppServer, startAttackerServer } from '../src/servers.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const scenarios = new Map(
  discoverScenarios(path.join(REPO, 'test-fixtures', 'scenarios')).map((scenario) => [
    scenario.name,
    scenario,
  ]),
);
const scenario = (name: string): Scenario => {
  const found = scenarios.get(name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
};

const MISSING = consoleReason('missing-allow-origin', {
  value: '',
  method: '',
  header: '',
  url: '',
  pageOrigin: '',
}).chrome;

let api: ApiServer | undefined;
let app: PageServer | undefined;
let attacker: PageServer | undefined;
let browser: Browser | undefined;
let env: Environment | undefined;

beforeAll(async () => {
  [api, app, attacker] = await Promise.all([
    startApiServer(),
    startAppServer(),
    startAttackerServer(),
  ]);
  browser = await launchBrowser(
    hostResolverRules({ app: app.port, api: api.port, attacker: attacker.port }, [
      new URL(SAME_SITE_APP_ORIGIN).hostname,
    ]),
  );
  env = { browser, api, app, attacker, workRoot: REPO };
}, 60_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await Promise.all([api?.close(), app?.close(), attacker?.close()]);
}, 30_000);

describe('a response cached without Access-Control-Allow-Origin, then fetched by the allowed origin', () => {
  it('fails with the missing-header line the one-origin message quotes, served from the cache', async () => {
    if (!env) throw new Error('the environment did not start');
    const flagged = scenario('vary-origin-one-origin-hand-set');
    const findings = observable(lintScenario(flagged.sources));
    expect(findings.map((finding) => finding.messageId)).toEqual(['missingVaryOriginOneOrigin']);
    expect(findings[0]?.message).toContain(`Chrome reports "${MISSING}"`);
    expect(findings[0]?.message).not.toContain('not equal to the supplied origin');

    const run = await observeCachedWithoutHeader(env, flagged.dir, flagged.sources);
    expect(cachedWithoutHeaderProblem(run, findings)).toBeUndefined();
    const line = run.second.console.find((text) => text.includes('blocked by CORS policy'));
    expect(line).toContain(MISSING);
    expect(matchesConsoleLine('allow-origin-mismatch', 'chrome', line!)).toBe(false);
  });

  it('works in the clean twin with Vary: Origin: the CORS fetch is sent and answered', async () => {
    if (!env) throw new Error('the environment did not start');
    const clean = scenario('vary-origin-one-origin-clean');
    expect(lintScenario(clean.sources)).toEqual([]);
    const run = await observeCachedWithoutHeader(env, clean.dir, clean.sources);
    expect(cachedWithoutHeaderFixProblem(run)).toBeUndefined();
    expect(run.exchanges.map((exchange) => exchange.origin ?? 'none')).toEqual([
      'none',
      'http://app.example.test',
    ]);
  });

  it('shows the missing-header story of the either message too, for an origin picked from a list', async () => {
    if (!env) throw new Error('the environment did not start');
    const listed = scenario('vary-origin-missing-hand-set');
    const findings = observable(lintScenario(listed.sources));
    expect(findings.map((finding) => finding.messageId)).toEqual(['missingVaryOrigin']);
    expect(findings[0]?.message).toContain(`Chrome reports "${MISSING}"`);
    const run = await observeCachedWithoutHeader(env, listed.dir, listed.sources);
    // The either message's effect names the mismatch; this run checks its other story's line.
    const missing = findings.map((finding) => ({
      ...finding,
      effect: { kind: 'cached-without-allow-origin', failure: 'missing-allow-origin' } as const,
    }));
    expect(cachedWithoutHeaderProblem(run, missing)).toBeUndefined();
  });
});
