/**
 * socket.io options given other than inline to the constructor: in a constant
 * (`new Server(httpServer, opts)`), and to `io.attach(httpServer, opts)` / `io.listen(port, opts)`,
 * which count only when the constructor set no `cors` (its options are merged over these); `attach`
 * on a server imported from another module, whose constructor is not seen, counts too.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import noReflectedOriginWithCredentials from '../../src/rules/no-reflected-origin-with-credentials.js';
import noWildcardOriginWithCredentials from '../../src/rules/no-wildcard-origin-with-credentials.js';

const ruleTester = new RuleTester();

ruleTester.run(
  'no-wildcard-origin-with-credentials (socket.io options)',
  noWildcardOriginWithCredentials,
  {
    valid: [
      // The constructor's cors overrides the attach options'.
      `
import { Server } from 'socket.io';
const io = new Server({ cors: { origin: 'https://chat.example.com', credentials: true } });
io.attach(httpServer, { cors: { origin: '*', credentials: true } });
`,
      // Constructor options we cannot read may hold a cors of their own.
      `
import { Server } from 'socket.io';
const io = new Server(httpServer, loadOptions());
io.attach(otherServer, { cors: { origin: '*', credentials: true } });
`,
      // attach/listen on something that is no socket.io server of this file.
      `
import { Server } from 'socket.io';
import { Engine } from './engine';
const io = new Server();
const engine = new Engine();
engine.attach(httpServer, { cors: { origin: '*', credentials: true } });
`,
    ],
    invalid: [
      {
        code: `
import { createServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';

const httpServer = createServer();
const options: Partial<ServerOptions> = {
  pingTimeout: 30000,
  cors: { origin: '*', credentials: true },
};
export const io = new Server(httpServer, options);
`,
        errors: [
          {
            messageId: 'wildcardWithCredentials',
            line: 8,
            column: 19,
            endColumn: 22,
            suggestions: [
              {
                messageId: 'useExplicitOrigin',
                output: `
import { createServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';

const httpServer = createServer();
const options: Partial<ServerOptions> = {
  pingTimeout: 30000,
  cors: { origin: ['<your-app-origin>'], credentials: true },
};
export const io = new Server(httpServer, options);
`,
              },
            ],
          },
        ],
      },
      {
        // A server made in another module and attached here: its cors options are written out in this file.
        code: `
const http = require('http');
const { io } = require('./realtime/socket');
const server = http.createServer(app);
io.attach(server, { cors: { origin: '*', credentials: true } });
io.attach(server, { pingInterval: 10000 });
`,
        errors: [
          {
            messageId: 'wildcardWithCredentials',
            line: 5,
            column: 37,
            endColumn: 40,
            suggestions: [
              {
                messageId: 'useExplicitOrigin',
                output: `
const http = require('http');
const { io } = require('./realtime/socket');
const server = http.createServer(app);
io.attach(server, { cors: { origin: ['<your-app-origin>'], credentials: true } });
io.attach(server, { pingInterval: 10000 });
`,
              },
            ],
          },
        ],
      },
      {
        // `listen` is socket.io's alias of `attach`; the server came from the module's factory.
        code: `
const createIo = require('socket.io');
const io = createIo();
io.listen(3001, { cors: { origin: '*', credentials: true } });
`,
        errors: [
          {
            messageId: 'wildcardWithCredentials',
            line: 4,
            column: 35,
            suggestions: [
              {
                messageId: 'useExplicitOrigin',
                output: `
const createIo = require('socket.io');
const io = createIo();
io.listen(3001, { cors: { origin: ['<your-app-origin>'], credentials: true } });
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
  'no-reflected-origin-with-credentials (socket.io attach)',
  noReflectedOriginWithCredentials,
  {
    valid: [],
    invalid: [
      {
        code: `
import { Server } from 'socket.io';
const io = new Server({ serveClient: false });
const engineOptions = { cors: { origin: true, credentials: true } };
export const attach = (httpServer) => io.attach(httpServer, engineOptions);
`,
        errors: [
          {
            messageId: 'reflectedWithCredentials',
            line: 4,
            column: 41,
            endColumn: 45,
            suggestions: [
              {
                messageId: 'useAllowList',
                output: `
import { Server } from 'socket.io';
const io = new Server({ serveClient: false });
const engineOptions = { cors: { origin: ['<your-app-origin>'], credentials: true } };
export const attach = (httpServer) => io.attach(httpServer, engineOptions);
`,
              },
            ],
          },
        ],
      },
    ],
  },
);
