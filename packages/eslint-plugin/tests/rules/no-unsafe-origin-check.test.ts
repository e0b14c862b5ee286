import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-unsafe-origin-check.js';

const ruleTester = new RuleTester();

ruleTester.run('no-unsafe-origin-check', rule, {
  valid: [
    // Exact names on a shared hosting domain, a few of them, and names under the project's own name are the project's.
    // A label that takes only digits (`pr-\d+`) is not claimed: whether such names are open depends on the provider.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: [/^https:\\/\\/myapp\\.onrender\\.com$/, /^https:\\/\\/(?:app|admin)\\.netlify\\.app$/, /^https:\\/\\/[a-z0-9-]+\\.myapp\\.vercel\\.app$/, /^https:\\/\\/myapp-pr-\\d+\\.onrender\\.com$/] }));
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && (new URL(origin).hostname.endsWith('.myapp.netlify.app') || origin.endsWith('//myapp.onrender.com'))) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});
`,
    // A pattern assembled around the configured value (anchors, an escaping helper) is a deliberate pattern: unknown.
    `
import cors from 'cors';
import express from 'express';
const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
const patterns = (process.env.ALLOWED_ORIGINS ?? '').split(',').map((entry) => new RegExp(\`^\${escapeRegExp(entry)}$\`));
const app = express();
app.use(cors({ origin: patterns }));
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && new RegExp('^' + process.env.ORIGIN_PATTERN + '$').test(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});
`,
    // Configured strings made into patterns but never used to decide an origin.
    `
import cors from 'cors';
import express from 'express';
const ignored = (process.env.IGNORED_PATHS ?? '').split(',').map((entry) => new RegExp(entry));
const app = express();
app.use(cors({ origin: ['https://app.example.com'] }));
app.use((req, res, next) => (ignored.some((pattern) => pattern.test(req.path)) ? res.end() : next()));
`,
    // Anchored, dots escaped; exact strings next to it.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: /^https:\\/\\/(www\\.)?example\\.com$/ }));
app.use('/admin', cors({ origin: ['https://admin.example.com', /^https:\\/\\/[a-z0-9-]+\\.preview\\.example\\.com$/] }));
`,
    // A constant RegExp built from a safe string.
    `
const cors = require('cors');
const app = require('express')();
app.use(cors({ origin: new RegExp('^https://example\\\\.com$') }));
`,
    // Whole-origin comparisons against an array: includes and indexOf.
    `
import cors from 'cors';
const allowed = ['https://example.com', 'https://admin.example.com'];
const app = require('express')();
app.use(cors({ origin: (origin, callback) => callback(null, !origin || allowed.includes(origin)) }));
app.use(cors({ origin: (origin, callback) => callback(null, allowed.indexOf(origin) !== -1) }));
`,
    // Suffix checks with the leading dot.
    `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: (origin, callback) => callback(null, origin.endsWith('.example.com')) }));
`,
    `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && new URL(origin).hostname.endsWith('.example.com')) {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  next();
});
`,
    // Set#has and === in a hand-written middleware, with an early return.
    `
import express from 'express';
const app = express();
const allowedOrigins = new Set(['https://example.com']);
app.use((req, res, next) => {
  const origin = req.get('Origin');
  if (!origin || !allowedOrigins.has(origin)) return next();
  if (origin === 'https://example.com') res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});
`,
    // Substring and regex tests on something other than the origin are none of this rule's business.
    `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  if (req.path.includes('api') || /\\.json$/.test(req.path)) res.setHeader('Access-Control-Allow-Origin', '*');
  next();
});
`,
    // A pattern from configuration used as a regex literal elsewhere: no origin involved.
    `
