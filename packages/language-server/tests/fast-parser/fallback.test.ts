/**
 * What oxc rejects goes to @typescript-eslint/parser, so a broken document reports the same parse
 * error as before (and the server keeps its last good diagnostics the same way); without oxc-parser
 * (the VS Code extension's bundle) the server still lints TypeScript, with the TypeScript parser.
 */
import type { Linter } from 'eslint';
import * as typescriptParser from '@typescript-eslint/parser';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFastParser } from '../../src/engine/fast-parser/index.js';
import { LintHost } from '../../src/engine/lint-host.js';
import { normalizeSettings } from '../../src/protocol/settings.js';
import { oxc, parserOptions } from './helpers.js';

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
    expect(expected.messages.map((message) => message.ruleId)).toContain('cors/no-reflected-origin-with-credentials');
    expect(fast.lint(text, file, SETTINGS)).toEqual(expected);
  });

  it('hands such documents to the fallback parser, and only those', () => {
    const fallback = vi.fn(() => typescriptParser as Linter.Parser);
    const parser = createFastParser({ oxc, fallback }) as { parseForESLint: (code: string, options: object) => { ast: { tokens?: unknown[] } } };
    expect(parser.parseForESLint(SERVER, parserOptions('a.ts')).ast.tokens).toHaveLength(23);
    expect(fallback).not.toHaveBeenCalled();
    expect(() => parser.parseForESLint('let = ;', parserOptions('a.ts'))).toThrow(/^Expression expected\.$/);
    expect(parser.parseForESLint('let a = 1; let a = 2;', parserOptions('a.ts')).ast.tokens).toHaveLength(10);
    expect(fallback).toHaveBeenCalledTimes(2);
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
    expect(result).toEqual(reference.lint(`${SERVER}const x: Array<Array<number>> = [];\n`, 'a.ts', SETTINGS));
    expect(result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['2:24 cors/no-reflected-origin-with-credentials']);
    expect(host.lint('let = ;', 'a.ts', SETTINGS).parseError).toEqual(reference.lint('let = ;', 'a.ts', SETTINGS).parseError);
  });
});
