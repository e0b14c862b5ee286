/**
 * Apollo Server 2 and 3: `new ApolloServer({ cors })` from apollo-server (its own Express app, `*`
 * without the option) and `server.applyMiddleware({ app, cors })` / `server.getMiddleware({ cors })`
 * from apollo-server-express (`cors(cors)` on the GraphQL path, the package's defaults without it).
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import noPermissiveOrigin from '../../src/rules/no-permissive-origin.js';
import noReflectedOriginWithCredentials from '../../src/rules/no-reflected-origin-with-credentials.js';
import noWildcardOriginWithCredentials from '../../src/rules/no-wildcard-origin-with-credentials.js';

const ruleTester = new RuleTester();

ruleTester.run('no-permissive-origin (Apollo Server 2 and 3)', noPermissiveOrigin, {
  valid: [
    // `cors: false` turns CORS off; so does an explicit null origin (the cors package skips falsy origins).
    `
const { ApolloServer } = require('apollo-server');
const server = new ApolloServer({ typeDefs, resolvers, cors: false });
const other = new ApolloServer({ typeDefs, resolvers, cors: { origin: null } });
`,
    `
import express from 'express';
import { ApolloServer } from 'apollo-server-express';
const app = express();
const server = new ApolloServer({ typeDefs, resolvers, cors: { origin: '*' } });
server.applyMiddleware({ app, cors: false });
`,
    // The express integration's constructor does not read `cors`: only the mounting call counts.
    `
import { ApolloServer } from 'apollo-server-express';
export const server = new ApolloServer({ typeDefs, resolvers, cors: true });
`,
    // An allow-list, and options we cannot read (never guessed).
    `
import { ApolloServer } from 'apollo-server-express';
const server = new ApolloServer({ typeDefs, resolvers });
server.applyMiddleware({ app, cors: { origin: ['https://app.example.com'], credentials: true } });
server.applyMiddleware({ app, ...mountOptions });
server.applyMiddleware({ app, cors: loadCorsOptions() });
`,
    // Another object's applyMiddleware in the same file is not Apollo's.
    `
import { ApolloServer } from 'apollo-server-express';
import { Gateway } from './gateway';
const gateway = new Gateway();
gateway.applyMiddleware({ app });
`,
  ],
  invalid: [
    {
      // No `cors` option: apollo-server passes `{ origin: '*' }`. Reported at the constructor's name;
      // nothing to edit (the origin would go under a `cors` option).
      code: `
const { ApolloServer, gql } = require('apollo-server');
const server = new ApolloServer({ typeDefs: gql\`type Query { hello: String }\`, resolvers });
server.listen({ port: 4000 });
`,
      errors: [
        {
          messageId: 'permissiveOrigin',
          data: { how: "`new ApolloServer()` without an `origin` option (its default is '*')" },
          line: 3,
          column: 20,
          endColumn: 32,
          suggestions: [],
        },
      ],
    },
    {
      // `cors: true` is `cors()` with its defaults.
      code: `
import { ApolloServer } from 'apollo-server';
const server = new ApolloServer({ schema, cors: true });
`,
      errors: [
        { messageId: 'permissiveOrigin', line: 3, column: 49, endColumn: 53, suggestions: [] },
      ],
    },
    {
      // apollo-server-express mounts `cors()` with no options on /graphql.
      code: `
import express from 'express';
import { ApolloServer } from 'apollo-server-express';
const app = express();
const server = new ApolloServer({ typeDefs, resolvers });
await server.start();
server.applyMiddleware({ app });
app.use(server.getMiddleware());
`,
      errors: [
        {
          messageId: 'permissiveOrigin',
          data: {
            how: "`server.applyMiddleware()` without an `origin` option (its default is '*')",
          },
          line: 7,
          column: 1,
          endColumn: 32,
          suggestions: [],
        },
        // Not `getMiddleware({ origin })`: Apollo's options are no CORS options.
        {
          messageId: 'permissiveOrigin',
          data: { how: "`server.getMiddleware()` without an `origin` option (its default is '*')" },
          line: 8,
          column: 9,
          endColumn: 31,
          suggestions: [],
        },
      ],
    },
    {
      // A server held in a class field: `{ app }` is Apollo's own shape.
      code: `
import { ApolloServer } from 'apollo-server-express';
export class GraphqlModule {
  private readonly apollo = new ApolloServer({ schema });
  mount(app) {
    this.apollo.applyMiddleware({ app, path: '/api/graphql', cors: { origin: '*' } });
  }
}
`,
      errors: [
        {
          messageId: 'permissiveOrigin',
          data: { how: "Access-Control-Allow-Origin '*'" },
          line: 6,
          column: 78,
          suggestions: [
            {
              messageId: 'useAllowList',
              output: `
import { ApolloServer } from 'apollo-server-express';
export class GraphqlModule {
  private readonly apollo = new ApolloServer({ schema });
  mount(app) {
    this.apollo.applyMiddleware({ app, path: '/api/graphql', cors: { origin: ['<your-app-origin>'] } });
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run(
  'no-reflected-origin-with-credentials (Apollo Server 2 and 3)',
  noReflectedOriginWithCredentials,
  {
    valid: [],
    invalid: [
      {
        code: `
import { ApolloServer } from 'apollo-server';
const corsOptions = { origin: true, credentials: true };
const server = new ApolloServer({ typeDefs, resolvers, cors: corsOptions });
`,
        errors: [
          {
            messageId: 'reflectedWithCredentials',
            line: 3,
            column: 31,
            suggestions: [
              {
                messageId: 'useAllowList',
                output: `
import { ApolloServer } from 'apollo-server';
const corsOptions = { origin: ['<your-app-origin>'], credentials: true };
const server = new ApolloServer({ typeDefs, resolvers, cors: corsOptions });
`,
              },
            ],
          },
        ],
      },
    ],
  },
);

ruleTester.run(
  'no-wildcard-origin-with-credentials (Apollo Server 2 and 3)',
  noWildcardOriginWithCredentials,
  {
    valid: [],
    invalid: [
      {
        // The package's default import destructured (CommonJS interop): the server is still Apollo's.
        code: `
import apolloServerExpress from 'apollo-server-express';
const { ApolloServer } = apolloServerExpress;
const server = new ApolloServer({ typeDefs, resolvers });
await server.start();
server.applyMiddleware({ app, cors: { origin: '*', credentials: true } });
`,
        errors: [
          {
            messageId: 'wildcardWithCredentials',
            line: 6,
            column: 47,
            endColumn: 50,
            suggestions: [
              {
                messageId: 'useExplicitOrigin',
                output: `
import apolloServerExpress from 'apollo-server-express';
const { ApolloServer } = apolloServerExpress;
const server = new ApolloServer({ typeDefs, resolvers });
await server.start();
server.applyMiddleware({ app, cors: { origin: ['<your-app-origin>'], credentials: true } });
`,
              },
            ],
          },
        ],
      },
      {
        // `credentials` without `origin`: the cors package's default '*' goes out with it.
        code: `
const { ApolloServer } = require('apollo-server-express');
const server = new ApolloServer({ typeDefs, resolvers });
server.applyMiddleware({ app, cors: { credentials: true } });
`,
        errors: [
          {
            messageId: 'wildcardWithCredentials',
            data: { defaultOrigin: ' (the default origin of `server.applyMiddleware()`)' },
            line: 4,
            column: 52,
            suggestions: [
              {
                messageId: 'useExplicitOrigin',
                output: `
const { ApolloServer } = require('apollo-server-express');
const server = new ApolloServer({ typeDefs, resolvers });
server.applyMiddleware({ app, cors: { credentials: true, origin: ['<your-app-origin>'] } });
`,
              },
            ],
          },
        ],
      },
    ],
  },
);
