import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = path.join(REPO, 'packages', 'cli', 'bin', 'cors-lint.js');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `cors-lint` bin as a user would (no TTY: no colour, no progress line). */
export function cli(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A temporary copy of a folder of test-fixtures/, so tests may fix files and add others. */
export function copyOfFixture(relative: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-'));
  fs.cpSync(path.join(REPO, 'test-fixtures', relative), target, { recursive: true });
  return target;
}

export function emptyFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-'));
}
