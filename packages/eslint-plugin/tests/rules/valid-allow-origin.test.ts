import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/valid-allow-origin.js';

/** The origins the app's pages are served from, as a project sets them for every rule. */
const APP_ORIGINS = {
  cors: { appOrigins: ['https://app.example.com', 'https://admin.example.com'] },
};

const ruleTester = new RuleTester();

ruleTester.run('valid-allow-origin', rule, {
  valid: [
    // Serialized origins, with a non-default port, in every form the cors package takes.
    `
import express from 'express';
import cors from 'cors';
const app = express();
app.use(cors({ origin: 'https://example.com' }));
app.use('/admin', cors({ origin: ['https://admin.example.com', 'http://localhost:3000'] }));
`,
    // '*' and 'null' belong to other rules; regular expressions are matched, not compared.
    `
const cors = require('cors');
const app = require('express')();
app.use(cors({ origin: '*' }));
app.use(cors({ origin: 'null' }));
app.use(cors({ origin: /^https:\\/\\/(?:[a-z0-9-]+\\.)+example\\.com$/ }));
app.use(cors());
`,
    // Values only known at run time are never reported.
    `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: process.env.CORS_ORIGIN }));
export function withOrigin(origin: string) {
  return cors({ origin });
}
`,
    // A reflected request origin is not a literal value.
    `
import express from 'express';
const app = express();
const allowed = new Set(['https://example.com']);
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && allowed.has(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});
`,
    // Hand-set headers with serialized origins, and other headers that may carry URLs with paths.
    `
export function handler() {
  return {
    statusCode: 302,
    headers: { 'Access-Control-Allow-Origin': 'https://app.example.com', Location: 'https://example.com/login/' },
  };
}
`,
    `
export function GET() {
  const headers = new Headers({ 'access-control-allow-origin': 'http://[::1]:8080' });
  return new Response('ok', { headers });
}
`,
    // Surrounding whitespace is stripped by browsers.
    `
import express from 'express';
const app = express();
app.get('/data', (req, res) => {
  res.set('Access-Control-Allow-Origin', ' https://example.com ');
  res.json({});
});
`,
    // @fastify/cors treats '*' in a list as every origin (no allow-list is built); hono's and the
    // cors package's lists without '*' are fine.
    `
import Fastify from 'fastify';
import cors from '@fastify/cors';
const fastify = Fastify();
await fastify.register(cors, { origin: ['https://app.example.com', '*'] });
`,
    // A one-entry list is sent as that one origin.
    `
import cors from '@koa/cors';
app.use(cors({ origin: ['https://app.example.com'] }));
`,
  ],
  invalid: [
    {
      // Trailing slash, inline option: autofixed.
      code: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: 'https://example.com/' }));
`,
      output: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: 'https://example.com' }));
`,
      errors: [
        {
          messageId: 'trailingSlash',
          data: { value: 'https://example.com/', fixed: 'https://example.com' },
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 46,
        },
      ],
    },
    {
      // The literal lives in a constant: the report is at the option, the fix edits the definition.
      code: `
const corsMiddleware = require('cors');
const FRONTEND_ORIGIN = "https://Example.com/";
const app = require('express')();
app.use(corsMiddleware({ origin: FRONTEND_ORIGIN, credentials: true }));
`,
      output: `
const corsMiddleware = require('cors');
const FRONTEND_ORIGIN = "https://example.com";
const app = require('express')();
app.use(corsMiddleware({ origin: FRONTEND_ORIGIN, credentials: true }));
`,
      errors: [
        {
          messageId: 'trailingSlash',
          data: { value: 'https://Example.com/', fixed: 'https://example.com' },
          line: 5,
          column: 34,
          endLine: 5,
          endColumn: 49,
        },
      ],
    },
    {
      // Options in a constant, spread into the call.
      code: `
import cors from 'cors';
import express from 'express';
const base = { origin: 'https://example.com/app', maxAge: 600 };
const corsOptions = { ...base, credentials: true };
express().use(cors(corsOptions));
`,
      output: `
import cors from 'cors';
import express from 'express';
const base = { origin: 'https://example.com', maxAge: 600 };
const corsOptions = { ...base, credentials: true };
express().use(cors(corsOptions));
`,
      errors: [
        {
          messageId: 'path',
          data: { value: 'https://example.com/app', fixed: 'https://example.com' },
          line: 4,
          column: 24,
          endColumn: 49,
        },
      ],
    },
    {
      // Array entries are checked one by one.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: ['https://example.com', 'HTTPS://Admin.Example.com', 'http://localhost:80'] }));
`,
      output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: ['https://example.com', 'https://admin.example.com', 'http://localhost'] }));
`,
      errors: [
        {
          messageId: 'uppercase',
          data: { value: 'HTTPS://Admin.Example.com', fixed: 'https://admin.example.com' },
          line: 4,
          column: 48,
          endColumn: 75,
        },
        {
          messageId: 'defaultPort',
          data: { value: 'http://localhost:80', fixed: 'http://localhost' },
          line: 4,
          column: 77,
          endColumn: 98,
        },
      ],
    },
    {
      // Options produced by a delegate that always answers the same object.
      code: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors((req, callback) => callback(null, { origin: 'https://example.com:443' })));
