/**
 * How nginx refuses a preflight with `limit_except` (a method list without OPTIONS), checked in real
 * nginx and Chromium: the refusal's status and whether its Access-Control-Allow-Origin comes along
 * (`add_header … always`, at location or server level) decide what Chromium prints, and
 * `require-allowed-method` must quote that line. Each shape is a project of its own (nginx.conf and
 * client.js in a temporary folder); the verdict comes from the linter, the browser judges it.
 */
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { browserEffect, matchesConsoleLine } from 'cors-lint-core';
import type { ESLint } from 'eslint';
import { Linter } from 'eslint';
import plugin from 'eslint-plugin-cors';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, runInPage, withContext } from '../src/browser.js';
import { API_ADDRESS, APP_ORIGIN, hostResolverRules } from '../src/hosts.js';
import { freePort, runNginx } from '../src/nginx.js';
import type { PageServer } from '../src/servers.js';
import { startAppServer, startAttackerServer } from '../src/servers.js';

const CLIENT = `export default function request() {
  return fetch('http://api.example.test/api/orders/7', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"item":"lamp"}' });
}
`;
const ACAO = `add_header Access-Control-Allow-Origin "${APP_ORIGIN}"`;
const ACAM = 'add_header Access-Control-Allow-Methods "GET, POST, PUT"';

interface Shape {
  readonly name: string;
  /** The `server` block's body; `__HTPASSWD__` names an empty password file. */
  readonly server: string;
  readonly messageId: 'preflightRefused' | 'preflightNotAnswered';
}

const SHAPES: Shape[] = [
  {
    name: 'deny all, headers with always: 403 with Access-Control-Allow-Origin',
    server: `location /api/ { ${ACAO} always; ${ACAM} always; limit_except GET POST { deny all; } return 200 '{}'; }`,
    messageId: 'preflightRefused',
  },
  {
    name: 'deny all, headers without always: 403 alone',
    server: `location /api/ { ${ACAO}; ${ACAM}; limit_except GET POST { deny all; } return 200 '{}'; }`,
    messageId: 'preflightNotAnswered',
  },
  {
    name: 'auth_basic: 401 with Access-Control-Allow-Origin',
    server: `location /api/ { ${ACAO} always; ${ACAM} always; limit_except GET POST { auth_basic "orders"; auth_basic_user_file __HTPASSWD__; } return 200 '{}'; }`,
    messageId: 'preflightRefused',
  },
  {
    name: 'nothing denied, not proxied: 405 from the static handler',
    server: `location /api/ { ${ACAO} always; ${ACAM} always; limit_except GET POST { } }`,
    messageId: 'preflightRefused',
  },
  {
    name: 'server-level headers with always, inherited by the limit_except: 403 with them',
    server: `${ACAO} always; ${ACAM} always; location /api/ { limit_except GET POST { deny all; } return 200 '{}'; }`,
    messageId: 'preflightRefused',
  },
];

/**
 * The client's `require-allowed-method` findings, the folder as the project. Outside the
 * repository (the index leaves out what .gitignore ignores), so ESLint works from the folder.
 */
function lintClient(dir: string): Linter.LintMessage[] {
  return new Linter({ cwd: dir }).verify(
    CLIENT,
    [
      {
        files: ['**/*.js'],
        plugins: { cors: plugin as unknown as ESLint.Plugin },
        rules: { 'cors/require-allowed-method': 'error' },
        settings: { cors: { project: { root: dir } } },
      },
    ],
    { filename: path.join(dir, 'client.js') },
  );
}

