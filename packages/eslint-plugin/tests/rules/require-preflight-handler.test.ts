import { RuleTester } from '@typescript-eslint/rule-tester';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../src/rules/require-preflight-handler.js';

const ruleTester = new RuleTester();
const here = path.dirname(fileURLToPath(import.meta.url));
/** A file next to a package.json that pins express to this major (or to `latest`: unknown). */
const underExpress = (folder: 'express4' | 'express5' | 'unpinned') =>
  path.join(here, '..', 'fixtures', 'require-preflight-handler', folder, 'server.js');

ruleTester.run('require-preflight-handler', rule, {
  valid: [
    // App-level cors() answers every preflight itself.
    `
const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: 'https://app.example.com' }));
app.put('/items/:id', (req, res) => res.json({}));
`,
    // The route-level twin with an OPTIONS route for the same path.
    `
import express from 'express';
import cors from 'cors';
const app = express();
const corsOptions = { origin: 'https://app.example.com' };
app.options('/items/:id', cors(corsOptions));
app.put('/items/:id', cors(corsOptions), (req, res) => res.json({}));
`,
    // A GET without custom request headers is not preflighted: route-level cors() is enough.
    `
const express = require('express');
const cors = require('cors');
const app = express();
app.get('/items', cors({ origin: 'https://app.example.com' }), (req, res) => res.json([]));
app.post('/items', cors({ origin: 'https://app.example.com', allowedHeaders: ['Accept'] }), (req, res) => res.json({}));
`,
    // Headers set by hand in app.use: Express answers OPTIONS itself and keeps them (no report).
    `
const express = require('express');
const app = express();
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  res.setHeader('Access-Control-Allow-Methods', 'PATCH');
  next();
});
app.patch('/items/:id', (req, res) => res.json({}));
`,
    // Imported middleware may answer the preflight: unknown is not wrong.
    `
const express = require('express');
const cors = require('cors');
const { corsMiddleware } = require('./cors-setup');
const app = express();
app.use('/api', corsMiddleware);
app.delete('/api/items/:id', cors(), (req, res) => res.status(204).end());
`,
    // cors({ origin: false }) sends no CORS headers at all: nothing to answer.
    `
const express = require('express');
const cors = require('cors');
const app = express();
app.put('/x', cors({ origin: false }), (req, res) => res.json({}));
`,
    // Express 4 accepts '*'; an unpinned version is unknown.
    {
      code: "const express = require('express');\nconst cors = require('cors');\nconst app = express();\napp.options('*', cors());\n",
      filename: underExpress('express4'),
    },
    {
      code: "const express = require('express');\nconst cors = require('cors');\nconst app = express();\napp.options('*', cors());\n",
      filename: underExpress('unpinned'),
    },
    // Express 5 with a named wildcard.
    {
      code: "const express = require('express');\nconst cors = require('cors');\nconst app = express();\napp.options('/{*splat}', cors());\n",
      filename: underExpress('express5'),
    },
    // A raw handler that answers OPTIONS.
    `
const http = require('node:http');
http.createServer((req, res) => {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { 'Access-Control-Allow-Origin': 'https://app.example.com', 'Access-Control-Allow-Methods': 'PATCH' });
    return res.end();
  }
  if (req.method === 'PATCH') {
    res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
    res.end('{}');
  }
});
`,
    // Headers written for every method: the preflight gets them; its status depends on code we do not follow.
    `
import http from 'node:http';
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  res.setHeader('Access-Control-Allow-Methods', 'PATCH');
  if (req.method === 'PATCH') return res.end('{}');
  res.end();
});
`,
    // A Next.js route module with an OPTIONS export.
    {
      code: `
const corsHeaders = { 'Access-Control-Allow-Origin': 'https://app.example.com', 'Access-Control-Allow-Methods': 'PUT' };
export async function PUT(request) {
  return Response.json({}, { headers: corsHeaders });
}
export function OPTIONS() {
  return new Response(null, { status: 204, headers: corsHeaders });
}
`,
      filename: 'app/api/items/route.ts',
    },
    // The same exports outside a route file: not a Next.js route handler.
    {
      code: `
const corsHeaders = { 'Access-Control-Allow-Origin': 'https://app.example.com' };
export async function PUT(request) {
  return Response.json({}, { headers: corsHeaders });
}
`,
      filename: 'lib/handlers.ts',
    },
    // Fastify: a plugin registration may add the OPTIONS route (e.g. @fastify/cors).
    `
const fastify = require('fastify')();
fastify.register(require('./routes'));
fastify.addHook('onRequest', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', 'https://app.example.com');
});
fastify.put('/items/:id', async () => ({}));
`,
    // Fastify with an OPTIONS route.
    `
import Fastify from 'fastify';
const app = Fastify();
app.addHook('onRequest', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', 'https://app.example.com');
});
app.options('*', async (request, reply) => reply.code(204).send());
app.put('/items/:id', async () => ({}));
`,
    // preflightContinue: true with a route for the path: Express answers the preflight (200) and keeps cors()'s headers.
    `
const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: 'https://app.example.com', preflightContinue: true }));
app.put('/items/:id', (req, res) => res.json({}));
`,
    // preflightContinue: true followed by a handler of this file that may answer OPTIONS itself.
    `
const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: 'https://app.example.com', preflightContinue: true }));
app.use((req, res) => res.sendStatus(204));
`,
    // app.all for the same path runs cors() for OPTIONS too.
    `
const express = require('express');
const cors = require('cors');
const app = express();
app.all('/items/:id', cors({ origin: 'https://app.example.com' }));
app.patch('/items/:id', cors({ origin: 'https://app.example.com' }), (req, res) => res.json({}));
`,
    // Fastify route() with OPTIONS among its methods.
    `
const fastify = require('fastify')();
fastify.addHook('preHandler', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', 'https://app.example.com');
});
fastify.route({ method: ['PUT', 'OPTIONS'], url: '/items/:id', handler: async () => ({}) });
`,
  ],
  invalid: [
    {
      output: null,
      code: `const express = require('express');
const cors = require('cors');
const app = express();
app.put('/items/:id', cors({ origin: 'https://app.example.com' }), (req, res) => res.json({}));
`,
      errors: [
        {
          messageId: 'routeLevelCors',
          data: { method: 'PUT', path: '/items/:id' },
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'addOptionsRoute',
              data: { path: '/items/:id' },
              output: `const express = require('express');
const cors = require('cors');
const app = express();
app.options('/items/:id', cors({ origin: 'https://app.example.com' }));
app.put('/items/:id', cors({ origin: 'https://app.example.com' }), (req, res) => res.json({}));
`,
            },
          ],
        },
      ],
    },
    {
      output: null,
      // POST with listed custom headers is preflighted; the middleware is shared through a constant.
      code: `import express from 'express';
import cors from 'cors';
const app = express();
const apiCors = cors({ origin: 'https://app.example.com', allowedHeaders: ['Content-Type', 'Authorization'] });
app.use(express.json());
  app.post('/orders', apiCors, (req, res) => res.json({}));
`,
      errors: [
        {
          messageId: 'routeLevelCors',
          data: { method: 'POST', path: '/orders' },
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'addOptionsRoute',
              data: { path: '/orders' },
              output: `import express from 'express';
import cors from 'cors';
const app = express();
const apiCors = cors({ origin: 'https://app.example.com', allowedHeaders: ['Content-Type', 'Authorization'] });
app.use(express.json());
  app.options('/orders', apiCors);
  app.post('/orders', apiCors, (req, res) => res.json({}));
`,
            },
          ],
        },
      ],
    },
    {
      output: null,
      // An OPTIONS route for another path does not answer this one.
      code: `const app = require('express')();
const cors = require('cors');
app.options('/users', cors());
app.delete('/items/:id', cors(), (req, res) => res.status(204).end());
`,
      errors: [
        {
          messageId: 'routeLevelCors',
          data: { method: 'DELETE', path: '/items/:id' },
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'addOptionsRoute',
              output: `const app = require('express')();
const cors = require('cors');
app.options('/users', cors());
app.options('/items/:id', cors());
app.delete('/items/:id', cors(), (req, res) => res.status(204).end());
`,
            },
          ],
        },
      ],
    },
    {
      // Express 5: an unnamed wildcard throws when the route is registered.
      code: "const express = require('express');\nconst cors = require('cors');\nconst app = express();\napp.options('*', cors());\napp.all('/api/*', cors());\n",
      filename: underExpress('express5'),
      output:
        "const express = require('express');\nconst cors = require('cors');\nconst app = express();\napp.options('/{*splat}', cors());\napp.all('/api/{*splat}', cors());\n",
      errors: [
        {
          messageId: 'express5UnnamedWildcard',
          data: { path: '*', fixed: '/{*splat}', major: '5' },
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 16,
        },
        {
          messageId: 'express5UnnamedWildcard',
          data: { path: '/api/*', fixed: '/api/{*splat}', major: '5' },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 17,
        },
      ],
    },
    {
      output: null,
      // A raw handler that sets CORS headers only in its PATCH branch.
      code: `const http = require('node:http');
http.createServer((req, res) => {
  if (req.method === 'PATCH') {
    res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
    res.setHeader('Access-Control-Allow-Methods', 'PATCH');
    res.end('{}');
    return;
  }
  res.writeHead(404);
  res.end();
});
`,
      errors: [
        {
          messageId: 'handlerWithoutOptions',
          data: { method: 'PATCH' },
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'addOptionsBranch',
              output: `const http = require('node:http');
http.createServer((req, res) => {
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
    res.setHeader('Access-Control-Allow-Methods', 'PATCH');
    res.writeHead(204);
    res.end();
    return;
  }
  if (req.method === 'PATCH') {
    res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
    res.setHeader('Access-Control-Allow-Methods', 'PATCH');
    res.end('{}');
    return;
  }
  res.writeHead(404);
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      output: null,
      // After a guard that returns for other methods: OPTIONS never reaches the headers. No
      // Allow-Methods written, so there is nothing safe to copy: no suggestion.
      code: `import { createServer } from 'node:http';
function handler(request, response) {
  if (request.method !== 'DELETE') {
    response.statusCode = 405;
    return response.end();
  }
  response.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  response.end();
}
createServer(handler).listen(3000);
`,
      errors: [
        {
          messageId: 'handlerWithoutOptions',
          data: { method: 'DELETE' },
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 34,
          suggestions: [],
        },
      ],
    },
    {
      output: null,
      // A Next.js route handler for PUT without an OPTIONS export.
      code: `const corsHeaders = { 'Access-Control-Allow-Origin': 'https://app.example.com' };
export async function GET() {
  return Response.json([], { headers: corsHeaders });
}
export async function PUT(request) {
  return Response.json({}, { headers: corsHeaders });
}
`,
      filename: 'app/api/items/route.ts',
      errors: [
        {
          messageId: 'routeModuleWithoutOptions',
          data: { method: 'PUT' },
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'addOptionsExport',
              output: `const corsHeaders = { 'Access-Control-Allow-Origin': 'https://app.example.com' };
export async function GET() {
  return Response.json([], { headers: corsHeaders });
}
export async function PUT(request) {
  return Response.json({}, { headers: corsHeaders });
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: { ...corsHeaders, 'Access-Control-Allow-Methods': 'GET, PUT' } });
}
`,
            },
          ],
        },
      ],
    },
    {
      output: null,
      // Headers written inline: the OPTIONS export gets the same constant values.
      code: `export async function DELETE() {
  return new Response(null, { status: 204, headers: { 'Access-Control-Allow-Origin': 'https://app.example.com', 'Access-Control-Allow-Methods': 'DELETE' } });
}
`,
      filename: 'app/api/items/[id]/route.js',
      errors: [
        {
          messageId: 'routeModuleWithoutOptions',
          data: { method: 'DELETE' },
          line: 1,
          column: 23,
          endLine: 1,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'addOptionsExport',
              output: `export async function DELETE() {
  return new Response(null, { status: 204, headers: { 'Access-Control-Allow-Origin': 'https://app.example.com', 'Access-Control-Allow-Methods': 'DELETE' } });
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: { 'Access-Control-Allow-Origin': 'https://app.example.com', 'Access-Control-Allow-Methods': 'DELETE' } });
}
`,
            },
          ],
        },
      ],
    },
    {
      output: null,
      // Fastify: the hook adds the headers, but OPTIONS /items/:id is a 404.
      code: `const fastify = require('fastify')({ logger: true });
