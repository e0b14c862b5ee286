/**
 * Real runs of @fastify/cors (10 and 11), @koa/cors (4 and 5) and hono's cors(): each sample app is
 * linted where a package.json pins the library's major, then started on loopback, and the headers it
 * sends to a foreign origin's preflight and credentialed GET are compared with what the linter said.
 * The staged folder links the installed packages (`fastify-cors-10`, `koa-cors-4` under their real
 * names), so the version the linter reads is the version that runs.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { serve } from '@hono/node-server';
import { Linter } from 'eslint';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import type { ExtractedPolicy } from '../../src/utils/cors-context.js';
import { getCorsContext } from '../../src/utils/cors-context.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const FIXTURES = path.join(ROOT, 'test-fixtures');
const EVIL = 'https://evil.example';
const staged: string[] = [];
const servers: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const close of servers) await close();
  for (const folder of staged) fs.rmSync(folder, { recursive: true, force: true });
});

/** A folder with `package.json` pinning `ranges`, `node_modules` links to the installed packages, and the app. */
function stage(
  source: string,
  ranges: Record<string, string>,
  links: Record<string, string>,
): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-real-'));
  staged.push(folder);
  fs.writeFileSync(
    path.join(folder, 'package.json'),
    JSON.stringify({ name: 'real-run', private: true, type: 'module', dependencies: ranges }),
  );
  for (const [name, installed] of Object.entries(links)) {
    const link = path.join(folder, 'node_modules', name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules', installed)), link, 'dir');
  }
  const file = path.join(folder, 'app.js');
  fs.writeFileSync(file, source);
  return file;
}

/** Every rule's messages for the file, and the middleware policies the rules saw. */
function lint(file: string): { messages: Linter.LintMessage[]; policies: ExtractedPolicy[] } {
  let policies: ExtractedPolicy[] = [];
  const probe = {
    create: (context: TSESLint.RuleContext<string, []>) => ({
      'Program:exit': () => void (policies = [...getCorsContext(context).policies]),
    }),
  };
  const messages = new Linter({ configType: 'flat', cwd: path.dirname(file) }).verify(
    fs.readFileSync(file, 'utf8'),
    [
      {
        files: ['**/*.js'],
        languageOptions: { sourceType: 'module', ecmaVersion: 'latest' },
        plugins: { cors: plugin as never, probe: { rules: { probe } } as never },
        rules: { ...plugin.configs.all[0].rules, 'probe/probe': 'error' },
      },
    ],
    file,
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return { messages, policies: policies.filter((policy) => policy.source.kind === 'middleware') };
}

const ruleIds = (messages: readonly Linter.LintMessage[]) =>
  [...new Set(messages.map((message) => message.ruleId))].sort();

async function exchange(
  base: string,
  path_: string,
  method: string,
): Promise<{ preflight: Response; get: Response }> {
  const preflight = await fetch(base + path_, {
    method: 'OPTIONS',
    headers: {
      Origin: EVIL,
      'Access-Control-Request-Method': method,
      'Access-Control-Request-Headers': 'content-type',
    },
  });
  const get = await fetch(base + path_, { headers: { Origin: EVIL, Cookie: 'session=abc' } });
  return { preflight, get };
}

async function startFastify(file: string): Promise<string> {
  const { app } = (await import(pathToFileURL(file).href)) as {
    app: { listen(o: object): Promise<string>; close(): Promise<void> };
  };
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  servers.push(() => app.close());
  return address;
}

async function startKoa(file: string): Promise<string> {
  const { app } = (await import(pathToFileURL(file).href)) as {
    app: { listen(port: number, host: string): Server };
  };
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  servers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function startHono(file: string): Promise<string> {
  const { app } = (await import(pathToFileURL(file).href)) as {
    app: { fetch: (request: Request) => Response | Promise<Response> };
  };
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(started as Server),
    );
  });
  servers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const FASTIFY_LINKS = { fastify: 'fastify' };
const KOA_LINKS = { koa: 'koa', '@koa/router': '@koa/router' };