/** The status and Access-Control-Allow-Origin nginx answers a preflight of the client's PUT with. */
function preflight(port: number): Promise<{ status: number; allowOrigin: string | undefined }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: API_ADDRESS,
        port,
        path: '/api/orders/7',
        method: 'OPTIONS',
        headers: {
          Origin: APP_ORIGIN,
          'Access-Control-Request-Method': 'PUT',
          'Access-Control-Request-Headers': 'content-type',
        },
      },
      (response) => {
        response.resume();
        const header = response.headers['access-control-allow-origin'];
        resolve({ status: response.statusCode ?? 0, allowOrigin: header });
      },
    );
    request.once('error', reject);
    request.end();
  });
}

let app: PageServer | undefined;
let attacker: PageServer | undefined;
let scratch: string;

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-limit-except-'));
  [app, attacker] = await Promise.all([startAppServer(), startAttackerServer()]);
}, 30_000);

afterAll(async () => {
  await Promise.all([app?.close(), attacker?.close()]);
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe.runIf(fs.existsSync('/usr/sbin/nginx') && fs.existsSync('/usr/bin/chromium'))(
  'nginx limit_except refusing the preflight, in real nginx and Chromium',
  () => {
    it.each(SHAPES.map((shape, index) => [shape.name, shape, index] as const))(
      '%s',
      async (_name, shape, index) => {
        if (!app || !attacker) throw new Error('the page servers did not start');
        const dir = path.join(scratch, `project-${index}`);
        fs.mkdirSync(dir);
        const htpasswd = path.join(dir, 'htpasswd');
        fs.writeFileSync(htpasswd, '');
        const config = `server {\n    listen __API__;\n    ${shape.server.replace('__HTPASSWD__', htpasswd)}\n}\n`;
        fs.writeFileSync(path.join(dir, 'nginx.conf'), config);
        fs.writeFileSync(path.join(dir, 'client.js'), CLIENT);

        const findings = lintClient(dir);
        expect(findings.map((finding) => finding.messageId)).toEqual([shape.messageId]);
        const effect = browserEffect('require-allowed-method', shape.messageId);
        if (effect?.kind !== 'blocked') throw new Error(`${shape.messageId} blocks nothing`);

        const port = await freePort(API_ADDRESS);
        const nginx = await runNginx(
          API_ADDRESS,
          port,
          config.replace('__API__', `${API_ADDRESS}:${port}`),
        );
        let browser: Browser | undefined;
        try {
          // What the finding says of the refusal is what nginx sends.
          const answer = await preflight(port);
          const [message] = findings;
          const claimed = /refuses its preflight with status ([\d or]+)\./.exec(
            message?.message ?? '',
          )?.[1];
          if (shape.messageId === 'preflightRefused') {
            expect(claimed?.split(' or ').map(Number)).toContain(answer.status);
            expect(answer.allowOrigin).toBe(APP_ORIGIN);
          } else {
            expect(answer.status).toBeGreaterThanOrEqual(400);
            expect(answer.allowOrigin).toBeUndefined();
          }

          browser = await launchBrowser(
            hostResolverRules({ app: app.port, api: port, attacker: attacker.port }),
          );
          app.setClient(CLIENT);
          const page = await withContext(browser, (context) => runInPage(context, APP_ORIGIN));
          expect(page.outcomes[0]?.ok).toBe(false);
          const line = page.console.find((text) => /blocked by CORS policy/.test(text)) ?? '';
          expect(matchesConsoleLine(effect.failure, 'chrome', line), `Chromium said: ${line}`).toBe(
            true,
          );
        } finally {
          await browser?.close();
          await nginx.stop();
        }
      },
      120_000,
    );
  },
);

/** The little of Express's API the upstream app uses: the package ships no types of its own. */
interface UpstreamApp {
  use(middleware: unknown): void;
  put(
    path: string,
    handler: (request: unknown, response: { json(body: unknown): void }) => void,
  ): void;
  listen(port: number, host: string, ready: () => void): http.Server;
}
const load = createRequire(import.meta.url);
const loadExpress = () => load('express') as () => UpstreamApp;
const loadCors = () => load('cors') as (options: { origin: string }) => unknown;

/**
 * A location without CORS headers of its own, in front of an Express app whose `cors()` would answer
 * the preflight: with `limit_except` leaving OPTIONS out, nginx refuses the preflight itself (403,
 * no Access-Control-Allow-Origin) and the app never sees it. The finding names the location; the
 * same location without `limit_except` passes the preflight to the app, and the request works.
 */
describe.runIf(fs.existsSync('/usr/sbin/nginx') && fs.existsSync('/usr/bin/chromium'))(
  'nginx refusing the preflight in front of an app that would answer it, in real nginx and Chromium',
  () => {
    const serverSource = (port: number) =>
      [
        "import express from 'express';",
        "import cors from 'cors';",
        'const app = express();',
        `app.use(cors({ origin: '${APP_ORIGIN}' }));`,
        "app.put('/api/orders/:id', (req, res) => res.json({ ok: true }));",
        `app.listen(${port}, '127.0.0.1');`,
        '',
      ].join('\n');
    const location = (limit: boolean, upstream: number) =>
      `location /api/ { ${limit ? 'limit_except GET POST { deny all; } ' : ''}proxy_pass http://127.0.0.1:${upstream}; }`;

    it.each([
      ['limit_except without OPTIONS: nginx refuses the preflight', true],
      ['no limit_except: the app answers the preflight', false],
    ] as const)(
      '%s',
      async (_name, limit) => {
        if (!app || !attacker) throw new Error('the page servers did not start');
        const dir = fs.mkdtempSync(path.join(scratch, 'proxied-'));
        const upstreamPort = await freePort('127.0.0.1');
        // The linted config names the server by the client's host; the run listens on the test's port.
        const server = (listen: string) =>
          `server {\n    listen ${listen};\n    server_name api.example.test;\n    ${location(limit, upstreamPort)}\n}\n`;
        fs.writeFileSync(path.join(dir, 'nginx.conf'), server('80'));
        fs.writeFileSync(path.join(dir, 'server.js'), serverSource(upstreamPort));
        fs.writeFileSync(path.join(dir, 'client.js'), CLIENT);

        const findings = lintClient(dir);
        expect(findings.map((finding) => finding.messageId)).toEqual(
          limit ? ['preflightNotAnswered'] : [],
        );
        if (limit) expect(findings[0]?.message).toContain('nginx.conf:4');

        // The app the linted server.js describes, on the port nginx passes to.
        const upstream = loadExpress()();
        upstream.use(loadCors()({ origin: APP_ORIGIN }));
        upstream.put('/api/orders/:id', (_request, response) => {
          response.json({ ok: true });
        });
        const listening = await new Promise<http.Server>((resolve, reject) => {
          const started = upstream.listen(upstreamPort, '127.0.0.1', () => resolve(started));
          started.once('error', reject);
        });
        const port = await freePort(API_ADDRESS);
        const nginx = await runNginx(API_ADDRESS, port, server(`${API_ADDRESS}:${port}`));
        let browser: Browser | undefined;
        try {
          browser = await launchBrowser(
            hostResolverRules({ app: app.port, api: port, attacker: attacker.port }),
          );
          app.setClient(CLIENT);
          const page = await withContext(browser, (context) => runInPage(context, APP_ORIGIN));
          expect(page.outcomes[0]?.ok).toBe(!limit);
          if (limit) {
            const effect = browserEffect('require-allowed-method', 'preflightNotAnswered');
            if (effect?.kind !== 'blocked') throw new Error('preflightNotAnswered blocks nothing');
            const line = page.console.find((text) => /blocked by CORS policy/.test(text)) ?? '';
            expect(
              matchesConsoleLine(effect.failure, 'chrome', line),
              `Chromium said: ${line}`,
            ).toBe(true);
          }
        } finally {
          await browser?.close();
          await nginx.stop();
          await new Promise((resolve) => listening.close(resolve));
        }
      },
      120_000,
    );
  },
);
