/**
 * NestJS, socket.io, Apollo's standalone server, @middy/http-cors, Next.js headers() and options
 * imported from another project file: each read into the same policy model the rules check.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noPermissiveOrigin from '../../src/rules/no-permissive-origin.js';
import noReflectedOriginWithCredentials from '../../src/rules/no-reflected-origin-with-credentials.js';
import noWildcardOriginWithCredentials from '../../src/rules/no-wildcard-origin-with-credentials.js';
import validAllowOrigin from '../../src/rules/valid-allow-origin.js';

const ruleTester = new RuleTester();
const IMPORTING_FILE = path.join(
  fileURLToPath(new URL('../fixtures/imported-options/', import.meta.url)),
  'server.ts',
);

ruleTester.run(
  'no-wildcard-origin-with-credentials (frameworks)',
  noWildcardOriginWithCredentials,
  {
    valid: [
      // socket.io without `cors`: engine.io sends no CORS headers at all.
      `
import { Server } from 'socket.io';
const io = new Server(httpServer, { pingTimeout: 5000 });
`,
      `
import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule, { cors: { origin: ['https://app.example.com'], credentials: true } });
`,
      // A computed options delegate is not modelled.
      `
import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule);
app.enableCors((req, callback) => callback(null, lookup(req)));
`,
      // An import that is not a relative project file stays unknown.
      {
        code: `
import { NestFactory } from '@nestjs/core';
import { corsOptions } from '@acme/config';
const app = await NestFactory.create(AppModule);
app.enableCors(corsOptions);
`,
        filename: IMPORTING_FILE,
      },
      // A relative file that does not exist: unknown, no report.
      {
        code: `
import cors from '@middy/http-cors';
import { corsOptions } from './missing-options';
export const handler = middy(fn).use(cors(corsOptions));
`,
        filename: IMPORTING_FILE,
      },
    ],
    invalid: [
      {
        code: `
import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: '*', credentials: true });
`,
        errors: [
          {
            messageId: 'wildcardWithCredentials',
            line: 4,
            column: 26,
            suggestions: [
              {
                messageId: 'useExplicitOrigin',
                output: `
import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: ['<your-app-origin>'], credentials: true });
`,
              },
            ],
          },
        ],
      },
      {
        // socket.io hands `cors` to the `cors` package: its default origin is '*'.
        code: `
const { Server } = require('socket.io');
const io = new Server(3000, { cors: { credentials: true } });
`,
        // CommonJS as ESLint sees it with Node globals: a script where `require` is declared.
        languageOptions: {
          parserOptions: { sourceType: 'script' },
          globals: { require: 'readonly', module: 'writable' },
        },
        errors: [
          {
            messageId: 'wildcardWithCredentials',
            line: 3,
            column: 52,
            suggestions: [
              {
                messageId: 'useExplicitOrigin',
                output: `
const { Server } = require('socket.io');
const io = new Server(3000, { cors: { credentials: true, origin: ['<your-app-origin>'] } });
`,
              },
            ],
          },
        ],
      },
      {
        code: `
export default {
  async headers() {
    return [{ source: '/api/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: '*' }, { key: 'Access-Control-Allow-Credentials', value: 'true' }] }];
  },
};
`,
        errors: [
          {
            messageId: 'wildcardWithCredentials',
            line: 4,
            column: 93,
            suggestions: [
              {
                messageId: 'useExplicitOrigin',
                output: `
export default {
  async headers() {
    return [{ source: '/api/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: '<your-app-origin>' }, { key: 'Access-Control-Allow-Credentials', value: 'true' }] }];
  },
};
`,
              },
            ],
          },
        ],
      },
      {
        // An ES module (TypeScript output, .mjs) calling an undeclared \`require\`: found all the same.
        code: `
const { Server } = require('socket.io');
const io = new Server(3000, { cors: { credentials: true } });
`,
        errors: [
          {
            messageId: 'wildcardWithCredentials',
            line: 3,
            column: 52,
            endLine: 3,
            endColumn: 56,
            suggestions: [
              {
                messageId: 'useExplicitOrigin',
                output: `
const { Server } = require('socket.io');
const io = new Server(3000, { cors: { credentials: true, origin: ['<your-app-origin>'] } });
`,
              },
            ],
          },
        ],
      },
      {
        code: `
const { NestFactory } = require('@nestjs/core');
const app = await require('@nestjs/core').NestFactory.create(AppModule, { cors: { origin: '*', credentials: true } });
`,
        errors: [
          {
            messageId: 'wildcardWithCredentials',
            data: { defaultOrigin: '' },
            line: 3,
            column: 91,
            endLine: 3,
            endColumn: 94,
            suggestions: [
              {
                messageId: 'useExplicitOrigin',
                output: `
const { NestFactory } = require('@nestjs/core');
const app = await require('@nestjs/core').NestFactory.create(AppModule, { cors: { origin: ['<your-app-origin>'], credentials: true } });
`,
              },
            ],
          },
        ],
      },
      {
        // Options imported from a project file: reported where they are used, with no edit of the other file.
        code: `
import { NestFactory } from '@nestjs/core';
import { corsOptions } from './wildcard-credentials-options';
const app = await NestFactory.create(AppModule);
app.enableCors(corsOptions);
`,
        filename: IMPORTING_FILE,
        errors: [{ messageId: 'wildcardWithCredentials', line: 5, column: 16, suggestions: [] }],
      },
    ],
  },
);

ruleTester.run(
  'no-reflected-origin-with-credentials (frameworks)',
  noReflectedOriginWithCredentials,
  {
    valid: [
      `
import httpCors from '@middy/http-cors';
export const handler = middy(fn).use(httpCors({ origins: ['https://app.example.com', 'https://*.preview.example.com'], credentials: true }));
`,
      // Without credentials middy answers '*' (no-permissive-origin's business).
      `
import httpCors from '@middy/http-cors';
export const handler = middy(fn).use(httpCors({ origin: '*' }));
`,
    ],
    invalid: [
      {
        // middy echoes the request's Origin for '*' once credentials are on.
        code: `
import httpCors from '@middy/http-cors';
export const handler = middy(fn).use(httpCors({ origin: '*', credentials: true }));
`,
        errors: [
          {
            messageId: 'reflectedWithCredentials',
            line: 3,
            column: 57,
            suggestions: [],
          },
        ],
      },
      {
        code: `
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
const app = await NestFactory.create(AppModule, new FastifyAdapter(), { cors: { origin: true, credentials: true } });
`,
        errors: [
          {
            messageId: 'reflectedWithCredentials',
            line: 4,
            column: 89,
            suggestions: [
              {
                messageId: 'useAllowList',
                output: `
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
const app = await NestFactory.create(AppModule, new FastifyAdapter(), { cors: { origin: ['<your-app-origin>'], credentials: true } });
`,
              },
            ],
          },
        ],
      },
      {
        code: `
import { Server } from 'socket.io';
const { corsOptions } = require('./common-options.cjs');
const io = new Server(3000, { cors: corsOptions });
`,
        filename: IMPORTING_FILE,
        errors: [{ messageId: 'reflectedWithCredentials', line: 4, column: 37, suggestions: [] }],
      },
    ],
  },
);

ruleTester.run('no-permissive-origin (frameworks)', noPermissiveOrigin, {
  valid: [
    // middy without origin or origins sends no Access-Control-Allow-Origin.
    `
import httpCors from '@middy/http-cors';
export const handler = middy(fn).use(httpCors());
`,
    `
import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule, { cors: false });
`,
  ],
  invalid: [
    {
      code: `
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
const { url } = await startStandaloneServer(new ApolloServer({ typeDefs, resolvers }), { listen: { port: 4000 } });
`,
      // Apollo has no CORS option to edit: no suggestion.
      errors: [
        {
          messageId: 'permissiveOrigin',
          line: 4,
          column: 23,
          data: { how: "Access-Control-Allow-Origin '*'" },
          suggestions: [],
        },
      ],
    },
    {
      code: `
import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule);
app.enableCors();
`,
      errors: [
        {
          messageId: 'permissiveOrigin',
          line: 4,
          column: 1,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: ['<your-app-origin>'] });
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule, { cors: true });
`,
      errors: [{ messageId: 'permissiveOrigin', line: 3, column: 57, suggestions: [] }],
    },
  ],
});

ruleTester.run('valid-allow-origin (frameworks)', validAllowOrigin, {
  valid: [
    // middy's own subdomain pattern is not an invalid origin.
    `
import httpCors from '@middy/http-cors';
export const handler = middy(fn).use(httpCors({ origins: ['https://*.example.com'] }));
`,
  ],
  invalid: [
    {
      code: `
import httpCors from '@middy/http-cors';
export const handler = middy(fn).use(httpCors({ origin: 'https://shop.example.com/' }));
`,
      output: `
import httpCors from '@middy/http-cors';
export const handler = middy(fn).use(httpCors({ origin: 'https://shop.example.com' }));
`,
      errors: [{ messageId: 'trailingSlash', line: 3, column: 57 }],
    },
    {
      code: `
import { Server } from 'socket.io';
const io = new Server(httpServer, { cors: { origin: 'https://game.example.com/' } });
`,
      output: `
import { Server } from 'socket.io';
const io = new Server(httpServer, { cors: { origin: 'https://game.example.com' } });
`,
      errors: [{ messageId: 'trailingSlash', line: 3, column: 53 }],
    },
    {
      code: `
module.exports = {
  headers: async () => [{ source: '/:path*', headers: [{ key: 'access-control-allow-origin', value: 'https://a.example.com, https://b.example.com' }] }],
};
`,
      errors: [{ messageId: 'multiple', line: 3, column: 101 }],
    },
    {
      // The default export of the imported file: reported at the import's use, never fixed there.
      code: `
import { NestFactory } from '@nestjs/core';
import options from './wildcard-credentials-options.js';
const app = await NestFactory.create(AppModule, { cors: options });
`,
      filename: IMPORTING_FILE,
      errors: [{ messageId: 'trailingSlash', line: 4, column: 57 }],
    },
  ],
});
