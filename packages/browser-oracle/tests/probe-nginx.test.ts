/**
 * `cors-lint probe` and Chromium against a real nginx: CORS set up with `add_header`, including the
 * two traps seen with nginx 1.22 (../shared/docs/browser-oracle.md): an `add_header` inside
 * `if ($request_method = 'OPTIONS')` replaces every `add_header` of the location, and `add_header`
 * without `always` is not sent on error responses. The probe's verdict must be Chromium's.
 */
import { probe, probeHints } from 'cors-lint';
import { matchesConsoleLine } from 'cors-lint-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, runInPage, withContext } from '../src/browser.js';
import { API_ADDRESS, APP_ORIGIN, hostResolverRules } from '../src/hosts.js';
import { startNginx } from '../src/nginx.js';
import type { PageServer } from '../src/servers.js';
import { startAppServer, startAttackerServer } from '../src/servers.js';

const ALLOW = `add_header Access-Control-Allow-Origin '${APP_ORIGIN}' always;
    add_header Access-Control-Allow-Methods 'GET, PUT' always;
    add_header Access-Control-Allow-Headers 'Content-Type' always;`;

const PUT_JSON = `export default function request() {
  return fetch('http://api.example.test/items/7', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"name":"lamp"}' });
}`;
const GET = `export default function request() { return fetch('http://api.example.test/items/7'); }`;

interface NginxCase {
  readonly name: string;
  readonly server: string;
  readonly client: string;
  readonly request: { method: string; headers: [string, string][] };
  readonly expected: 'allowed' | 'blocked';
  /** The start of a hint the probe must give about the nginx cause it sees. */
  readonly hint?: string;
}

const CASES: NginxCase[] = [
  {
    name: 'add_header inside if (OPTIONS) replaces the location’s CORS headers: every preflight fails',
    server: `location / {
    ${ALLOW}
    if ($request_method = 'OPTIONS') { add_header Access-Control-Max-Age 86400; return 204; }
    return 200 '{"ok":true}';
  }`,
    client: PUT_JSON,
    request: { method: 'PUT', headers: [['Content-Type', 'application/json']] },
    expected: 'blocked',
    hint: 'nginx answered the preflight 204 without Access-Control-Allow-Origin.',
  },
  {
    name: 'the OPTIONS branch repeats the CORS headers: the preflighted PUT works',
    server: `location / {
    ${ALLOW}
    if ($request_method = 'OPTIONS') {
      ${ALLOW}
      add_header Access-Control-Max-Age 86400 always;
      return 204;
    }
    return 200 '{"ok":true}';
  }`,
    client: PUT_JSON,
    request: { method: 'PUT', headers: [['Content-Type', 'application/json']] },
    expected: 'allowed',
  },
  {
    name: 'add_header without always: a 500 carries no CORS header, so the page sees a CORS error',
    server: `location / {
    add_header Access-Control-Allow-Origin '${APP_ORIGIN}';
    return 500 '{"error":"boom"}';
  }`,
    client: GET,
    request: { method: 'GET', headers: [] },
    expected: 'blocked',
    hint: 'nginx sent this 500 without Access-Control-Allow-Origin',
  },
  {
    name: 'add_header … always: the page can read the 500',
    server: `location / {
    add_header Access-Control-Allow-Origin '${APP_ORIGIN}' always;
    return 500 '{"error":"boom"}';
  }`,
    client: GET,
    request: { method: 'GET', headers: [] },
    expected: 'allowed',
  },
];

let app: PageServer | undefined;
let attacker: PageServer | undefined;

beforeAll(async () => {
  [app, attacker] = await Promise.all([startAppServer(), startAttackerServer()]);
}, 30_000);

afterAll(async () => {
  await Promise.all([app?.close(), attacker?.close()]);
});

describe('cors-lint probe and Chromium agree on a real nginx', () => {
  for (const testCase of CASES) {
    it(
      testCase.name,
      async () => {
        if (!app || !attacker) throw new Error('the page servers did not start');
        const nginx = await startNginx(API_ADDRESS, testCase.server);
        const browser = await launchBrowser(
          hostResolverRules({ app: app.port, api: nginx.port, attacker: attacker.port }),
        );
        try {
          app.setClient(testCase.client);
          const run = await withContext(browser, (context) => runInPage(context, APP_ORIGIN));
          const chromium = run.outcomes[0]?.ok === true ? 'allowed' : 'blocked';
          const url = new URL('/items/7', `http://${API_ADDRESS}:${nginx.port}`);
          const report = await probe({
            url,
            origin: APP_ORIGIN,
            method: testCase.request.method,
            headers: testCase.request.headers,
            credentials: false,
            timeoutMs: 10_000,
          });
          expect({ chromium, probe: report.verdict.ok ? 'allowed' : 'blocked' }).toEqual({
            chromium: testCase.expected,
            probe: testCase.expected,
          });
          const nginxHints = probeHints(report).filter((hint) => hint.startsWith('nginx '));
          expect(nginxHints.map((hint) => hint.slice(0, testCase.hint?.length ?? 0))).toEqual(
            testCase.hint ? [testCase.hint] : [],
          );
          if (!report.verdict.ok) {
            const line = run.console.find((entry) => /blocked by CORS policy/.test(entry)) ?? '';
            expect(
              matchesConsoleLine(report.verdict.failure, 'chrome', line),
              `probe: ${report.verdict.failure}; Chromium: ${line}`,
            ).toBe(true);
          }
        } finally {
          await browser.close();
          await nginx.stop();
        }
      },
      60_000,
    );
  }
});
