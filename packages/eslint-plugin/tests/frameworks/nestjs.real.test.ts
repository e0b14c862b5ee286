/**
 * Real runs of NestJS on its Express adapter: a plain-JS app (no decorator syntax) calling
 * `app.enableCors(…)` is linted as written, then started on loopback, and the headers it sends to a
 * foreign origin's preflight and GET are compared with what the linter made of the call. Nest hands
 * the options to the `cors` package, so the policy the linter reads is the one that answers. The app
 * has no controllers: the 404 of `/items/1` carries the CORS headers all the same.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import type { ExtractedPolicy } from '../../src/utils/cors-context.js';
import { getCorsContext } from '../../src/utils/cors-context.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const APP_ORIGIN = 'https://app.example.com';
const FOREIGN = 'https://evil.example';
const NEST_PACKAGES = [
  '@nestjs/common',
  '@nestjs/core',
  '@nestjs/platform-express',
  'reflect-metadata',
];
const folders: string[] = [];
const closers: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const close of closers) await close();
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

/** A Nest app whose bootstrap calls `enableCors` with `corsArguments`, written as `app.js` in its own folder. */
function stageApp(corsArguments: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-nest-'));
  folders.push(folder);
  fs.writeFileSync(
    path.join(folder, 'package.json'),
    JSON.stringify({ name: 'nest-real-run', private: true, type: 'module' }),
  );
  for (const name of NEST_PACKAGES) {
    const link = path.join(folder, 'node_modules', name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules', name)), link, 'dir');
  }
  const file = path.join(folder, 'app.js');
  fs.writeFileSync(
    file,
    `import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

// Module() is a class decorator: applied by hand, it marks the class and returns nothing.
class AppModule {}
Module({ controllers: [] })(AppModule);

export async function start() {
  const app = await NestFactory.create(AppModule, { logger: false, abortOnError: false });
  app.enableCors(${corsArguments});
  await app.listen(0, '127.0.0.1');
  return app;
}
`,
  );
  return file;
}

/** Every rule's messages for the app, and the policy the rules saw in it. */
function lint(file: string): { ruleIds: (string | null)[]; policy: ExtractedPolicy | undefined } {
  let policies: readonly ExtractedPolicy[] = [];
  const probe = {
    create: (context: TSESLint.RuleContext<string, []>) => ({
      'Program:exit': () => void (policies = getCorsContext(context).policies),
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
  expect(policies).toHaveLength(1);
  return { ruleIds: messages.map((message) => message.ruleId), policy: policies[0] };
}

/** The methods the policy says a preflight lists when the code names none (the library's default). */
function defaultMethods(policy: ExtractedPolicy | undefined): string | undefined {
  return policy?.allowMethods.kind === 'default'
    ? policy.allowMethods.value.pieces.map((piece) => piece.text).join(',')
    : undefined;
}

/** Starts the staged app; its base URL. */
async function start(file: string): Promise<string> {
  const { start: startApp } = (await import(pathToFileURL(file).href)) as {
    start(): Promise<{ getUrl(): Promise<string>; close(): Promise<void> }>;
  };
  const app = await startApp();
  closers.push(() => app.close());
  return app.getUrl();
}

/** A browser's preflight for a PUT with a JSON body, and a GET with a cookie, both from `origin`. */
async function exchange(
  base: string,
  origin: string,
): Promise<{ preflight: Response; get: Response }> {
  const preflight = await fetch(`${base}/items/1`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'PUT',
      'Access-Control-Request-Headers': 'content-type',
    },
  });
  const get = await fetch(`${base}/items/1`, {
    headers: { Origin: origin, Cookie: 'session=abc' },
  });
  return { preflight, get };
}

it('enableCors with an allow-list and credentials: no report; a foreign origin gets no Allow-Origin, the listed one its own with credentials', async () => {
  const file = stageApp(`{ origin: ['${APP_ORIGIN}'], credentials: true }`);
  const { ruleIds, policy } = lint(file);
  expect(ruleIds).toEqual([]);
  expect(policy?.origin.kind).toBe('allow-list');
  expect(defaultMethods(policy)).toBe('GET,HEAD,PUT,PATCH,POST,DELETE');
  expect(policy?.credentials).toMatchObject({ kind: 'known', value: true });
  const base = await start(file);

  const foreign = await exchange(base, FOREIGN);
  expect(foreign.preflight.status).toBe(204);
  expect(foreign.preflight.headers.get('access-control-allow-origin')).toBeNull();
  expect(foreign.get.headers.get('access-control-allow-origin')).toBeNull();

  const listed = await exchange(base, APP_ORIGIN);
  expect(listed.preflight.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  expect(listed.preflight.headers.get('access-control-allow-credentials')).toBe('true');
  expect(listed.preflight.headers.get('access-control-allow-methods')).toBe(defaultMethods(policy));
  expect(listed.get.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  expect(listed.get.headers.get('access-control-allow-credentials')).toBe('true');
  expect(listed.get.headers.get('vary')).toContain('Origin');
});

it("enableCors() takes the cors package's defaults: '*' to every origin, no credentials, as no-permissive-local-server says", async () => {
  const file = stageApp('');
  const { ruleIds, policy } = lint(file);
  // The staged app listens on 127.0.0.1: a server on the user's machine that every website may read.
  expect(ruleIds).toEqual(['cors/no-permissive-local-server']);
  expect(policy?.origin).toMatchObject({ kind: 'wildcard', implicit: true });
  const base = await start(file);

  const { preflight, get } = await exchange(base, FOREIGN);
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  expect(preflight.headers.get('access-control-allow-methods')).toBe(defaultMethods(policy));
  // No allowedHeaders: the cors package echoes the requested ones.
  expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
  expect(get.headers.get('access-control-allow-origin')).toBe('*');
  expect(get.headers.get('access-control-allow-credentials')).toBeNull();
});