describe('@fastify/cors', () => {
  const source = fs.readFileSync(
    path.join(FIXTURES, 'fastify', 'fastify-cors-default-methods.js'),
    'utf8',
  );

  for (const [major, installed, expectedMethods] of [
    [11, '@fastify/cors', 'GET,HEAD,POST'],
    [10, 'fastify-cors-10', 'GET,HEAD,PUT,PATCH,POST,DELETE'],
  ] as const) {
    it(`v${major}: echoes a foreign origin with credentials, and its preflight lists the default methods the policy predicts`, async () => {
      const file = stage(
        source,
        { fastify: '^5.0.0', '@fastify/cors': `^${major}.0.0` },
        { ...FASTIFY_LINKS, '@fastify/cors': installed },
      );
      const { messages, policies } = lint(file);
      expect(ruleIds(messages)).toContain('cors/no-reflected-origin-with-credentials');
      const [policy] = policies;
      expect(policy?.origin.kind).toBe('reflect-any');
      expect(policy?.allowMethods.kind).toBe('default');
      const predicted =
        policy?.allowMethods.kind === 'default'
          ? policy.allowMethods.value.pieces.map((piece) => piece.text).join(',')
          : undefined;
      expect(predicted).toBe(expectedMethods);

      const { preflight, get } = await exchange(await startFastify(file), '/items/1', 'PUT');
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(EVIL);
      expect(preflight.headers.get('access-control-allow-methods')).toBe(predicted);
      // v11: PUT is not listed, so a browser's PUT fails its preflight.
      expect(
        preflight.headers.get('access-control-allow-methods')?.split(',').includes('PUT'),
      ).toBe(major === 10);
      expect(get.headers.get('access-control-allow-origin')).toBe(EVIL);
      expect(get.headers.get('access-control-allow-credentials')).toBe('true');
    });
  }

  it('the allow-list twin: no report, and a foreign origin gets no Allow-Origin', async () => {
    const file = stage(
      fs.readFileSync(path.join(FIXTURES, 'fastify', 'clean-fastify-cors-allow-list.js'), 'utf8'),
      { '@fastify/cors': '^11.0.0' },
      { ...FASTIFY_LINKS, '@fastify/cors': '@fastify/cors' },
    );
    expect(lint(file).messages).toEqual([]);
    const base = await startFastify(file);
    const { preflight, get } = await exchange(base, '/items/1', 'PUT');
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    const friendly = await fetch(`${base}/items/1`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'PUT' },
    });
    expect(friendly.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(friendly.headers.get('access-control-allow-methods')).toBe(
      'GET, HEAD, POST, PUT, DELETE',
    );
  });
});

