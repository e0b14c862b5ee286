/**
 * The runtime classifier on the shapes real projects have: Node scripts and servers calling other
 * APIs, browser modules, Next.js file-system routes, tests, package manifests.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getCorsContext } from '../../src/utils/cors-context.js';
import type { RuntimeContext } from '../../src/utils/extract/context/runtime.js';

/** Lints `code` under `filename` with a probe rule that captures the file's runtime context. */
function classify(
  code: string,
  filename: string,
  settings: Record<string, unknown> = {},
): RuntimeContext {
  let captured: RuntimeContext | undefined;
  const probe = {
    meta: { type: 'problem', schema: [] },
    create(context: TSESLint.RuleContext<string, []>) {
      return {
        'Program:exit': () => {
          captured = getCorsContext(context).runtime;
        },
      };
    },
  };
  const linter = new Linter({ cwd: path.parse(filename).root || '/' });
  const config = {
    files: ['**/*.{js,ts}'],
    plugins: { probe: { rules: { runtime: probe } } } as never,
    rules: { 'probe/runtime': 'error' as const },
    settings,
    languageOptions: { sourceType: 'module' as const },
  };
  const messages = linter.verify(
    code,
    [config, { files: ['**/*.ts'], languageOptions: { parser: tsParser } }],
    filename,
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  if (!captured) throw new Error('the probe rule did not run');
  return captured;
}

const FETCH = `fetch('https://api.stripe.com/v1/charges', { headers: { Authorization: 'Bearer ' + key, 'X-Api-Version': '2' } });\n`;

describe('evidence in the file', () => {
  it('a module importing Node built-ins or a server package runs on a server', () => {
    expect(
      classify(`import { readFile } from 'node:fs/promises';\n${FETCH}`, '/p/src/sync.js'),
    ).toMatchObject({ runtime: 'server', evidence: "imports 'node:fs/promises'" });
    expect(classify(`const path = require('path');\n${FETCH}`, '/p/src/sync.js')).toMatchObject({
      runtime: 'server',
    });
    expect(classify(`import express from 'express';\n${FETCH}`, '/p/src/app.js').runtime).toBe(
      'server',
    );
    expect(
      classify(`import { Injectable } from '@nestjs/common';\n${FETCH}`, '/p/src/svc.ts').runtime,
    ).toBe('server');
    expect(classify(`const data = await import('fs');\n${FETCH}`, '/p/src/a.js').runtime).toBe(
      'server',
    );
    expect(classify(`console.log(__dirname);\n${FETCH}`, '/p/src/a.js').runtime).toBe('server');
  });

  it('directives, UI renderers and browser-only globals mean a browser', () => {
    expect(classify(`'use client';\n${FETCH}`, '/p/app/page.js')).toMatchObject({
      runtime: 'browser',
      evidence: "'use client'",
    });
    expect(
      classify(`import { createRoot } from 'react-dom/client';\n${FETCH}`, '/p/src/main.js')
        .runtime,
    ).toBe('browser');
    expect(
      classify(`const token = localStorage.getItem('t');\n${FETCH}`, '/p/src/api.js'),
    ).toMatchObject({ runtime: 'browser', evidence: "reads the global 'localStorage'" });
    expect(classify(`const xhr = new XMLHttpRequest();`, '/p/src/api.js').runtime).toBe('browser');
  });

  it("'use server' is a server; a local variable named window is not a browser global", () => {
    expect(classify(`'use server';\n${FETCH}`, '/p/app/actions.js').runtime).toBe('server');
    expect(
      classify(`const window = 5; const document = {};\n${FETCH}`, '/p/src/a.js').runtime,
    ).toBe('unknown');
  });

  it('server and browser evidence together make both (a universal module)', () => {
    expect(
      classify(`import fs from 'fs';\nif (typeof window !== 'undefined') ${FETCH}`, '/p/src/a.js')
        .runtime,
    ).toBe('both');
  });
});

describe('evidence in the path', () => {
  it.each([
    ['/p/app/api/orders/route.ts', 'server'],
    ['/p/src/app/(shop)/orders/route.js', 'server'],
    ['/p/pages/api/orders.ts', 'server'],
    ['/p/src/middleware.ts', 'server'],
    ['/p/app/routes/orders.server.ts', 'server'],
    ['/p/scripts/seed.js', 'server'],
    ['/p/server/index.js', 'server'],
    ['/p/client/api.js', 'browser'],
    ['/p/public/app.js', 'browser'],
    ['/p/src/api/orders.js', 'unknown'],
  ])('%s is %s', (file, runtime) => {
    expect(classify(FETCH, file).runtime).toBe(runtime);
  });

  it('test files are tests whatever else they are', () => {
    expect(classify(FETCH, '/p/src/api.test.ts').isTest).toBe(true);
    expect(classify(FETCH, '/p/src/__tests__/api.ts').isTest).toBe(true);
    expect(classify(FETCH, '/p/e2e/checkout.ts').isTest).toBe(true);
    expect(classify(FETCH, '/p/src/api.ts').isTest).toBe(false);
    // A folder whose name only contains "test" is not a test folder.
    expect(classify(FETCH, '/p/test-fixtures/api.ts').isTest).toBe(false);
  });

  it('the file evidence beats the path: a Node script under client/ still runs on a server', () => {
    expect(classify(`import fs from 'node:fs';\n${FETCH}`, '/p/client/build.js').runtime).toBe(
      'server',
    );
  });
});

describe('evidence in the nearest package.json', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'cors-runtime-'));
  const write = (folder: string, manifest: object) => {
    mkdirSync(path.join(root, folder), { recursive: true });
    writeFileSync(path.join(root, folder, 'package.json'), JSON.stringify(manifest));
  };
  write('api', { dependencies: { express: '^5.0.0', pg: '^8.0.0' } });
  write('web', {
    dependencies: { react: '^19.0.0', 'react-dom': '^19.0.0' },
    devDependencies: { vite: '^7.0.0' },
  });
  write('lib', { browser: './dist/browser.js' });
  write('next-app', {
    dependencies: { next: '^15.0.0', 'react-dom': '^19.0.0', '@prisma/client': '^6.0.0' },
  });
  write('tool', { bin: { tool: './cli.js' } });
  write('plain', { dependencies: { lodash: '^4.0.0' } });

  it.each([
    ['api/src/clients/stripe.js', 'server'],
    ['web/src/orders.js', 'browser'],
    ['lib/src/request.js', 'browser'],
    ['next-app/lib/orders.js', 'both'],
    ['tool/src/upload.js', 'server'],
    ['plain/src/upload.js', 'unknown'],
  ])('%s is %s', (file, runtime) => {
    expect(classify(FETCH, path.join(root, file)).runtime).toBe(runtime);
  });

  it('paths are read inside the package: a package kept under a folder named server/ is not all server code', () => {
    write('server/web', { dependencies: { 'react-dom': '^19.0.0' } });
    expect(classify(FETCH, path.join(root, 'server/web/src/orders.js')).runtime).toBe('browser');
  });
});

describe('settings.cors.runtime', () => {
  it('overrides the evidence, for files a config glob names', () => {
    expect(
      classify(`import fs from 'fs';\n${FETCH}`, '/p/src/a.js', { cors: { runtime: 'browser' } }),
    ).toMatchObject({ runtime: 'browser', evidence: 'settings.cors.runtime' });
    expect(classify(FETCH, '/p/src/a.js', { cors: { runtime: 'nonsense' } }).runtime).toBe(
      'unknown',
    );
  });
});
