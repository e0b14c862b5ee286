import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-permissive-origin.js';

/** The origins the app's pages are served from, as a project sets them for every rule. */
const APP_ORIGINS = {
  cors: { appOrigins: ['https://app.example.com', 'https://admin.example.com'] },
};

const ruleTester = new RuleTester();

ruleTester.run('no-permissive-origin', rule, {
  valid: [
    // Options made per request from the query, but only with an allowed value.
    `
import cors from 'cors';
import express from 'express';

const allowed = ['https://app.example.com'];
const app = express();
app.use((req, res, next) => {
  const requested = String(req.query.origin);
  cors({ origin: allowed.includes(requested) ? requested : false })(req, res, next);
});
`,
    `
import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com', /^https:\\/\\/preview-\\d+\\.example\\.com$/] }));
`,
    // With credentials the recommended rules report these (no-wildcard-origin-with-credentials, no-reflected-origin-with-credentials).
    `
import cors from 'cors';
app.use(cors({ origin: '*', credentials: true }));
`,
    `
import cors from 'cors';
app.use(cors({ origin: true, credentials: true }));
`,
    // Unknown origins are never assumed to be permissive.
    `
import cors from 'cors';
app.use(cors({ origin: process.env.CORS_ORIGIN?.split(',') }));
`,
    `
const cors = require('cors');
import { corsConfig } from './config';
app.use(cors({ ...corsConfig, maxAge: 600 }));
`,
    `
import cors from 'cors';
app.use(cors({ origin: false }));
`,
    // A checked origin function, a guarded reflection.
    `
import cors from 'cors';
const allowed = new Set(['https://app.example.com']);
app.use(cors({ origin: (origin, cb) => cb(null, !origin || allowed.has(origin)) }));
`,
    `
const allowed = ['https://app.example.com'];
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && allowed.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});
`,
    // allowPaths: a policy mounted only on allowed paths is public on purpose.
    {
      code: `
import cors from 'cors';
app.use('/public', cors());
`,
      options: [{ allowPaths: ['/public/**'] }],
    },
    {
      // A pattern without a glob matches the mount path itself ('/public' or '/public/').
      code: `
import cors from 'cors';
app.use('/public', cors());
app.use('/public/', cors({ origin: '*' }));
`,
      options: [{ allowPaths: ['/public'] }],
    },
    {
      code: `
import cors from 'cors';
app.get('/public/stats', cors(), (req, res) => res.json(stats));
app.options('/public/stats', cors());
`,
      options: [{ allowPaths: ['/public/**'] }],
    },
    {
      // Mounted through a variable, on allowed paths only.
      code: `
const cors = require('cors');
const publicCors = cors({ origin: '*' });
app.use('/public', publicCors);
app.use('/assets', publicCors);
`,
      options: [{ allowPaths: ['/public/**', '/assets/**'] }],
    },
    {
      // allowFiles: patterns relative to the working directory.
      code: `
import cors from 'cors';
export const publicApi = express().use(cors());
`,
      filename: 'src/public-api/server.ts',
      options: [{ allowFiles: ['src/public-api/**'] }],
    },
  ],
  invalid: [
    {
      // The cors package merges its argument into its defaults: a string brings no `origin`, so '*' is sent.
      code: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors('https://app.example.com'));
app.use('/public', cors('*'));
app.use('/env', cors(process.env.CLIENT_ORIGIN));
`,
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          data: {
            how: "`cors('https://app.example.com')` without an `origin` option (its default is '*')",
          },
          line: 5,
          column: 14,
          endColumn: 39,
          // The string is not an options object: there is nowhere to add `origin`.
          suggestions: [],
        },
        {
          messageId: 'permissiveOrigin',
          data: { how: "`cors('*')` without an `origin` option (its default is '*')" },
          line: 6,
          column: 25,
          endColumn: 28,
          suggestions: [],
        },
        {
          messageId: 'permissiveOrigin',
          data: {
            how: "`cors(process.env.CLIENT_ORIGIN)` without an `origin` option (its default is '*')",
          },
          line: 7,
          column: 22,
          endColumn: 47,
          suggestions: [],
        },
      ],
    },
    {
      // The same for hono, whose options are spread over its defaults.
      code: `
import { cors } from 'hono/cors';
app.use('/api/*', cors('https://app.example.com'));
`,
      output: null,
      errors: [
        { messageId: 'permissiveOrigin', line: 3, column: 24, endColumn: 49, suggestions: [] },
      ],
    },
    {
      code: `
import cors from 'cors';
app.use(cors());
`,
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          data: { how: "`cors()` without an `origin` option (its default is '*')" },
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowList',
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
      // Options without an origin: the default '*' applies; the suggestion adds the option.
      code: `
const corsMiddleware = require('cors');
app.use(
  corsMiddleware({
    methods: ['GET', 'POST'],
    maxAge: 600,
  }),
);
`,
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          data: {
            how: "`corsMiddleware()` from cors without an `origin` option (its default is '*')",
          },
          line: 4,
          column: 3,
          endLine: 7,
          endColumn: 5,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
const corsMiddleware = require('cors');
app.use(
  corsMiddleware({
    methods: ['GET', 'POST'],
    maxAge: 600,
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
      code: `
import cors from 'cors';
const corsOptions = { origin: '*', credentials: false };
app.use(cors(corsOptions));
`,
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          data: { how: "Access-Control-Allow-Origin '*'" },
          line: 3,
          column: 31,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import cors from 'cors';
const corsOptions = { origin: ['<your-app-origin>'], credentials: false };
app.use(cors(corsOptions));
`,
            },
          ],
        },
      ],
    },
    {
      // credentials: 'true' (a string) sends no Access-Control-Allow-Credentials, so this is a credential-less wildcard.
      code: `
import cors from 'cors';
app.use(cors({ origin: true, credentials: 'true' }));
`,
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          data: { how: '`origin: true`' },
          line: 3,
          column: 24,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import cors from 'cors';
app.use(cors({ origin: ['<your-app-origin>'], credentials: 'true' }));
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import cors from 'cors';
app.use(cors({ origin: (origin, callback) => callback(null, origin) }));
`,
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          data: { how: 'An origin function that approves every origin' },
          line: 3,
          column: 24,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'useAllowList',
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
      code: `
app.get('/status', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.json({ up: true });
});
`,
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          data: { how: "Access-Control-Allow-Origin '*'" },
          line: 3,
          column: 48,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              output: `
