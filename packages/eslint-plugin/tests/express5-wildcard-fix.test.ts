/**
 * The autofix of `require-preflight-handler` for Express 5 wildcards, checked on the real Express 5
 * installed at the repository root: the original path throws when the route is registered, the
 * fixed one registers and answers the requests the Express 4 wildcard matched.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { unnamedWildcardFix } from 'cors-lint-core';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
type App = Handler & {
  options(path: string, handler: Handler): void;
  all(path: string, handler: Handler): void;
};
const express = require('express') as (() => App) & { readonly version?: string };
const expressVersion = (require('express/package.json') as { version: string }).version;

async function statusOf(app: App, method: string, path: string): Promise<number> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { method });
    return response.status;
  } finally {
    server.close();
  }
}

describe('Express 5 unnamed wildcard fix', () => {
  it('runs against Express 5', () => {
    expect(expressVersion.split('.')[0]).toBe('5');
  });

  it.each([
    ['*', ['/', '/items/7']],
    ['/api/*', ['/api/', '/api/items/7']],
  ])("'%s' throws at registration; the fixed path answers %j", async (path, requests) => {
    expect(() => express().options(path, (_req, res) => res.end())).toThrow(
      /Missing parameter name/,
    );
    const fixed = unnamedWildcardFix(path);
    expect(typeof fixed).toBe('string');
    const app = express();
    app.options(fixed as string, (_req, res) => {
      res.statusCode = 204;
      res.end();
    });
    for (const request of requests) expect(await statusOf(app, 'OPTIONS', request)).toBe(204);
  });

  it('leaves named wildcards and paths without one alone', () => {
    expect(unnamedWildcardFix('/{*splat}')).toBeUndefined();
    expect(unnamedWildcardFix('/api/*rest')).toBeUndefined();
    expect(unnamedWildcardFix('/items/:id')).toBeUndefined();
    expect(unnamedWildcardFix('/files/*.json')).toBeNull();
  });
});