`,
      output: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors((req, callback) => callback(null, { origin: 'https://example.com' })));
`,
      errors: [
        {
          messageId: 'defaultPort',
          data: { value: 'https://example.com:443', fixed: 'https://example.com' },
          line: 5,
          column: 58,
          endColumn: 83,
        },
      ],
    },
    {
      // Several origins in one string: the cors package takes an array instead (suggestion).
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: 'https://example.com, https://admin.example.com' }));
`,
      output: null,
      errors: [
        {
          messageId: 'multiple',
          data: { value: 'https://example.com, https://admin.example.com' },
          line: 4,
          column: 24,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'useOriginList',
              data: { list: "['https://example.com', 'https://admin.example.com']" },
              output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: ['https://example.com', 'https://admin.example.com'] }));
`,
            },
          ],
        },
      ],
    },
    {
      // A subdomain wildcard as the whole option: suggest an anchored regular expression.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: 'https://*.example.com' }));
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardSubdomain',
          data: { value: 'https://*.example.com' },
          line: 4,
          column: 24,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'usePattern',
              data: { pattern: '/^https:\\/\\/(?:[a-z0-9-]+\\.)+example\\.com$/' },
              output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: [/^https:\\/\\/(?:[a-z0-9-]+\\.)+example\\.com$/] }));
`,
            },
          ],
        },
      ],
    },
    {
      // On a shared hosting domain a subdomain pattern would let every customer's site in: no suggestion.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: ['https://myapp.vercel.app', 'https://*.vercel.app'] }));
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardSubdomain',
          data: { value: 'https://*.vercel.app' },
          line: 4,
          column: 53,
          endColumn: 75,
          suggestions: [],
        },
      ],
    },
    {
      // A subdomain wildcard inside an array: the entry becomes the pattern.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: ['https://example.com', 'https://*.example.com'] }));
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardSubdomain',
          data: { value: 'https://*.example.com' },
          line: 4,
          column: 48,
          endColumn: 71,
          suggestions: [
            {
              messageId: 'usePattern',
              data: { pattern: '/^https:\\/\\/(?:[a-z0-9-]+\\.)+example\\.com$/' },
              output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: ['https://example.com', /^https:\\/\\/(?:[a-z0-9-]+\\.)+example\\.com$/] }));
`,
            },
          ],
        },
      ],
    },
    {
      // No scheme: https is only a guess, so it is a suggestion.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: ['https://example.com', 'admin.example.com'] }));
`,
      output: null,
      errors: [
        {
          messageId: 'noScheme',
          data: { value: 'admin.example.com' },
          line: 4,
          column: 48,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'useOrigin',
              data: { fixed: 'https://admin.example.com' },
              output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: ['https://example.com', 'https://admin.example.com'] }));
`,
            },
            {
              messageId: 'useOrigin',
              data: { fixed: 'http://admin.example.com' },
              output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: ['https://example.com', 'http://admin.example.com'] }));
`,
            },
          ],
        },
      ],
    },
    {
      // res.setHeader with a trailing slash.
      code: `
