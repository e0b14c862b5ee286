/**
 * What oxc rejects goes to @typescript-eslint/parser (TypeScript) or espree (JavaScript), so a broken
 * document reports the same parse error as before (and the server keeps its last good diagnostics
 * the same way), and so does JavaScript oxc accepts but espree does not; without oxc-parser (the VS
 * Code extension's bundle) the server still lints, with the TypeScript parser and espree.
 */
import type { Linter } from 'eslint';
import * as typescriptParser from '@typescript-eslint/parser';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFastTypeScriptParser } from '../../src/engine/fast-parser/index.js';
import { LintHost } from '../../src/engine/lint-host.js';
import { normalizeSettings } from '../../src/protocol/settings.js';
import {
  espreeFallback,
  fastJavaScriptParser,
  javaScriptParserOptions,
  oxc,
  parserOptions,
} from './helpers.js';

const SETTINGS = normalizeSettings({ config: 'all' }).settings;
const SERVER = "import cors from 'cors';\napp.use(cors({ origin: true, credentials: true }));\n";

const fast = new LintHost({ typescriptParser: 'fast' });
const reference = new LintHost({ typescriptParser: 'typescript-eslint' });

beforeAll(async () => {
  await fast.prepare('a.ts');
  await reference.prepare('a.ts');
});

describe('a document oxc rejects', () => {
  it.each([
    ['a syntax error', 'a.ts', `${SERVER}app.use(cors({ origin: 'https://a.example' );\n`],
    ['an unclosed JSX element', 'a.tsx', `${SERVER}const v = <div>;\n`],
    ['a syntax error in CommonJS', 'a.cts', `${SERVER}function (\n`],
  ])('%s: reports the parse error the TypeScript parser reports', (_name, file, text) => {
    const expected = reference.lint(text, file, SETTINGS);
    expect(expected.parseError).toBeDefined();
    expect(fast.lint(text, file, SETTINGS)).toEqual(expected);
  });

  it.each([
    // oxc's semantic check rejects these; TypeScript's parser does not, and the rules still run.
    ['a redeclared let', 'a.ts', `${SERVER}let a = 1;\nlet a = 2;\n`],
    ['new.target outside a function', 'a.ts', `${SERVER}new.target;\n`],
    // typescript-estree decodes entities in JSX text, oxc does not.
    ['a JSX entity', 'a.tsx', `${SERVER}const v = <p title="a &amp; b">x &lt; y</p>;\n`],
  ])('%s: lints as the TypeScript parser does', (_name, file, text) => {
    const expected = reference.lint(text, file, SETTINGS);
    expect(expected.parseError).toBeUndefined();
    expect(expected.messages.map((message) => message.ruleId)).toContain(
      'cors/no-reflected-origin-with-credentials',
    );
    expect(fast.lint(text, file, SETTINGS)).toEqual(expected);
  });

  it('hands such documents to the fallback parser, and only those', () => {
    const fallback = vi.fn(() => typescriptParser as Linter.Parser);
    const parser = createFastTypeScriptParser({ oxc, fallback }) as {
      parseForESLint: (code: string, options: object) => { ast: { tokens?: unknown[] } };
    };
    expect(parser.parseForESLint(SERVER, parserOptions('a.ts')).ast.tokens).toHaveLength(23);
    expect(fallback).not.toHaveBeenCalled();
    expect(() => parser.parseForESLint('let = ;', parserOptions('a.ts'))).toThrow(
      /^Expression expected\.$/,
    );
    expect(
      parser.parseForESLint('let a = 1; let a = 2;', parserOptions('a.ts')).ast.tokens,
    ).toHaveLength(10);
    expect(fallback).toHaveBeenCalledTimes(2);
  });
});

const fastJavaScript = new LintHost({ javascriptParser: 'fast' });
const espreeOnly = new LintHost({ javascriptParser: 'espree' });
const JS_SERVER =
  "const cors = require('cors');\napp.use(cors({ origin: true, credentials: true }));\n";

