import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-duplicate-allow-origin.js';

const ruleTester = new RuleTester();

const duplicateMessage = (earlier: string, line: number, value: string) => ({
  messageId: 'duplicateAllowOrigin' as const,
  data: { earlier, line: String(line), value },
});

ruleTester.run('no-duplicate-allow-origin', rule, {
  valid: [
    // The cors package uses res.setHeader; Express's res.set, res.header, and Node's setHeader and writeHead(status, object) replace that value.
    `
const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: 'https://app.example.com' }));
app.get('/a', (req, res) => {
  res.set('Access-Control-Allow-Origin', 'https://app.example.com');
  res.header('Access-Control-Allow-Origin', 'https://app.example.com');
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  res.json({});
});
app.get('/b', (req, res) => {
  res.writeHead(200, { 'Access-Control-Allow-Origin': 'https://app.example.com', 'Content-Type': 'application/json' });
  res.end('{}');
});
`,
    // A handler appending before cors() runs: cors's setHeader then replaces the value.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use((req, res, next) => {
  res.append('Access-Control-Allow-Origin', 'https://app.example.com');
  next();
});
app.use(cors({ origin: 'https://app.example.com' }));
`,
    // The route is registered before cors() is mounted, on another router, or outside its path.
    `
import cors from 'cors';
import express from 'express';
const app = express();
const router = express.Router();
app.get('/early', (req, res) => res.append('Access-Control-Allow-Origin', '*').end());
app.use('/api', cors());
app.get('/apiary', (req, res) => res.append('Access-Control-Allow-Origin', '*').end());
router.get('/api/x', (req, res) => res.append('Access-Control-Allow-Origin', '*').end());
`,
    // cors() with origin false sends nothing; an origin from the environment is unknown.
    `
const cors = require('cors');
const app = require('express')();
app.use(cors({ origin: false }));
app.use('/env', cors({ origin: process.env.ALLOWED_ORIGIN }));
app.get('/', (req, res) => {
  res.append('Access-Control-Allow-Origin', 'https://app.example.com');
  res.end();
});
app.get('/env/x', (req, res) => {
  res.append('Access-Control-Allow-Origin', 'https://app.example.com');
  res.end();
});
`,
    // Appends in exclusive branches, and a write that may not run before the append.
    `
import http from 'node:http';
http.createServer((req, res) => {
  if (req.headers.origin === 'https://a.example.com') res.appendHeader('Access-Control-Allow-Origin', 'https://a.example.com');
  else res.appendHeader('Access-Control-Allow-Origin', 'https://b.example.com');
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Origin', 'https://a.example.com');
  }
  res.appendHeader('Access-Control-Allow-Origin', 'https://a.example.com');
  res.end();
});
`,
    // The header is removed in between: not a sequence this rule judges.
    `
import http from 'node:http';
http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.removeHeader('Access-Control-Allow-Origin');
  res.appendHeader('Access-Control-Allow-Origin', 'https://a.example.com');
  res.end();
});
`,
    // Fastify's reply.header replaces the value, like Headers#set.
    `
import Fastify from 'fastify';
const fastify = Fastify();
fastify.get('/', async (request, reply) => {
  reply.header('Access-Control-Allow-Origin', '*');
  reply.header('Access-Control-Allow-Origin', 'https://app.example.com');
  return {};
});
export function GET() {
  const headers = new Headers({ 'Access-Control-Allow-Origin': '*' });
  headers.set('Access-Control-Allow-Origin', 'https://app.example.com');
  return new Response('{}', { headers });
}
`,
    // An error handler (four parameters) runs on another path than the routes.
    `
import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors());
app.use((err, req, res, next) => {
  res.append('Access-Control-Allow-Origin', '*');
  res.status(500).end();
});
`,
  ],
  invalid: [
    {
      // cors() already set the header; res.append adds a second line.
      code: `
const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: 'https://app.example.com' }));
app.get('/items', (req, res) => {
  res.append('Access-Control-Allow-Origin', 'https://app.example.com');
  res.json([]);
});
`,
      errors: [
        {
          ...duplicateMessage('cors()', 5, 'https://app.example.com, https://app.example.com'),
          line: 7,
          column: 45,
          endLine: 7,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'removeAppended',
              data: {
                earlier: 'cors()',
                line: '5',
                value: 'https://app.example.com, https://app.example.com',
              },
              output: `
const express = require('express');
const cors = require('cors');
const app = express();
app.use(cors({ origin: 'https://app.example.com' }));
app.get('/items', (req, res) => {
  res.json([]);
});
`,
            },
          ],
        },
      ],
    },
    {
      // Mounted on a covering path through a variable, and a named handler using Node's appendHeader.
      code: `