import express from 'express';
const app = express();
app.get('/api/items', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://example.com/');
  res.json([]);
});
`,
      output: `
import express from 'express';
const app = express();
app.get('/api/items', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://example.com');
  res.json([]);
});
`,
      errors: [
        {
          messageId: 'trailingSlash',
          data: { value: 'https://example.com/', fixed: 'https://example.com' },
          line: 5,
          column: 48,
          endColumn: 70,
        },
      ],
    },
    {
      // res.header object form with uppercase.
      code: `
import express from 'express';
const app = express();
app.get('/api/items', (req, res) => {
  res.header({ 'Access-Control-Allow-Origin': 'https://App.Example.com' });
  res.json([]);
});
`,
      output: `
import express from 'express';
const app = express();
app.get('/api/items', (req, res) => {
  res.header({ 'Access-Control-Allow-Origin': 'https://app.example.com' });
  res.json([]);
});
`,
      errors: [
        {
          messageId: 'uppercase',
          data: { value: 'https://App.Example.com', fixed: 'https://app.example.com' },
          line: 5,
          column: 47,
          endColumn: 72,
        },
      ],
    },
    {
      // res.writeHead with a default port.
      code: `
import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(200, { 'Access-Control-Allow-Origin': 'http://example.com:80' });
  res.end();
});
`,
      output: `
import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(200, { 'Access-Control-Allow-Origin': 'http://example.com' });
  res.end();
});
`,
      errors: [
        {
          messageId: 'defaultPort',
          data: { value: 'http://example.com:80', fixed: 'http://example.com' },
          line: 4,
          column: 55,
          endColumn: 78,
        },
      ],
    },
    {
      // A hand-set header takes one value; only code choosing per request could use a list: no suggestion.
      code: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  res.append('Access-Control-Allow-Origin', 'https://a.example.com https://b.example.com');
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'multiple',
          data: { value: 'https://a.example.com https://b.example.com' },
          line: 5,
          column: 45,
          endColumn: 90,
        },
      ],
    },
    {
      // Lambda proxy result without a scheme.
      code: `
export async function handler() {
  return { statusCode: 200, headers: { 'Access-Control-Allow-Origin': 'app.example.com' }, body: '{}' };
}
`,
      output: null,
      errors: [
        {
          messageId: 'noScheme',
          data: { value: 'app.example.com' },
          line: 3,
          column: 71,
          endColumn: 88,
          suggestions: [
            {
              messageId: 'useOrigin',
              data: { fixed: 'https://app.example.com' },
              output: `
export async function handler() {
  return { statusCode: 200, headers: { 'Access-Control-Allow-Origin': 'https://app.example.com' }, body: '{}' };
}
`,
            },
            {
              messageId: 'useOrigin',
              data: { fixed: 'http://app.example.com' },
              output: `
export async function handler() {
  return { statusCode: 200, headers: { 'Access-Control-Allow-Origin': 'http://app.example.com' }, body: '{}' };
}
`,
            },
          ],
        },
      ],
    },
    {
      // new Headers({...}) with a subdomain wildcard: no list suggestion for a raw header.
      code: `
export function GET() {
  const headers = new Headers({ 'Access-Control-Allow-Origin': 'https://*.example.com' });
  return new Response('ok', { headers });
}
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardSubdomain',
          data: { value: 'https://*.example.com' },
          line: 3,
          column: 64,
          endColumn: 87,
        },
      ],
    },
    {
      // headers.set and new Response(body, { headers: {...} }).
      code: `
export function GET(request: Request) {
  const headers = new Headers();
  headers.set('Access-Control-Allow-Origin', 'https://example.com/');
  return new Response('ok', { headers });
}
export function POST() {
  return new Response('ok', { headers: { 'Access-Control-Allow-Origin': 'https://example.com/#top' } });
}
`,
      output: `
export function GET(request: Request) {
  const headers = new Headers();
  headers.set('Access-Control-Allow-Origin', 'https://example.com');
  return new Response('ok', { headers });
}
export function POST() {
  return new Response('ok', { headers: { 'Access-Control-Allow-Origin': 'https://example.com' } });
}
`,
      errors: [
        {
          messageId: 'trailingSlash',
          data: { value: 'https://example.com/', fixed: 'https://example.com' },
          line: 4,
          column: 46,
          endColumn: 68,
        },
        {
          messageId: 'path',
          data: { value: 'https://example.com/#top', fixed: 'https://example.com' },
          line: 8,
          column: 73,
          endColumn: 99,
        },
      ],
    },
    {
      // Not an origin at all.
      code: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  res.set('Access-Control-Allow-Origin', 'true');
  next();
});
`,
      output: null,
      errors: [
        { messageId: 'invalid', data: { value: 'true' }, line: 5, column: 42, endColumn: 48 },
      ],
    },
    {
      // A development host with no scheme: plain http is offered first.
      code: `
