/**
 * The Node and Express behaviour no-duplicate-allow-origin relies on, checked on a real loopback
 * server: which writes replace Access-Control-Allow-Origin and which add a second header line.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
const express = require('express') as () => ((req: IncomingMessage, res: ServerResponse) => void) &
  Record<'get' | 'use', (...args: unknown[]) => void>;
const cors = require('cors') as (options?: object) => Handler;

const ACAO = 'Access-Control-Allow-Origin';
type Res = ServerResponse & {
  set(name: string, value: string): Res;
  header(name: string, value: string): Res;
  append(name: string, value: string): Res;
};

const app = express();
const routes: Record<string, (req: IncomingMessage, res: Res) => void> = {
  '/node/set-twice': (req, res) => (res.setHeader(ACAO, 'a'), res.setHeader(ACAO, 'b'), res.end()),
  '/node/set-then-appendHeader': (req, res) => (
    res.setHeader(ACAO, 'a'),
    res.appendHeader(ACAO, 'b'),
    res.end()
  ),
  '/node/set-then-writeHead': (req, res) => (
    res.setHeader(ACAO, 'a'),
    res.writeHead(200, { [ACAO]: 'b' }),
    res.end()
  ),
  '/express/append-twice': (req, res) => (res.append(ACAO, 'a'), res.append(ACAO, 'b'), res.end()),
  '/express/set-then-append': (req, res) => (res.set(ACAO, 'a'), res.append(ACAO, 'b'), res.end()),
  '/express/append-then-set': (req, res) => (res.append(ACAO, 'a'), res.set(ACAO, 'b'), res.end()),
};
for (const [path, handler] of Object.entries(routes)) app.get(path, handler);
app.use('/cors', cors({ origin: 'http://o.test' }));
const afterCors: Record<string, (req: IncomingMessage, res: Res) => void> = {
  set: (req, res) => (res.set(ACAO, 'b'), res.end()),
  header: (req, res) => (res.header(ACAO, 'b'), res.end()),
  setHeader: (req, res) => (res.setHeader(ACAO, 'b'), res.end()),
  writeHead: (req, res) => (res.writeHead(200, { [ACAO]: 'b' }), res.end()),
  append: (req, res) => (res.append(ACAO, 'b'), res.end()),
  appendHeader: (req, res) => (res.appendHeader(ACAO, 'b'), res.end()),
};
for (const [name, handler] of Object.entries(afterCors)) app.get(`/cors/${name}`, handler);
app.get(
  '/before-cors',
  ((req, res, next) => ((res as Res).append(ACAO, 'b'), next())) as Handler,
  cors({ origin: 'http://o.test' }),
  (req: IncomingMessage, res: ServerResponse) => res.end(),
);

let server: http.Server;
beforeAll(async () => {
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The Access-Control-Allow-Origin lines as they arrive on the socket. */
function allowOriginLines(path: string): Promise<string[]> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers: { Origin: 'http://o.test' } }, (res) => {
        const lines: string[] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          if (res.rawHeaders[i]!.toLowerCase() === ACAO.toLowerCase())
            lines.push(res.rawHeaders[i + 1]!);
        res.resume();
        res.on('end', () => resolve(lines));
      })
      .on('error', reject);
  });
}

describe('which writes add a second Access-Control-Allow-Origin line', () => {
  it.each([
    ['/node/set-twice', ['b']],
    ['/node/set-then-appendHeader', ['a', 'b']],
    ['/node/set-then-writeHead', ['b']],
    ['/express/append-twice', ['a', 'b']],
    ['/express/set-then-append', ['a', 'b']],
    ['/express/append-then-set', ['b']],
    ['/cors/set', ['b']],
    ['/cors/header', ['b']],
    ['/cors/setHeader', ['b']],
    ['/cors/writeHead', ['b']],
    ['/cors/append', ['http://o.test', 'b']],
    ['/cors/appendHeader', ['http://o.test', 'b']],
    ['/before-cors', ['http://o.test']],
  ])('%s sends %j', async (path, expected) => {
    expect(await allowOriginLines(path)).toEqual(expected);
  });
});
