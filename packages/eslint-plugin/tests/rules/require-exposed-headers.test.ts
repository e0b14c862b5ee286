import { RuleTester } from '@typescript-eslint/rule-tester';
import path from 'node:path';
import rule from '../../src/rules/require-exposed-headers.js';
import {
  CLEAN_PROJECT,
  CLEAN_UPSTREAM_PROJECT,
  clientFile,
  PROJECT,
  projectSettings,
  UPSTREAM_PROJECT,
} from '../helpers/project-fixture.js';

/** A server file of the sample project, so the scripts of the project decide which hidden headers matter. */
const serverFile = path.join(PROJECT, 'apps/api/inline.js');
const serverInProject = `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: 'http://localhost:5173' }));
app.get('/api/orders', (req, res) => {
  res.set('X-Total-Count', '2');
  res.set('X-Request-Id', 'r1');
  res.json([]);
});
`;

const ruleTester = new RuleTester();

ruleTester.run('require-exposed-headers', rule, {
  valid: [
    // With the project index on, a hidden header no script of the project reads is reported nowhere: X-Request-Id.
    {
      code: serverInProject.replace("  res.set('X-Total-Count', '2');\n", ''),
      filename: serverFile,
      settings: projectSettings(),
    },
    // A client read of a header its server exposes (the clean twin), or does not write at all.
    {
      code: "const r = await fetch('http://localhost:3000/api/orders'); r.headers.get('X-Total-Count');",
      filename: clientFile(CLEAN_PROJECT),
      settings: projectSettings(CLEAN_PROJECT),
    },
    {
      code: "const r = await fetch('http://localhost:3000/api/orders'); r.headers.get('X-Page-Size');",
      filename: clientFile(),
      settings: projectSettings(),
    },
    // Through the dev proxy: same-origin, every header readable.
    {
      code: "const r = await fetch('/api/orders'); r.headers.get('X-Total-Count');",
      filename: clientFile(),
      settings: projectSettings(),
    },
    // Headers browsers and caches read by themselves: reported only with `all` (or a script reading them).
    `
const cors = require('cors');
const app = require('express')();
app.use(cors({ origin: 'https://app.example.com', exposedHeaders: ['X-Request-Id'] }));
app.get('/items/:id', (req, res) => {
  res.setHeader('ETag', '"v1"');
  res.json({});
});
`,
    // Headers browsers and caches read by themselves: reported only with `all` (or a script reading them).
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use('/api', cors({ origin: 'https://app.example.com', exposedHeaders: 'X-Request-Id' }));
app.get('/api/items', (req, res) => {
  res.links({ next: '/api/items?page=2' });
  res.json([]);
});
`,
    // Every custom header is listed (names compare case-insensitively).
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: 'https://app.example.com', exposedHeaders: ['x-total-count', 'ETag'] }));
app.get('/items', (req, res) => {
  res.set('X-Total-Count', '42');
  res.setHeader('etag', '"v1"');
  res.json([]);
});
`,
    // Safelisted headers, Set-Cookie (never readable), Vary and headers meant for the browser need no listing.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors());
app.get('/items', (req, res) => {
  res.set('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.set('Last-Modified', new Date().toUTCString());
  res.setHeader('Set-Cookie', 'session=1; HttpOnly');
  res.vary('Accept-Encoding');
  res.setHeader('Strict-Transport-Security', 'max-age=63072000');
  res.send('[]');
});
`,
    // cors() is mounted on another path: it does not reach /items.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use('/public', cors());
app.get('/items', (req, res) => {
  res.set('X-Total-Count', '42');
  res.json([]);
});
`,
    // cors() is registered after the route, which answers first.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.get('/items', (req, res) => {
  res.set('X-Total-Count', '42');
  res.json([]);
});
app.use(cors());
`,
    // '*' exposes every header to requests without credentials.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: 'https://app.example.com', exposedHeaders: '*' }));
app.get('/items', (req, res) => {
  res.set('X-Total-Count', '42');
  res.json([]);
});
`,
    // An expose list we cannot read may list the header: unknown is not wrong.
    `
import cors from 'cors';
import express from 'express';
import { exposed } from './config.js';
const app = express();
app.use(cors({ origin: 'https://app.example.com', exposedHeaders: exposed }));
app.use(cors({ origin: 'https://app.example.com', exposedHeaders: ['X-Request-Id', ...exposed] }));
app.get('/items', (req, res) => {
  res.set('X-Total-Count', '42');
  res.json([]);
});
`,
    // origin: false sends no CORS headers at all.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: false }));
app.get('/items', (req, res) => {
  res.set('X-Total-Count', '42');
  res.json([]);
});
`,
    // Writes on a Map are not response headers; a router the file never mounts under cors() is not reached.
    `
import cors from 'cors';
import express from 'express';
const app = express();
const router = express.Router();
const cache = new Map();
app.use(cors());
app.get('/items', (req, res) => {
  cache.set('X-Total-Count', 42);
  req.params.set?.('X-Page', 1);
  res.json([]);
});
router.get('/users', (req, res) => {
  res.set('X-Total-Count', '42');
  res.json([]);
});
`,
    // The response lists the header in its own Access-Control-Expose-Headers.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors());
app.get('/items', (req, res) => {
  res.set('Access-Control-Expose-Headers', 'X-Total-Count');
  res.set('X-Total-Count', '42');
  res.json([]);
});
`,
    // @fastify/cors is not modelled: no guess.
    `
import Fastify from 'fastify';
import cors from '@fastify/cors';
const fastify = Fastify();
await fastify.register(cors, { origin: 'https://app.example.com' });
fastify.get('/items', async (request, reply) => {
  reply.header('X-Total-Count', 42);
  return [];
});
`,
    // Hand-set headers without Access-Control-Allow-Origin: not a CORS response we can see.
    `
const http = require('node:http');
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Methods', 'GET, PUT');
  res.setHeader('X-Total-Count', '42');
  res.end('[]');
});
`,
    // A Next.js route handler exposing '*' without credentials.
    `
export async function GET(request: Request) {
  return Response.json([], {
    headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': '*', 'X-Total-Count': '42' },
  });
}
`,
    // Through nginx: the app behind `location /products` (no CORS of its own there) exposes X-Total-Count.
    {
      code: "const r = await fetch('http://localhost:8080/products'); r.headers.get('X-Total-Count');",
      filename: clientFile(UPSTREAM_PROJECT),
      settings: projectSettings(UPSTREAM_PROJECT),
    },
    // nginx's `location /reviews` adds CORS and exposes the app's X-Total-Count.
    {
      code: "const r = await fetch('http://localhost:8080/reviews'); r.headers.get('X-Total-Count');",
      filename: clientFile(CLEAN_UPSTREAM_PROJECT),
      settings: projectSettings(CLEAN_UPSTREAM_PROJECT),
    },
  ],
  invalid: [
    {
      // nginx's `location /reviews` adds its own CORS headers and exposes nothing; the app behind it
      // (apps/api/clean-server.js) writes X-Total-Count, which reaches the page through nginx.
      code: "const r = await fetch('http://localhost:8080/reviews'); r.headers.get('X-Total-Count');",
      filename: clientFile(UPSTREAM_PROJECT),
      settings: projectSettings(UPSTREAM_PROJECT),
      output: null,
      errors: [
        {
          messageId: 'headerNotExposedByServer',
          data: { header: 'X-Total-Count', server: 'deploy/nginx.conf:25' },
          line: 1,
          column: 71,
          endColumn: 86,
        },
      ],
    },
    // cors() without exposedHeaders: the suggestion creates the option.
    {
      code: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors());
app.get('/items', (req, res) => {
  res.set('X-Total-Count', '42');
  res.json([]);
});
`,
      output: null,
      errors: [
        {
          messageId: 'headerNotExposed',
          data: { header: 'X-Total-Count' },
          line: 7,
          column: 28,
          endLine: 7,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'exposeHeader',
              data: { header: 'X-Total-Count' },
              output: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ exposedHeaders: ['X-Total-Count'] }));
app.get('/items', (req, res) => {
  res.set('X-Total-Count', '42');
  res.json([]);
});
`,
            },
          ],
        },
      ],
    },
    // The suggestion adds to an existing array.
    {
      code: `
const cors = require('cors');
const app = require('express')();
app.use(cors({ origin: 'https://app.example.com', exposedHeaders: ['X-Request-Id'] }));
app.get('/items/:id', (req, res) => {
  res.setHeader('ETag', '"v1"');
  res.json({});
});
`,
      options: [{ all: true }],
      output: null,
      errors: [
        {
          messageId: 'headerNotExposed',
          data: { header: 'ETag' },
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'exposeHeader',
              data: { header: 'ETag' },
              output: `
const cors = require('cors');
const app = require('express')();
app.use(cors({ origin: 'https://app.example.com', exposedHeaders: ['X-Request-Id', 'ETag'] }));
app.get('/items/:id', (req, res) => {
  res.setHeader('ETag', '"v1"');
  res.json({});
});
`,
            },
          ],
        },
      ],
    },
    // res.links() writes Link; mounted under /api, the route /api/items is reached; added to a string list.
    {
      code: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use('/api', cors({ origin: 'https://app.example.com', exposedHeaders: 'X-Request-Id' }));
app.get('/api/items', (req, res) => {
  res.links({ next: '/api/items?page=2' });
  res.json([]);
});
`,
      options: [{ all: true }],
      output: null,
      errors: [
        {
          messageId: 'headerNotExposed',
          data: { header: 'Link' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'exposeHeader',
              data: { header: 'Link' },
              output: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use('/api', cors({ origin: 'https://app.example.com', exposedHeaders: 'X-Request-Id, Link' }));
app.get('/api/items', (req, res) => {
  res.links({ next: '/api/items?page=2' });
  res.json([]);
});
`,
            },
          ],
        },
      ],
    },
    // With credentials '*' is a header named '*': the header still reads as null.
    {
      code: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: ['https://app.example.com'], credentials: true, exposedHeaders: '*' }));