const cors = require('cors');
app.use(cors({ origin: 'localhost:5173', credentials: true }));
`,
      output: null,
      errors: [
        {
          messageId: 'noScheme',
          data: { value: 'localhost:5173' },
          line: 3,
          column: 24,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useOrigin',
              data: { fixed: 'http://localhost:5173' },
              output: `
const cors = require('cors');
app.use(cors({ origin: 'http://localhost:5173', credentials: true }));
`,
            },
            {
              messageId: 'useOrigin',
              data: { fixed: 'https://localhost:5173' },
              output: `
const cors = require('cors');
app.use(cors({ origin: 'https://localhost:5173', credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      // '*' among the entries of the cors package's list is compared with ===: it allows nothing.
      code: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: ['https://app.example.com', '*'] }));
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardEntry',
          line: 5,
          column: 52,
          endLine: 5,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'removeWildcardEntry',
              output: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: ['https://app.example.com'] }));
`,
            },
          ],
        },
      ],
    },
    {
      // The same in hono (compared with includes), and through a NestJS app (the cors package).
      code: `
import { Hono } from 'hono';
import { cors } from 'hono/cors';
const app = new Hono();
app.use('/api/*', cors({ origin: ['*'] }));
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardEntry',
          line: 5,
          column: 35,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'removeWildcardEntry',
              output: `
import { Hono } from 'hono';
import { cors } from 'hono/cors';
const app = new Hono();
app.use('/api/*', cors({ origin: [] }));
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule);
app.enableCors({
  origin: [
    'https://app.example.com',
    '*',
  ],
});
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardEntry',
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: 'removeWildcardEntry',
              output: `
import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule);
app.enableCors({
  origin: [
    'https://app.example.com',
  ],
});
`,
            },
          ],
        },
      ],
    },
    {
      // @koa/cors takes no list: the array goes out as one header line per entry, v4 and v5 alike.
      code: `
import Koa from 'koa';
import cors from '@koa/cors';
const app = new Koa();
app.use(cors({ origin: ['https://app.example.com', 'https://admin.example.com'], credentials: true }));
`,
      output: null,
      errors: [
        {
          messageId: 'listNotSupported',
          data: {
            library: '@koa/cors',
            value: 'https://app.example.com, https://admin.example.com',
          },
          line: 5,
          column: 24,
          endColumn: 80,
          suggestions: [],
        },
      ],
    },
    // The placeholder an origin suggestion wrote stays reported: no page has that origin.
    {
      code: "import cors from 'cors';\napp.use(cors({ origin: ['<your-app-origin>'], credentials: true }));\n",
      output: null,
      errors: [
        {
          messageId: 'placeholder',
          data: { value: '<your-app-origin>' },
          line: 2,
          column: 25,
          endColumn: 44,
          suggestions: [],
        },
      ],
    },
    // Once app origins are configured, they are offered in its place.
    {
      code: "res.setHeader('Access-Control-Allow-Origin', '<your-app-origin>');\n",
      settings: APP_ORIGINS,
      output: null,
      errors: [
        {
          messageId: 'placeholder',
          line: 1,
          column: 46,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'useOrigin',
              data: { fixed: 'https://app.example.com' },
              output: "res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');\n",
            },
            {
              messageId: 'useOrigin',
              data: { fixed: 'https://admin.example.com' },
              output:
                "res.setHeader('Access-Control-Allow-Origin', 'https://admin.example.com');\n",
            },
          ],
        },
      ],
    },
  ],
});
