import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-permissive-local-server.js';

const ruleTester = new RuleTester();

ruleTester.run('no-permissive-local-server', rule, {
  valid: [
    // The branch that can be read lists its origins; the caller's options are unknown, not permissive.
    `
import cors from 'cors';
import express from 'express';
export function serve(settings) {
  const app = express();
  app.use(cors(settings.cors ?? { origin: ['https://app.example.com'] }));
  app.listen(5173, '127.0.0.1');
}
`,
    // A public API: '*' without credentials, nothing local about it.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors());
app.listen(8080);
`,
    // Bound to every interface, running nothing: a public server.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors());
app.listen(8080, '0.0.0.0');
`,
    // A local tool that lists its UI's origin.
    `
import { spawn } from 'node:child_process';
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: 'http://localhost:6274' }));
app.listen(6277, 'localhost');
`,
    // Not evidence of a local, privileged server (deployed servers show them too): a command-line entry point,
    // state under the home folder, a host that only defaults to every interface, a localhost URL in a log line.
    `#!/usr/bin/env node
import os from 'node:os';
import path from 'node:path';
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ exposedHeaders: ['X-Request-Id'] }));
const STATE = path.join(os.homedir(), '.example-tool', 'state.json');
const HOST = process.env.HOST || '0.0.0.0';
app.listen(3001, HOST, () => console.log(\`Ready on http://localhost:3001, state in \${STATE}\`));
`,
    `
import http from 'node:http';
const host = process.env.SERVER_HOST || '::';
const server = http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.end('ok');
});
server.listen(5338, host, () => console.log(\`http://\${host === '::' ? 'localhost' : host}:5338\`));
`,
    // Only a type comes from the MCP SDK: the import is erased, nothing runs.
    {
      code: `
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors());
`,
      filename: 'server.ts',
    },
  ],
  invalid: [
    {
      // Options that choose between objects: each branch is possible. A settings flag set to a
      // boolean gets the cors defaults ('*') on a loopback dev server.
      code: `
import cors from 'cors';
import express from 'express';
export function serve(settings) {
  const app = express();
  if (settings.cors !== false) app.use(cors(typeof settings.cors === 'boolean' ? {} : settings.cors));
  app.listen(5173, '127.0.0.1');
}
`,
      errors: [
        {
          messageId: 'permissiveLocalServer',
          data: {
            how: "`cors()` without an `origin` option (its default is '*')",
            because: "it listens on 127.0.0.1, on the user's machine",
          },
          line: 6,
          column: 40,
          endLine: 6,
          endColumn: 101,
          suggestions: [
            {
              messageId: 'useAllowList',
              data: { origin: "'<your-app-origin>'" },
              output: `
import cors from 'cors';
import express from 'express';
export function serve(settings) {
  const app = express();
  if (settings.cors !== false) app.use(cors(typeof settings.cors === 'boolean' ? { origin: ['<your-app-origin>'] } : settings.cors));
  app.listen(5173, '127.0.0.1');
}
`,
            },
          ],
        },
      ],
    },
    {
      // CVE-2025-49596's shape: a proxy that spawns local programs, open to every origin.
      code: `
import { spawn } from 'node:child_process';
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors());
`,
      errors: [
        {
          messageId: 'permissiveLocalServer',
          data: {
            how: "`cors()` without an `origin` option (its default is '*')",
            because: "it runs local programs (imports 'node:child_process')",
          },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowList',
              data: { origin: "'<your-app-origin>'" },
              output: `
import { spawn } from 'node:child_process';
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: ['<your-app-origin>'] }));
`,
            },
          ],
        },
      ],
    },
    {
      // A hand-set '*' on a server bound to loopback through a constant.
      code: `
import http from 'node:http';
const HOST = '127.0.0.1';
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.end('ok');
}).listen(4000, HOST);
`,
      errors: [
        {
          messageId: 'permissiveLocalServer',
          data: {
            how: "Access-Control-Allow-Origin '*'",
            because: "it listens on 127.0.0.1, on the user's machine",
          },
          line: 5,
          column: 48,
          endLine: 5,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              data: { origin: "'<your-app-origin>'" },
              output: `
import http from 'node:http';
const HOST = '127.0.0.1';
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '<your-app-origin>');
  res.end('ok');
}).listen(4000, HOST);
`,
            },
          ],
        },
      ],
    },
    {
      // An MCP server over HTTP with @fastify/cors reflecting every origin, listening on localhost.
      code: `
import Fastify from 'fastify';
import cors from '@fastify/cors';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
const fastify = Fastify();
await fastify.register(cors, { origin: true });
await fastify.listen({ port: 12306, host: 'localhost' });
`,
      errors: [
        {
          messageId: 'permissiveLocalServer',
          data: {
            how: '`origin: true`',
            because: "it listens on localhost, on the user's machine",
          },
          line: 6,
          column: 40,
          endLine: 6,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import Fastify from 'fastify';
import cors from '@fastify/cors';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
const fastify = Fastify();
await fastify.register(cors, { origin: ['<your-app-origin>'] });
await fastify.listen({ port: 12306, host: 'localhost' });
`,
            },
          ],
        },
      ],
    },
  ],
});
