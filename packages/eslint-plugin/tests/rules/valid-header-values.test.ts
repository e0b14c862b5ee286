import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/valid-header-values.js';

const ruleTester = new RuleTester();

ruleTester.run('valid-header-values', rule, {
  valid: [
    // A max-age above a browser's cap works (the browser caches for less): only with `maxAgeAboveCap`.
    `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: 'https://example.com', maxAge: 86400 }));
`,
    // A max-age above a browser's cap works (the browser caches for less): only with `maxAgeAboveCap`.
    `
import express from 'express';
const app = express();
app.options('/api/*', (req, res) => {
  res.header('Access-Control-Max-Age', '31536000');
  res.sendStatus(204);
});
`,
    // Well-formed options; header names are case-insensitive, so lowercase names are fine.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(
  cors({
    origin: 'https://example.com',
    credentials: true,
    methods: 'GET,HEAD,PUT,PATCH,POST,DELETE',
    allowedHeaders: ['content-type', 'authorization'],
    exposedHeaders: 'X-Total-Count, X-Page',
    maxAge: 7200,
  }),
);
`,
    // A numeric string max-age is sent as-is; credentials: false is a plain boolean.
    `
const cors = require('cors');
const app = require('express')();
app.use(cors({ origin: ['https://example.com'], credentials: false, methods: ['GET', 'POST'], maxAge: '600' }));
`,
    // Values read from the environment are unknown and never reported.
    `
import cors from 'cors';
const app = require('express')();
app.use(
  cors({
    origin: 'https://example.com',
    credentials: process.env.CORS_CREDENTIALS === 'true',
    methods: process.env.CORS_METHODS,
    maxAge: Number(process.env.CORS_MAX_AGE),
  }),
);
`,
    // Hand-set headers: exact 'true', and the boolean true that Express writes out as "true".
    `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  next();
});
app.options('/upload', (req, res) => {
  res.set({ 'Access-Control-Allow-Credentials': true, 'Access-Control-Max-Age': 600 });
  res.sendStatus(204);
});
`,
    // Parameters are unknown.
    `
export function withCors(headers: Headers, methods: string, maxAge: string) {
  headers.set('Access-Control-Allow-Methods', methods);
  headers.set('Access-Control-Max-Age', maxAge);
}
`,
    // Lowercase methods in a header that is not Access-Control-Allow-Methods.
    `