import cors from 'cors';
const app = require('express')();
const isAsset = new RegExp(process.env.ASSET_PATTERN ?? '');
app.use(cors({ origin: 'https://example.com' }));
app.get('/asset', (req, res) => res.send(isAsset.test(req.url)));
`,
    // No `^`, but the pattern starts with the scheme: an origin's host cannot contain `https://`.
    `
import corsMiddleware from 'cors';
const app = require('express')();
app.use(corsMiddleware({ origin: /https:\\/\\/app\\.example\\.com$/ }));
`,
    // No `^`, but a leading escaped dot: the same boundary as origin.endsWith('.example.com').
    `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: /\\.example\\.com$/, credentials: true }));
`,
    // Whole-origin comparisons while iterating a list, and suffix checks with the leading dot from a list.
    `
import cors from 'cors';
const ALLOWED = ['https://example.com', 'https://admin.example.com'];
const SUFFIXES = ['.example.com', '.example-cdn.net'];
const app = require('express')();
app.use(cors({ origin: (origin, callback) => callback(null, !origin || ALLOWED.some((allowed) => origin === allowed)) }));
app.use('/assets', cors({
  origin(origin, callback) {
    if (!origin) return callback(null, true);
    const { hostname } = new URL(origin);
    for (const suffix of SUFFIXES) if (hostname.endsWith(suffix)) return callback(null, true);
    callback(null, false);
  },
}));
`,
    // A helper that is never handed the origin checks something else.
    `
import express from 'express';
const app = express();
const isApiPath = (path) => path.indexOf('/api/') === 0;
app.use((req, res, next) => {
  if (isApiPath(req.path)) res.setHeader('Access-Control-Allow-Origin', '*');
  next();
});
`,
    // A pattern or string test every origin passes is no check at all: reported as the reflection it is
    // (cors/no-reflected-origin-with-credentials, cors/no-permissive-origin), not as a weak check.
    `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: /^https?:/, credentials: true }));
app.use(cors({ origin: ['https://app.example.com', /.*/] }));
app.use(cors({ origin: (origin, callback) => callback(null, /^https:\\/\\/.*$/.test(origin)) }));
app.use(cors({ origin: (origin, callback) => callback(null, origin.startsWith('https://')) }));
`,
    // Beside a real check, a test every origin passes is redundant, not a hole.
    `
import cors from 'cors';
const allowed = new Set(['https://app.example.com']);
const app = require('express')();
app.use(cors({ origin: (origin, callback) => callback(null, allowed.has(origin) && /^https:\\/\\//.test(origin)) }));
`,
    // A wildcard entry the code keeps to whole labels (`*.` then the rest, which starts with the dot),
    // and a configured domain the code does not shape: its text is unknown, so the test is not judged.
    `
import express from 'express';
const patterns = (process.env.CORS_ORIGINS ?? '').split(',');
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  const host = origin ? new URL(origin).hostname : '';
  const allowed = patterns.some((pattern) => pattern.startsWith('*.') && host.endsWith(pattern.slice(1)));
  const trusted = patterns.some((domain) => host.endsWith(domain));
  if (allowed || trusted) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});
`,
  ],
  invalid: [
    {
      // The wildcard is dropped and nothing puts a dot before the rest: `*shop.example` admits `attackershop.example`.
      code: `
import express from 'express';
const patterns = (process.env.CORS_ORIGINS ?? '').split(',');
const app = express();
function permitted(origin) {
  const { hostname } = new URL(origin);
  for (const pattern of patterns) {
    if (pattern === origin) return true;
    if (pattern.startsWith('*')) {
      const tail = pattern.substring(1);
      if (hostname.endsWith(tail)) return true;
    }
  }
  return false;
}
app.use((req, res, next) => {
  if (req.headers.origin && permitted(req.headers.origin))
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardRest',
          data: {
            check: 'hostname.endsWith(tail)',
            entry: '*example.com',
            example: 'attackerexample.com',
          },
          line: 11,
          column: 11,
          endColumn: 34,
          suggestions: [],
        },
      ],
    },
    {
      // The exact comparison replacing a negated test keeps the negation on the whole comparison.
      code: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (!origin.startsWith('https://example.com')) return next();
  res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'substringCheck',
          line: 6,
          column: 8,
          endColumn: 48,
          data: {
            check: "origin.startsWith('https://example.com')",
            example: 'https://example.com.attacker.test',
          },
          suggestions: [
            {
              messageId: 'useExactOrigin',
              data: { fixed: "origin === 'https://example.com'" },
              output: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (!(origin === 'https://example.com')) return next();
  res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});
`,
            },
          ],
        },
      ],
    },
    {
      // Anchored and escaped, yet the label in front of onrender.com is anyone's: no suggestion, only the project knows its names.
      code: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: ['https://myapp.com', /^https:\\/\\/myapp-[a-z0-9-]+\\.onrender\\.com$/], credentials: true }));
