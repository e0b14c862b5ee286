import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-vary-origin.js';

const ruleTester = new RuleTester();

ruleTester.run('require-vary-origin', rule, {
  valid: [
    // Taken from the query, the value varies per URL, which caches key on already: Vary: Origin changes nothing.
    `
import express from 'express';

const app = express();
app.get('/widget', (req, res) => {
  res.set('Access-Control-Allow-Origin', req.query.origin as string);
  res.send('ok');
});
`,
    // A preflight's answer (inside \`if (method === 'OPTIONS')\`) is never stored by an HTTP cache.
    `
import express from 'express';
const app = express();
const allowed = ['https://a.example', 'https://b.example'];
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (req.method === 'OPTIONS' && allowed.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    return res.sendStatus(204);
  }
  next();
});
`,
    // cors adds Vary: Origin itself for a reflected or matched origin; res.vary and res.append keep it.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: true, credentials: false }));
app.use(cors({ origin: /\\.example\\.com$/ }));
app.get('/items', (req, res) => {
  res.vary('Accept-Encoding');
  res.append('Vary', 'Accept-Language');
  res.json([]);
});
`,
    // A Vary that is set but lists Origin.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: ['https://app.example.com'] }));
app.get('/items', (req, res) => {
  res.setHeader('Vary', 'Origin, Accept-Encoding');
  res.json([]);
});
`,
    // A fixed or '*' origin needs no Vary, so overwriting Vary is harmless.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: 'https://app.example.com' }));
app.use(cors());
app.get('/items', (req, res) => {
  res.setHeader('Vary', 'Accept-Encoding');
  res.json([]);
});
`,
    // cors() mounted on /api does not reach /admin.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use('/api', cors({ origin: ['https://app.example.com'] }));
app.get('/admin', (req, res) => {
  res.setHeader('Vary', 'Accept-Encoding');
  res.json([]);
});
`,
    // A fixed hand-set origin needs no Vary.
    `
const http = require('node:http');
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  res.end('ok');
});
`,
    // The vary package and res.vary() append Origin, also after a Vary that is set.
    `
import vary from 'vary';
import express from 'express';
const app = express();
app.use((req, res, next) => {
  res.set('Access-Control-Allow-Origin', req.headers.origin);
  vary(res, 'Origin');
  next();
});
app.get('/a', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Vary', 'Accept-Encoding');
  res.vary('Origin');
  res.end();
});
`,
    // A Vary value we cannot read may list Origin.
    `
import { varyFields } from './config.js';
const http = require('node:http');
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Vary', varyFields);
  res.end('ok');
});
`,
    // An origin from a call we cannot follow is unknown, not wrong.
    `
import express from 'express';
import { pickOrigin } from './cors-policy.js';
const app = express();
app.use((req, res, next) => {
  res.set('Access-Control-Allow-Origin', pickOrigin(req));
  next();
});
`,
    // Vary: Origin written by a helper we cannot place: not claimed missing.
    `
import express from 'express';
const app = express();
function addVary(res) {
  res.vary('Origin');
}
app.use((req, res, next) => {
  res.set('Access-Control-Allow-Origin', req.headers.origin);
  addVary(res);
  next();
});
`,
    // The one allowed origin, or else that same origin: one value on every response, no Vary needed.
    `
export async function GET(request: Request) {
  const origin = request.headers.get('origin') ?? '';
  return Response.json([], {
    headers: {
      'Access-Control-Allow-Origin': origin === 'https://app.example.com' ? origin : 'https://app.example.com',
    },
  });
}
`,
  ],
  invalid: [
    // @koa/cors appends Vary: Origin (ctx.vary); a later ctx.set('Vary', …) replaces it.
    {
      code: `
import Koa from 'koa';
import cors from '@koa/cors';
const app = new Koa();
app.use(cors({ origin: (ctx) => ctx.get('Origin') }));
app.use(async (ctx) => {
  ctx.set('Vary', 'Accept-Encoding');
});
`,
      output: `
import Koa from 'koa';
import cors from '@koa/cors';
const app = new Koa();
app.use(cors({ origin: (ctx) => ctx.get('Origin') }));
app.use(async (ctx) => {
  ctx.set('Vary', 'Accept-Encoding, Origin');
});
`,
      errors: [{ messageId: 'varyOverwritten', line: 7, column: 19, endLine: 7, endColumn: 36 }],
    },
    // Express: an origin picked from a list; the fix appends with res.vary(), before the if: the
    // responses sent without the header need Vary too.
    {
      code: `
import express from 'express';
const app = express();
const allowed = ['https://app.example.com'];
app.use((req, res, next) => {
  const origin = req.get('Origin');
  if (allowed.includes(origin)) {
    res.set('Access-Control-Allow-Origin', origin);
  }
  next();
});
`,
      output: `
import express from 'express';
const app = express();
const allowed = ['https://app.example.com'];
app.use((req, res, next) => {
  const origin = req.get('Origin');
  res.vary('Origin');
  if (allowed.includes(origin)) {
    res.set('Access-Control-Allow-Origin', origin);
  }
  next();
});
`,
      errors: [
        {
          messageId: 'missingVaryOrigin',
          line: 8,
          column: 44,
          endLine: 8,
          endColumn: 50,
        },
      ],
    },
    // node:http reflecting the origin; no Vary anywhere, so setHeader is safe.
    {
      code: `
const http = require('node:http');
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.end('ok');
});
`,
      output: `
const http = require('node:http');
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Vary', 'Origin');
  res.end('ok');
});
`,
      errors: [
        {
          messageId: 'missingVaryOrigin',
          line: 4,
          column: 48,
          endLine: 4,
          endColumn: 66,
        },
      ],
    },
    // A Vary set by a route after cors() replaces cors's Vary: Origin; the fix lists Origin.
    {
      code: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: ['https://app.example.com', 'https://admin.example.com'] }));
app.get('/items', (req, res) => {
  res.setHeader('Vary', 'Accept-Encoding');
  res.json([]);
});
`,
      output: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: ['https://app.example.com', 'https://admin.example.com'] }));
app.get('/items', (req, res) => {
  res.setHeader('Vary', 'Accept-Encoding, Origin');
  res.json([]);
});
`,
      errors: [
        {
          messageId: 'varyOverwritten',
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 42,
        },
      ],
    },
    // A Vary set on the same response without Origin.
    {
      code: `
import express from 'express';
const app = express();
app.get('/items', (req, res) => {
  res.set('Access-Control-Allow-Origin', req.headers.origin);
  res.set('Vary', 'Accept-Encoding');
  res.json([]);
});
`,
      output: `
import express from 'express';
const app = express();
app.get('/items', (req, res) => {
  res.set('Access-Control-Allow-Origin', req.headers.origin);
  res.set('Vary', 'Accept-Encoding, Origin');
  res.json([]);
});
`,
      errors: [
        {
          messageId: 'varyWithoutOrigin',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 36,
        },
      ],
    },
    // One trusted origin, no header for any other request: a cached page load has no header at all.
    {
      code: `
const express = require('express');
const app = express();
app.get('/account', (req, res) => {
  const origin = req.headers.origin;
  if (origin === 'https://www.trusted.com') {
    res.setHeader('access-control-allow-origin', origin);
  }
  res.json({});
});
`,
      output: `
const express = require('express');
const app = express();
app.get('/account', (req, res) => {
  const origin = req.headers.origin;
  res.vary('Origin');
  if (origin === 'https://www.trusted.com') {
    res.setHeader('access-control-allow-origin', origin);
  }
  res.json({});
});
`,
      errors: [
        {
          messageId: 'missingVaryOriginOneOrigin',
          data: { value: 'https://www.trusted.com' },
          line: 7,
          column: 50,
          endLine: 7,
          endColumn: 56,
        },
      ],
    },
    // The same in a conditional through a constant, compared the other way round.
    {
      code: `
const TRUSTED = 'https://www.trusted.com';
export async function GET(request: Request) {
  const origin = request.headers.get('origin');
  const allowOrigin = TRUSTED == origin ? origin : undefined;
  return new Response('[]', { headers: { 'Access-Control-Allow-Origin': allowOrigin } });
}
`,
      output: `
const TRUSTED = 'https://www.trusted.com';
export async function GET(request: Request) {
  const origin = request.headers.get('origin');
  const allowOrigin = TRUSTED == origin ? origin : undefined;
  return new Response('[]', { headers: { 'Access-Control-Allow-Origin': allowOrigin, Vary: 'Origin' } });
}
`,
      errors: [
        {
          messageId: 'missingVaryOriginOneOrigin',
          data: { value: 'https://www.trusted.com' },
          line: 6,
          column: 73,
          endLine: 6,
          endColumn: 84,
        },
      ],
    },
    // The origin if listed, else the first entry (parse-server): every response has a value, another origin's.
    {
      code: `
const baseOrigins = ['https://a.example', 'https://b.example'];
module.exports = (req, res, next) => {
  const requestOrigin = req.headers.origin;
  const allowOrigins =
    requestOrigin && baseOrigins.includes(requestOrigin) ? requestOrigin : baseOrigins[0];
  res.header('Access-Control-Allow-Origin', allowOrigins);
  next();
};
`,
      output: `
const baseOrigins = ['https://a.example', 'https://b.example'];
module.exports = (req, res, next) => {
  const requestOrigin = req.headers.origin;
  const allowOrigins =
    requestOrigin && baseOrigins.includes(requestOrigin) ? requestOrigin : baseOrigins[0];
  res.header('Access-Control-Allow-Origin', allowOrigins);
  res.header('Vary', 'Origin');
  next();
};
`,
      errors: [
        {
          messageId: 'missingVaryOriginAlwaysSent',
          data: {},
          line: 7,
          column: 45,
          endLine: 7,
          endColumn: 57,
        },
      ],
    },
    // A list of one origin in cors(): a later Vary that replaces cors's drops it.
    {
      code: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: ['https://app.example.com'] }));