export function handler() {
  return { statusCode: 405, headers: { Allow: 'get post', 'Access-Control-Allow-Origin': '*' } };
}
`,
  ],
  invalid: [
    {
      // credentials: 'true' (a string) in cors options: the package only honours the boolean.
      code: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: 'https://example.com', credentials: 'true' }));
`,
      output: null,
      errors: [
        {
          messageId: 'credentialsNotBoolean',
          data: { value: "'true'" },
          line: 5,
          column: 60,
          endLine: 5,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useTrue',
              data: { fixed: 'true' },
              output: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: 'https://example.com', credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      // A string that does not mean true: reported, nothing to suggest.
      code: `
const corsMiddleware = require('cors');
const options = { origin: 'https://example.com', credentials: 'yes' };
require('express')().use(corsMiddleware(options));
`,
      output: null,
      errors: [
        {
          messageId: 'credentialsNotBoolean',
          data: { value: "'yes'" },
          line: 3,
          column: 63,
          endColumn: 68,
        },
      ],
    },
    {
      // Hand-set 'True': turning credentials on changes who can read, so only a suggestion.
      code: `
import express from 'express';
const app = express();
app.get('/me', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://example.com');
  res.setHeader('Access-Control-Allow-Credentials', 'True');
  res.json({});
});
`,
      output: null,
      errors: [
        {
          messageId: 'credentialsNotTrue',
          data: { value: 'True' },
          line: 6,
          column: 53,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useTrue',
              data: { fixed: "'true'" },
              output: `
import express from 'express';
const app = express();
app.get('/me', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://example.com');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.json({});
});
`,
            },
          ],
        },
      ],
    },
    {
      // Lambda proxy result with '1': not an intent we can name.
      code: `
export const handler = async () => ({
  statusCode: 200,
  headers: { 'Access-Control-Allow-Origin': 'https://example.com', 'Access-Control-Allow-Credentials': '1' },
  body: '{}',
});
`,
      output: null,
      errors: [
        {
          messageId: 'credentialsNotTrue',
          data: { value: '1' },
          line: 4,
          column: 104,
          endColumn: 107,
        },
      ],
    },
    {
      // Methods separated by spaces and semicolons, some lowercase: one autofix to `A, B`.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: 'https://example.com', methods: 'GET POST;put' }));
`,
      output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: 'https://example.com', methods: 'GET, POST, PUT' }));
`,
      errors: [
        {
          messageId: 'methodsSeparator',
          data: { value: 'GET POST;put', method: 'PUT' },
          line: 4,
          column: 56,
          endColumn: 70,
        },
      ],
    },
    {
      // res.setHeader form.
      code: `
import express from 'express';
const app = express();
app.options('*', (req, res) => {
  res.setHeader('Access-Control-Allow-Methods', 'GET POST DELETE');
  res.sendStatus(204);
});
`,
      output: `
import express from 'express';
const app = express();
app.options('*', (req, res) => {
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE');
  res.sendStatus(204);
});
`,
      errors: [
        {
          messageId: 'methodsSeparator',
          data: { value: 'GET POST DELETE', method: 'DELETE' },
          line: 5,
          column: 49,
          endColumn: 66,
        },
      ],
    },
    {
      // Lowercase methods in an array: each element is fixed on its own.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: 'https://example.com', methods: ['GET', 'put', 'delete'] }));
`,
      output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: 'https://example.com', methods: ['GET', 'PUT', 'DELETE'] }));
`,
      errors: [
        {
          messageId: 'lowercaseMethod',
          data: { method: 'put', upper: 'PUT' },
          line: 4,
          column: 64,
          endColumn: 69,
        },
        {
          messageId: 'lowercaseMethod',
          data: { method: 'delete', upper: 'DELETE' },
          line: 4,
          column: 71,
          endColumn: 79,
        },
      ],
    },
    {
      // Lowercase methods in a string constant: reported and fixed where the list is written; the comma style is kept.
      code: `
import cors from 'cors';
const METHODS = 'get,patch';
require('express')().use(cors({ methods: METHODS }));
`,
      output: `
import cors from 'cors';
const METHODS = 'GET,PATCH';
require('express')().use(cors({ methods: METHODS }));
`,
      errors: [
        {
          messageId: 'lowercaseMethod',
          data: { method: 'get', upper: 'GET' },
          line: 3,
          column: 17,
          endColumn: 28,
        },
      ],
    },
    {
      // Header lists with spaces or semicolons, in cors options and in res.set object form.
      code: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: 'https://example.com', allowedHeaders: 'Content-Type Authorization' }));
