/** Both parsers side by side, called as ESLint's `Linter` calls them. */
import { createRequire } from 'node:module';
import * as typescriptParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import { createFastParser, type OxcParser } from '../../src/engine/fast-parser/index.js';

export const oxc = createRequire(import.meta.url)('oxc-parser') as OxcParser;
export const fastParser = createFastParser({ oxc, fallback: () => typescriptParser as Linter.Parser });

/** What `Linter` passes a parser for these language options (see its `languageOptions` handling). */
export function parserOptions(file: string, sourceType: 'module' | 'commonjs' = /\.c[jt]s$/.test(file) ? 'commonjs' : 'module') {
  return {
    ecmaVersion: 2026,
    sourceType: sourceType === 'commonjs' ? 'script' : 'module',
    ecmaFeatures: { jsx: /x$/.test(file), globalReturn: sourceType === 'commonjs' },
  };
}

/** As `Linter` does before parsing: `#!` becomes a line comment. */
export const withoutShebang = (text: string): string => text.replace(/^#!([^\r\n]*)/, '//$1');

/** What the tests read of a parse result. */
export interface Parsed {
  ast: { type: 'Program'; start?: number; tokens: Array<Record<string, unknown>>; comments: Array<Record<string, unknown>> };
}

export function parseBoth(file: string, text: string): { fast: Parsed; reference: Parsed } {
  const options = parserOptions(file);
  const code = withoutShebang(text);
  const parse = (parser: Linter.Parser): Parsed => (parser as { parseForESLint: (code: string, options: object) => Parsed }).parseForESLint(code, options);
  return { fast: parse(fastParser), reference: parse(typescriptParser as Linter.Parser) };
}
