/**
 * Real run of Apollo Server's standalone server on a loopback port: it mounts `cors()` itself, so
 * every origin gets `Access-Control-Allow-Origin: *`, which is what no-permissive-origin reports
 * for the fixture.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { ESLint } from 'eslint';
import { Linter } from 'eslint';
import { afterAll, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const FIXTURE = fileURLToPath(
  new URL('../../../../test-fixtures/apollo/standalone-server.mjs', import.meta.url),
);

// The fixture's schema and server, on a port the system picks.
const server = new ApolloServer({
  typeDefs: 'type Query { hello: String }',
  resolvers: { Query: { hello: () => 'world' } },
});
afterAll(() => server.stop());

it("Apollo's standalone server answers a foreign origin with '*', as no-permissive-origin predicts", async () => {
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
  expect(findings.map((finding) => finding.ruleId)).toEqual(['cors/no-permissive-origin']);

  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  const response = await fetch(url, {
    method: 'POST',
    headers: { Origin: 'https://attacker.example', 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: '{ hello }' }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  expect(response.headers.get('access-control-allow-credentials')).toBeNull();
});
