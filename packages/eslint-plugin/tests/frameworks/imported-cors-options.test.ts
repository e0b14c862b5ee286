/**
 * `cors(corsOptions)` with the options imported from another project file (tests/fixtures/imported-options/):
 * read there, reported at the local argument, and never fixed (the object lives in the other file).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noNullOrigin from '../../src/rules/no-null-origin.js';
import noPermissiveLocalServer from '../../src/rules/no-permissive-local-server.js';
import noReflectedOriginWithCredentials from '../../src/rules/no-reflected-origin-with-credentials.js';
import noWildcardOriginWithCredentials from '../../src/rules/no-wildcard-origin-with-credentials.js';
import validAllowOrigin from '../../src/rules/valid-allow-origin.js';

const ruleTester = new RuleTester();
const IMPORTING_FILE = path.join(
  fileURLToPath(new URL('../fixtures/imported-options/', import.meta.url)),
  'server.ts',
);

ruleTester.run(
  'no-wildcard-origin-with-credentials (imported cors options)',
  noWildcardOriginWithCredentials,
  {
    valid: [
      // A package import is not a project file: unknown, no report.
      {
        code: `
import cors from 'cors';
import { corsOptions } from '@acme/config';
app.use(cors(corsOptions));
`,
        filename: IMPORTING_FILE,
      },
      // An export the file does not have: unknown.
      {
        code: `
import cors from 'cors';
import { otherOptions } from './wildcard-credentials-options';
app.use(cors(otherOptions));
`,
        filename: IMPORTING_FILE,
      },
    ],
    invalid: [
      {
        code: `
import cors from 'cors';
import { corsOptions } from './wildcard-credentials-options';
app.use('/api', cors(corsOptions));
`,
        filename: IMPORTING_FILE,
        errors: [
          {
            messageId: 'wildcardWithCredentials',
            data: { defaultOrigin: '' },
            line: 4,
            column: 22,
            endLine: 4,
            endColumn: 33,
            suggestions: [],
          },
        ],
      },
    ],
  },
);

ruleTester.run(
  'no-reflected-origin-with-credentials (imported cors options)',
  noReflectedOriginWithCredentials,
  {
    valid: [],
    invalid: [
      {
        // CommonJS in an ES module: `require` is not a declared global there.
        code: `
const cors = require('cors');
const { corsOptions } = require('./common-options.cjs');
app.use(cors(corsOptions));
`,
        filename: IMPORTING_FILE,
        errors: [
          {
            messageId: 'reflectedWithCredentials',
            line: 4,
            column: 14,
            endLine: 4,
            endColumn: 25,
            suggestions: [],
          },
        ],
      },
    ],
  },
);

ruleTester.run('valid-allow-origin (imported cors options)', validAllowOrigin, {
  valid: [],
  invalid: [
    {
      // The default export, imported with the `.js` a TypeScript project writes for a `.ts` file.
      code: `
import cors from 'cors';
import options from './wildcard-credentials-options.js';
app.use(cors(options));
`,
      filename: IMPORTING_FILE,
      errors: [{ messageId: 'trailingSlash', line: 4, column: 14, endLine: 4, endColumn: 21 }],
    },
  ],
});

// Values, not only whole options objects, come from project files: a member of an exported constant
// object, and an exported constant, read there and reported here.
ruleTester.run('no-permissive-local-server (imported values)', noPermissiveLocalServer, {
  valid: [],
  invalid: [
    {
      code: `
import Fastify from 'fastify';
import cors from '@fastify/cors';
import { SERVER_CONFIG } from './server-config';
const fastify = Fastify();
await fastify.register(cors, { origin: SERVER_CONFIG.CORS_ORIGIN });
await fastify.listen({ port: 12306, host: SERVER_CONFIG.HOST });
`,
      filename: IMPORTING_FILE,
      errors: [
        {
          messageId: 'permissiveLocalServer',
          data: {
            how: '`origin: true`',
            because: "it listens on 127.0.0.1, on the user's machine",
          },
          line: 6,
          column: 40,
          endLine: 6,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import Fastify from 'fastify';
import cors from '@fastify/cors';
import { SERVER_CONFIG } from './server-config';
const fastify = Fastify();
await fastify.register(cors, { origin: ['<your-app-origin>'] });
await fastify.listen({ port: 12306, host: SERVER_CONFIG.HOST });
`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-null-origin (imported values)', noNullOrigin, {
  valid: [],
  invalid: [
    {
      code: `
import express from 'express';
import { ALLOWED_ORIGIN } from './server-config';
const app = express();
app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.setHeader('Vary', 'Origin');
  next();
});
`,
      filename: IMPORTING_FILE,
      errors: [{ messageId: 'nullOrigin', line: 6 }],
    },
  ],
});