app.get('/items', (req, res) => {
  res.status(200).set('X-Total-Count', '42').json([]);
});
`,
      output: null,
      errors: [
        {
          messageId: 'headerNotExposed',
          data: { header: 'X-Total-Count' },
          line: 7,
          column: 40,
          endLine: 7,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'exposeHeader',
              data: { header: 'X-Total-Count' },
              output: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: ['https://app.example.com'], credentials: true, exposedHeaders: '*, X-Total-Count' }));
app.get('/items', (req, res) => {
  res.status(200).set('X-Total-Count', '42').json([]);
});
`,
            },
          ],
        },
      ],
    },
    // cors() passed to the route itself; the option is added to the options constant, in its layout.
    {
      code: `
import cors from 'cors';
import express from 'express';
const app = express();
const corsOptions = {
  origin: 'https://app.example.com',
  credentials: true,
};
app.get('/items', cors(corsOptions), (req, res) => {
  res.set({ 'X-Total-Count': '42', 'Content-Type': 'application/json' });
  res.send('[]');
});
`,
      output: null,
      errors: [
        {
          messageId: 'headerNotExposed',
          data: { header: 'X-Total-Count' },
          line: 10,
          column: 30,
          endLine: 10,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'exposeHeader',
              data: { header: 'X-Total-Count' },
              output: `
import cors from 'cors';
import express from 'express';
const app = express();
const corsOptions = {
  origin: 'https://app.example.com',
  credentials: true,
  exposedHeaders: ['X-Total-Count'],
};
app.get('/items', cors(corsOptions), (req, res) => {
  res.set({ 'X-Total-Count': '42', 'Content-Type': 'application/json' });
  res.send('[]');
});
`,
            },
          ],
        },
      ],
    },
    // node:http with hand-set headers: the suggestion writes Access-Control-Expose-Headers next to Access-Control-Allow-Origin.
    {
      code: `
const http = require('node:http');
const ALLOWED = new Set(['https://app.example.com']);
http.createServer((req, res) => {
  if (ALLOWED.has(req.headers.origin)) {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
    res.setHeader('Vary', 'Origin');
  }
  res.setHeader('X-Total-Count', '42');
  res.end('[]');
});
`,
      output: null,
      errors: [
        {
          messageId: 'headerNotExposed',
          data: { header: 'X-Total-Count' },
          line: 9,
          column: 34,
          endLine: 9,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'exposeHeader',
              data: { header: 'X-Total-Count' },
              output: `
const http = require('node:http');
const ALLOWED = new Set(['https://app.example.com']);
http.createServer((req, res) => {
  if (ALLOWED.has(req.headers.origin)) {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
    res.setHeader('Access-Control-Expose-Headers', 'X-Total-Count');
    res.setHeader('Vary', 'Origin');
  }
  res.setHeader('X-Total-Count', '42');
  res.end('[]');
});
`,
            },
          ],
        },
      ],
    },
    // A Next.js route handler with an object of headers.
    {
      code: `
export async function GET() {
  return Response.json([], {
    headers: {
      'Access-Control-Allow-Origin': '*',
      'X-Total-Count': '42',
    },
  });
}
`,
      output: null,
      errors: [
        {
          messageId: 'headerNotExposed',
          data: { header: 'X-Total-Count' },
          line: 6,
          column: 24,
          endLine: 6,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'exposeHeader',
              data: { header: 'X-Total-Count' },
              output: `
export async function GET() {
  return Response.json([], {
    headers: {
      'Access-Control-Allow-Origin': '*',
      'X-Total-Count': '42',
      'Access-Control-Expose-Headers': 'X-Total-Count',
    },
  });
}
`,
            },
          ],
        },
      ],
    },
    // Fastify: an existing Access-Control-Expose-Headers is extended.
    {
      code: `
import Fastify from 'fastify';
const fastify = Fastify();
fastify.get('/items', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', 'https://app.example.com');
  reply.header('Access-Control-Expose-Headers', 'X-Request-Id');
  reply.header('X-Request-Id', request.id);
  reply.header('X-Total-Count', 42);
  return [];
});
`,
      output: null,
      errors: [
        {
          messageId: 'headerNotExposed',
          data: { header: 'X-Total-Count' },
          line: 8,
          column: 33,
          endLine: 8,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'exposeHeader',
              data: { header: 'X-Total-Count' },
              output: `
import Fastify from 'fastify';
const fastify = Fastify();
fastify.get('/items', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', 'https://app.example.com');
  reply.header('Access-Control-Expose-Headers', 'X-Request-Id, X-Total-Count');
  reply.header('X-Request-Id', request.id);
  reply.header('X-Total-Count', 42);
  return [];
});
`,
            },
          ],
        },
      ],
    },
    // Express: a hand-written CORS middleware reaches the routes registered after it.
    {
      code: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  res.set('Access-Control-Allow-Origin', 'https://app.example.com');
  next();
});
app.get('/items', (req, res) => {
  res.set('X-Total-Count', '42');
  res.json([]);
});
`,
      output: null,
      errors: [
        {
          messageId: 'headerNotExposed',
          data: { header: 'X-Total-Count' },
          line: 9,
          column: 28,
          endLine: 9,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'exposeHeader',
              data: { header: 'X-Total-Count' },
              output: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  res.set('Access-Control-Allow-Origin', 'https://app.example.com');
  res.set('Access-Control-Expose-Headers', 'X-Total-Count');
  next();
});
app.get('/items', (req, res) => {
  res.set('X-Total-Count', '42');
  res.json([]);
});
`,
            },
          ],
        },
      ],
    },
    // Koa: ctx.set on the same response.
    {
      code: `
import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', 'https://app.example.com');
  ctx.set('X-Response-Time', '5ms');
  await next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'headerNotExposed',
          data: { header: 'X-Response-Time' },
          line: 6,
          column: 30,
          endLine: 6,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'exposeHeader',
              data: { header: 'X-Response-Time' },
              output: `
import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', 'https://app.example.com');
  ctx.set('Access-Control-Expose-Headers', 'X-Response-Time');
  ctx.set('X-Response-Time', '5ms');
  await next();
});
`,
            },
          ],
        },
      ],
    },
    // Cross-file: the client's read, naming the server's policy.
    {
      code: "const r = await fetch('http://localhost:3000/api/orders'); const total = r.headers.get('X-Total-Count');",
      filename: clientFile(),
      settings: projectSettings(),
      output: null,
      errors: [
        {
          messageId: 'headerNotExposedByServer',
          data: { header: 'X-Total-Count', server: 'apps/api/server.js:9' },
          line: 1,
          column: 88,
          endColumn: 103,
        },
      ],
    },
    // axios-style reads of the headers object count too.
    {
      code: "fetch('http://localhost:3000/api/orders').then((r) => r.headers['x-total-count']);",
      filename: clientFile(),
      settings: projectSettings(),
      output: null,
      errors: [
        {
          messageId: 'headerNotExposedByServer',
          data: { header: 'x-total-count', server: 'apps/api/server.js:9' },
          line: 1,
          column: 65,
          endColumn: 80,
        },
      ],
    },
    // Server side with the project index on: only the header a script of the project reads (X-Total-Count, read by apps/web).
    {
      code: serverInProject,
      filename: serverFile,
      settings: projectSettings(),
      output: null,
      errors: [
        {
          messageId: 'headerNotExposed',
          data: { header: 'X-Total-Count' },
          line: 7,
          column: 28,
          suggestions: [
            {
              messageId: 'exposeHeader',
              data: { header: 'X-Total-Count' },
              output: serverInProject.replace(
                "origin: 'http://localhost:5173' }",
                "origin: 'http://localhost:5173', exposedHeaders: ['X-Total-Count'] }",
              ),
            },
          ],
        },
      ],
    },
  ],
});
