import { RuleTester } from '@typescript-eslint/rule-tester';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../src/rules/no-reflected-origin-with-credentials.js';

/** The origins the app's pages are served from, as a project sets them for every rule. */
const APP_ORIGINS = {
  cors: { appOrigins: ['https://app.example.com', 'https://admin.example.com'] },
};

const ruleTester = new RuleTester();

/** A file next to a package.json pinning @koa/cors to this major. */
const koaFolder = (folder: 'koa4' | 'koa5') =>
  path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    'fixtures',
    'cors-libraries',
    folder,
    'server.js',
  );
/** A file next to a package.json pinning @orpc/server to this major. */
const orpcFolder = (folder: 'orpc1' | 'orpc2') =>
  path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    'fixtures',
    'cors-libraries',
    folder,
    'route.ts',
  );

ruleTester.run('no-reflected-origin-with-credentials', rule, {
  valid: [
    // oRPC's CORSPlugin: an origin function that returns the origin only after checking it.
    {
      code: `
import { CORSPlugin } from '@orpc/server/plugins';
const allowed = ['https://app.example.com'];
export const cors = new CORSPlugin({ origin: (origin) => (allowed.includes(origin) ? origin : null), credentials: true });
`,
      filename: orpcFolder('orpc1'),
    },
    // Its default origin changed within v2's betas (reflect, then '*'): unknown, not reported.
    {
      code: "import { CORSHandlerPlugin } from '@orpc/server/plugins';\nexport const cors = new CORSHandlerPlugin({ credentials: true });\n",
      filename: orpcFolder('orpc2'),
    },
    // `origin in allowedOrigins` looks the value up among the allowed origins.
    `
import http from 'node:http';
import url from 'node:url';

const allowedOrigins: Record<string, true> = { 'https://app.example.com': true };
http.createServer((req, res) => {
  const origin = url.parse(req.url, true).query.origin;
  if (origin in allowedOrigins) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  res.end('ok');
});
`,
    // A project's own `parse` is no URL parser we know: its result is unknown.
    `
import http from 'node:http';
import { parse } from './route-parser';

http.createServer((req, res) => {
  const origin = parse(req.url).query.origin;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.end('ok');
});
`,
    // A '*' fallback only breaks credentialed requests of an unconfigured deployment: unknown, not reported.
    `
import cors from 'cors';
app.use(cors({ origin: process.env.CORS_ORIGIN || '*', credentials: true }));
`,
    // Every approving answer of the origin function is behind a check; the one before it answers requests without an Origin.
    `
import cors from 'cors';
const allowed = ['https://a.example'];
app.use(cors({
  origin(origin, callback) {
    if (!origin) return callback(null, true);
    if (origin === 'null') return callback(null, false);
    if (allowed.includes(origin)) return callback(null, true);
    callback(new Error('not allowed'));
  },
  credentials: true,
}));
`,
    // @koa/cors with one fixed origin sends it, credentials or not.
    {
      code: "import cors from '@koa/cors';\napp.use(cors({ origin: 'https://app.example.com', credentials: true }));\n",
      filename: koaFolder('koa4'),
    },
    `
import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com', /^https:\\/\\/[a-z]+\\.example\\.com$/], credentials: true }));
`,
    // Reflection without credentials is cors/no-permissive-origin's business.
    `
import cors from 'cors';
app.use(cors({ origin: true }));
`,
    // The string 'true' is not the boolean: the cors package sends no Access-Control-Allow-Credentials.
    `
import cors from 'cors';
app.use(cors({ origin: true, credentials: 'true' }));
`,
    // Origin callbacks that check the origin.
    `
import cors from 'cors';
const allowed = new Set(['https://app.example.com', 'https://admin.example.com']);
app.use(cors({ origin: (origin, callback) => callback(null, allowed.has(origin)), credentials: true }));
`,
    `
const cors = require('cors');
const allowedOrigins = ['https://app.example.com'];
app.use(
  cors({
    credentials: true,
    origin(origin, callback) {
      if (!origin || allowedOrigins.includes(origin)) callback(null, origin);
      else callback(new Error('Not allowed by CORS'));
    },
  }),
);
`,
    // An options delegate that looks at the request's origin.
    `
import cors from 'cors';
const allowed = ['https://app.example.com'];
app.use(cors((req, callback) => callback(null, { origin: allowed.includes(req.header('Origin')), credentials: true })));
`,
    // Hand-set reflection behind a check: includes, early return with Set#has, ===, a safe regex, indexOf, a ternary.
    `
const allowed = ['https://app.example.com'];
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (allowed.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});
`,
    `
const allowed = new Set(['https://app.example.com']);
app.use((req, res, next) => {
  const origin = req.get('origin');
  if (!origin || !allowed.has(origin)) return next();
  res.set('Access-Control-Allow-Origin', origin);
  res.set('Access-Control-Allow-Credentials', 'true');
  next();
});
`,
    `
app.use((req, res, next) => {
  if (req.headers.origin === 'https://app.example.com') {
    res.header('Access-Control-Allow-Origin', req.headers.origin);
    res.header('Access-Control-Allow-Credentials', 'true');
  }
  next();
});
`,
    `
export async function GET(request: Request) {
  const origin = request.headers.get('origin') ?? '';
  const headers = new Headers();
  if (/^https:\\/\\/(app|admin)\\.example\\.com$/.test(origin)) {
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Allow-Credentials', 'true');
  }
  return new Response('ok', { headers });
}
`,
    `
const whitelist = ['https://app.example.com'];
app.use((req, res, next) => {
  const origin = req.header('Origin');
  if (whitelist.indexOf(origin) !== -1) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});
`,
    `
const allowed = ['https://app.example.com'];
app.use((req, res, next) => {
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', allowed.includes(origin) ? origin : allowed[0]);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});
`,
    // A parameter or the environment is not the request's Origin header.
    `
export function allowOrigin(res: ServerResponse, origin: string) {
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
}
`,
    `
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', process.env.FRONTEND_ORIGIN);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});
`,
    // Reflection and credentials on different responses.
    `
app.get('/public', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.json([]);
});
app.get('/me', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.json(req.user);
});
`,
    // A pattern every origin passes, beside a real check, is redundant: the real check decides.
    `
import cors from 'cors';
const allowed = new Set(['https://app.example.com']);
app.use(cors({ origin: (origin, callback) => callback(null, allowed.has(origin) && /^https:\\/\\//.test(origin)), credentials: true }));
`,
    // A pattern that names the host is a check (cors/no-unsafe-origin-check judges how strict).
    `
import cors from 'cors';
app.use(cors({ origin: /^https:\\/\\/.*\\.example\\.com$/, credentials: true }));
`,
    // Defaults merged under the caller's options: credentials are off by default, so '*' stays '*'.
    {
      code: `
import koaCors from '@koa/cors';
const defaults = { origin: '*', credentials: false };
export function corsMiddleware(config) {
  const { origin, credentials } = { ...defaults, ...config };
  return koaCors({ origin, credentials });
}
`,
      filename: koaFolder('koa5'),
    },
    // Written after the spread, the origin always overrides the default '*'.
    {
      code: `
import koaCors from '@koa/cors';
const defaults = { origin: '*', credentials: true };
export function corsMiddleware(config) {
  const { origin, credentials } = { ...defaults, ...config, origin: 'https://app.example.com' };
  return koaCors({ origin, credentials });
}
`,
      filename: koaFolder('koa5'),
    },
    // An @koa/cors origin function that answers '*' only to requests without an Origin, and checks the others.
    {
      code: `
import koaCors from '@koa/cors';
const allowed = ['https://app.example.com'];
app.use(koaCors({
  origin(ctx) {
    if (!ctx.get('Origin')) return '*';
    return allowed.includes(ctx.get('Origin')) ? ctx.get('Origin') : '';
  },
  credentials: true,
}));
`,
      filename: koaFolder('koa5'),
    },
    // A factory whose '*' stays '*' and whose other products compare the origin first.
    `
export function corsHeaders(options) {
  const opts = { origin: '*', ...options };
  const allowOrigin = ((configured) => {
    if (configured === '*') return () => configured;
    return (origin) => (origin === configured ? origin : null);
  })(opts.origin);
  return (req, res, next) => {
    const value = allowOrigin(req.headers.origin);
    if (value) res.setHeader('Access-Control-Allow-Origin', value);
    if (opts.credentials) res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
    next();
  };
}
`,
  ],
  invalid: [
    // oRPC's CORSPlugin (@orpc/server/plugins): an origin function handing back the request's origin approves every origin.
    {
      code: `
import { CORSPlugin } from '@orpc/server/plugins';
export const cors = new CORSPlugin({ origin: (origin) => origin, credentials: true });
`,
      filename: orpcFolder('orpc1'),
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: { how: 'the origin function approves every origin' },
          line: 3,
          column: 46,
          endLine: 3,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import { CORSPlugin } from '@orpc/server/plugins';
export const cors = new CORSPlugin({ origin: ['<your-app-origin>'], credentials: true });
`,
            },
          ],
        },
      ],
    },
    // oRPC v1 reflects every origin when `origin` is not given.
    {
      code: `
import { CORSPlugin } from '@orpc/server/plugins';
export const cors = new CORSPlugin({ credentials: true });
`,
      filename: orpcFolder('orpc1'),
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            how: "Access-Control-Allow-Origin is copied from the request's Origin header with no check",
          },
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import { CORSPlugin } from '@orpc/server/plugins';
export const cors = new CORSPlugin({ credentials: true, origin: ['<your-app-origin>'] });
`,
            },
          ],
        },
      ],
    },
    {
      // The fallback of an environment variable is possible: an unconfigured deployment reflects every origin.
      code: `
import cors from 'cors';
app.use(cors({ origin: process.env.CORS_ORIGIN || true, credentials: true }));
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import cors from 'cors';
app.use(cors({ origin: ['<your-app-origin>'], credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      // An origin function that checks the list, except on a path a configuration test decides:
      // that answer approves every origin, and is reported where it is given (no automatic repair).
      code: `
import cors from 'cors';
const allowed = (process.env.ALLOWED_ORIGINS ?? '').split(',');
app.use(cors({
  origin(origin, callback) {
    if (!origin) return callback(null, true);
    if (allowed.includes('*')) return callback(null, true);
    callback(null, allowed.includes(origin));
  },
  credentials: true,
}));
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: { how: 'the origin function approves every origin' },
          line: 7,
          column: 54,
          endLine: 7,
          endColumn: 58,
          suggestions: [],
        },
      ],
    },
    // @koa/cors replaces '*' (its v5 default) with the request's Origin when credentials are on;
    // its origin takes one string, so the suggestion writes one.
    {
      code: `
import cors from '@koa/cors';
app.use(cors({ credentials: true }));
`,
      filename: koaFolder('koa5'),
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            how: "Access-Control-Allow-Origin is copied from the request's Origin header with no check",
          },
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              data: { origin: "'<your-app-origin>'" },
              output: `
import cors from '@koa/cors';
app.use(cors({ credentials: true, origin: '<your-app-origin>' }));
`,
            },
          ],
        },
      ],
    },
    // @fastify/cors: options are the second argument of register.
    {
      code: `
import fastifyCors from '@fastify/cors';
await app.register(fastifyCors, { origin: true, credentials: true });
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 3,
          column: 43,
          endLine: 3,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useAllowList',
              data: { origin: "'<your-app-origin>'" },
              output: `
import fastifyCors from '@fastify/cors';
await app.register(fastifyCors, { origin: ['<your-app-origin>'], credentials: true });
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import cors from 'cors';
app.use(cors({ origin: true, credentials: true }));
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: { how: '`origin: true` reflects the request origin' },
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAllowList',
              data: { origin: "'<your-app-origin>'" },
              output: `
import cors from 'cors';
app.use(cors({ origin: ['<your-app-origin>'], credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      // CommonJS, renamed, a method-shorthand origin function that hands every origin back.
      code: `
const corsMiddleware = require('cors');
app.use(
  corsMiddleware({
    origin(origin, callback) {
      callback(null, origin);
    },
    credentials: true,
  }),
);
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: { how: 'the origin function approves every origin' },
          line: 5,
          column: 11,
          endLine: 7,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
const corsMiddleware = require('cors');
app.use(
  corsMiddleware({
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
      // Shorthand property holding a constant.
      code: `
import cors from 'cors';
const origin = true;
app.use(cors({ origin, credentials: true }));
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: { how: '`origin: true` reflects the request origin' },
          line: 4,
          column: 16,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import cors from 'cors';
const origin = true;
app.use(cors({ origin: ['<your-app-origin>'], credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      // Options in a constant; an arrow callback that approves everything.
      code: `
import cors from 'cors';
const corsOptions = {
  origin: (origin, cb) => cb(null, true),
  credentials: true,
};
app.use(cors(corsOptions));
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: { how: 'the origin function approves every origin' },
          line: 4,
          column: 11,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import cors from 'cors';
const corsOptions = {
  origin: ['<your-app-origin>'],
  credentials: true,
};
app.use(cors(corsOptions));
`,
            },
          ],
        },
      ],
    },
    {
      // Testing only that an Origin header is present is no check.
      code: `
import cors from 'cors';
const base = { credentials: true };
app.use(
  cors({
    ...base,
    origin: (origin, cb) => {
      if (!origin) return cb(null, true);
      cb(null, origin);
    },
  }),
);
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 7,
          column: 13,
          endLine: 10,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import cors from 'cors';
const base = { credentials: true };
app.use(
  cors({
    ...base,
    origin: ['<your-app-origin>'],
  }),
);
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
app.use(cors((req, callback) => callback(null, { origin: true, credentials: true })));
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: { how: '`origin: true` reflects the request origin' },
          line: 3,
          column: 58,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'useAllowList',
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
      // Hand-set: the request header copied as it is. The first suggestion sends a fixed origin in its place.
      code: `
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            how: "Access-Control-Allow-Origin is copied from the request's Origin header with no check",
          },
          line: 3,
          column: 48,
          endLine: 3,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              data: { origin: "'<your-app-origin>'" },
              output: `
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '<your-app-origin>');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
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
app.use((req, res, next) => {
  res.set('Access-Control-Allow-Origin', req.get('origin'));
  res.set('Access-Control-Allow-Credentials', 'true');
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 3,
          column: 42,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              output: `
app.use((req, res, next) => {
  res.set('Access-Control-Allow-Origin', '<your-app-origin>');
  res.set('Access-Control-Allow-Credentials', 'true');
  next();
});
`,
            },
          ],
        },
      ],
    },
    {
      // Through a variable; `if (origin)` only tests that the header is present.
      code: `
app.use((req, res, next) => {
  const origin = req.header('Origin');
  if (origin) {
    res.header('Access-Control-Allow-Origin', origin);
    res.header('Access-Control-Allow-Credentials', true);
  }
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 5,
          column: 47,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              output: `
app.use((req, res, next) => {
  const origin = req.header('Origin');
  if (origin) {
    res.header('Access-Control-Allow-Origin', '<your-app-origin>');
    res.header('Access-Control-Allow-Credentials', true);
  }
  next();
});
`,
            },
          ],
        },
      ],
    },
    {
      // Destructured from req.headers, with a fallback.
      code: `
app.use((req, res, next) => {
  const { origin } = req.headers;
  res.writeHead(204, { 'Access-Control-Allow-Origin': origin || '*', 'Access-Control-Allow-Credentials': 'true' });
  res.end();
});
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 4,
          column: 55,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              output: `
app.use((req, res, next) => {
  const { origin } = req.headers;
  res.writeHead(204, { 'Access-Control-Allow-Origin': '<your-app-origin>', 'Access-Control-Allow-Credentials': 'true' });
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      // Fetch API handler: request.headers.get('origin').
      code: `
export async function GET(request: Request) {
  const origin = request.headers.get('origin') ?? '';
  return new Response('{}', {
    headers: {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
    },
  });
}
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 6,
          column: 38,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              output: `
export async function GET(request: Request) {
  const origin = request.headers.get('origin') ?? '';
  return new Response('{}', {
    headers: {
      'Access-Control-Allow-Origin': '<your-app-origin>',
      'Access-Control-Allow-Credentials': 'true',
    },
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
export function OPTIONS(request: Request) {
  const headers = new Headers({
    'Access-Control-Allow-Origin': request.headers.get('Origin')!,
    'Access-Control-Allow-Credentials': 'true',
  });
  return new Response(null, { status: 204, headers });
}
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 4,
          column: 36,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              output: `
export function OPTIONS(request: Request) {
  const headers = new Headers({
    'Access-Control-Allow-Origin': '<your-app-origin>',
    'Access-Control-Allow-Credentials': 'true',
  });
  return new Response(null, { status: 204, headers });
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
export const handler = async (event) => ({
  statusCode: 200,
  headers: {
    'Access-Control-Allow-Origin': event.headers.origin,
    'Access-Control-Allow-Credentials': true,
  },
  body: '{}',
});
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 5,
          column: 36,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              output: `
export const handler = async (event) => ({
  statusCode: 200,
  headers: {
    'Access-Control-Allow-Origin': '<your-app-origin>',
    'Access-Control-Allow-Credentials': true,
  },
  body: '{}',
});
`,
            },
          ],
        },
      ],
    },
    {
      // A pattern every origin passes checks nothing: `/^https?:/` approves every origin like `origin: true`.
      code: `
import cors from 'cors';
app.use(cors({ origin: /^https?:/, credentials: true }));
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: { how: '`/^https?:/` matches every origin' },
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'useAllowList',
              data: { origin: "'<your-app-origin>'" },
              output: `
import cors from 'cors';
app.use(cors({ origin: ['<your-app-origin>'], credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      // In a list the pattern alone is replaced: the origins listed beside it stay.
      code: `
import cors from 'cors';
app.use(cors({ origin: ['https://admin.example.com', /^https:\\/\\/.*$/], credentials: true }));
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: { how: '`/^https:\\/\\/.*$/` matches every https origin' },
          line: 3,
          column: 54,
          endLine: 3,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useAllowList',
              data: { origin: "'<your-app-origin>'" },
              output: `
import cors from 'cors';
app.use(cors({ origin: ['https://admin.example.com', '<your-app-origin>'], credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      // new RegExp with a constant pattern, read the same way; `.` lets every origin through.
      code: `
const cors = require('cors');
const ANY = '.';
app.use(cors({ origin: [new RegExp(ANY)], credentials: true }));
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: { how: '`/./` matches every origin' },
          line: 4,
          column: 25,
          endLine: 4,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useAllowList',
              data: { origin: "'<your-app-origin>'" },
              output: `
const cors = require('cors');
const ANY = '.';
app.use(cors({ origin: ['<your-app-origin>'], credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      // An origin function whose only test every origin passes approves every origin; so does one
      // whose refusal runs only when such a test fails.
      code: `
import cors from 'cors';
app.use(cors({ origin: (origin, callback) => callback(null, /^https:\\/\\/[^/]+$/.test(origin)), credentials: true }));
app.use(
  cors({
    credentials: true,
    origin(origin, callback) {
      if (!origin || origin.startsWith('https://') || origin.startsWith('http://')) return callback(null, true);
      callback(null, false);
    },
  }),
);
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: { how: 'the origin function approves every origin' },
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 94,
          suggestions: [
            {
              messageId: 'useAllowList',
              data: { origin: "'<your-app-origin>'" },
              output: `
import cors from 'cors';
app.use(cors({ origin: ['<your-app-origin>'], credentials: true }));
app.use(
  cors({
    credentials: true,
    origin(origin, callback) {
      if (!origin || origin.startsWith('https://') || origin.startsWith('http://')) return callback(null, true);
      callback(null, false);
    },
  }),
);
`,
            },
          ],
        },
        {
          messageId: 'reflectedWithCredentials',
          data: { how: 'the origin function approves every origin' },
          line: 7,
          column: 11,
          endLine: 10,
          endColumn: 6,
          suggestions: [
            {
              messageId: 'useAllowList',
              data: { origin: "'<your-app-origin>'" },
              output: `
import cors from 'cors';
app.use(cors({ origin: (origin, callback) => callback(null, /^https:\\/\\/[^/]+$/.test(origin)), credentials: true }));
app.use(
  cors({
    credentials: true,
    origin: ['<your-app-origin>'],
  }),
);
`,
            },
          ],
        },
      ],
    },
    {
      // A real check or'ed with one every origin passes passes every origin.
      code: `
import cors from 'cors';
const allowed = ['https://app.example.com'];
app.use(cors({ origin: (origin, callback) => callback(null, allowed.includes(origin) || /.*/.test(origin)), credentials: true }));
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: { how: 'the origin function approves every origin' },
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 107,
          suggestions: [
            {
              messageId: 'useAllowList',
              data: { origin: "'<your-app-origin>'" },
              output: `
import cors from 'cors';
const allowed = ['https://app.example.com'];
app.use(cors({ origin: ['<your-app-origin>'], credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      // Hand-set reflection behind a test every origin passes is reflection with no check.
      code: `
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && /^https?:\\/\\//.test(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            how: "Access-Control-Allow-Origin is copied from the request's Origin header with no check",
          },
          line: 5,
          column: 50,
          endLine: 5,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              data: { origin: "'<your-app-origin>'" },
              output: `
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && /^https?:\\/\\//.test(origin)) {
    res.setHeader('Access-Control-Allow-Origin', '<your-app-origin>');
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});
`,
            },
          ],
        },
      ],
    },
    {
      // An early exit on a test no origin fails (`!/./.test(origin)`) or every origin passes (indexOf) guards nothing.
      code: `
app.use((req, res, next) => {
  const origin = req.header('Origin');
  if (!origin || !/./.test(origin)) return next();
  if (origin.indexOf('://') === -1) return next();
  res.set('Access-Control-Allow-Origin', origin);
  res.set('Access-Control-Allow-Credentials', 'true');
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            how: "Access-Control-Allow-Origin is copied from the request's Origin header with no check",
          },
          line: 6,
          column: 42,
          endLine: 6,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              data: { origin: "'<your-app-origin>'" },
              output: `
app.use((req, res, next) => {
  const origin = req.header('Origin');
  if (!origin || !/./.test(origin)) return next();
  if (origin.indexOf('://') === -1) return next();
  res.set('Access-Control-Allow-Origin', '<your-app-origin>');
  res.set('Access-Control-Allow-Credentials', 'true');
  next();
});
`,
            },
          ],
        },
      ],
    },
    // @koa/cors given a default '*' and credentials merged under the caller's config: a deployment
    // that sets neither reflects every origin with credentials. Reported at the default '*'.
    {
      code: `
import koaCors from '@koa/cors';
const defaults = { origin: '*', credentials: true };
export function corsMiddleware(config) {
  const { origin, credentials } = { ...defaults, ...config };
  return koaCors({ origin, credentials });
}
`,
      filename: koaFolder('koa5'),
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            how: "Access-Control-Allow-Origin is copied from the request's Origin header with no check",
          },
          line: 3,
          column: 28,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              data: { origin: "'<your-app-origin>'" },
              output: `
import koaCors from '@koa/cors';
const defaults = { origin: '<your-app-origin>', credentials: true };
export function corsMiddleware(config) {
  const { origin, credentials } = { ...defaults, ...config };
  return koaCors({ origin, credentials });
}
`,
            },
          ],
        },
      ],
    },
    // The same through an origin function that hands back the configured value, merged with Object.assign.
    {
      code: `
import koaCors from '@koa/cors';
const defaults = { origin: '*', credentials: true };
export function corsMiddleware(config) {
  const settings = Object.assign({}, defaults, config);
  return koaCors({
    origin(ctx) {
      if (!ctx.get('Origin')) return '*';
      const list = settings.origin;
      if (Array.isArray(list)) return list.includes(ctx.get('Origin')) ? ctx.get('Origin') : '';
      return list;
    },
    credentials: settings.credentials,
  });
}
`,
      filename: koaFolder('koa5'),
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            how: "Access-Control-Allow-Origin is copied from the request's Origin header with no check",
          },
          line: 3,
          column: 28,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              data: { origin: "'<your-app-origin>'" },
              output: `
import koaCors from '@koa/cors';
const defaults = { origin: '<your-app-origin>', credentials: true };
export function corsMiddleware(config) {
  const settings = Object.assign({}, defaults, config);
  return koaCors({
    origin(ctx) {
      if (!ctx.get('Origin')) return '*';
      const list = settings.origin;
      if (Array.isArray(list)) return list.includes(ctx.get('Origin')) ? ctx.get('Origin') : '';
      return list;
    },
    credentials: settings.credentials,
  });
}
`,
            },
          ],
        },
      ],
    },
    // A factory picks the function that answers the origin; with credentials one of them hands the
    // request's Origin back unchecked. Reported where that function returns it.
    {
      code: `
export function corsHeaders(options) {
  const opts = { origin: '*', ...options };
  const allowOrigin = ((configured) => {
    if (configured === '*') return opts.credentials ? (origin) => origin || null : () => configured;
    return (origin) => (origin === configured ? origin : null);
  })(opts.origin);
  return (req, res, next) => {
    const value = allowOrigin(req.headers.origin);
    if (value) res.setHeader('Access-Control-Allow-Origin', value);
    if (opts.credentials) res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
    next();
  };
}
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            how: "Access-Control-Allow-Origin is copied from the request's Origin header with no check",
          },
          line: 5,
          column: 67,
          endLine: 5,
          endColumn: 81,
          suggestions: [],
        },
      ],
    },
    // A helper that returns its argument or null, and a test that there is a value: no check at all.
    {
      code: `
import express from 'express';
const app = express();
function allowedOrigin(origin) {
  return origin || null;
}
app.use((req, res, next) => {
  const origin = allowedOrigin(req.get('Origin'));
  if (origin) {
    res.set('Access-Control-Allow-Origin', origin);
    res.set('Access-Control-Allow-Credentials', 'true');
    res.set('Vary', 'Origin');
  }
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            how: "Access-Control-Allow-Origin is copied from the request's Origin header with no check",
          },
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 50,
          suggestions: [],
        },
      ],
    },
    {
      // Node's url.parse makes its result of the request's URL: the query's origin is the requesting page's choice.
      code: `
import http from 'node:http';
import url from 'node:url';

http.createServer((req, res) => {
  const origin = url.parse(req.url, true).query.origin;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.end('ok');
});
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            how: 'Access-Control-Allow-Origin is taken from req.url, which the requesting page chooses',
          },
          line: 7,
          column: 48,
          endLine: 7,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              data: { origin: "'<your-app-origin>'" },
              output: `
import http from 'node:http';
import url from 'node:url';

http.createServer((req, res) => {
  const origin = url.parse(req.url, true).query.origin;
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
      // The named export under CommonJS, with a fallback for a missing URL; reported where the value is read.
      code: `
const http = require('http');
const { parse } = require('url');

http.createServer((req, res) => {
  const origin = parse(req.url ?? '', true).query.origin;
  res.setHeader('Access-Control-Allow-Origin', origin || '');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.end('ok');
});
`,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          data: {
            how: 'Access-Control-Allow-Origin is taken from req.url, which the requesting page chooses',
          },
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 57,
          suggestions: [],
        },
      ],
    },
    // @koa/cors takes one origin: one suggestion per configured app origin.
    {
      code: "import cors from '@koa/cors';\napp.use(cors({ origin: (ctx) => ctx.get('Origin'), credentials: true }));\n",
      filename: koaFolder('koa5'),
      settings: APP_ORIGINS,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 2,
          column: 24,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              data: { origin: "'https://app.example.com'" },
              output:
                "import cors from '@koa/cors';\napp.use(cors({ origin: 'https://app.example.com', credentials: true }));\n",
            },
            {
              messageId: 'useFixedOrigin',
              data: { origin: "'https://admin.example.com'" },
              output:
                "import cors from '@koa/cors';\napp.use(cors({ origin: 'https://admin.example.com', credentials: true }));\n",
            },
          ],
        },
      ],
    },
    // A pattern every origin passes, among other entries: the app's origins take its place, the other entries stay.
    {
      code: "import cors from 'cors';\napp.use(cors({ origin: ['https://partner.example.org', /^https?:/], credentials: true }));\n",
      settings: APP_ORIGINS,
      output: null,
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 2,
          column: 56,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useAllowList',
              data: { origin: "'https://app.example.com', …" },
              output:
                "import cors from 'cors';\napp.use(cors({ origin: ['https://partner.example.org', 'https://app.example.com', 'https://admin.example.com'], credentials: true }));\n",
            },
          ],
        },
      ],
    },
  ],
});