app.get('/items', (req, res) => {
  res.setHeader('Vary', 'Accept-Encoding');
  res.json([]);
});
`,
      output: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: ['https://app.example.com'] }));
app.get('/items', (req, res) => {
  res.setHeader('Vary', 'Accept-Encoding, Origin');
  res.json([]);
});
`,
      errors: [
        {
          messageId: 'varyOverwrittenOneOrigin',
          data: { value: 'https://app.example.com' },
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 42,
        },
      ],
    },
    // One origin, and a Vary on the same response without Origin.
    {
      code: `
const http = require('node:http');
http.createServer((req, res) => {
  if (req.headers.origin === 'https://app.example.com') {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
    res.setHeader('Vary', 'Accept-Encoding');
  }
  res.end('ok');
});
`,
      output: `
const http = require('node:http');
http.createServer((req, res) => {
  if (req.headers.origin === 'https://app.example.com') {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
    res.setHeader('Vary', 'Accept-Encoding, Origin');
  }
  res.end('ok');
});
`,
      errors: [
        {
          messageId: 'varyWithoutOriginOneOrigin',
          data: { value: 'https://app.example.com' },
          line: 6,
          column: 27,
          endLine: 6,
          endColumn: 44,
        },
      ],
    },
    // A Headers object: the fix appends.
    {
      code: `
export async function GET(request: Request) {
  const headers = new Headers();
  const origin = request.headers.get('origin');
  if (origin && origin.endsWith('.example.com')) headers.set('X-Debug', '1');
  if (origin === 'https://app.example.com') {
    headers.set('Access-Control-Allow-Origin', origin);
  }
  return new Response('[]', { headers });
}
`,
      output: `
export async function GET(request: Request) {
  const headers = new Headers();
  const origin = request.headers.get('origin');
  if (origin && origin.endsWith('.example.com')) headers.set('X-Debug', '1');
  if (origin === 'https://app.example.com') {
    headers.set('Access-Control-Allow-Origin', origin);
    headers.append('Vary', 'Origin');
  }
  return new Response('[]', { headers });
}
`,
      errors: [
        {
          messageId: 'missingVaryOriginOneOrigin',
          data: { value: 'https://app.example.com' },
          line: 7,
          column: 48,
          endLine: 7,
          endColumn: 54,
        },
      ],
    },
    // Koa: ctx.vary() appends.
    {
      code: `
import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', ctx.get('Origin'));
  await next();
});
`,
      output: `
import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  ctx.set('Access-Control-Allow-Origin', ctx.get('Origin'));
  ctx.vary('Origin');
  await next();
});
`,
      errors: [
        {
          messageId: 'missingVaryOrigin',
          line: 5,
          column: 42,
          endLine: 5,
          endColumn: 59,
        },
      ],
    },
    // Fastify: reply.header, with no Vary anywhere in the file.
    {
      code: `
import Fastify from 'fastify';
const fastify = Fastify();
fastify.addHook('onRequest', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', request.headers.origin);
});
`,
      output: `
import Fastify from 'fastify';
const fastify = Fastify();
fastify.addHook('onRequest', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', request.headers.origin);
  reply.header('Vary', 'Origin');
});
`,
      errors: [
        {
          messageId: 'missingVaryOrigin',
          line: 5,
          column: 47,
          endLine: 5,
          endColumn: 69,
        },
      ],
    },
    // A write that is the whole body of an if: no safe place for the fix.
    {
      code: `
const http = require('node:http');
const allowed = new Set(['https://app.example.com']);
http.createServer((req, res) => {
  if (allowed.has(req.headers.origin)) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.end('ok');
});
`,
      output: null,
      errors: [
        {
          messageId: 'missingVaryOrigin',
          line: 5,
          column: 85,
          endLine: 5,
          endColumn: 103,
        },
      ],
    },
    // A Lambda proxy result.
    {
      code: `
export const handler = async (event) => {
  const origin = event.headers.origin;
  return {
    statusCode: 200,
    headers: { 'Access-Control-Allow-Origin': origin, 'Content-Type': 'application/json' },
    body: '[]',
  };
};
`,
      output: `
export const handler = async (event) => {
  const origin = event.headers.origin;
  return {
    statusCode: 200,
    headers: { 'Access-Control-Allow-Origin': origin, 'Content-Type': 'application/json', Vary: 'Origin' },
    body: '[]',
  };
};
`,
      errors: [
        {
          messageId: 'missingVaryOrigin',
          line: 6,
          column: 47,
          endLine: 6,
          endColumn: 53,
        },
      ],
    },
  ],
});