`,
      output: null,
      errors: [
        {
          messageId: 'sharedHostingDomain',
          data: {
            check: '/^https:\\/\\/myapp-[a-z0-9-]+\\.onrender\\.com$/',
            domain: 'onrender.com',
            example: 'https://myapp-attacker.onrender.com',
          },
          line: 5,
          column: 46,
          endColumn: 91,
          suggestions: [],
        },
      ],
    },
    {
      // Hand-written checks: a pattern tested on the origin, and a dot-led suffix that is a shared hosting domain.
      code: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && (/^https:\\/\\/(?:[a-z0-9-]+\\.)*vercel\\.app$/.test(origin) || new URL(origin).hostname.endsWith('.netlify.app'))) {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'sharedHostingDomain',
          data: {
            check: '/^https:\\/\\/(?:[a-z0-9-]+\\.)*vercel\\.app$/',
            domain: 'vercel.app',
            example: 'https://attacker.vercel.app',
          },
          line: 6,
          column: 18,
          endColumn: 60,
          suggestions: [],
        },
        {
          messageId: 'sharedHostingDomain',
          data: {
            check: "new URL(origin).hostname.endsWith('.netlify.app')",
            domain: 'netlify.app',
            example: 'attacker.netlify.app',
          },
          line: 6,
          column: 77,
          endColumn: 126,
          suggestions: [],
        },
      ],
    },
    {
      // A configured list of origins, each made into a pattern as written: its dots match any character, nothing anchors it.
      // Followed through a variable that may hold it (`let`, a branch, a `||` fallback).
      code: `
import cors from 'cors';
import express from 'express';
let allowList: RegExp[] | undefined;
if (process.env.ALLOWED_ORIGINS) allowList = process.env.ALLOWED_ORIGINS.split(',').map((entry) => new RegExp(entry.trim()));
const app = express();
app.use(cors({ origin: process.env.OPEN_CORS ? '*' : allowList || false, credentials: true }));
`,
      output: null,
      errors: [{ messageId: 'dynamicRegExp', line: 5, column: 100, endLine: 5, endColumn: 124 }],
    },
    {
      // Each pattern of such a list tested against the origin, in a callback or a loop.
      code: `
import express from 'express';
const patterns = (process.env.CORS_ORIGINS ?? '').split(',').map((entry) => new RegExp(entry));
const more = (process.env.MORE_ORIGINS ?? '').split(',').map(function (entry) { return RegExp(entry); });
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && patterns.some((pattern) => pattern.test(origin))) res.setHeader('Access-Control-Allow-Origin', origin);
  for (const pattern of more) if (origin && pattern.test(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});