describe('a JavaScript document oxc rejects, or espree would', () => {
  beforeAll(() => fastJavaScript.prepare('a.js'));

  it.each([
    ['a syntax error', 'a.js', `${JS_SERVER}app.use(cors({ origin: 'https://a.example' );\n`],
    ['an unclosed JSX element', 'a.jsx', `${JS_SERVER}const v = <div>;\n`],
    ['a syntax error in CommonJS', 'a.cjs', `${JS_SERVER}function (\n`],
    ['a redeclared let', 'a.js', `${JS_SERVER}let a = 1;\nlet a = 2;\n`],
    // oxc accepts these; espree does not.
    ['JSX in a .js file', 'a.js', `${JS_SERVER}const v = <div />;\n`],
    ['an invalid regular expression', 'a.js', `${JS_SERVER}const origin = /(/;\n`],
    ['a decorator', 'a.js', `${JS_SERVER}@sealed class A {}\n`],
    [
      'a deferred import',
      'a.mjs',
      `import defer * as cors from 'cors';\napp.use(cors.default({ origin: true, credentials: true }));\n`,
    ],
    ['an accessor field', 'a.js', `${JS_SERVER}class A { accessor x = 1 }\n`],
  ])('%s: reports the parse error espree reports', (_name, file, text) => {
    const expected = espreeOnly.lint(text, file, SETTINGS);
    expect(expected.parseError).toBeDefined();
    expect(fastJavaScript.lint(text, file, SETTINGS)).toEqual(expected);
  });

  it('a JSX entity: lints as espree does', () => {
    const text = `${JS_SERVER}const v = <p title="a &amp; b">x &lt; y</p>;\n`;
    const expected = espreeOnly.lint(text, 'a.jsx', SETTINGS);
    expect(expected.parseError).toBeUndefined();
    expect(expected.messages.map((message) => message.ruleId)).toContain(
      'cors/no-reflected-origin-with-credentials',
    );
    expect(fastJavaScript.lint(text, 'a.jsx', SETTINGS)).toEqual(expected);
  });

  it('hands such documents to espree, and only those', () => {
    const parser = fastJavaScriptParser as {
      parseForESLint: (code: string, options: object) => { ast: { tokens?: unknown[] } };
    };
    const before = espreeFallback.calls;
    expect(
      parser.parseForESLint(JS_SERVER, javaScriptParserOptions('a.js')).ast.tokens,
    ).toHaveLength(26);
    expect(espreeFallback.calls).toBe(before);
    expect(() => parser.parseForESLint('let = ;', javaScriptParserOptions('a.js'))).toThrow(
      /^The keyword 'let' is reserved$/,
    );
    expect(() => parser.parseForESLint('x = /(/;', javaScriptParserOptions('a.js'))).toThrow(
      /^Invalid regular expression: \/\(\/: Unterminated group$/,
    );
    expect(
      parser.parseForESLint('let v = <p>&amp;</p>;', javaScriptParserOptions('a.jsx')).ast.tokens,
    ).toHaveLength(12);
    // Options the lint host never sets: espree reads them as it always did.
    expect(
      parser.parseForESLint('return;', {
        ...javaScriptParserOptions('a.js', 'commonjs'),
        ecmaFeatures: { globalReturn: true },
      }).ast.tokens,
    ).toHaveLength(2);
    expect(
      parser.parseForESLint('let a = 1;', { ...javaScriptParserOptions('a.js'), ecmaVersion: 2019 })
        .ast.tokens,
    ).toHaveLength(5);
    expect(espreeFallback.calls).toBe(before + 5);
  });
});

describe('without oxc-parser', () => {
  afterEach(() => {
    vi.doUnmock('oxc-parser');
    vi.resetModules();
  });

  it('lints TypeScript with the TypeScript parser', async () => {
    vi.resetModules();
    vi.doMock('oxc-parser', () => {
      throw new Error('Cannot find native binding');
    });
    const { LintHost: FreshLintHost } = await import('../../src/engine/lint-host.js');
    const host = new FreshLintHost();
    await host.prepare('a.ts');
    const result = host.lint(`${SERVER}const x: Array<Array<number>> = [];\n`, 'a.ts', SETTINGS);
    expect(result).toEqual(
      reference.lint(`${SERVER}const x: Array<Array<number>> = [];\n`, 'a.ts', SETTINGS),
    );
    expect(
      result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`),
    ).toEqual(['2:24 cors/no-reflected-origin-with-credentials']);
    expect(host.lint('let = ;', 'a.ts', SETTINGS).parseError).toEqual(
      reference.lint('let = ;', 'a.ts', SETTINGS).parseError,
    );
  });

  it('lints JavaScript with espree', async () => {
    vi.resetModules();
    vi.doMock('oxc-parser', () => {
      throw new Error('Cannot find native binding');
    });
    const { LintHost: FreshLintHost } = await import('../../src/engine/lint-host.js');
    const host = new FreshLintHost();
    await host.prepare('a.js');
    const result = host.lint(JS_SERVER, 'a.js', SETTINGS);
    expect(result).toEqual(espreeOnly.lint(JS_SERVER, 'a.js', SETTINGS));
    expect(
      result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`),
    ).toEqual(['2:24 cors/no-reflected-origin-with-credentials']);
  });
});
