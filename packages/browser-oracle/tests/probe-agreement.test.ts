/**
 * `cors-lint probe` against Chromium: for every scenario, the page's request runs in headless
 * Chromium, and the probe sends the same request (captured from client.js) to the same server from
 * Node. Their verdicts must agree: both allowed, or both blocked with the probe's failure matching
 * Chromium's console line. One CORS check (core's) serves the lint messages and the probe.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { probe } from 'cors-lint';
import { matchesConsoleLine } from 'cors-lint-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, runInPage, withContext } from '../src/browser.js';
import { captureRequest } from '../src/capture-request.js';
import { API_ADDRESS, APP_ORIGIN, hostResolverRules } from '../src/hosts.js';
import { discoverScenarios, loadApp } from '../src/run-scenario.js';
import type { ApiServer, PageServer } from '../src/servers.js';
import { startApiServer, startAppServer, startAttackerServer } from '../src/servers.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const scenarios = discoverScenarios(path.join(REPO, 'test-fixtures', 'scenarios'));

let api: ApiServer | undefined;
let app: PageServer | undefined;
let attacker: PageServer | undefined;
let browser: Browser | undefined;
const verdicts = { allowed: 0, blocked: 0 };

beforeAll(async () => {
  [api, app, attacker] = await Promise.all([
    startApiServer(),
    startAppServer(),
    startAttackerServer(),
  ]);
  browser = await launchBrowser(
    hostResolverRules({ app: app.port, api: api.port, attacker: attacker.port }),
  );
}, 60_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await Promise.all([api?.close(), app?.close(), attacker?.close()]);
}, 30_000);

describe('cors-lint probe agrees with Chromium', () => {
  it('has scenarios to check', () => {
    expect(scenarios.length).toBeGreaterThan(30);
  });

  for (const scenario of scenarios) {
    it(
      scenario.name,
      async () => {
        if (!api || !app || !browser) throw new Error('the environment did not start');
        api.use(loadApp(scenario.dir));
        api.reset();
        app.setClient(scenario.sources.client);
        const run = await withContext(browser, (context) => runInPage(context, APP_ORIGIN));
        // A request the browser refuses to build (a no-cors PUT throws a TypeError) reaches no server:
        // the probe, which judges a server's CORS answers, has nothing to compare.
        if (run.outcomes[0]?.ok === false && api.exchanges.length === 0) return;
        const chromiumAllowed = run.outcomes[0]?.ok === true;
        const blockedLine = run.console.find((line) => /blocked by CORS policy/.test(line));

        const request = await captureRequest(path.join(scenario.dir, 'client.js'));
        // The page's URL names api.example.test; Node reaches the same server at its loopback address.
        const url = new URL(
          request.url.pathname + request.url.search,
          `http://${API_ADDRESS}:${api.port}`,
        );
        const report = await probe({
          url,
          origin: APP_ORIGIN,
          method: request.method,
          headers: request.headers,
          credentials: request.credentials,
          timeoutMs: 10_000,
        });

        const verdict = report.verdict;
        verdicts[verdict.ok ? 'allowed' : 'blocked'] += 1;
        expect(
          { allowed: verdict.ok },
          `Chromium: ${JSON.stringify(run.outcomes[0])}; console: ${run.console.join(' | ')}`,
        ).toEqual({ allowed: chromiumAllowed });
        if (!verdict.ok) {
          expect(blockedLine, 'Chromium printed no blocked line').toBeDefined();
          expect(
            matchesConsoleLine(verdict.failure, 'chrome', blockedLine ?? ''),
            `probe says ${verdict.failure}; Chromium: ${blockedLine}`,
          ).toBe(true);
        }
      },
      60_000,
    );
  }

  it('compared both outcomes: blocked requests and allowed ones', () => {
    expect(verdicts.blocked).toBeGreaterThan(10);
    expect(verdicts.allowed).toBeGreaterThan(10);
  });
});
