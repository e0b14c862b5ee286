/**
 * The contract rules against a Fastify server that registers @fastify/cors: the plugin serves every
 * route of the instance (fastify-plugin, not encapsulated), answers every preflight with its wildcard
 * OPTIONS route unless `preflight: false`, reflects the requested headers when `allowedHeaders` is
 * unset, and allows only GET, HEAD and POST by default from v11 on (cors-reference.md §3.2).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import allowedMethod from '../../src/rules/require-allowed-method.js';
import allowedHeaders from '../../src/rules/require-allowed-request-headers.js';
import credentials from '../../src/rules/client-credentials-need-server-credentials.js';

/** A workspace with one Fastify API (`api/server.js`, @fastify/cors `major`) and a web app. */
function fastifyProject(major: number, options: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-fastify-'));
  fs.writeFileSync(path.join(root, 'pnpm-workspace.yaml'), "packages:\n  - '*'\n");
  fs.mkdirSync(path.join(root, 'api'));
  fs.mkdirSync(path.join(root, 'web'));
  fs.writeFileSync(
    path.join(root, 'api', 'package.json'),
    JSON.stringify({ dependencies: { fastify: '^5.0.0', '@fastify/cors': `^${major}.0.0` } }),
  );
  fs.writeFileSync(
    path.join(root, 'api', 'server.js'),
    [
      "import Fastify from 'fastify';",
      "import cors from '@fastify/cors';",
      'const app = Fastify();',
      `await app.register(cors, ${options});`,
      "app.get('/items', async () => []);",
      "app.put('/items/:id', async (request) => request.body);",
      'await app.listen({ port: 3000 });',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(root, 'web', 'package.json'),
    JSON.stringify({ dependencies: { 'react-dom': '^19.0.0' } }),
  );
  return root;
}

const v11 = fastifyProject(11, "{ origin: 'http://localhost:5173' }");
const v10 = fastifyProject(10, "{ origin: 'http://localhost:5173' }");
const listed = fastifyProject(
  11,
  "{ origin: 'http://localhost:5173', methods: ['GET', 'PUT'], allowedHeaders: ['Content-Type'] }",
);
const noPreflight = fastifyProject(11, "{ origin: 'http://localhost:5173', preflight: false }");
const credentialed = fastifyProject(
  11,
  "{ origin: 'http://localhost:5173', credentials: true, methods: ['GET', 'PUT'] }",
);
const inProject = (root: string) => ({
  filename: path.join(root, 'web', 'client.js'),
  settings: { cors: { project: { root } } },
});

const ruleTester = new RuleTester();

ruleTester.run('require-allowed-method (Fastify)', allowedMethod, {
  valid: [
    // @fastify/cors 10 still allows PUT by default.
    { code: "fetch('http://localhost:3000/items/1', { method: 'PUT' });", ...inProject(v10) },
    { code: "fetch('http://localhost:3000/items/1', { method: 'PUT' });", ...inProject(listed) },
    // A simple GET needs no preflight, whether or not the plugin answers one.
    { code: "fetch('http://localhost:3000/items');", ...inProject(noPreflight) },
  ],
  invalid: [
    {
      code: "fetch('http://localhost:3000/items/1', { method: 'PUT' });",
      ...inProject(v11),
      errors: [
        {
          messageId: 'methodNotAllowed',
          data: { method: 'PUT', allowed: 'GET, HEAD, POST', server: 'api/server.js:4' },
          line: 1,
          column: 50,
          endColumn: 55,
        },
      ],
    },
    {
      code: "fetch('http://localhost:3000/items/1', { method: 'PUT' });",
      ...inProject(noPreflight),
      errors: [
        {
          messageId: 'preflightNotAnswered',
          data: { method: 'PUT', server: 'api/server.js:4' },
          line: 1,
          column: 50,
          endColumn: 55,
        },
      ],
    },
  ],
});

ruleTester.run('require-allowed-request-headers (Fastify)', allowedHeaders, {
  valid: [
    // Without `allowedHeaders` the plugin reflects the requested headers.
    {
      code: "fetch('http://localhost:3000/items', { headers: { 'X-Api-Key': 'k' } });",
      ...inProject(v11),
    },
    {
      code: "fetch('http://localhost:3000/items', { headers: { 'Content-Type': 'application/json' } });",
      ...inProject(listed),
    },
  ],
  invalid: [
    {
      code: "fetch('http://localhost:3000/items', { headers: { 'X-Api-Key': 'k' } });",
      ...inProject(listed),
      errors: [
        {
          messageId: 'headerNotAllowed',
          data: { header: 'X-Api-Key', server: 'api/server.js:4' },
          line: 1,
          column: 51,
          suggestions: [
            {
              messageId: 'removeHeader',
              data: { header: 'X-Api-Key' },
              output: "fetch('http://localhost:3000/items', { headers: {} });",
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('client-credentials-need-server-credentials (Fastify)', credentials, {
  valid: [
    {
      code: "fetch('http://localhost:3000/items', { credentials: 'include' });",
      ...inProject(credentialed),
    },
  ],
  invalid: [
    {
      code: "fetch('http://localhost:3000/items', { credentials: 'include' });",
      ...inProject(v11),
      errors: [
        {
          messageId: 'credentialsNotAllowed',
          data: { server: 'api/server.js:4' },
          line: 1,
          column: 40,
          suggestions: [
            { messageId: 'omitCredentials', output: "fetch('http://localhost:3000/items', {});" },
          ],
        },
      ],
    },
  ],
});
