/**
 * Real run of @middy/http-cors: the fixture's options applied by the installed middleware to a
 * synthetic API Gateway event from a foreign origin; the headers it returns are what the lint
 * findings say (with credentials, '*' becomes the caller's own Origin).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import type { ESLint } from 'eslint';
import { Linter } from 'eslint';
import { expect, it } from 'vitest';
import plugin from '../../src/index.js';

const FIXTURE = fileURLToPath(
  new URL('../../../../test-fixtures/middy/wildcard-origin-with-credentials.mjs', import.meta.url),
);
const ATTACKER = 'https://attacker.example';

it('middy with origin * and credentials echoes a foreign origin, as no-reflected-origin-with-credentials predicts', async () => {
  const findings = new Linter().verify(
    fs.readFileSync(FIXTURE, 'utf8'),
    [
      {
        files: ['**/*.mjs'],
        plugins: { cors: plugin as unknown as ESLint.Plugin },
        rules: plugin.configs.all[0].rules,
        languageOptions: { sourceType: 'module' },
      },
    ],
    { filename: FIXTURE },
  );
  expect(findings.map((finding) => finding.ruleId)).toEqual([
    'cors/no-reflected-origin-with-credentials',
  ]);

  // The fixture's exact options, applied by the real middleware.
  const handler = middy(async () => ({ statusCode: 200, body: '{}' })).use(
    httpCors({ origin: '*', credentials: true }),
  );
  const event = { httpMethod: 'GET', headers: { Origin: ATTACKER }, requestContext: {} };
  const response = (await handler(event as never, {} as never)) as {
    headers: Record<string, string>;
  };
  expect(response.headers['Access-Control-Allow-Origin']).toBe(ATTACKER);
  expect(response.headers['Access-Control-Allow-Credentials']).toBe('true');
  expect(response.headers.Vary).toBe('Origin');
});