`,
      output: null,
      errors: [
        { messageId: 'dynamicRegExp', line: 3, column: 77, endLine: 3, endColumn: 94 },
        { messageId: 'dynamicRegExp', line: 4, column: 88, endLine: 4, endColumn: 101 },
      ],
    },
    {
      // An unescaped dot: www.example.com also lets wwwxexample.com in.
      code: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: /^https:\\/\\/www.example\\.com$/, credentials: true }));
`,
      output: null,
      errors: [
        {
          messageId: 'unescapedDot',
          data: {
            pattern: '/^https:\\/\\/www.example\\.com$/',
            example: 'https://wwwxexample.com',
          },
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'escapeDots',
              data: { fixed: '/^https:\\/\\/www\\.example\\.com$/' },
              output: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: /^https:\\/\\/www\\.example\\.com$/, credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      // No `$` in an array entry: example.com.attacker.test passes.
      code: `
const cors = require('cors');
const app = require('express')();
app.use(cors({ origin: ['http://localhost:3000', /^https:\\/\\/example\\.com/] }));
`,
      output: null,
      errors: [
        {
          messageId: 'missingEndAnchor',
          data: {
            pattern: '/^https:\\/\\/example\\.com/',
            example: 'https://example.com.attacker.test',
          },
          line: 4,
          column: 50,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'addAnchors',
              data: { fixed: '/^https:\\/\\/example\\.com$/' },
              output: `
const cors = require('cors');
const app = require('express')();
app.use(cors({ origin: ['http://localhost:3000', /^https:\\/\\/example\\.com$/] }));
`,
            },
          ],
        },
      ],
    },
    {
      // Alternatives: the anchors are put around a group so they bind to every alternative.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: /^https:\\/\\/example\\.com|^https:\\/\\/admin\\.example\\.com$/ }));
`,
      output: null,
      errors: [
        {
          messageId: 'missingEndAnchor',
          data: {
            pattern: '/^https:\\/\\/example\\.com|^https:\\/\\/admin\\.example\\.com$/',
            example: 'https://example.com.attacker.test',
          },
          line: 4,
          column: 24,
          endColumn: 81,
          suggestions: [
            {
              messageId: 'addAnchors',
              data: {
                fixed: '/^(?:https:\\/\\/example\\.com|https:\\/\\/admin\\.example\\.com)$/',
              },
              output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: /^(?:https:\\/\\/example\\.com|https:\\/\\/admin\\.example\\.com)$/ }));
`,
            },
          ],
        },
      ],
    },
    {
      // No `^` and no scheme: the repair adds the scheme and a subdomain boundary so it still matches origins.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: /example\\.com$/ }));
`,
      output: null,
      errors: [
        {
          messageId: 'missingStartAnchor',
          data: { pattern: '/example\\.com$/', example: 'https://attackerexample.com' },
          line: 4,
          column: 24,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'addAnchors',
              data: { fixed: '/^https:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com$/' },
              output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: /^https:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com$/ }));
`,
            },
          ],
        },
      ],
    },
    {
      // re.test(origin) in an origin callback: reported and repaired where the regex is defined.
      code: `
import cors from 'cors';
const ALLOWED_ORIGIN = /^https:\\/\\/app\\.example\\.com/;
const app = require('express')();
app.use(cors({ origin: (origin, callback) => callback(null, !origin || ALLOWED_ORIGIN.test(origin)), credentials: true }));
`,
      output: null,
      errors: [
        {
          messageId: 'missingEndAnchor',
          data: {
            pattern: '/^https:\\/\\/app\\.example\\.com/',
            example: 'https://app.example.com.attacker.test',
          },
          line: 3,
          column: 24,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'addAnchors',
              data: { fixed: '/^https:\\/\\/app\\.example\\.com$/' },
              output: `
import cors from 'cors';
const ALLOWED_ORIGIN = /^https:\\/\\/app\\.example\\.com$/;
const app = require('express')();
app.use(cors({ origin: (origin, callback) => callback(null, !origin || ALLOWED_ORIGIN.test(origin)), credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      // origin.match(re) in a hand-written middleware: both weaknesses of one pattern, and for each the one repair of both
      // (escaping the dot alone would leave the missing `$` to report, and anchoring alone the dot).
      code: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && origin.match(/^https:\\/\\/api.example\\.com/)) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'unescapedDot',
          data: { pattern: '/^https:\\/\\/api.example\\.com/', example: 'https://apixexample.com' },
          line: 6,
          column: 30,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'escapeDotsAndAnchor',
              data: { fixed: '/^https:\\/\\/api\\.example\\.com$/' },
              output: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && origin.match(/^https:\\/\\/api\\.example\\.com$/)) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});
`,
            },
          ],
        },
        {
          messageId: 'missingEndAnchor',
          data: {
            pattern: '/^https:\\/\\/api.example\\.com/',
            example: 'https://api.example.com.attacker.test',
          },
          line: 6,
          column: 30,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'escapeDotsAndAnchor',
              data: { fixed: '/^https:\\/\\/api\\.example\\.com$/' },
              output: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && origin.match(/^https:\\/\\/api\\.example\\.com$/)) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});
