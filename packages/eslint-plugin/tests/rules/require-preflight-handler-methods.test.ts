// require-preflight-handler's `methodNotAllowed`: the CORS middleware answers the preflight, but its methods lack the route's.
import { RuleTester } from '@typescript-eslint/rule-tester';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../src/rules/require-preflight-handler.js';

const ruleTester = new RuleTester();
/** A file next to a package.json that pins @fastify/cors to this major (or to `latest`: unknown). */
const underFastifyCors = (folder: 'fastify10' | 'fastify11' | 'unpinned') =>
  path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    'fixtures',
    'cors-libraries',
    folder,
    'server.js',
  );

const fastifyDefaults = `import Fastify from 'fastify';
import cors from '@fastify/cors';
const fastify = Fastify();
await fastify.register(cors, { origin: 'https://app.example.com' });
fastify.get('/items', async () => []);
fastify.put('/items/:id', async () => ({}));
fastify.route({ method: 'PATCH', url: '/items/:id', handler: async () => ({}) });
`;

ruleTester.run('require-preflight-handler', rule, {
  valid: [
    // GET and POST are never refused by Access-Control-Allow-Methods.
    `
const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: 'https://app.example.com', methods: ['GET'] }));
app.get('/items', (req, res) => res.json([]));
app.post('/items', (req, res) => res.json({}));
`,
    // The method is listed.
    `
const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: 'https://app.example.com', methods: 'GET,POST,DELETE' }));
app.delete('/items/:id', (req, res) => res.json({}));
`,
    // Without credentials '*' allows every method.
    `
const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: 'https://app.example.com', methods: '*' }));
app.delete('/items/:id', (req, res) => res.json({}));
`,
    // With credentials '*' is literal: no-ineffective-wildcard's case, not reported twice.
    `
const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: 'https://app.example.com', credentials: true, methods: ['*'] }));
app.delete('/items/:id', (req, res) => res.json({}));
`,
    // An unresolved piece: DELETE may be in it.
    `
const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: 'https://app.example.com', methods: ['GET', process.env.EXTRA_METHOD] }));
app.delete('/items/:id', (req, res) => res.json({}));
`,
    // The route is on another app, and a mount for another prefix does not cover it.
    `
const express = require('express');
const cors = require('cors');
const app = express();
const admin = express();
app.use('/api', cors({ origin: 'https://app.example.com', methods: ['GET'] }));
admin.delete('/api/items/:id', (req, res) => res.json({}));
app.put('/other/:id', (req, res) => res.json({}));
`,
    // An OPTIONS route may answer the preflight instead.
    `
const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: 'https://app.example.com', methods: ['GET', 'POST'] }));
app.options('/items/:id', cors({ origin: 'https://app.example.com', methods: ['DELETE'] }));
app.delete('/items/:id', (req, res) => res.json({}));
`,
    // The cors package's default methods include PUT, PATCH and DELETE.
    `
const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: 'https://app.example.com' }));
app.patch('/items/:id', (req, res) => res.json({}));
`,
    // @fastify/cors 10 still allows PUT/PATCH/DELETE by default; an unpinned version is unknown.
    { code: fastifyDefaults, filename: underFastifyCors('fastify10') },
    { code: fastifyDefaults, filename: underFastifyCors('unpinned') },
    // An @koa/cors on a router never sees an OPTIONS no route of the router matches.
    `
const Router = require('@koa/router');
const cors = require('@koa/cors');
const router = new Router();
router.use(cors({ origin: 'https://app.example.com', allowMethods: ['GET', 'POST'] }));
router.put('/items/:id', (ctx) => { ctx.body = {}; });
`,
    // @koa/cors on the Koa app answers the preflights of the router it mounts; its default methods include PUT.
    `
const Koa = require('koa');
const Router = require('@koa/router');
const cors = require('@koa/cors');
const app = new Koa();
const router = new Router();
router.put('/items/:id', (ctx) => { ctx.body = {}; });
app.use(cors({ origin: 'https://app.example.com' }));
app.use(router.routes());
`,
    // The router's own OPTIONS route may answer the preflight instead.
    `
const Koa = require('koa');
const Router = require('@koa/router');
const cors = require('@koa/cors');
const app = new Koa();
const router = new Router();
router.options('/items/:id', (ctx) => { ctx.status = 204; });
router.put('/items/:id', (ctx) => { ctx.body = {}; });
app.use(cors({ origin: 'https://app.example.com', allowMethods: ['GET', 'POST'] }));
app.use(router.routes());
`,
  ],
  invalid: [
    {
      code: `const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: 'https://app.example.com', methods: ['GET', 'POST'] }));
app.get('/items', (req, res) => res.json([]));
app.delete('/items/:id', (req, res) => res.json({}));
`,
      output: null,
      errors: [
        {
          messageId: 'methodNotAllowed',
          data: { method: 'DELETE', allowed: 'GET, POST' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'addMethod',
              data: { method: 'DELETE' },
              output: `const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: 'https://app.example.com', methods: ['GET', 'POST', 'DELETE'] }));
app.get('/items', (req, res) => res.json([]));
app.delete('/items/:id', (req, res) => res.json({}));
`,
            },
          ],
        },
      ],
    },
    {
      // A covering prefix, a comma-separated string; the route under another prefix is not the policy's.
      code: `const express = require('express');
const cors = require('cors');
const app = express();
app.use('/api', cors({ origin: 'https://app.example.com', methods: 'GET,POST' }));
app.patch('/api/items/:id', (req, res) => res.json({}));
app.patch('/other/:id', (req, res) => res.json({}));
`,
      output: null,
      errors: [
        {
          messageId: 'methodNotAllowed',
          data: { method: 'PATCH', allowed: 'GET, POST' },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'addMethod',
              data: { method: 'PATCH' },
              output: `const express = require('express');
const cors = require('cors');
const app = express();
app.use('/api', cors({ origin: 'https://app.example.com', methods: 'GET,POST, PATCH' }));
app.patch('/api/items/:id', (req, res) => res.json({}));
app.patch('/other/:id', (req, res) => res.json({}));
`,
            },
          ],
        },
      ],
    },
    {
      // @fastify/cors 11 defaults to GET,HEAD,POST: the suggestion writes them plus the missing method.
      code: fastifyDefaults,
      filename: underFastifyCors('fastify11'),
      output: null,
      errors: [
        {
          messageId: 'methodNotAllowed',
          data: { method: 'PUT', allowed: 'GET, HEAD, POST by default' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'setMethods',
              data: { methods: 'GET, HEAD, POST, PUT' },
              output: fastifyDefaults.replace(
                "{ origin: 'https://app.example.com' }",
                "{ origin: 'https://app.example.com', methods: ['GET', 'HEAD', 'POST', 'PUT'] }",
              ),
            },
          ],
        },
        {
          messageId: 'methodNotAllowed',
          data: { method: 'PATCH', allowed: 'GET, HEAD, POST by default' },
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'setMethods',
              data: { methods: 'GET, HEAD, POST, PATCH' },
              output: fastifyDefaults.replace(
                "{ origin: 'https://app.example.com' }",
                "{ origin: 'https://app.example.com', methods: ['GET', 'HEAD', 'POST', 'PATCH'] }",
              ),
            },
          ],
        },
      ],
    },
    {
      // No options at all: the suggestion creates them.
      code: `import Fastify from 'fastify';
import cors from '@fastify/cors';
const fastify = Fastify();
fastify.register(cors);
fastify.delete('/items/:id', async () => ({}));
`,
      filename: underFastifyCors('fastify11'),
      output: null,
      errors: [
        {
          messageId: 'methodNotAllowed',
          data: { method: 'DELETE', allowed: 'GET, HEAD, POST by default' },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'setMethods',
              data: { methods: 'GET, HEAD, POST, DELETE' },
              output: `import Fastify from 'fastify';
import cors from '@fastify/cors';
const fastify = Fastify();
fastify.register(cors, { methods: ['GET', 'HEAD', 'POST', 'DELETE'] });
fastify.delete('/items/:id', async () => ({}));
`,
            },
          ],
        },
      ],
    },
    {
      // @koa/cors on the Koa app answers every preflight, those of the mounted router's routes too.
      code: `const Koa = require('koa');
const Router = require('@koa/router');
const cors = require('@koa/cors');
const app = new Koa();
const router = new Router();
router.get('/items', (ctx) => { ctx.body = []; });
router.put('/items/:id', (ctx) => { ctx.body = {}; });
app.use(cors({ origin: 'https://app.example.com', allowMethods: ['GET', 'POST'] }));
app.use(router.routes()).use(router.allowedMethods());
`,
      output: null,
      errors: [
        {
          messageId: 'methodNotAllowed',
          data: { method: 'PUT', allowed: 'GET, POST' },
          line: 7,
          column: 8,
          endLine: 7,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'addMethod',
              data: { method: 'PUT' },
              output: `const Koa = require('koa');
const Router = require('@koa/router');
const cors = require('@koa/cors');
const app = new Koa();
const router = new Router();
router.get('/items', (ctx) => { ctx.body = []; });
router.put('/items/:id', (ctx) => { ctx.body = {}; });
app.use(cors({ origin: 'https://app.example.com', allowMethods: ['GET', 'POST', 'PUT'] }));
app.use(router.routes()).use(router.allowedMethods());
`,
            },
          ],
        },
      ],
    },
    {
      // hono's cors answers OPTIONS for every path when used without one.
      code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';
const app = new Hono();
app.use(cors({ origin: 'https://app.example.com', allowMethods: ['GET', 'POST'] }));
app.put('/items/:id', (c) => c.json({}));
`,
      output: null,
      errors: [
        {
          messageId: 'methodNotAllowed',
          data: { method: 'PUT', allowed: 'GET, POST' },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'addMethod',
              data: { method: 'PUT' },
              output: `import { Hono } from 'hono';
import { cors } from 'hono/cors';
const app = new Hono();
app.use(cors({ origin: 'https://app.example.com', allowMethods: ['GET', 'POST', 'PUT'] }));
app.put('/items/:id', (c) => c.json({}));
`,
            },
          ],
        },
      ],
    },
  ],
});
