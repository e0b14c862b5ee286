import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LintHost } from '../../src/engine/lint-host.js';
import type { CorsSettings } from '../../src/protocol/settings.js';
import { normalizeSettings } from '../../src/protocol/settings.js';

const settingsFrom = (raw: unknown): CorsSettings => normalizeSettings(raw).settings;
const DEFAULTS = settingsFrom({});

// Two findings: a trailing slash (autofix) and a reflected origin with credentials (suggestions).
const SERVER = [
  "import cors from 'cors';",
  "app.use(cors({ origin: 'https://app.example.com/', credentials: true }));",
  'app.use(cors({ origin: true, credentials: true }));',
  '',
].join('\n');
const PERMISSIVE = "import cors from 'cors';\napp.use(cors());\n";

const rulesOf = (messages: Linter.LintMessage[]) =>
  messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`);

// The TypeScript parser loads on demand (module-wide, once).
beforeAll(() => new LintHost().prepare('a.ts'));

describe('LintHost.prepare', () => {
  it('loads the TypeScript parser on demand: a TypeScript file linted before it fails clearly, a JavaScript file does not need it', async () => {
    vi.resetModules();
    const fresh = await import('../../src/engine/lint-host.js');
    const host = new fresh.LintHost();
    expect(host.lint(SERVER, 'a.js', DEFAULTS).messages).toHaveLength(2);
    expect(() => host.lint(SERVER, 'a.ts', DEFAULTS)).toThrow(
      /TypeScript parser is not loaded yet/,
    );
    await host.prepare('a.ts');
    expect(host.lint(SERVER, 'a.ts', DEFAULTS).messages).toHaveLength(2);
  });
});

describe('LintHost.lint', () => {
  const host = new LintHost();

  it('runs the recommended rules and returns only their messages', () => {
    const { messages, parseError } = host.lint(SERVER, '/project/src/server.js', DEFAULTS);
    expect(parseError).toBeUndefined();
    expect(rulesOf(messages)).toEqual([
      '2:24 cors/valid-allow-origin',
      '3:24 cors/no-reflected-origin-with-credentials',
    ]);
    expect(messages[0]?.fix).toEqual({ range: [48, 74], text: "'https://app.example.com'" });
    expect(messages[1]?.suggestions).toHaveLength(1);
  });

  it.each([
    '/project/a.ts',
    '/project/a.tsx',
    '/project/a.mts',
    '/project/a.cts',
    '/project/a.mjs',
    '/project/a.cjs',
    '/project/a.jsx',
    'C:\\project\\A.TS',
    'Untitled-1',
    '/elsewhere/no-extension',
    'relative/b.js',
  ])('lints %s wherever it lives', (filePath) => {
    expect(rulesOf(host.lint(SERVER, filePath, DEFAULTS).messages)).toHaveLength(2);
  });

  it('parses TypeScript in .ts files, and JSX only where the extension allows it', () => {
    const typed = `${SERVER}const cast = <T,>(value: unknown) => value as T;\nlet n = <number>value;\n`;
    expect(host.lint(typed, 'a.ts', DEFAULTS).messages).toHaveLength(2);
    const tsx = `${SERVER}export const view = <div className="x">{fetch.name}</div>;\n`;
    expect(host.lint(tsx, 'a.tsx', DEFAULTS).messages).toHaveLength(2);
    expect(host.lint(tsx, 'a.jsx', DEFAULTS).messages).toHaveLength(2);
    expect(host.lint(tsx, 'a.ts', DEFAULTS).parseError).toBeDefined();
    expect(host.lint(typed, 'a.js', DEFAULTS).parseError).toBeDefined();
  });

  it('reads .cjs as CommonJS, and retries with the other module kind when the code does not parse', () => {
    const commonjs = `const cors = require('cors');\nif (!app) return;\napp.use(cors({ origin: 'null' }));\n`;
    expect(rulesOf(host.lint(commonjs, 'a.cjs', DEFAULTS).messages)).toEqual([
      '3:24 cors/no-null-origin',
    ]);
    expect(rulesOf(host.lint(commonjs, 'a.js', DEFAULTS).messages)).toEqual([
      '3:24 cors/no-null-origin',
    ]);
    const sloppy = `with (Math) { x = 010; }\n${commonjs}`;
    expect(rulesOf(host.lint(sloppy, 'a.js', DEFAULTS).messages)).toEqual([
      '4:24 cors/no-null-origin',
    ]);
    expect(rulesOf(host.lint(SERVER, 'a.cjs', DEFAULTS).messages)).toHaveLength(2);
    expect(host.lint(`with (Math) {}\n${SERVER}`, 'a.js', DEFAULTS).parseError).toBeDefined();
  });

  it('reports a parse error (1-based) and no messages', () => {
    const result = host.lint(`${SERVER}const = ;\n`, 'a.ts', DEFAULTS);
    expect(result.messages).toEqual([]);
    expect(result.parseError).toMatchObject({ line: 4, column: 6 });
    expect(result.parseError?.message).toMatch(/^Parsing error/);
  });

  it('applies severity overrides: off, info (run as warn) and enabling a rule its config leaves out', () => {
    const overridden = settingsFrom({
      rules: {
        'valid-allow-origin': 'off',
        'no-reflected-origin-with-credentials': 'info',
        'no-permissive-origin': 'error',
      },
    });
    const messages = host.lint(
      `${SERVER}${PERMISSIVE.split('\n')[1]}\n`,
      'a.js',
      overridden,
    ).messages;
    expect(messages.map((message) => [message.ruleId, message.severity])).toEqual([
      ['cors/no-reflected-origin-with-credentials', 1],
      ['cors/no-permissive-origin', 2],
    ]);
  });

  it('follows the chosen config: strict adds no-permissive-origin as a warning', () => {
    expect(host.lint(PERMISSIVE, 'a.js', DEFAULTS).messages).toEqual([]);
    const strict = host.lint(PERMISSIVE, 'a.js', settingsFrom({ config: 'strict' })).messages;
    expect(strict.map((message) => [message.ruleId, message.severity])).toEqual([
      ['cors/no-permissive-origin', 1],
    ]);
    expect(host.lint(PERMISSIVE, 'a.js', settingsFrom({ config: 'all' })).messages).toHaveLength(1);
  });

  it("passes cors.appOrigins to the client rules as settings.cors.appOrigins, and keeps strict's options under a severity override", () => {
    const client = [
      "fetch('https://app.example.com/api/items', { headers: { 'X-Requested-With': 'XMLHttpRequest' } });",
      "fetch('https://api.example.com/me', { headers: { Authorization: token } });",
      '',
    ].join('\n');
    const preflights = (settings: CorsSettings) =>
      host
        .lint(client, 'client.js', settings)
        .messages.map((message) => [message.line, message.messageId, message.severity]);
    expect(preflights(DEFAULTS)).toEqual([[1, 'requestedWith', 1]]);
    expect(preflights(settingsFrom({ appOrigins: ['https://app.example.com'] }))).toEqual([]);
    const strict = settingsFrom({ config: 'strict', appOrigins: ['https://app.example.com'] });
    expect(preflights(strict)).toEqual([[2, 'preflightHeader', 1]]);
    expect(preflights({ ...strict, rules: { 'cors/no-accidental-preflight': 'error' } })).toEqual([
      [2, 'preflightHeader', 2],
    ]);
  });

  it('honours inline disable comments and says nothing about unused ones or unknown rules', () => {
    const disabled = SERVER.replace(
      "app.use(cors({ origin: 'https",
      "// eslint-disable-next-line cors/valid-allow-origin, foo/bar -- reviewed\napp.use(cors({ origin: 'https",
    );
    const text = `/* eslint-disable cors/no-null-origin */\n// eslint-disable-next-line cors/no-permissive-origin\n${disabled}`;
    expect(rulesOf(host.lint(text, 'a.ts', DEFAULTS).messages)).toEqual([
      '6:24 cors/no-reflected-origin-with-credentials',
    ]);
  });

  it('keeps messages of core rules an inline config comment turns on out of its results', () => {
    const text = `/* eslint no-debugger: "error" */\ndebugger;\n${SERVER}`;
    expect(rulesOf(host.lint(text, 'a.js', DEFAULTS).messages)).toEqual([
      '4:24 cors/valid-allow-origin',
      '5:24 cors/no-reflected-origin-with-credentials',
    ]);
  });
});

