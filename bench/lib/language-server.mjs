// What the language-server benchmarks (bench/language-server/*.mjs) share: the built server started
// over stdio with a protocol connection to it, their numeric `--name value` options, and the
// figures they report (percentiles, rounding, a process's resident memory).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const serverPackage = path.join(root, 'packages', 'language-server');
/** `vscode-languageserver/node`, as the server package resolves it. */
export const lsp = createRequire(path.join(serverPackage, 'package.json'))(
  'vscode-languageserver/node',
);

/** The number after `--name` on the command line, or `fallback`. */
export function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

/**
 * Starts the built server (`packages/language-server/dist/main.js --stdio`) with `env` (default: this
 * process's) and `nodeArgs` before the script, and a protocol connection to it, not yet listening.
 */
export function startServer({ env = process.env, nodeArgs = [] } = {}) {
  const child = spawn(
    process.execPath,
    [...nodeArgs, path.join(serverPackage, 'dist', 'main.js'), '--stdio'],
    { stdio: ['pipe', 'pipe', 'inherit'], env },
  );
  const connection = lsp.createProtocolConnection(
    new lsp.StreamMessageReader(child.stdout),
    new lsp.StreamMessageWriter(child.stdin),
  );
  return { child, connection };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A process's resident memory, in MB (VmRSS of /proc/<pid>/status). */
export const rssMb = (pid) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** To one decimal. */
export const round = (value) => Math.round(value * 10) / 10;
