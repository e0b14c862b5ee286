import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-null-origin.js';

const ruleTester = new RuleTester();

ruleTester.run('no-null-origin', rule, {
  valid: [
    // A null the value may hold never reaches the write: it only runs when the value is truthy.
    `
import express from 'express';

const allowed = new Set(['https://app.example.com']);
const allowedOrigin = (origin: string | undefined) => (origin && allowed.has(origin) ? origin : null);
const app = express();
app.use((req, res, next) => {
  const origin = allowedOrigin(req.headers.origin);
  res.set('Vary', 'Origin');
  if (origin) res.set('Access-Control-Allow-Origin', origin);
  next();
});
`,
    // The same after an early exit on null.
    `
const allowed = new Set(['https://app.example.com']);
const pick = (origin) => (allowed.has(origin) ? origin : null);
app.use((req, res, next) => {
  const origin = pick(req.headers.origin);
  res.setHeader('Vary', 'Origin');
  if (origin === null) return next();
  res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});
`,
    // A null in a returned result is serialised by whoever reads it (a Lambda proxy result): not known to be sent as 'null'.
    `
export const handler = async () => ({
  statusCode: 200,
  headers: { 'Access-Control-Allow-Origin': null },
  body: '{}',
});
`,
    `
import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com', 'http://localhost:5173'], credentials: true }));
`,
    // The literal null (not the string) is falsy: the cors package then sends no CORS headers at all.
    `
import cors from 'cors';
app.use(cors({ origin: null }));
`,
    // Code that rejects 'null' is what this rule asks for.
    `
const allowed = new Set(['https://app.example.com']);
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin !== 'null' && allowed.has(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
  next();
});
`,
    // Unknown values are never assumed to be 'null'.
    `
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', process.env.ALLOWED_ORIGIN);
  next();
});
`,
    `
const cors = require('cors');
import { extraOrigins } from './config';
app.use(cors({ origin: ['https://app.example.com', ...extraOrigins] }));
`,
    // 'null' in other headers is not an origin.
    `
app.get('/', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  res.setHeader('X-Last-Error', 'null');
  res.send('ok');
});
`,
    `
export const handler = async () => ({
  statusCode: 200,
  headers: { 'Access-Control-Allow-Origin': 'https://app.example.com' },
  body: JSON.stringify({ value: 'null' }),
});
`,
  ],
  invalid: [
    {
      code: `
import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com', 'null'], credentials: true }));
`,
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 3,
          column: 52,
          endLine: 3,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'removeNullEntry',
              output: `
import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      // CommonJS, renamed, the list in a constant, 'null' first.
      code: `
const corsMiddleware = require('cors');
const allowedOrigins = ['null', 'https://app.example.com'];
app.use(corsMiddleware({ origin: allowedOrigins }));
`,
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 3,
          column: 25,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'removeNullEntry',
              output: `
const corsMiddleware = require('cors');
const allowedOrigins = ['https://app.example.com'];
app.use(corsMiddleware({ origin: allowedOrigins }));
`,
            },
          ],
        },
      ],
    },
    {
      // Spread from another list (e.g. to let file:// pages in during development).
      code: `
import cors from 'cors';
const devOrigins = ["http://localhost:3000", "null"];
const corsOptions = {
  origin: ["https://app.example.com", ...devOrigins],
};
app.use(cors(corsOptions));
`,
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 3,
          column: 46,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'removeNullEntry',
              output: `
import cors from 'cors';
const devOrigins = ["http://localhost:3000"];
const corsOptions = {
  origin: ["https://app.example.com", ...devOrigins],
};
app.use(cors(corsOptions));
`,
            },
          ],
        },
      ],
    },
    {
      // Multi-line list: the entry goes with its line.
      code: `
import cors from 'cors';
app.use(
  cors({
    origin: [
      'https://app.example.com',
      'null',
      'https://admin.example.com',
    ],
  }),
);
`,
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 7,
          column: 7,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'removeNullEntry',
              output: `
import cors from 'cors';
app.use(
  cors({
    origin: [
      'https://app.example.com',
      'https://admin.example.com',
    ],
  }),
);
`,
            },
          ],
        },
      ],
    },
    {
      // A string origin is sent verbatim on every response: here always \`null\`.
      code: `
import cors from 'cors';
app.use(cors({ origin: 'null' }));
`,
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 3,
          column: 24,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              data: { origin: "'<your-app-origin>'" },
              output: `
import cors from 'cors';
app.use(cors({ origin: ['<your-app-origin>'] }));
`,
            },
          ],
        },
      ],
    },
    {
      // An options delegate.
      code: `
import cors from 'cors';
app.use(cors((req, callback) => callback(null, { origin: ['null'] })));
`,
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 3,
          column: 59,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'removeNullEntry',
              output: `
import cors from 'cors';
app.use(cors((req, callback) => callback(null, { origin: [] })));
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/widget', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'null');
  res.send('ok');
});
`,
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 3,
          column: 48,
          endLine: 3,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
app.get('/widget', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '<your-app-origin>');
  res.send('ok');
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/widget', (req, res) => {
  res.set({ 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Credentials': 'true' });
  res.send('ok');
});
`,
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 3,
          column: 44,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
app.get('/widget', (req, res) => {
  res.set({ 'Access-Control-Allow-Origin': '<your-app-origin>', 'Access-Control-Allow-Credentials': 'true' });
  res.send('ok');
});
`,
            },
          ],
        },
      ],
    },
    {
      // The header value from a constant: the suggestion edits the constant.
      code: `
const SANDBOX_ORIGIN = 'null';
http.createServer((req, res) => {
  res.writeHead(200, { 'Access-Control-Allow-Origin': SANDBOX_ORIGIN });
  res.end();
});
`,
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 4,
          column: 55,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
const SANDBOX_ORIGIN = '<your-app-origin>';
http.createServer((req, res) => {
  res.writeHead(200, { 'Access-Control-Allow-Origin': SANDBOX_ORIGIN });
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
export function GET() {
  const headers = new Headers();
  headers.set('Access-Control-Allow-Origin', "null");
  return new Response('ok', { headers });
}
`,
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 4,
          column: 46,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
export function GET() {
  const headers = new Headers();
  headers.set('Access-Control-Allow-Origin', "<your-app-origin>");
  return new Response('ok', { headers });
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
export function GET() {
  return new Response('ok', { headers: { 'Access-Control-Allow-Origin': 'null' } });
}
`,
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 3,
          column: 73,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
export function GET() {
  return new Response('ok', { headers: { 'Access-Control-Allow-Origin': '<your-app-origin>' } });
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
export const handler = async () => ({
  statusCode: 200,
  headers: { 'Access-Control-Allow-Origin': 'null' },
  body: '',
});
`,
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 4,
          column: 45,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
export const handler = async () => ({
  statusCode: 200,
  headers: { 'Access-Control-Allow-Origin': '<your-app-origin>' },
  body: '',
});
`,
            },
          ],
        },
      ],
    },
    {
      // Every 'null' entry is reported.
      code: `
import cors from 'cors';
app.use(cors({ origin: ['null', 'https://app.example.com', 'null'] }));
`,
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 3,
          column: 25,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'removeNullEntry',
              output: `
import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com', 'null'] }));
`,
            },
          ],
        },
        {
          messageId: 'nullOrigin',
          line: 3,
          column: 60,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'removeNullEntry',
              output: `
import cors from 'cors';
app.use(cors({ origin: ['null', 'https://app.example.com'] }));
`,
            },
          ],
        },
      ],
    },
    {
      // Node writes a null header value as the text 'null' (Express and Koa call String() on it,
      // fetch's Headers convert it): the header allows every opaque origin.
      code: `
import http from 'node:http';

http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', null);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.end('ok');
});
`,
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 5,
          column: 48,
          endLine: 5,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              data: { origin: "'<your-app-origin>'" },
              output: `
import http from 'node:http';

http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '<your-app-origin>');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.end('ok');
});
`,
            },
          ],
        },
      ],
    },
    {
      // "No header for other origins" written as null sends `null`: a sandboxed page of any site passes.
      code: `
import express from 'express';

const allowed = new Set(['https://app.example.com']);
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  res.set('Vary', 'Origin');
  res.set('Access-Control-Allow-Origin', origin && allowed.has(origin) ? origin : null);
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 9,
          column: 83,
          endLine: 9,
          endColumn: 87,
          suggestions: [],
        },
      ],
    },
    // With one app origin configured, the suggestion writes it instead of a placeholder.
    {
      code: "res.setHeader('Access-Control-Allow-Origin', 'null');\n",
      settings: { cors: { appOrigins: ['https://App.example.com/'] } },
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 1,
          column: 46,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              data: { origin: "'https://app.example.com'" },
              output: "res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');\n",
            },
          ],
        },
      ],
    },
    {
      code: "res.setHeader('Access-Control-Allow-Origin', 'null');\n",
      output: null,
      errors: [
        {
          messageId: 'nullOrigin',
          line: 1,
          column: 46,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              data: { origin: "'<your-app-origin>'" },
              output: "res.setHeader('Access-Control-Allow-Origin', '<your-app-origin>');\n",
            },
          ],
        },
      ],
    },
  ],
});