app.get('/status', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '<your-app-origin>');
  res.json({ up: true });
});
`,
            },
          ],
        },
      ],
    },
    {
      // Reflection by hand: the suggestion sends a fixed origin in place of the copied header.
      code: `
app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', req.headers.origin);
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          data: { how: "Copying the request's Origin into Access-Control-Allow-Origin" },
          line: 3,
          column: 45,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              data: { origin: "'<your-app-origin>'" },
              output: `
app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', '<your-app-origin>');
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
export function GET() {
  return new Response('{}', { headers: new Headers({ 'Access-Control-Allow-Origin': '*' }) });
}
`,
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          line: 3,
          column: 85,
          endColumn: 88,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              output: `
export function GET() {
  return new Response('{}', { headers: new Headers({ 'Access-Control-Allow-Origin': '<your-app-origin>' }) });
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
  headers: { 'Access-Control-Allow-Origin': '*' },
  body: '[]',
});
`,
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          line: 4,
          column: 45,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              output: `
export const handler = async () => ({
  statusCode: 200,
  headers: { 'Access-Control-Allow-Origin': '<your-app-origin>' },
  body: '[]',
});
`,
            },
          ],
        },
      ],
    },
    {
      // allowPaths does not cover other mounts.
      code: `
import cors from 'cors';
app.use('/public', cors());
app.use('/api', cors());
`,
      options: [{ allowPaths: ['/public/**'] }],
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          line: 4,
          column: 17,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import cors from 'cors';
app.use('/public', cors());
app.use('/api', cors({ origin: ['<your-app-origin>'] }));
`,
            },
          ],
        },
      ],
    },
    {
      // Nor app-wide middleware, nor paths below a pattern without a glob.
      code: `
import cors from 'cors';
app.use(cors({ origin: true }));
app.use('/public/assets', cors());
`,
      options: [{ allowPaths: ['/public'] }],
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          line: 3,
          column: 24,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import cors from 'cors';
app.use(cors({ origin: ['<your-app-origin>'] }));
app.use('/public/assets', cors());
`,
            },
          ],
        },
        {
          messageId: 'permissiveOrigin',
          line: 4,
          column: 27,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import cors from 'cors';
app.use(cors({ origin: true }));
app.use('/public/assets', cors({ origin: ['<your-app-origin>'] }));
`,
            },
          ],
        },
      ],
    },
    {
      // One middleware mounted on an allowed path and on another one.
      code: `
import cors from 'cors';
const openCors = cors();
app.use('/public', openCors);
app.use('/account', openCors);
`,
      options: [{ allowPaths: ['/public/**'] }],
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          line: 3,
          column: 18,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import cors from 'cors';
const openCors = cors({ origin: ['<your-app-origin>'] });
app.use('/public', openCors);
app.use('/account', openCors);
`,
            },
          ],
        },
      ],
    },
    {
      // Hand-set headers carry no mount path: allowPaths never exempts them.
      code: `
app.get('/public/feed', (req, res) => {
  res.set('Access-Control-Allow-Origin', '*');
  res.json(feed);
});
`,
      options: [{ allowPaths: ['/public/**'] }],
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          line: 3,
          column: 42,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              output: `
app.get('/public/feed', (req, res) => {
  res.set('Access-Control-Allow-Origin', '<your-app-origin>');
  res.json(feed);
});
`,
            },
          ],
        },
      ],
    },
    {
      // allowFiles matches other files only.
      code: `
import cors from 'cors';
app.use(cors());
`,
      filename: 'src/internal/server.ts',
      options: [{ allowFiles: ['src/public-api/**'] }],
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          line: 3,
          column: 9,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowList',
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
      // A pattern every origin passes allows any origin, as `origin: true` does.
      code: `
import cors from 'cors';
app.use(cors({ origin: /^https?:\\/\\// }));
`,
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          data: { how: 'An origin pattern that matches every origin (`/^https?:\\/\\//`)' },
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useAllowList',
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
      // In a list only the pattern is replaced; with two such patterns, replacing one would leave the other: no suggestion.
      code: `
import cors from 'cors';
app.use(cors({ origin: ['https://admin.example.com', /[a-z]/] }));
app.use(cors({ origin: [/.+/, 'https://admin.example.com', /^https:\\/\\/[^/]+$/] }));
`,
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          data: { how: 'An origin pattern that matches every origin (`/[a-z]/`)' },
          line: 3,
          column: 54,
          endLine: 3,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useAllowList',
              data: { origin: "'<your-app-origin>'" },
              output: `
import cors from 'cors';
app.use(cors({ origin: ['https://admin.example.com', '<your-app-origin>'] }));
app.use(cors({ origin: [/.+/, 'https://admin.example.com', /^https:\\/\\/[^/]+$/] }));
`,
            },
          ],
        },
        {
          messageId: 'permissiveOrigin',
          data: { how: 'An origin pattern that matches every origin (`/.+/`)' },
          line: 4,
          column: 25,
          endLine: 4,
          endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      // A string test every https origin passes, guarding a hand-set reflection.
      code: `
app.use((req, res, next) => {
  const origin = req.get('origin');
  if (origin?.startsWith('https://')) res.set('Access-Control-Allow-Origin', origin);
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          data: { how: "Copying the request's Origin into Access-Control-Allow-Origin" },
          line: 4,
          column: 78,
          endLine: 4,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              data: { origin: "'<your-app-origin>'" },
              output: `
app.use((req, res, next) => {
  const origin = req.get('origin');
  if (origin?.startsWith('https://')) res.set('Access-Control-Allow-Origin', '<your-app-origin>');
  next();
});
`,
            },
          ],
        },
      ],
    },
    {
      // An origin option taken from the query: the cors package sends a string origin as it is.
      code: `
import cors from 'cors';
import express from 'express';

const app = express();
app.use((req, res, next) => cors({ origin: req.query.origin as string })(req, res, next));
`,
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          data: {
            how: 'Taking Access-Control-Allow-Origin from req.query, which the requesting page chooses,',
          },
          line: 6,
          column: 44,
          endLine: 6,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useAllowList',
              data: { origin: "'<your-app-origin>'" },
              output: `
import cors from 'cors';
import express from 'express';

const app = express();
app.use((req, res, next) => cors({ origin: ['<your-app-origin>'] })(req, res, next));
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import express from 'express';

const app = express();
app.get('/widget', (req, res) => {
  res.set('Access-Control-Allow-Origin', req.query.origin as string);
  res.send('ok');
});
`,
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          data: {
            how: 'Taking Access-Control-Allow-Origin from req.query, which the requesting page chooses,',
          },
          line: 6,
          column: 42,
          endLine: 6,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              data: { origin: "'<your-app-origin>'" },
              output: `
import express from 'express';

const app = express();
app.get('/widget', (req, res) => {
  res.set('Access-Control-Allow-Origin', '<your-app-origin>');
  res.send('ok');
});
`,
            },
          ],
        },
      ],
    },
    // `cors()` allows '*' by default: the suggestion adds the app's origins when they are configured.
    {
      code: "import cors from 'cors';\napp.use(cors());\n",
      settings: APP_ORIGINS,
      output: null,
      errors: [
        {
          messageId: 'permissiveOrigin',
          line: 2,
          column: 9,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowList',
              data: { origin: "'https://app.example.com', …" },
              output:
                "import cors from 'cors';\napp.use(cors({ origin: ['https://app.example.com', 'https://admin.example.com'] }));\n",
            },
          ],
        },
      ],
    },
  ],
});
