/**
 * Real runs of socket.io attached after construction: `io.attach(httpServer, options)` passes its
 * `cors` option to engine.io as the constructor's would, unless the constructor set one (socket.io
 * merges the constructor's options over the attach options). The fixture is imported and started as
 * written; the engine.io long-polling handshake is sent from a foreign origin.
 */
import fs from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ESLint } from 'eslint';
import { Linter } from 'eslint';
import { Server } from 'socket.io';
import { afterAll, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const FIXTURE = fileURLToPath(
  new URL(
    '../../../../test-fixtures/socket.io/attach-reflected-origin-with-credentials.mjs',
    import.meta.url,
  ),
);
const FOREIGN = 'https://evil.example';
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

function lint(text: string, filename: string): string[] {
  return new Linter()
    .verify(
      text,
      [
        {
          files: ['**/*.mjs'],
          plugins: { cors: plugin as unknown as ESLint.Plugin },
          rules: plugin.configs.all[0].rules,
          languageOptions: { sourceType: 'module' },
        },
      ],
      { filename },
    )
    .map(
      (finding) => `${finding.ruleId}/${finding.messageId ?? ''} ${finding.line}:${finding.column}`,
    );
}

/** The engine.io v4 long-polling handshake, as a browser's socket.io client sends it. */
function handshake(
  server: HttpServer,
  path: string,
): Promise<Record<string, string | string[] | undefined>> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `${path}/?EIO=4&transport=polling`,
        headers: { Origin: FOREIGN },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.headers));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

it('io.attach(httpServer, { cors }) reflects a foreign origin with credentials, as no-reflected-origin-with-credentials reports', async () => {
  expect(lint(fs.readFileSync(FIXTURE, 'utf8'), FIXTURE)).toEqual([
    'cors/no-reflected-origin-with-credentials/reflectedWithCredentials 11:19',
  ]);
  const { io, start } = (await import(pathToFileURL(FIXTURE).href)) as {
    io: Server;
    start(port: number): HttpServer;
  };
  const httpServer = start(0);
  closers.push(() => new Promise((resolve) => void io.close(() => resolve())));
  await new Promise((resolve) => httpServer.once('listening', resolve));
  const headers = await handshake(httpServer, '/realtime');
  expect(headers['access-control-allow-origin']).toBe(FOREIGN);
  expect(headers['access-control-allow-credentials']).toBe('true');
});

it("the constructor's cors wins over the attach options, so only the constructor's is read", async () => {
  const source = `import { Server } from 'socket.io';
const io = new Server({ cors: { origin: 'https://app.example.com' } });
io.attach(httpServer, { cors: { origin: '*' } });
`;
  expect(lint(source, 'server.mjs')).toEqual([]);
  const httpServer = createServer();
  const io = new Server({ cors: { origin: 'https://app.example.com' } });
  io.attach(httpServer, { cors: { origin: '*' } });
  closers.push(() => new Promise((resolve) => void io.close(() => resolve())));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const headers = await handshake(httpServer, '/socket.io');
  expect(headers['access-control-allow-origin']).toBe('https://app.example.com');
});