`,
            },
          ],
        },
      ],
    },
    {
      // origin.endsWith without the leading dot, in a method-style origin function.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(
  cors({
    origin(origin, callback) {
      callback(null, !origin || origin.endsWith('example.com'));
    },
  }),
);
`,
      output: null,
      errors: [
        {
          messageId: 'substringCheck',
          data: { check: "origin.endsWith('example.com')", example: 'https://attackerexample.com' },
          suggestions: [
            {
              messageId: 'useDomainPattern',
              output: `
import cors from 'cors';
const app = require('express')();
app.use(
  cors({
    origin(origin, callback) {
      callback(null, !origin || /^https?:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com(?::\\d+)?$/.test(origin));
    },
  }),
);
`,
            },
          ],
          line: 7,
          column: 33,
          endColumn: 63,
        },
      ],
    },
    {
      // origin.includes and origin.indexOf in a hand-written middleware.
      code: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  const { origin } = req.headers;
  if (origin?.includes('example.com') || origin?.indexOf('partner.io') !== -1) {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'substringCheck',
          data: {
            check: "origin?.includes('example.com')",
            example: 'https://example.com.attacker.test',
          },
          suggestions: [
            {
              messageId: 'useDomainPattern',
              output: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  const { origin } = req.headers;
  if (/^https?:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com(?::\\d+)?$/.test(origin) || origin?.indexOf('partner.io') !== -1) {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  next();
});
`,
            },
          ],
          line: 6,
          column: 7,
          endColumn: 38,
        },
        {
          messageId: 'substringCheck',
          data: {
            check: "origin?.indexOf('partner.io')",
            example: 'https://partner.io.attacker.test',
          },
          // The whole `… !== -1` comparison is the test, optional chain included.
          suggestions: [
            {
              messageId: 'useDomainPattern',
              output: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  const { origin } = req.headers;
  if (origin?.includes('example.com') || /^https?:\\/\\/(?:[a-z0-9-]+\\.)*partner\\.io(?::\\d+)?$/.test(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  next();
});
`,
            },
          ],
          line: 6,
          column: 42,
          endColumn: 71,
        },
      ],
    },
    {
      // startsWith with the full origin still lets a longer host in; indexOf(...) === 0 is the same test.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: (origin, callback) => callback(null, origin.startsWith('https://example.com')) }));
app.use(cors({ origin: (origin, callback) => callback(null, origin.indexOf('https://example.com') === 0) }));
`,
      output: null,
      errors: [
        {
          messageId: 'substringCheck',
          data: {
            check: "origin.startsWith('https://example.com')",
            example: 'https://example.com.attacker.test',
          },
          suggestions: [
            {
              messageId: 'useExactOrigin',
              output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: (origin, callback) => callback(null, origin === 'https://example.com') }));
app.use(cors({ origin: (origin, callback) => callback(null, origin.indexOf('https://example.com') === 0) }));
`,
            },
          ],
          line: 4,
          column: 61,
          endColumn: 101,
        },
        {
          messageId: 'substringCheck',
          data: {
            check: "origin.indexOf('https://example.com')",
            example: 'https://example.com.attacker.test',
          },
          suggestions: [
            {
              messageId: 'useExactOrigin',
              output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: (origin, callback) => callback(null, origin.startsWith('https://example.com')) }));
