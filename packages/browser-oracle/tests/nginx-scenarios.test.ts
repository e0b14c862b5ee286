/**
 * Every nginx rule's verdict, checked in real nginx (Debian's nginx-light, on loopback) with the request
 * in headless Chromium: the linted config must fail as the finding's message says (its `browserEffect`),
 * and the config the linter's own repair gives must work, with the linter silent. A `-clean` twin must
 * be silent and work as it is. Nothing here states an expected verdict: it comes from the linter.
 */
import fs from 'node:fs';
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
import { fixNginx, lintNginx } from '../src/nginx-scenario.js';
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

/** Runs `config` in a real nginx (placeholders filled with free loopback ports) and `client` in Chromium. */
async function run(config: string, client: string): Promise<PageRun> {
  if (!app || !attacker) throw new Error('the page servers did not start');
  const port = await freePort(API_ADDRESS);
  const upstream = await freePort(APP_ADDRESS);
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
        const filename = path.join(dir, 'nginx.conf');
        const config = fs.readFileSync(filename, 'utf8');
        const client = fs.readFileSync(path.join(dir, 'client.js'), 'utf8');
        const oracleConfig = scenarioConfig(name);
        const findings = lintNginx(config, filename, oracleConfig);
        const blocked = findings.filter((finding) => finding.blocked);

        if (name.endsWith('-clean')) {
          expect(
            findings.map((finding) => `${finding.line} ${finding.rule}/${finding.messageId}`),
          ).toEqual([]);
        } else {
          expect(
            blocked.length,
            'a scenario shows a finding a browser turns into a failure',
          ).toBeGreaterThan(0);
        }

        const before = await run(config, client);
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

        const fixed = fixNginx(config, filename, oracleConfig);
        expect(fixed.applied.length).toBeGreaterThan(0);
        expect(
          lintNginx(fixed.text, filename, oracleConfig).filter((finding) => finding.blocked),
        ).toEqual([]);
        const after = await run(fixed.text, client);
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