fastify.addHook('onRequest', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', 'https://app.example.com');
});
fastify.get('/items', async () => []);
fastify.patch('/items/:id', async () => ({}));
`,
      errors: [
        {
          messageId: 'fastifyWithoutOptionsRoute',
          data: { method: 'PATCH', path: '/items/:id', hook: 'onRequest' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'addFastifyOptionsRoute',
              output: `const fastify = require('fastify')({ logger: true });
fastify.addHook('onRequest', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', 'https://app.example.com');
});
fastify.get('/items', async () => []);
fastify.options('*', (request, reply) => reply.code(204).send());
fastify.patch('/items/:id', async () => ({}));
`,
            },
          ],
        },
      ],
    },
    {
      // cors() on another path does not cover this route.
      code: `const express = require('express');
const cors = require('cors');
const app = express();
app.use('/public', cors());
app.put('/items/:id', cors(), (req, res) => res.json({}));
`,
      output: null,
      errors: [
        {
          messageId: 'routeLevelCors',
          data: { method: 'PUT', path: '/items/:id' },
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'addOptionsRoute',
              output: `const express = require('express');
const cors = require('cors');
const app = express();
app.use('/public', cors());
app.options('/items/:id', cors());
app.put('/items/:id', cors(), (req, res) => res.json({}));
`,
            },
          ],
        },
      ],
    },
    {
      // preflightContinue: true in front of static files only: the preflight ends in Express's 404.
      code: `const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: 'https://app.example.com', preflightContinue: true }), express.json());
app.use(express.static('public'));
`,
      output: null,
      errors: [
        {
          messageId: 'preflightContinueWithoutAnswer',
          line: 4,
          column: 51,
          endLine: 4,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'removePreflightContinue',
              output: `const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: 'https://app.example.com' }), express.json());
app.use(express.static('public'));
`,
            },
          ],
        },
      ],
    },
    {
      // The method test inside \`&&\`: still only PATCH requests get the headers.
      code: `const http = require('http');
const server = http.createServer(function (req, res) {
  if (req.url === '/notes' && req.method === 'PATCH') {
    res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
    res.end();
  }
});
`,
      output: null,
      errors: [
        {
          messageId: 'handlerWithoutOptions',
          data: { method: 'PATCH' },
          line: 3,
          column: 46,
          endLine: 3,
          endColumn: 53,
          suggestions: [],
        },
      ],
    },
  ],
});