describe('@koa/cors', () => {
  it('credentials: true echoes an attacker origin with credentials (v5), as reported', async () => {
    const file = stage(
      fs.readFileSync(path.join(FIXTURES, 'koa', 'koa-cors-credentials-reflect.js'), 'utf8'),
      { '@koa/cors': '^5.0.0' },
      { ...KOA_LINKS, '@koa/cors': '@koa/cors' },
    );
    const { messages } = lint(file);
    expect(ruleIds(messages)).toEqual(['cors/no-reflected-origin-with-credentials']);
    const { preflight, get } = await exchange(await startKoa(file), '/account', 'PUT');
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(EVIL);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,POST,PUT');
    expect(get.headers.get('access-control-allow-origin')).toBe(EVIL);
    expect(get.headers.get('access-control-allow-credentials')).toBe('true');
    expect(get.headers.get('vary')).toContain('Origin');
  });

  const DEFAULT_ORIGIN =
    "import Koa from 'koa';\nimport cors from '@koa/cors';\nexport const app = new Koa();\napp.use(cors());\napp.use((ctx) => { ctx.body = 'ok'; });\n";
  for (const [major, installed, model, header] of [
    [5, '@koa/cors', 'wildcard', '*'],
    [4, 'koa-cors-4', 'reflect-any', EVIL],
  ] as const) {
    it(`v${major}: without an origin option sends ${header === '*' ? "'*'" : 'the request Origin'}, as the policy says`, async () => {
      const file = stage(
        DEFAULT_ORIGIN,
        { '@koa/cors': `^${major}.0.0` },
        { koa: 'koa', '@koa/cors': installed },
      );
      const { messages, policies } = lint(file);
      expect(policies[0]?.origin.kind).toBe(model);
      expect(ruleIds(messages)).toEqual(['cors/no-permissive-origin']);
      const { get } = await exchange(await startKoa(file), '/', 'GET');
      expect(get.headers.get('access-control-allow-origin')).toBe(header);
      expect(get.headers.get('access-control-allow-credentials')).toBeNull();
    });
  }

  for (const [major, installed] of [
    [5, '@koa/cors'],
    [4, 'koa-cors-4'],
  ] as const) {
    it(`v${major}: an origin array is sent as it is, one header line per entry, as valid-allow-origin reports`, async () => {
      const file = stage(
        fs.readFileSync(path.join(FIXTURES, 'koa', 'origin-list-not-supported.js'), 'utf8'),
        { '@koa/cors': `^${major}.0.0` },
        { ...KOA_LINKS, '@koa/cors': installed },
      );
      const { messages, policies } = lint(file);
      expect(messages.map((message) => `${message.ruleId}/${message.messageId}`)).toEqual([
        'cors/valid-allow-origin/listNotSupported',
      ]);
      expect(policies[0]?.origin).toMatchObject({ kind: 'fixed', lines: 2 });
      const base = await startKoa(file);
      // Even a listed front end gets both lines, which browsers refuse.
      const friendly = await fetch(`${base}/account`, {
        headers: { Origin: 'https://app.example.com' },
      });
      expect(friendly.headers.get('access-control-allow-origin')).toBe(
        'https://app.example.com, https://admin.example.com',
      );
    });
  }

  it('the origin-function twin: no report, and each listed front end gets its own origin', async () => {
    const file = stage(
      fs.readFileSync(path.join(FIXTURES, 'koa', 'clean-koa-cors-origin-function.js'), 'utf8'),
      { '@koa/cors': '^5.0.0' },
      { ...KOA_LINKS, '@koa/cors': '@koa/cors' },
    );
    expect(lint(file).messages).toEqual([]);
    const base = await startKoa(file);
    const friendly = await fetch(`${base}/account`, {
      headers: { Origin: 'https://admin.example.com' },
    });
    expect(friendly.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
    const { get } = await exchange(base, '/account', 'PUT');
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the fixed-origin twin: no report, and the one origin is sent whatever the caller', async () => {
    const file = stage(
      fs.readFileSync(path.join(FIXTURES, 'koa', 'clean-koa-cors-fixed-origin.js'), 'utf8'),
      { '@koa/cors': '^5.0.0' },
      { ...KOA_LINKS, '@koa/cors': '@koa/cors' },
    );
    expect(lint(file).messages).toEqual([]);
    const { get } = await exchange(await startKoa(file), '/account', 'PUT');
    expect(get.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });
});

describe('cors', () => {
  async function startExpress(file: string): Promise<string> {
    const { app } = (await import(pathToFileURL(file).href)) as {
      app: { listen(port: number, host: string): Server };
    };
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    servers.push(() => new Promise((resolve) => server.close(() => resolve())));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const APP = (middleware: string) =>
    `import express from 'express';\nimport cors from 'cors';\nexport const app = express();\napp.use(${middleware});\napp.get('/', (req, res) => res.send('ok'));\n`;

  it("ignores a string argument and sends '*', as no-permissive-origin reports", async () => {
    const file = stage(
      APP("cors('https://app.example.com')"),
      {},
      { express: 'express', cors: 'cors' },
    );
    const { messages, policies } = lint(file);
    expect(ruleIds(messages)).toEqual(['cors/no-permissive-origin']);
    expect(policies[0]?.origin).toMatchObject({ kind: 'wildcard', implicit: true });
    const { get } = await exchange(await startExpress(file), '/', 'GET');
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('skips CORS for an explicit null origin (no default then), as the policy says', async () => {
    const file = stage(APP('cors({ origin: null })'), {}, { express: 'express', cors: 'cors' });
    const { messages, policies } = lint(file);
    expect(messages).toEqual([]);
    expect(policies[0]?.origin.kind).toBe('disabled');
    const { get } = await exchange(await startExpress(file), '/', 'GET');
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("compares '*' in an origin list like any entry: a foreign origin gets no header, as valid-allow-origin reports", async () => {
    const file = stage(
      APP("cors({ origin: ['https://app.example.com', '*'] })"),
      {},
      { express: 'express', cors: 'cors' },
    );
    const { messages } = lint(file);
    expect(messages.map((message) => `${message.ruleId}/${message.messageId}`)).toEqual([
      'cors/valid-allow-origin/wildcardEntry',
    ]);
    const base = await startExpress(file);
    const { preflight, get } = await exchange(base, '/', 'PUT');
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    const friendly = await fetch(base, { headers: { Origin: 'https://app.example.com' } });
    expect(friendly.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });
});

describe('hono cors()', () => {
  it("sends '*' with credentials as is, as reported", async () => {
    const file = stage(
      fs.readFileSync(path.join(FIXTURES, 'hono', 'hono-cors-wildcard-credentials.js'), 'utf8'),
      {},
      { hono: 'hono' },
    );
    const { messages } = lint(file);
    expect(ruleIds(messages)).toEqual(['cors/no-wildcard-origin-with-credentials']);
    const { preflight, get } = await exchange(await startHono(file), '/api/profile', 'PUT');
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
    expect(get.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('the allow-list twin: no report; a foreign origin gets no Allow-Origin, a listed one its own', async () => {
    const file = stage(
      fs.readFileSync(path.join(FIXTURES, 'hono', 'clean-hono-cors-allow-list.js'), 'utf8'),
      {},
      { hono: 'hono' },
    );
    expect(lint(file).messages).toEqual([]);
    const base = await startHono(file);
    const { preflight, get } = await exchange(base, '/api/profile', 'PUT');
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    const friendly = await fetch(`${base}/api/profile`, {
      headers: { Origin: 'https://admin.example.com' },
    });
    expect(friendly.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
    expect(friendly.headers.get('access-control-allow-credentials')).toBe('true');
  });
});