app.use(cors({ origin: (origin, callback) => callback(null, origin === 'https://example.com') }));
`,
            },
          ],
          line: 5,
          column: 61,
          endColumn: 98,
        },
      ],
    },
    {
      // The parsed hostname without the leading dot.
      code: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  const origin = req.header('origin');
  if (origin && new URL(origin).hostname.endsWith('example.com')) res.set('Access-Control-Allow-Origin', origin);
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'substringCheck',
          data: {
            check: "new URL(origin).hostname.endsWith('example.com')",
            example: 'attackerexample.com',
          },
          suggestions: [
            {
              messageId: 'useDomainPattern',
              output: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  const origin = req.header('origin');
  if (origin && /^(?:[a-z0-9-]+\\.)*example\\.com$/.test(new URL(origin).hostname)) res.set('Access-Control-Allow-Origin', origin);
  next();
});
`,
            },
          ],
          line: 6,
          column: 17,
          endColumn: 65,
        },
      ],
    },
    {
      // An allow-list kept in one string: any substring of it passes.
      code: `
import cors from 'cors';
const ALLOWED = 'https://a.example.com,https://b.example.com';
const app = require('express')();
app.use(cors({ origin: (origin, callback) => callback(null, ALLOWED.includes(origin)) }));
`,
      output: null,
      errors: [
        {
          messageId: 'substringCheck',
          data: { check: 'ALLOWED.includes(origin)', example: 'https://a.example.co' },
          line: 5,
          column: 61,
          endColumn: 85,
        },
      ],
    },
    {
      // new RegExp(variable) as the origin option.
      code: `
import cors from 'cors';
const app = require('express')();
const pattern = process.env.CORS_ORIGIN_PATTERN ?? '';
app.use(cors({ origin: new RegExp(pattern) }));
`,
      output: null,
      errors: [{ messageId: 'dynamicRegExp', line: 5, column: 24, endColumn: 43 }],
    },
    {
      // new RegExp(variable).test(origin) in a hand-written middleware.
      code: `
import express from 'express';
const app = express();
export function allowFrom(pattern: string) {
  return (req: express.Request, res: express.Response, next: express.NextFunction) => {
    const origin = req.headers.origin;
    if (origin && new RegExp(pattern).test(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
    next();
  };
}
`,
      output: null,
      errors: [{ messageId: 'dynamicRegExp', line: 7, column: 19, endColumn: 38 }],
    },
    {
      // Unescaped dot and no `$`: one suggestion repairs both, for each report, so applying it leaves nothing to report.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: /^https:\\/\\/app.example\\.com/, credentials: true }));
`,
      output: null,
      errors: [
        {
          messageId: 'unescapedDot',
          data: { pattern: '/^https:\\/\\/app.example\\.com/', example: 'https://appxexample.com' },
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'escapeDotsAndAnchor',
              data: { fixed: '/^https:\\/\\/app\\.example\\.com$/' },
              output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: /^https:\\/\\/app\\.example\\.com$/, credentials: true }));
`,
            },
          ],
        },
        {
          messageId: 'missingEndAnchor',
          data: {
            pattern: '/^https:\\/\\/app.example\\.com/',
            example: 'https://app.example.com.attacker.test',
          },
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'escapeDotsAndAnchor',
              data: { fixed: '/^https:\\/\\/app\\.example\\.com$/' },
              output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: /^https:\\/\\/app\\.example\\.com$/, credentials: true }));
`,
            },
          ],
        },
      ],
    },
    {
      // A leading dot is a boundary, but without `$` the suffix can be followed by the attacker's domain.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: /\\.example\\.com/ }));
`,
      output: null,
      errors: [
        {
          messageId: 'missingEndAnchor',
          data: { pattern: '/\\.example\\.com/', example: 'https://a.example.com.attacker.test' },
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'addAnchors',
              data: { fixed: '/\\.example\\.com$/' },
              output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: /\\.example\\.com$/ }));
