/**
 * The server in real editors nobody here wrote, both push-only LSP clients from Debian
 * (installed by the test command): headless Neovim 0.7 and batch Emacs 28 with eglot 1.9.
 * Each opens a fixture, must show the same problems the plugin reports through ESLint's Linter,
 * and must list the quick fixes for the first one.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import plugin from 'eslint-plugin-cors';
import { afterAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const SERVER = path.resolve(here, '../../dist/main.js');
const FIXTURE = path.resolve(here, '../../../../test-fixtures/demo/server.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-ls-editors-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** What ESLint reports on the fixture with the server's default settings (the recommended config). */
function expectedProblems() {
  const linter = new Linter();
  const messages = linter.verify(
    fs.readFileSync(FIXTURE, 'utf8'),
    [{ files: ['**/*.js'], plugins: { cors: plugin as never }, rules: plugin.configs.recommended[0].rules, languageOptions: { sourceType: 'module' } }],
    FIXTURE,
  );
  return messages.map((message) => ({ ruleId: message.ruleId, line: message.line, message: message.message }));
}

/** Runs an editor to completion (it quits by itself) with a hard time limit; resolves with its JSON report. */
function runEditor(command: string, args: string[], name: string): Promise<Record<string, unknown>> {
  const out = path.join(work, `${name}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, CORS_FIXTURE: FIXTURE, CORS_SERVER: SERVER, CORS_OUT: out, HOME: work },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      // The editor and the server it started form one process group.
      process.kill(-child.pid!, 'SIGKILL');
      reject(new Error(`${name} did not finish in time:\n${output}`));
    }, 40_000);
    child.on('exit', () => {
      clearTimeout(timer);
      if (!fs.existsSync(out)) return reject(new Error(`${name} wrote no report:\n${output}`));
      resolve(JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>);
    });
  });
}

describe('the language server in real editors', () => {
  const expected = expectedProblems();

  it('has a fixture with several problems and a built server', () => {
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(fs.existsSync(SERVER)).toBe(true);
  });

  it('Neovim 0.7 receives the pushed diagnostics and lists the quick fixes', { timeout: 60_000 }, async () => {
    const report = await runEditor('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(here, 'neovim-probe.lua')}`], 'neovim');
    expect(report.arrived).toBe(true);
    const diagnostics = report.diagnostics as { code: string; source: string; message: string; range: { start: { line: number } } }[];
    expect(diagnostics.map((d) => ({ ruleId: d.code, line: d.range.start.line + 1, message: d.message }))).toEqual(expected);
    expect(diagnostics.every((d) => d.source === 'cors')).toBe(true);
    expect(report.shown).toBe(expected.length);
    const firstRule = expected[0]!.ruleId!;
    const actions = report.actions as string[];
    expect(actions).toContain(`Disable ${firstRule} for this line`);
    expect(actions).toContain(`Disable ${firstRule} for this file`);
    expect(actions.some((title) => title.startsWith('Fix:'))).toBe(true);
  });

  it('Emacs 28 with eglot shows the diagnostics in flymake and lists the quick fixes', { timeout: 60_000 }, async () => {
    const report = await runEditor('emacs', ['--batch', '-Q', '-l', path.join(here, 'emacs-probe.el')], 'emacs');
    expect(report.count).toBe(expected.length);
    const messages = report.messages as string[];
    for (const problem of expected) expect(messages.some((text) => text.includes(problem.message))).toBe(true);
    expect(report.firstLine).toBe(expected[0]!.line);
    const firstRule = expected[0]!.ruleId!;
    expect(report.actions as string[]).toContain(`Disable ${firstRule} for this line`);
  });
});
