/**
 * The contract rules against a Fastify server that registers @fastify/cors: the plugin serves every
 * route of the instance (fastify-plugin, not encapsulated), answers every preflight with its wildcard
 * OPTIONS route unless `preflight: false`, reflects the requested headers when `allowedHeaders` is
 * unset, and allows only GET, HEAD and POST by default from v11 on (cors-reference.md §3.2).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import allowedMethod from '../../src/rules/require-allowed-method.js';
import allowedHeaders from '../../src/rules/require-allowed-request-headers.js';
import credentials from '../../src/rules/client-credentials-need-server-credentials.js';

/**
 * Workspaces in tests/fixtures/fastify-contract, each one Fastify API (`api/server.js`, whose line 4
 * registers @fastify/cors with the major its package.json names) and a web app.
 */
const fixtures = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'fastify-contract',
);
const v11 = path.join(fixtures, 'v11'); // major 11, origin only
const v10 = path.join(fixtures, 'v10'); // major 10, origin only
const listed = path.join(fixtures, 'listed'); // methods GET, PUT; allowedHeaders Content-Type
const noPreflight = path.join(fixtures, 'no-preflight'); // preflight: false
const credentialed = path.join(fixtures, 'credentialed'); // credentials: true
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