describe('LintHost on Django settings modules', () => {
  const host = new LintHost();
  const SETTINGS =
    'CORS_ALLOWED_ORIGINS = ["https://app.example.com:443"]\nCORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n';

  it('lints settings.py and settings/*.py with the django-settings language, and fixes them', () => {
    for (const file of ['/project/proj/settings.py', '/project/proj/settings/production.py']) {
      const { messages, parseError } = host.lint(SETTINGS, file, DEFAULTS);
      expect(parseError).toBeUndefined();
      expect(rulesOf(messages)).toEqual([
        '1:25 cors/valid-django-allowed-origins',
        '2:26 cors/no-reflected-origin-with-credentials',
      ]);
      expect(host.fixAll(SETTINGS, file, DEFAULTS)).toBe(SETTINGS.replace(':443"', '"'));
    }
  });

  it('hands cors.django.corsHeadersVersion to the rules, and reads the pin without it', () => {
    const allowAll = 'CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n';
    const v34 = settingsFrom({ django: { corsHeadersVersion: '3.4.0' } });
    // 3.4.0 reads only CORS_ORIGIN_ALLOW_ALL: nothing is reflected, the new name is dead.
    expect(rulesOf(host.lint(allowAll, '/project/settings.py', v34).messages)).toEqual([
      '1:1 cors/no-dead-django-cors-setting',
    ]);
    expect(rulesOf(host.lint(allowAll, '/project/settings.py', DEFAULTS).messages)).toEqual([
      '1:26 cors/no-reflected-origin-with-credentials',
    ]);
    // A project pinning 3.4.0: the pin applies without the setting, and the setting wins over it.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-ls-django-pin-'));
    try {
      fs.writeFileSync(path.join(root, 'requirements.txt'), 'django-cors-headers==3.4.0\n');
      const file = path.join(root, 'settings.py');
      expect(rulesOf(host.lint(allowAll, file, DEFAULTS).messages)).toEqual([
        '1:1 cors/no-dead-django-cors-setting',
      ]);
      const v43 = settingsFrom({ django: { corsHeadersVersion: '4.3.0' } });
      expect(rulesOf(host.lint(allowAll, file, v43).messages)).toEqual([
        '1:26 cors/no-reflected-origin-with-credentials',
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('applies severity overrides and reports a Python syntax error once', () => {
    const off = settingsFrom({ rules: { 'cors/valid-django-allowed-origins': 'off' } });
    expect(rulesOf(host.lint(SETTINGS, '/project/settings.py', off).messages)).toEqual([
      '2:26 cors/no-reflected-origin-with-credentials',
    ]);
    expect(host.lint('CORS_ALLOWED_ORIGINS = [\n', '/project/settings.py', DEFAULTS)).toEqual({
      messages: [],
      parseError: { message: 'Parsing error: unexpected end of file', line: 2, column: 1 },
    });
  });
});

describe('LintHost config memoisation', () => {
  afterEach(() => vi.restoreAllMocks());

  it('builds the config array once per settings object and file kind', () => {
    const verify = vi.spyOn(Linter.prototype, 'verify');
    const host = new LintHost();
    const other = settingsFrom({ config: 'strict' });
    host.lint(SERVER, 'a.ts', DEFAULTS);
    host.lint(SERVER, 'b.ts', DEFAULTS);
    host.lint(SERVER, 'c.js', DEFAULTS);
    host.lint(SERVER, 'd.ts', other);
    const configs = verify.mock.calls.map((call) => call[1]);
    expect(configs[0]).toBe(configs[1]);
    expect(configs[2]).not.toBe(configs[0]);
    expect(configs[3]).not.toBe(configs[0]);
  });
});

describe('LintHost.fixAll', () => {
  const host = new LintHost();

  it('returns the text with the cors autofixes applied', () => {
    expect(host.fixAll(SERVER, 'a.ts', DEFAULTS)).toBe(
      SERVER.replace("'https://app.example.com/'", "'https://app.example.com'"),
    );
  });

  it('returns undefined when nothing is fixable or the text does not parse', () => {
    expect(host.fixAll(PERMISSIVE, 'a.ts', DEFAULTS)).toBeUndefined();
    expect(host.fixAll(`${SERVER}const = ;`, 'a.ts', DEFAULTS)).toBeUndefined();
  });

  it('keeps a BOM and CRLF line breaks', () => {
    const text = `\uFEFF${SERVER.replaceAll('\n', '\r\n')}`;
    expect(host.fixAll(text, 'a.js', DEFAULTS)).toBe(
      text.replace("'https://app.example.com/'", "'https://app.example.com'"),
    );
  });

  it('applies no fix of another rule, even one an inline comment turns on', () => {
    const text = `/* eslint semi: "error" */\nconst a = 1\n${SERVER}`;
    expect(host.fixAll(text, 'a.js', DEFAULTS)).toBe(
      text.replace("'https://app.example.com/'", "'https://app.example.com'"),
    );
  });

  it('respects disable comments and the settings', () => {
    const disabled = `/* eslint-disable cors/valid-allow-origin */\n${SERVER}`;
    expect(host.fixAll(disabled, 'a.js', DEFAULTS)).toBeUndefined();
    expect(
      host.fixAll(SERVER, 'a.js', settingsFrom({ rules: { 'valid-allow-origin': 'off' } })),
    ).toBeUndefined();
  });

  it('fixes module code that only parses as a script', () => {
    const text = `with (Math) {}\n${SERVER.replace("import cors from 'cors';", "const cors = require('cors');")}`;
    expect(host.fixAll(text, 'a.js', DEFAULTS)).toBe(
      text.replace("'https://app.example.com/'", "'https://app.example.com'"),
    );
  });
});

describe('LintHost on nginx configs', () => {
  const host = new LintHost();
  const SITE =
    "server {\n    location /api/ {\n        add_header Access-Control-Allow-Origin https://app.example.com;\n        if ($request_method = 'OPTIONS') {\n            add_header Access-Control-Max-Age 86400;\n            return 204;\n        }\n    }\n}\n";

  it('lints the files the plugin takes for nginx with the cors/nginx language', async () => {
    await host.prepare('/etc/nginx/sites-available/default');
    const { messages, parseError } = host.lint(
      SITE,
      '/etc/nginx/sites-available/default',
      DEFAULTS,
    );
    expect(parseError).toBeUndefined();
    expect(rulesOf(messages)).toEqual([
      '3:9 cors/nginx-require-always',
      '5:13 cors/nginx-no-dropped-cors-headers',
    ]);
    expect(messages[0]?.fix).toEqual({ range: [100, 100], text: ' always' });
    expect(messages[1]?.suggestions).toHaveLength(1);
  });

  it('applies only the severity overrides a rule can take on nginx', () => {
    const settings = settingsFrom({
      rules: { 'cors/nginx-require-always': 'off', 'cors/no-accidental-preflight': 'error' },
    });
    expect(rulesOf(host.lint(SITE, '/srv/app/nginx.conf', settings).messages)).toEqual([
      '5:13 cors/nginx-no-dropped-cors-headers',
    ]);
  });

  it('fixes all with the nginx fixes, and reports a syntax error once', () => {
    expect(host.fixAll(SITE, '/srv/app/conf.d/api.conf', DEFAULTS)).toContain(
      'add_header Access-Control-Allow-Origin https://app.example.com always;',
    );
    expect(
      host.lint('server {\n    add_header X "a"b;\n}\n', '/srv/app/nginx.conf', DEFAULTS),
    ).toEqual({
      messages: [],
      parseError: { message: 'Parsing error: unexpected "b"', line: 2, column: 21 },
    });
  });
});
