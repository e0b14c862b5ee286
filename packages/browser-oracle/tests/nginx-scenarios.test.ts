/**
 * Every nginx rule's verdict, checked in real nginx (Debian's nginx-light, on loopback) with the request
 * in headless Chromium: the linted config must fail as the finding's message says (its `browserEffect`),
 * and the config the linter's own repair gives must work, with the linter silent. A `-clean` twin must
 * be silent and work as it is. Nothing here states an expected verdict: it comes from the linter.
 *
 * A `project-…` scenario puts nginx in front of an Express app (`server.cjs`, served on `__UPSTREAM__`):
 * the client's cross-file findings (the project index on, the folder as the project) are checked the
 * same way, and their repair is the client's.
 */
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchesConsoleLine } from 'cors-lint-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, runInPage, withContext } from '../src/browser.js';
import type { PageRun } from '../src/browser.js';
import { API_ADDRESS, APP_ADDRESS, APP_ORIGIN, hostResolverRules } from '../src/hosts.js';
import { scenarioConfig } from '../src/lint.js';
import { freePort, runNginx } from '../src/nginx.js';
import { isProjectScenario, lintScenarioFiles, repairScenario } from '../src/nginx-scenario.js';
import type { ScenarioTexts } from '../src/nginx-scenario.js';
import type { PageServer } from '../src/servers.js';
import { startAppServer, startAttackerServer } from '../src/servers.js';

const SCENARIOS = fileURLToPath(
  new URL('../../../test-fixtures/nginx-scenarios/', import.meta.url),
);
const names = fs
  .readdirSync(SCENARIOS)
  .filter((name) => fs.statSync(path.join(SCENARIOS, name)).isDirectory())
  .sort();

let app: PageServer | undefined;
let attacker: PageServer | undefined;

beforeAll(async () => {
  [app, attacker] = await Promise.all([startAppServer(), startAttackerServer()]);
}, 30_000);

afterAll(async () => {
  await Promise.all([app?.close(), attacker?.close()]);
});

/** A project scenario's `server.cjs` (an Express app), loaded afresh and served on `address:port`. */
async function serveUpstream(dir: string, address: string, port: number): Promise<http.Server> {
  const file = path.join(dir, 'server.cjs');
  const require = createRequire(file);
  delete require.cache[require.resolve(file)];
  const handler = require(file) as http.RequestListener;
  const server = http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, resolve);
  });
  return server;
}

/**
 * Runs `config` in a real nginx (placeholders filled with free loopback ports) and `client` in
 * Chromium; a project scenario's app listens on the upstream port.
 */
async function run({ config, client }: ScenarioTexts, projectDir?: string): Promise<PageRun> {
  if (!app || !attacker) throw new Error('the page servers did not start');
  const port = await freePort(API_ADDRESS);
  const upstream = await freePort(APP_ADDRESS);
  const appServer = projectDir ? await serveUpstream(projectDir, APP_ADDRESS, upstream) : undefined;
  const nginx = await runNginx(
    API_ADDRESS,
    port,
    config
      .replaceAll('__API__', `${API_ADDRESS}:${port}`)
      .replaceAll('__UPSTREAM__', `${APP_ADDRESS}:${upstream}`),
  );
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser(
      hostResolverRules({ app: app.port, api: port, attacker: attacker.port }),
    );
    app.setClient(client);
    return await withContext(browser, (context) => runInPage(context, APP_ORIGIN));
  } finally {
    await browser?.close();
    await nginx.stop();
    if (appServer) await new Promise((resolve) => appServer.close(resolve));
  }
}

const corsLines = (page: PageRun) =>
  page.console.filter((line) => /blocked by CORS policy/.test(line));

describe.runIf(fs.existsSync('/usr/sbin/nginx') && fs.existsSync('/usr/bin/chromium'))(
  'nginx scenarios in real nginx and Chromium',
  () => {
    it.each(names)(
      '%s',
      async (name) => {
        const dir = path.join(SCENARIOS, name);
        const texts: ScenarioTexts = {
          config: fs.readFileSync(path.join(dir, 'nginx.conf'), 'utf8'),
          client: fs.readFileSync(path.join(dir, 'client.js'), 'utf8'),
        };
        const projectDir = isProjectScenario(name) ? dir : undefined;
        const oracleConfig = scenarioConfig(name);
        const findings = lintScenarioFiles(name, dir, texts, oracleConfig);
        const blocked = findings.filter((finding) => finding.blocked);

        if (name.endsWith('-clean')) {
          expect(
            findings.map(
              (finding) => `${finding.file}:${finding.line} ${finding.rule}/${finding.messageId}`,
            ),
          ).toEqual([]);
        } else {
          expect(
            blocked.length,
            'a scenario shows a finding a browser turns into a failure',
          ).toBeGreaterThan(0);
        }

        const before = await run(texts, projectDir);
        if (blocked.length > 0) {
          expect(
            before.outcomes[0]?.ok,
            `the request should fail as ${blocked.map((finding) => finding.rule).join(', ')} says`,
          ).toBe(false);
          const [line = ''] = corsLines(before);
          expect(
            blocked.some((finding) => matchesConsoleLine(finding.blocked!, 'chrome', line)),
            `Chromium said: ${line}`,
          ).toBe(true);
        } else {
          expect(before.outcomes[0]?.ok).toBe(true);
          expect(corsLines(before)).toEqual([]);
        }
        if (blocked.length === 0) return;

        const fixed = repairScenario(name, dir, texts, oracleConfig);
        expect(fixed.applied.length).toBeGreaterThan(0);
        expect(fixed.remaining).toEqual([]);
        const after = await run(fixed.texts, projectDir);
        expect(
          after.outcomes[0]?.ok,
          `after ${fixed.applied.join('; ')}: ${after.console.join(' | ')}`,
        ).toBe(true);
        expect(corsLines(after)).toEqual([]);
      },
      120_000,
    );
  },
);