app.get('/file', (req, res) => {
  res.set({ 'Access-Control-Allow-Origin': 'https://example.com', 'Access-Control-Allow-Headers': 'X-Requested-With; X-Api-Key' });
  res.send('');
});
`,
      output: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: 'https://example.com', allowedHeaders: 'Content-Type, Authorization' }));
app.get('/file', (req, res) => {
  res.set({ 'Access-Control-Allow-Origin': 'https://example.com', 'Access-Control-Allow-Headers': 'X-Requested-With, X-Api-Key' });
  res.send('');
});
`,
      errors: [
        {
          messageId: 'headersSeparator',
          data: {
            list: 'Access-Control-Allow-Headers',
            value: 'Content-Type Authorization',
            header: 'content-type',
          },
          line: 5,
          column: 63,
          endColumn: 91,
        },
        {
          messageId: 'headersSeparator',
          data: {
            list: 'Access-Control-Allow-Headers',
            value: 'X-Requested-With; X-Api-Key',
            header: 'x-requested-with',
          },
          line: 7,
          column: 99,
          endColumn: 128,
        },
      ],
    },
    {
      // Expose-Headers in an array element.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: 'https://example.com', exposedHeaders: ['X-Total-Count X-Page'] }));
`,
      output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: 'https://example.com', exposedHeaders: ['X-Total-Count, X-Page'] }));
`,
      errors: [
        {
          messageId: 'exposeSeparator',
          data: { value: 'X-Total-Count X-Page' },
          line: 4,
          column: 64,
          endColumn: 86,
        },
      ],
    },
    {
      // Not a token at all: no safe rewrite.
      code: `
export function GET() {
  const headers = new Headers({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, P/UT' });
  headers.set('Access-Control-Expose-Headers', '"X-Page"');
  return new Response(null, { headers });
}
`,
      output: null,
      errors: [
        {
          messageId: 'invalidToken',
          data: { token: 'P/UT', header: 'Access-Control-Allow-Methods' },
          line: 3,
          column: 101,
          endColumn: 112,
        },
        {
          messageId: 'invalidToken',
          data: { token: '"X-Page"', header: 'Access-Control-Expose-Headers' },
          line: 4,
          column: 48,
          endColumn: 58,
        },
      ],
    },
    {
      // A duration written for humans: '10m' is 600 seconds.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: 'https://example.com', maxAge: '10m' }));
`,
      output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: 'https://example.com', maxAge: '600' }));
`,
      errors: [
        {
          messageId: 'maxAgeNotInteger',
          data: { value: '10m' },
          line: 4,
          column: 55,
          endColumn: 60,
        },
      ],
    },
    {
      // res.writeHead with '1h' and a fractional value on new Response: only the first has one meaning.
      code: `
import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(204, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Max-Age': '1h' });
  res.end();
});
export function OPTIONS() {
  return new Response(null, { status: 204, headers: { 'Access-Control-Max-Age': '1.5' } });
}
`,
      output: `
import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(204, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Max-Age': '3600' });
  res.end();
});
export function OPTIONS() {
  return new Response(null, { status: 204, headers: { 'Access-Control-Max-Age': '1.5' } });
}
`,
      errors: [
        {
          messageId: 'maxAgeNotInteger',
          data: { value: '1h' },
          line: 4,
          column: 86,
          endColumn: 90,
        },
        {
          messageId: 'maxAgeNotInteger',
          data: { value: '1.5' },
          line: 8,
          column: 81,
          endColumn: 86,
        },
      ],
    },
    {
      // Negative max-age.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: 'https://example.com', maxAge: -1 }));
`,
      output: null,
      errors: [
        { messageId: 'maxAgeNegative', data: { value: '-1' }, line: 4, column: 55, endColumn: 57 },
      ],
    },
    {
      // Above Chromium's cap: a suggestion, since capping changes how long preflights are cached in Firefox.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: 'https://example.com', maxAge: 86400 }));
`,
      options: [{ maxAgeAboveCap: true }],
      output: null,
      errors: [
        {
          messageId: 'maxAgeCapped',
          data: { value: '86400', browser: "Chromium's 7200-second", cap: '7200' },
          line: 4,
          column: 55,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'useMaxAge',
              data: { fixed: '7200' },
              output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: 'https://example.com', maxAge: 7200 }));
`,
            },
          ],
        },
      ],
    },
    {
      // Above both caps, hand-set as a string with res.header.
      code: `
import express from 'express';
const app = express();
app.options('/api/*', (req, res) => {
  res.header('Access-Control-Max-Age', '31536000');
  res.sendStatus(204);
});
`,
      options: [{ maxAgeAboveCap: true }],
      output: null,
      errors: [
        {
          messageId: 'maxAgeCapped',
          data: {
            value: '31536000',
            browser: "Chromium's (7200 s) and Firefox's (86400 s)",
            cap: '7200',
          },
          line: 5,
          column: 40,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useMaxAge',
              data: { fixed: '7200' },
              output: `
import express from 'express';
const app = express();
app.options('/api/*', (req, res) => {
  res.header('Access-Control-Max-Age', '7200');
  res.sendStatus(204);
});
`,
            },
          ],
        },
      ],
    },
  ],
});