import cors from 'cors';
import express from 'express';
const app = express();
const corsMiddleware = cors();
app.use('/api/', corsMiddleware);
function listItems(req, res) {
  res.appendHeader('Access-Control-Allow-Origin', '*');
  res.json([]);
}
app.get('/api/items', listItems);
`,
      errors: [
        {
          ...duplicateMessage('cors()', 5, '*, *'),
          line: 8,
          column: 51,
          endLine: 8,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'removeAppended',
              data: { earlier: 'cors()', line: '5', value: '*, *' },
              output: `
import cors from 'cors';
import express from 'express';
const app = express();
const corsMiddleware = cors();
app.use('/api/', corsMiddleware);
function listItems(req, res) {
  res.json([]);
}
app.get('/api/items', listItems);
`,
            },
          ],
        },
      ],
    },
    {
      // Route-level cors() before the handler; the reflected origin is not known statically.
      code: `
import cors from 'cors';
import express from 'express';
const app = express();
app.get('/me', cors({ origin: true, credentials: true }), (req, res) => {
  res.append('Access-Control-Allow-Origin', req.headers.origin);
  res.json({});
});
`,
      errors: [
        {
          ...duplicateMessage('cors()', 5, '…, …'),
          line: 6,
          column: 45,
          endLine: 6,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'removeAppended',
              data: { earlier: 'cors()', line: '5', value: '…, …' },
              output: `
import cors from 'cors';
import express from 'express';
const app = express();
app.get('/me', cors({ origin: true, credentials: true }), (req, res) => {
  res.json({});
});
`,
            },
          ],
        },
      ],
    },
    {
      // Hand-set twice in Express: res.set then res.append (a chain, so no removal is offered), and append twice.
      code: `
import express from 'express';
const app = express();
app.get('/a', (req, res) => {
  res.set('Access-Control-Allow-Origin', 'https://a.example.com').append('Access-Control-Allow-Origin', 'https://b.example.com');
  res.end();
});
app.get('/b', (req, res) => {
  res.append('Access-Control-Allow-Origin', '*');
  if (req.query.debug) {
    res.append('Access-Control-Allow-Origin', '*');
  }
  res.end();
});
`,
      errors: [
        {
          ...duplicateMessage('res.set', 5, 'https://a.example.com, https://b.example.com'),
          line: 5,
          column: 105,
          endLine: 5,
          endColumn: 128,
          suggestions: [],
        },
        {
          ...duplicateMessage('res.append', 9, '*, *'),
          line: 11,
          column: 47,
          endLine: 11,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'removeAppended',
              data: { earlier: 'res.append', line: '9', value: '*, *' },
              output: `
import express from 'express';
const app = express();
app.get('/a', (req, res) => {
  res.set('Access-Control-Allow-Origin', 'https://a.example.com').append('Access-Control-Allow-Origin', 'https://b.example.com');
  res.end();
});
app.get('/b', (req, res) => {
  res.append('Access-Control-Allow-Origin', '*');
  if (req.query.debug) {
  }
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      // node:http: setHeader then appendHeader sends two lines.
      code: `
import { createServer } from 'node:http';
const ORIGIN = 'https://app.example.com';
createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', ORIGIN);
  res.appendHeader('access-control-allow-origin', ORIGIN);
  res.end();
});
`,
      errors: [
        {
          ...duplicateMessage(
            'res.setHeader',
            5,
            'https://app.example.com, https://app.example.com',
          ),
          line: 6,
          column: 51,
          endLine: 6,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'removeAppended',
              data: {
                earlier: 'res.setHeader',
                line: '5',
                value: 'https://app.example.com, https://app.example.com',
              },
              output: `
import { createServer } from 'node:http';
const ORIGIN = 'https://app.example.com';
createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', ORIGIN);
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      // A route handler's Headers: append joins both values into one line.
      code: `
export async function GET() {
  const headers = new Headers({ 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
  headers.append('Access-Control-Allow-Origin', 'https://app.example.com');
  return new Response('{}', { headers });
}
`,
      errors: [
        {
          messageId: 'joinedAllowOrigin',
          data: { earlier: 'new Headers', line: '3', value: '*, https://app.example.com' },
          line: 4,
          column: 49,
          endLine: 4,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'removeAppended',
              data: { earlier: 'new Headers', line: '3', value: '*, https://app.example.com' },
              output: `
export async function GET() {
  const headers = new Headers({ 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
  return new Response('{}', { headers });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