`,
            },
          ],
        },
      ],
    },
    {
      // Alternatives anchored one by one: the scheme-less one gets the scheme, the other keeps its own.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: /^https:\\/\\/app\\.example\\.com$|admin\\.example\\.com$/ }));
`,
      output: null,
      errors: [
        {
          messageId: 'missingStartAnchor',
          data: {
            pattern: '/^https:\\/\\/app\\.example\\.com$|admin\\.example\\.com$/',
            example: 'https://attackeradmin.example.com',
          },
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'addAnchors',
              data: {
                fixed:
                  '/^https:\\/\\/app\\.example\\.com$|^https:\\/\\/(?:[a-z0-9-]+\\.)*admin\\.example\\.com$/',
              },
              output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: /^https:\\/\\/app\\.example\\.com$|^https:\\/\\/(?:[a-z0-9-]+\\.)*admin\\.example\\.com$/ }));
`,
            },
          ],
        },
      ],
    },
    {
      // Putting the scheme before the group would also come before the branch that already has one
      // and break it: no safe repair, so no suggestion; the message still says what is wrong.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: /(?:^https:\\/\\/app\\.example\\.com|admin\\.example\\.com)$/ }));
`,
      output: null,
      errors: [
        {
          messageId: 'missingStartAnchor',
          data: {
            pattern: '/(?:^https:\\/\\/app\\.example\\.com|admin\\.example\\.com)$/',
            example: 'https://attackeradmin.example.com',
          },
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 79,
          suggestions: [],
        },
      ],
    },
    {
      // indexOf on either side of the comparison; the helper's parameter carries the origin.
      code: `
import cors from 'cors';
const app = require('express')();
function isTrustedOrigin(value) {
  return -1 !== value.toLowerCase().indexOf('partner.example');
}
app.use(cors({ origin: (origin, callback) => callback(null, !origin || isTrustedOrigin(origin)) }));
`,
      output: null,
      errors: [
        {
          messageId: 'substringCheck',
          data: {
            check: "value.toLowerCase().indexOf('partner.example')",
            example: 'https://partner.example.attacker.test',
          },
          line: 5,
          column: 17,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'useDomainPattern',
              output: `
import cors from 'cors';
const app = require('express')();
function isTrustedOrigin(value) {
  return /^https?:\\/\\/(?:[a-z0-9-]+\\.)*partner\\.example(?::\\d+)?$/.test(value.toLowerCase());
}
app.use(cors({ origin: (origin, callback) => callback(null, !origin || isTrustedOrigin(origin)) }));
`,
            },
          ],
        },
      ],
    },
    {
      // Each domain of a constant list, tested with includes inside some(): one weak entry is enough.
      code: `
import express from 'express';
const TRUSTED_DOMAINS = ['.example.com', 'example-partner.com'];
const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && TRUSTED_DOMAINS.some((domain) => origin.includes(domain))) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'substringCheck',
          data: {
            check: 'origin.includes(domain)',
            example: 'https://attacker.example.com.attacker.test',
          },
          line: 7,
          column: 50,
          endColumn: 73,
          // No single rewrite covers every entry.
          suggestions: [],
        },
      ],
    },
    {
      // The parsed host name held in constants, checked against each suffix of a loop.
      code: `
import cors from 'cors';
const PARTNER_SUFFIXES = ['partner.io', '.partner.dev'];
const app = require('express')();
app.use(cors({
  origin(origin, callback) {
    if (!origin) return callback(null, true);
    const url = new URL(origin);
    const host = url.hostname;
    for (const suffix of PARTNER_SUFFIXES) {
      if (host.endsWith(suffix)) return callback(null, true);
    }
    callback(null, false);
  },
}));
`,
      output: null,
      errors: [
        {
          messageId: 'substringCheck',
          data: { check: 'host.endsWith(suffix)', example: 'attackerpartner.io' },
          line: 11,
          column: 11,
          endColumn: 32,
          suggestions: [],
        },
      ],
    },
  ],
});
