/**
 * A spot check of the language server's memory, quicker than the full benchmark:
 *   node bench/language-server/memory-probe.mjs <files> [node flags…]
 * e.g. `… 500`, `… 500 --max-semi-space-size=1`, `… 2`. Opens <files> generated documents (the mix of
 * language-server.mjs's memory run) at once in a fresh `dist/main.js --stdio`, then prints RSS when the
 * last publish arrived and after IDLE ms (default 30000) of idle time. Needs `npx tsc -b` and the
 * benchmark's client library (bench/ls-peer, installed by `node bench/language-server.mjs` on first use).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateFile } from './generate.mjs';

const benchDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(path.join(benchDir, 'ls-peer', 'package.json'));
const {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} = require('vscode-languageserver-protocol/node');
const serverMain = path.join(benchDir, '..', 'packages', 'language-server', 'dist', 'main.js');

const count = Number(process.argv[2]);
const flags = process.argv.slice(3);
const idleMs = Number(process.env.IDLE ?? 30_000);
if (!(count > 0))
  throw new Error('usage: node bench/language-server/memory-probe.mjs <files> [node flags…]');

const child = spawn(process.execPath, [...flags, serverMain, '--stdio'], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const connection = createProtocolConnection(
  new StreamMessageReader(child.stdout),
  new StreamMessageWriter(child.stdin),
);
const published = new Set();
let allPublished;
const done = new Promise((resolve) => (allPublished = resolve));
connection.onNotification((method, params) => {
  if (method !== 'textDocument/publishDiagnostics') return;
  published.add(params.uri);
  if (published.size === count) allPublished();
});
connection.onRequest(() => null);
connection.listen();
await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri: null,
  capabilities: {},
});
await connection.sendNotification('initialized', {});

function memory() {
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const mb = (key) =>
    Math.round(Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1]) / 1024);
  return `RSS ${mb('VmRSS')} MB (peak ${mb('VmHWM')} MB)`;
}

const started = performance.now();
for (let i = 0; i < count; i++) {
  const dialect = i % 5 < 2 ? 'ts' : 'js';
  const lines = 100 + ((i * 37) % 8) * 100;
  const text = generateFile({ lines, dialect, seed: i + 2 });
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: {
      uri: `file:///memory-probe/file-${i}.${dialect}`,
      languageId: dialect === 'ts' ? 'typescript' : 'javascript',
      version: 1,
      text,
    },
  });
}
await done;
console.log(
  `${flags.join(' ') || '(default flags)'}: ${count} files published in ${Math.round(performance.now() - started)} ms; ${memory()}`,
);
await new Promise((resolve) => setTimeout(resolve, idleMs));
console.log(`after ${idleMs / 1000} s idle: ${memory()}`);
child.kill('SIGKILL');
process.exit(0);
