import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-ineffective-wildcard.js';

const ruleTester = new RuleTester();

ruleTester.run('no-ineffective-wildcard', rule, {
  valid: [
    // Without credentials `*` is a real wildcard, and nothing in the file uses Authorization.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: 'https://example.com', methods: '*', allowedHeaders: '*', exposedHeaders: '*' }));
`,
    // credentials: 'true' is a string: the cors package sends no Allow-Credentials, so `*` stays a wildcard.
    `
const cors = require('cors');
const app = require('express')();
app.use(cors({ origin: 'https://example.com', credentials: 'true', methods: '*' }));
`,
    // Credentials only known at run time.
    `
import cors from 'cors';
const app = require('express')();
app.use(cors({ origin: 'https://example.com', credentials: process.env.CORS_CREDENTIALS === '1', allowedHeaders: '*' }));
`,
    // With credentials and explicit lists.
    `
import cors from 'cors';
const app = require('express')();
app.use(
  cors({
    origin: ['https://example.com'],
    credentials: true,
    methods: ['GET', 'PUT', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization'],
    exposedHeaders: 'X-Total-Count',
  }),
);
`,
    // Authorization is used, and listed next to the wildcard.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: 'https://example.com', allowedHeaders: ['*', 'authorization'] }));
app.get('/me', (req, res) => {
  res.json({ signedIn: Boolean(req.headers.authorization) });
});
`,
    // A spread the linter cannot see may list Authorization: not claimed missing.
    `
import cors from 'cors';
import { extraHeaders } from './config.js';
const app = require('express')();
app.use(cors({ origin: 'https://example.com', allowedHeaders: [...extraHeaders, '*'] }));
app.get('/me', (req, res) => res.json({ token: req.get('Authorization') }));
`,
    // Hand-set 'True' is not the credentials header browsers accept, so `*` still works as a wildcard.
    `
import express from 'express';
const app = express();
app.options('/api', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://example.com');
  res.setHeader('Access-Control-Allow-Credentials', 'True');
  res.setHeader('Access-Control-Allow-Methods', '*');
  res.sendStatus(204);
});
`,
    // The wildcard and the credentials are on different responses.
    `
import express from 'express';
const app = express();
app.get('/public', (req, res) => {
  res.set({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': '*' });
  res.json({});
});
app.get('/private', (req, res) => {
  res.set({ 'Access-Control-Allow-Origin': 'https://example.com', 'Access-Control-Allow-Credentials': 'true' });
  res.json({});
});
`,
  ],
  invalid: [
    {
      // methods: '*' with credentials: suggest the cors package's default list.
      code: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: 'https://example.com', credentials: true, methods: '*' }));
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardMethodsWithCredentials',
          data: { method: 'PUT' },
          line: 5,
          column: 75,
          endLine: 5,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'listMethods',
              data: { fixed: 'GET, HEAD, PUT, PATCH, POST, DELETE' },
              output: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: 'https://example.com', credentials: true, methods: 'GET, HEAD, PUT, PATCH, POST, DELETE' }));
`,
            },
          ],
        },
      ],
    },
    {
      // allowedHeaders with `*` in an options constant: without the option, cors reflects the requested headers.
      code: `
const corsMiddleware = require('cors');
const corsOptions = {
  origin: 'https://example.com',
  credentials: true,
  allowedHeaders: ['Content-Type', '*'],
};
require('express')().use(corsMiddleware(corsOptions));
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardHeadersWithCredentials',
          data: { header: 'content-type' },
          line: 6,
          column: 36,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'reflectHeaders',
              output: `
const corsMiddleware = require('cors');
const corsOptions = {
  origin: 'https://example.com',
  credentials: true,
};
require('express')().use(corsMiddleware(corsOptions));
`,
            },
          ],
        },
      ],
    },
    {
      // exposedHeaders: '*' with credentials, options spread from a shared constant.
      code: `
import cors from 'cors';
const shared = { credentials: true, exposedHeaders: '*' };
require('express')().use(cors({ ...shared, origin: 'https://example.com' }));
`,
      output: null,
      errors: [{ messageId: 'wildcardExposeWithCredentials', line: 3, column: 53, endColumn: 56 }],
    },
    {
      // Hand-set headers with res.setHeader: suggest an explicit list.
      code: `
import express from 'express';
const app = express();
app.options('/api/*', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://example.com');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Headers', '*');
  res.sendStatus(204);
});
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardHeadersWithCredentials',
          data: { header: 'content-type' },
          line: 7,
          column: 49,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'listHeaders',
              data: { fixed: 'Content-Type, Authorization' },
              output: `
import express from 'express';
const app = express();
app.options('/api/*', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'https://example.com');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
  res.sendStatus(204);
});
`,
            },
          ],
        },
      ],
    },
    {
      // res.writeHead: credentials as the boolean true, methods '*'.
      code: `
