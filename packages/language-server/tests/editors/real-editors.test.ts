/**
 * The server in real editors nobody here wrote, both push-only LSP clients from Debian
 * (installed by the test command): headless Neovim 0.7 and batch Emacs 28 with eglot 1.9.
 * Each opens a fixture, must show the same problems the plugin reports through ESLint's Linter,
 * and must list the quick fixes for the first one. Neovim also opens the demo's nginx config and
 * Django settings module, the other two places users keep CORS.
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
const DEMO = path.resolve(here, '../../../../test-fixtures/demo');
const FIXTURE = path.join(DEMO, 'server.js');
const NGINX_FIXTURE = path.join(DEMO, 'deploy', 'nginx.conf');
const DJANGO_FIXTURE = path.join(DEMO, 'backoffice', 'settings.py');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-ls-editors-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/**
 * What ESLint reports on a fixture with the server's default settings: the recommended config's
 * JavaScript block, or its nginx or Django settings block (each names its language and plugin).
 */
function expectedProblems(fixture: string) {
  const [javascript, nginx, django] = plugin.configs.recommended;
  const config =
    fixture === NGINX_FIXTURE
      ? nginx
      : fixture === DJANGO_FIXTURE
        ? django
        : {
            files: ['**/*.js'],
            plugins: { cors: plugin },
            rules: javascript.rules,
            languageOptions: { sourceType: 'module' },
          };
  const messages = new Linter().verify(
    fs.readFileSync(fixture, 'utf8'),
    [config as never],
    fixture,
  );
  return messages.map((message) => ({
    ruleId: message.ruleId,
    line: message.line,
    message: message.message,
  }));
}

/** Runs an editor to completion (it quits by itself) with a hard time limit; resolves with its JSON report. */
function runEditor(
  command: string,
  args: string[],
  name: string,
  fixture = FIXTURE,
): Promise<Record<string, unknown>> {
  const out = path.join(work, `${name}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: {
        ...process.env,
        CORS_FIXTURE: fixture,
        CORS_SERVER: SERVER,
        CORS_OUT: out,
        HOME: work,
      },
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
  const expected = expectedProblems(FIXTURE);
  const neovim = (fixture: string, name: string) =>
    runEditor(
      'nvim',
      [
        '--headless',
        '-u',
        'NONE',
        '-i',
        'NONE',
        '-n',
        '-c',
        `luafile ${path.join(here, 'neovim-probe.lua')}`,
      ],
      name,
      fixture,
    );

  it('has a fixture with several problems and a built server', () => {
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(fs.existsSync(SERVER)).toBe(true);
  });

  it(
    'Neovim 0.7 receives the pushed diagnostics and lists the quick fixes',
    { timeout: 60_000 },
    async () => {
      const report = await neovim(FIXTURE, 'neovim');
      expect(report.arrived).toBe(true);
      const diagnostics = report.diagnostics as {
        code: string;
        source: string;
        message: string;
        range: { start: { line: number } };
      }[];
      expect(
        diagnostics.map((d) => ({
          ruleId: d.code,
          line: d.range.start.line + 1,
          message: d.message,
        })),
      ).toEqual(expected);
      expect(diagnostics.every((d) => d.source === 'cors')).toBe(true);
      expect(report.shown).toBe(expected.length);
      const firstRule = expected[0]!.ruleId!;
      const actions = report.actions as string[];
      expect(actions).toContain(`Disable ${firstRule} for this line`);
      expect(actions).toContain(`Disable ${firstRule} for this file`);
      expect(actions.some((title) => title.startsWith('Fix:'))).toBe(true);
    },
  );

  // The languages are picked by file name (the recommended config's nginx and Django blocks); Neovim sends its own language ids.
  it.each([
    {
      file: 'deploy/nginx.conf',
      fixture: NGINX_FIXTURE,
      filetype: 'nginx',
      firstFix: 'Fix: 4xx and 5xx responses reach the page as CORS errors',
    },
    {
      file: 'backoffice/settings.py',
      fixture: DJANGO_FIXTURE,
      filetype: 'python',
      firstFix:
        "Allow an explicit list of origins: '<your-app-origin>' (cors/no-reflected-origin-with-credentials)",
    },
  ])(
    "Neovim 0.7 shows the diagnostics of the demo's $file ($filetype), with # comments to disable them",
    { timeout: 60_000 },
    async ({ fixture, filetype, firstFix }) => {
      const problems = expectedProblems(fixture);
      expect(problems.length).toBeGreaterThanOrEqual(1);
      const report = await neovim(fixture, `neovim-${filetype}`);
      expect(report.arrived).toBe(true);
      expect(report.filetype).toBe(filetype);
      const diagnostics = report.diagnostics as {
        code: string;
        source: string;
        message: string;
        range: { start: { line: number } };
      }[];
      expect(
        diagnostics.map((d) => ({
          ruleId: d.code,
          line: d.range.start.line + 1,
          message: d.message,
        })),
      ).toEqual(problems);
      expect(report.shown).toBe(problems.length);
      const firstRule = problems[0]!.ruleId!;
      const actions = report.actions as string[];
      expect(actions.some((title) => title.startsWith(firstFix))).toBe(true);
      // nginx and Python comments start with `#`; a `//` line would break the file.
      const edits = report.edits as Record<string, string>;
      expect(edits[`Disable ${firstRule} for this line`]).toMatch(
        new RegExp(`^ *# eslint-disable-next-line ${firstRule}\\n$`),
      );
      expect(edits[`Disable ${firstRule} for this file`]).toBe(`# eslint-disable ${firstRule}\n`);
    },
  );

  it(
    'Emacs 28 with eglot shows the diagnostics in flymake and lists the quick fixes',
    { timeout: 60_000 },
    async () => {
      const report = await runEditor(
        'emacs',
        ['--batch', '-Q', '-l', path.join(here, 'emacs-probe.el')],
        'emacs',
      );
      expect(report.count).toBe(expected.length);
      const messages = report.messages as string[];
      for (const problem of expected)
        expect(messages.some((text) => text.includes(problem.message))).toBe(true);
      expect(report.firstLine).toBe(expected[0]!.line);
      const firstRule = expected[0]!.ruleId!;
      expect(report.actions as string[]).toContain(`Disable ${firstRule} for this line`);
    },
  );
});
