import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-wildcard-origin-with-credentials.js';

/** The origins the app's pages are served from, as a project sets them for every rule. */
const APP_ORIGINS = {
  cors: { appOrigins: ['https://app.example.com', 'https://admin.example.com'] },
};

const ruleTester = new RuleTester();

ruleTester.run('no-wildcard-origin-with-credentials', rule, {
  valid: [
    // @koa/cors never sends '*' with credentials: it reflects the origin instead (another rule's finding).
    "import cors from '@koa/cors';\napp.use(cors({ origin: '*', credentials: true }));\n",
    // Expected headers in a test assertion are not a response.
    `
import assert from 'node:assert';
assert.deepStrictEqual(res.headers, {
  'access-control-allow-origin': '*',
  'access-control-allow-credentials': 'true',
});
`,
    // A request's init is not a response (another rule's business later).
    `
fetch('https://api.example.com/items', { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' } });
`,
    // A loop copying an object's entries into a request's init is not a response.
    `
const EXTRA = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' };
const init = {};
for (const [k, v] of Object.entries(EXTRA)) init[k] = v;
fetch('https://api.example.com/items', init);
`,
    // Header objects never sent anywhere are not reported.
    `
export const documentedHeaders = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' };
`,
    // A namespace import of another package under the name cors is not the cors package.
    `
import * as cors from './cors-options';
app.use(cors({ origin: '*', credentials: true }));
`,
    // An explicit allow-list may go with credentials.
    `
import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com', 'https://admin.example.com'], credentials: true }));
`,
    // A wildcard without credentials is a policy choice (cors/no-permissive-origin), not a browser error.
    `
import cors from 'cors';
app.use(cors({ origin: '*' }));
`,
    `
const cors = require('cors');
app.use(cors());
`,
    `
import cors from 'cors';
app.use(cors({ origin: '*', credentials: false }));
`,
    // The cors package sends Access-Control-Allow-Credentials only for the boolean `true`.
    `
import cors from 'cors';
app.use(cors({ origin: '*', credentials: 'true' }));
`,
    // `origin: true` reflects the request origin: that is cors/no-reflected-origin-with-credentials.
    `
import cors from 'cors';
app.use(cors({ origin: true, credentials: true }));
`,
    // Values from the environment, parameters or unresolved spreads are unknown, never assumed to be '*'.
    `
import cors from 'cors';
app.use(cors({ origin: process.env.CORS_ORIGIN, credentials: true }));
`,
    `
import cors from 'cors';
export function corsFor(allowCookies: boolean) {
  return cors({ origin: '*', credentials: allowCookies });
}
`,
    `
import cors from 'cors';
import { config } from './config';
app.use(cors({ ...config.cors, credentials: true }));
`,
    // Hand-set headers: the wildcard and the credentials are on different responses.
    `
app.get('/public', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.json({ ok: true });
});
app.get('/me', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.json(req.user);
});
`,
    // 'True' is not the exact 'true', so browsers treat the response as not credentialed (cors/valid-header-values reports it).
    `
app.get('/', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Credentials', 'True');
  res.send('ok');
});
`,
    `
export function withCors(response: Response, origin: string): Response {
  response.headers.set('Access-Control-Allow-Origin', origin);
  response.headers.set('Access-Control-Allow-Credentials', 'true');
  return response;
}
`,
  ],
  invalid: [
    {
      // hono sends '*' with credentials as is (cors-reference.md §3.4).
      code: `
import { cors } from 'hono/cors';
app.use('/api/*', cors({ origin: '*', credentials: true }));
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 3,
          column: 34,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
import { cors } from 'hono/cors';
app.use('/api/*', cors({ origin: ['<your-app-origin>'], credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      // Entries written one by one: `for…of` over `Object.entries` into a Response's Headers.
      code: `
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' };
function withCors(response) {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(CORS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, headers });
}
export default { fetch: () => withCors(new Response('ok')) };
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 2,
          column: 47,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
const CORS = { 'Access-Control-Allow-Origin': '<your-app-origin>', 'Access-Control-Allow-Credentials': 'true' };
function withCors(response) {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(CORS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, headers });
}
export default { fetch: () => withCors(new Response('ok')) };
`,
            },
          ],
        },
      ],
    },
    {
      // `Object.keys(…).forEach` with `obj[name]` as the value.
      code: `
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' };
export function allowCors(res) {
  Object.keys(CORS).forEach((name) => res.setHeader(name, CORS[name]));
}
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 2,
          column: 47,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
const CORS = { 'Access-Control-Allow-Origin': '<your-app-origin>', 'Access-Control-Allow-Credentials': 'true' };
export function allowCors(res) {
  Object.keys(CORS).forEach((name) => res.setHeader(name, CORS[name]));
}
`,
            },
          ],
        },
      ],
    },
    {
      // `.forEach` over the pairs, and a `for…in` loop: one object, reported once.
      code: `
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' };
export function allowCors(reply) {
  Object.entries(CORS).forEach(([name, value]) => { reply.header(name, value); });
  for (const name in CORS) reply.header(name, CORS[name]);
}
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 2,
          column: 47,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
const CORS = { 'Access-Control-Allow-Origin': '<your-app-origin>', 'Access-Control-Allow-Credentials': 'true' };
export function allowCors(reply) {
  Object.entries(CORS).forEach(([name, value]) => { reply.header(name, value); });
  for (const name in CORS) reply.header(name, CORS[name]);
}
`,
            },
          ],
        },
      ],
    },
    {
      // A header constant spread into a Response's headers.
      code: `
const CORS_HEADERS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' };
export default {
  fetch: () => new Response('ok', { headers: { ...CORS_HEADERS, 'Content-Type': 'text/plain' } }),
};
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 2,
          column: 55,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
const CORS_HEADERS = { 'Access-Control-Allow-Origin': '<your-app-origin>', 'Access-Control-Allow-Credentials': 'true' };
export default {
  fetch: () => new Response('ok', { headers: { ...CORS_HEADERS, 'Content-Type': 'text/plain' } }),
};
`,
            },
          ],
        },
      ],
    },
    {
      // A helper whose result becomes a Lambda response's headers.
      code: `
function corsHeaders() {
  return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' };
}
export const handler = async () => ({ statusCode: 200, headers: corsHeaders(), body: '{}' });
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 3,
          column: 43,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
function corsHeaders() {
  return { 'Access-Control-Allow-Origin': '<your-app-origin>', 'Access-Control-Allow-Credentials': 'true' };
}
export const handler = async () => ({ statusCode: 200, headers: corsHeaders(), body: '{}' });
`,
            },
          ],
        },
      ],
    },
    {
      // A namespace import, callable under CommonJS interop.
      code: `
import * as cors from 'cors';
app.use(cors({ origin: '*', credentials: true }));
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 3,
          column: 24,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
import * as cors from 'cors';
app.use(cors({ origin: ['<your-app-origin>'], credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      // TypeScript's import-equals form.
      code: `
import cors = require('cors');
app.use(cors({ origin: '*', credentials: true }));
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 3,
          column: 24,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
import cors = require('cors');
app.use(cors({ origin: ['<your-app-origin>'], credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import cors from 'cors';
app.use(
  cors({
    origin: '*',
    credentials: true,
  }),
);
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          data: { defaultOrigin: '' },
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              data: { origin: "'<your-app-origin>'" },
              output: `
import cors from 'cors';
app.use(
  cors({
    origin: ['<your-app-origin>'],
    credentials: true,
  }),
);
`,
            },
          ],
        },
      ],
    },
    {
      // The package's default origin is '*': `cors({ credentials: true })` sends both headers as they are.
      code: `
const cors = require('cors');
app.use(cors({ credentials: true }));
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          data: { defaultOrigin: ' (the default origin of `cors()`)' },
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
const cors = require('cors');
app.use(cors({ credentials: true, origin: ['<your-app-origin>'] }));
`,
            },
          ],
        },
      ],
    },
    {
      // Renamed import, options in a constant.
      code: `
import corsMiddleware from "cors";

const corsOptions = {
  origin: "*",
  credentials: true,
  maxAge: 600,
};

app.use(corsMiddleware(corsOptions));
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 5,
          column: 11,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
import corsMiddleware from "cors";

const corsOptions = {
  origin: ["<your-app-origin>"],
  credentials: true,
  maxAge: 600,
};

app.use(corsMiddleware(corsOptions));
`,
            },
          ],
        },
      ],
    },
    {
      // Options spread from another constant: credentials come from `base`.
      code: `
import cors from 'cors';
const base = { credentials: true, methods: ['GET', 'POST'] };
app.use(cors({ ...base, origin: '*' }));
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 4,
          column: 33,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
import cors from 'cors';
const base = { credentials: true, methods: ['GET', 'POST'] };
app.use(cors({ ...base, origin: ['<your-app-origin>'] }));
`,
            },
          ],
        },
      ],
    },
    {
      // An options delegate that always answers the same options.
      code: `
import cors from 'cors';
app.use(cors((req, callback) => callback(null, { origin: '*', credentials: true })));
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 3,
          column: 58,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
import cors from 'cors';
app.use(cors((req, callback) => callback(null, { origin: ['<your-app-origin>'], credentials: true })));
`,
            },
          ],
        },
      ],
    },
    {
      code: `
app.get('/me', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.json(req.user);
});
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          data: { defaultOrigin: '' },
          line: 3,
          column: 48,
          endLine: 3,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
app.get('/me', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '<your-app-origin>');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.json(req.user);
});
`,
            },
          ],
        },
      ],
    },
    {
      // res.set / res.header with an object; a boolean `true` is sent as the text "true".
      code: `
app.get('/me', (req, res) => {
  res.set({
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Credentials': true,
  });
  res.json(req.user);
});
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 4,
          column: 36,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
app.get('/me', (req, res) => {
  res.set({
    'Access-Control-Allow-Origin': '<your-app-origin>',
    'Access-Control-Allow-Credentials': true,
  });
  res.json(req.user);
});
`,
            },
          ],
        },
      ],
    },
    {
      // res.header name/value, with header names from constants and any casing.
      code: `
const ALLOW_ORIGIN = 'access-control-allow-origin';
router.get('/me', (req, res) => {
  res.header(ALLOW_ORIGIN, '*');
  res.header('Access-Control-Allow-Credentials', 'true');
  res.send(req.user);
});
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 4,
          column: 28,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
const ALLOW_ORIGIN = 'access-control-allow-origin';
router.get('/me', (req, res) => {
  res.header(ALLOW_ORIGIN, '<your-app-origin>');
  res.header('Access-Control-Allow-Credentials', 'true');
  res.send(req.user);
});
`,
            },
          ],
        },
      ],
    },
    {
      // A chained write cannot be removed on its own: only the origin suggestion is offered.
      code: `
app.use((req, res, next) => {
  res.append('Access-Control-Allow-Origin', '*').append('Access-Control-Allow-Credentials', 'true');
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 3,
          column: 45,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
app.use((req, res, next) => {
  res.append('Access-Control-Allow-Origin', '<your-app-origin>').append('Access-Control-Allow-Credentials', 'true');
  next();
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' });
  res.end('{}');
});
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 4,
          column: 91,
          endColumn: 94,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '<your-app-origin>', 'Access-Control-Allow-Credentials': 'true' });
  res.end('{}');
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
  const headers = new Headers({
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Credentials': 'true',
  });
  return new Response('{}', { headers });
}
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 4,
          column: 36,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
export function GET() {
  const headers = new Headers({
    'Access-Control-Allow-Origin': '<your-app-origin>',
    'Access-Control-Allow-Credentials': 'true',
  });
  return new Response('{}', { headers });
}
`,
            },
          ],
        },
      ],
    },
    {
      // headers.set on one Headers object, and the pair form of `new Headers`.
      code: `
export function GET() {
  const headers = new Headers([['Content-Type', 'text/plain']]);
  headers.set('Access-Control-Allow-Origin', '*');
  headers.set('Access-Control-Allow-Credentials', 'true');
  return new Response('ok', { headers });
}
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 4,
          column: 46,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
export function GET() {
  const headers = new Headers([['Content-Type', 'text/plain']]);
  headers.set('Access-Control-Allow-Origin', '<your-app-origin>');
  headers.set('Access-Control-Allow-Credentials', 'true');
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
  const headers = new Headers([
    ['Access-Control-Allow-Origin', '*'],
    ['Access-Control-Allow-Credentials', 'true'],
  ]);
  return new Response('ok', { headers });
}
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 4,
          column: 37,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
export function GET() {
  const headers = new Headers([
    ['Access-Control-Allow-Origin', '<your-app-origin>'],
    ['Access-Control-Allow-Credentials', 'true'],
  ]);
  return new Response('ok', { headers });
}
`,
            },
          ],
        },
      ],
    },
    {
      // Response init object.
      code: `
export async function GET(request: Request) {
  return new Response(JSON.stringify(await load(request)), {
    headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' },
  });
}
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 4,
          column: 47,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
export async function GET(request: Request) {
  return new Response(JSON.stringify(await load(request)), {
    headers: { 'Access-Control-Allow-Origin': '<your-app-origin>', 'Access-Control-Allow-Credentials': 'true' },
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      // AWS Lambda proxy result.
      code: `
export const handler = async () => {
  return {
    statusCode: 200,
    headers: {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Credentials': true,
    },
    body: JSON.stringify({ ok: true }),
  };
};
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 6,
          column: 38,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output: `
export const handler = async () => {
  return {
    statusCode: 200,
    headers: {
      'Access-Control-Allow-Origin': '<your-app-origin>',
      'Access-Control-Allow-Credentials': true,
    },
    body: JSON.stringify({ ok: true }),
  };
};
`,
            },
          ],
        },
      ],
    },
    // The suggestion writes the app's origins when settings.cors.appOrigins lists them: all of them into a cors list…
    {
      code: "import cors from 'cors';\napp.use(cors({ origin: '*', credentials: true }));\n",
      settings: APP_ORIGINS,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 2,
          column: 24,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              data: { origin: "'https://app.example.com', …" },
              output:
                "import cors from 'cors';\napp.use(cors({ origin: ['https://app.example.com', 'https://admin.example.com'], credentials: true }));\n",
            },
          ],
        },
      ],
    },
    // …and one of them into a header, which carries one origin: a suggestion per origin, the user picks.
    {
      code: "res.setHeader('Access-Control-Allow-Origin', '*');\nres.setHeader('Access-Control-Allow-Credentials', 'true');\n",
      settings: APP_ORIGINS,
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 1,
          column: 46,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              data: { origin: "'https://app.example.com'" },
              output:
                "res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');\nres.setHeader('Access-Control-Allow-Credentials', 'true');\n",
            },
            {
              messageId: 'useExplicitOrigin',
              data: { origin: "'https://admin.example.com'" },
              output:
                "res.setHeader('Access-Control-Allow-Origin', 'https://admin.example.com');\nres.setHeader('Access-Control-Allow-Credentials', 'true');\n",
            },
          ],
        },
      ],
    },
    // Without app origins it writes a placeholder, which valid-allow-origin reports until it is replaced.
    {
      code: "import cors from 'cors';\napp.use(cors({ origin: '*', credentials: true }));\n",
      output: null,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 2,
          column: 24,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              data: { origin: "'<your-app-origin>'" },
              output:
                "import cors from 'cors';\napp.use(cors({ origin: ['<your-app-origin>'], credentials: true }));\n",
            },
          ],
        },
      ],
    },
  ],
});
