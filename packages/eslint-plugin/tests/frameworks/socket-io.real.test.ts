/**
 * Real run of socket.io: the fixture's `cors` option given to the installed server on a loopback
 * port, and engine.io's long-polling handshake sent from a foreign origin. The headers it answers
 * with are the ones the lint finding is about: '*' together with credentials.
 */
import fs from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { ESLint } from 'eslint';
import { Linter } from 'eslint';
import { Server } from 'socket.io';
import { afterAll, beforeAll, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const FIXTURE = fileURLToPath(
  new URL('../../../../test-fixtures/socket.io/wildcard-with-credentials.mjs', import.meta.url),
);
const FOREIGN = 'https://app.example.com';

const httpServer = createServer();
// The fixture's exact options.
const io = new Server(httpServer, { cors: { origin: '*', credentials: true } });

beforeAll(() => new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve)));
afterAll(() => new Promise<void>((resolve) => void io.close(() => resolve())));

/** The engine.io v4 long-polling handshake, as a browser's socket.io client sends it. */
function handshake(): Promise<{
  status: number | undefined;
  headers: Record<string, string | string[] | undefined>;
}> {
  const { port } = httpServer.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/socket.io/?EIO=4&transport=polling',
        headers: { Origin: FOREIGN },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

it("socket.io with origin '*' and credentials answers the handshake with both headers, as no-wildcard-origin-with-credentials predicts", async () => {
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
    'cors/no-wildcard-origin-with-credentials',
  ]);

  const response = await handshake();
  expect(response.status).toBe(200);
  // The combination browsers reject for a credentialed request (cors-reference.md §3.6).
  expect(response.headers['access-control-allow-origin']).toBe('*');
  expect(response.headers['access-control-allow-credentials']).toBe('true');
});