import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(204, {
    'Access-Control-Allow-Origin': 'https://example.com',
    'Access-Control-Allow-Credentials': true,
    'Access-Control-Allow-Methods': '*',
  });
  res.end();
});
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardMethodsWithCredentials',
          data: { method: 'PUT' },
          line: 7,
          column: 37,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'listMethods',
              data: { fixed: 'GET, HEAD, PUT, PATCH, POST, DELETE' },
              output: `
import http from 'node:http';
http.createServer((req, res) => {
  res.writeHead(204, {
    'Access-Control-Allow-Origin': 'https://example.com',
    'Access-Control-Allow-Credentials': true,
    'Access-Control-Allow-Methods': 'GET, HEAD, PUT, PATCH, POST, DELETE',
  });
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      // Lambda proxy result exposing '*' with credentials.
      code: `
export const handler = async () => ({
  statusCode: 200,
  headers: {
    'Access-Control-Allow-Origin': 'https://app.example.com',
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': '*',
  },
  body: '{}',
});
`,
      output: null,
      errors: [{ messageId: 'wildcardExposeWithCredentials', line: 7, column: 38, endColumn: 41 }],
    },
    {
      // new Headers({...}) then headers.set on the same response.
      code: `
export function GET() {
  const headers = new Headers({ 'Access-Control-Allow-Origin': 'https://example.com', 'Access-Control-Allow-Credentials': 'true' });
  headers.set('Access-Control-Allow-Headers', '*');
  return new Response('ok', { headers });
}
`,
      output: null,
      errors: [
        {
          messageId: 'wildcardHeadersWithCredentials',
          data: { header: 'content-type' },
          line: 4,
          column: 47,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'listHeaders',
              data: { fixed: 'Content-Type, Authorization' },
              output: `
export function GET() {
  const headers = new Headers({ 'Access-Control-Allow-Origin': 'https://example.com', 'Access-Control-Allow-Credentials': 'true' });
  headers.set('Access-Control-Allow-Headers', 'Content-Type, Authorization');
  return new Response('ok', { headers });
}
`,
            },
          ],
        },
      ],
    },
    {
      // Without credentials, `*` never covers Authorization, which this file reads.
      code: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: 'https://example.com', allowedHeaders: '*' }));
app.get('/me', (req, res) => {
  const token = req.headers.authorization;
  res.json({ signedIn: Boolean(token) });
});
`,
      output: null,
      errors: [
        {
          messageId: 'authorizationNotCovered',
          line: 5,
          column: 63,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'addAuthorization',
              output: `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: 'https://example.com', allowedHeaders: '*, Authorization' }));
app.get('/me', (req, res) => {
  const token = req.headers.authorization;
  res.json({ signedIn: Boolean(token) });
});
`,
            },
          ],
        },
      ],
    },
    {
      // The array form: Authorization is appended as an element.
      code: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ allowedHeaders: ['X-Requested-With', '*'] }));
app.use((req, res, next) => (req.get('Authorization') ? next() : res.sendStatus(401)));
`,
      output: null,
      errors: [
        {
          messageId: 'authorizationNotCovered',
          line: 4,
          column: 53,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'addAuthorization',
              output: `
import cors from 'cors';
const app = require('express')();
app.use(cors({ allowedHeaders: ['X-Requested-With', '*', 'Authorization'] }));
app.use((req, res, next) => (req.get('Authorization') ? next() : res.sendStatus(401)));
`,
            },
          ],
        },
      ],
    },
    {
      // Hand-set header, in a file that builds a Bearer token for an upstream call.
      code: `
import express from 'express';
const app = express();
app.use(async (req, res, next) => {
  res.header('Access-Control-Allow-Origin', '*');
  res.header('Access-Control-Allow-Headers', '*');
  await fetch('https://api.internal/', { headers: { authorization: \`Bearer \${process.env.TOKEN}\` } });
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'authorizationNotCovered',
          line: 6,
          column: 46,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'addAuthorization',
              output: `
import express from 'express';
const app = express();
app.use(async (req, res, next) => {
  res.header('Access-Control-Allow-Origin', '*');
  res.header('Access-Control-Allow-Headers', '*, Authorization');
  await fetch('https://api.internal/', { headers: { authorization: \`Bearer \${process.env.TOKEN}\` } });
  next();
});
`,
            },
          ],
        },
      ],
    },
  ],
});
