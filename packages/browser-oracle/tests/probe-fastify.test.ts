/**
 * `cors-lint probe` and Chromium against a real Fastify app with @fastify/cors (v11, the installed
 * major): its default Access-Control-Allow-Methods is GET,HEAD,POST, so a PUT fails its preflight
 * unless `methods` lists it. The probe's verdict must be Chromium's.
 */
import cors from '@fastify/cors';
import { probe } from 'cors-lint';
import { matchesConsoleLine } from 'cors-lint-core';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, runInPage, withContext } from '../src/browser.js';
import { API_ADDRESS, APP_ORIGIN, hostResolverRules } from '../src/hosts.js';
import type { PageServer } from '../src/servers.js';
import { startAppServer, startAttackerServer } from '../src/servers.js';

const PUT_JSON = `export default function request() {
  return fetch('http://api.example.test/items/7', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"name":"lamp"}' });
}`;

async function startApp(
  options: Record<string, unknown>,
): Promise<{ port: number; close: () => Promise<void> }> {
  const app = Fastify();
  await app.register(cors, options);
  app.put('/items/:id', async () => ({ ok: true }));
  await app.listen({ host: API_ADDRESS, port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('fastify has no port');
  return { port: address.port, close: () => app.close() };
}

let app: PageServer | undefined;
let attacker: PageServer | undefined;

beforeAll(async () => {
  [app, attacker] = await Promise.all([startAppServer(), startAttackerServer()]);
}, 30_000);

afterAll(async () => {
  await Promise.all([app?.close(), attacker?.close()]);
});

describe('cors-lint probe and Chromium agree on a real Fastify app', () => {
  const cases = [
    {
      name: 'default methods (GET,HEAD,POST): the PUT preflight fails',
      options: { origin: APP_ORIGIN },
      expected: 'blocked',
    },
    {
      name: 'methods lists PUT: the PUT works',
      options: { origin: APP_ORIGIN, methods: ['GET', 'PUT'] },
      expected: 'allowed',
    },
  ] as const;
  for (const testCase of cases) {
    it(
      testCase.name,
      async () => {
        if (!app || !attacker) throw new Error('the page servers did not start');
        const api = await startApp(testCase.options);
        const browser = await launchBrowser(
          hostResolverRules({ app: app.port, api: api.port, attacker: attacker.port }),
        );
        try {
          app.setClient(PUT_JSON);
          const run = await withContext(browser, (context) => runInPage(context, APP_ORIGIN));
          const chromium = run.outcomes[0]?.ok === true ? 'allowed' : 'blocked';
          const report = await probe({
            url: new URL('/items/7', `http://${API_ADDRESS}:${api.port}`),
            origin: APP_ORIGIN,
            method: 'PUT',
            headers: [['Content-Type', 'application/json']],
            credentials: false,
            timeoutMs: 10_000,
          });
          expect({ chromium, probe: report.verdict.ok ? 'allowed' : 'blocked' }).toEqual({
            chromium: testCase.expected,
            probe: testCase.expected,
          });
          if (!report.verdict.ok) {
            expect(report.verdict.failure).toBe('method-not-allowed');
            const line = run.console.find((entry) => /blocked by CORS policy/.test(entry)) ?? '';
            expect(matchesConsoleLine(report.verdict.failure, 'chrome', line), line).toBe(true);
          }
        } finally {
          await browser.close();
          await api.close();
        }
      },
      60_000,
    );
  }
});
