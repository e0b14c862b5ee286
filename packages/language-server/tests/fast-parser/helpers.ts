/** Each fast parser and its reference side by side, called as ESLint's `Linter` calls them. */
import { createRequire } from 'node:module';
import * as typescriptParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import * as espree from 'espree';
import {
  createFastJavaScriptParser,
  createFastTypeScriptParser,
  type OxcParser,
} from '../../src/engine/fast-parser/index.js';

export const oxc = createRequire(import.meta.url)('oxc-parser') as OxcParser;
export const fastParser = createFastTypeScriptParser({
  oxc,
  fallback: () => typescriptParser as Linter.Parser,
});
/** espree as the fast JavaScript parser's fallback, counting the documents handed to it. */
export const espreeFallback = {
  calls: 0,
  VisitorKeys: espree.VisitorKeys,
  latestEcmaVersion: espree.latestEcmaVersion,
  parse(code: string, options: object): unknown {
    espreeFallback.calls++;
    return espree.parse(code, options);
  },
};
export const fastJavaScriptParser = createFastJavaScriptParser({ oxc, espree: espreeFallback });

/** What `Linter` passes a parser for these language options (see its `languageOptions` handling). */
export function parserOptions(
  file: string,
  sourceType: 'module' | 'commonjs' = /\.c[jt]s$/.test(file) ? 'commonjs' : 'module',
) {
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
  ast: {
    type: 'Program';
    start?: number;
    tokens: Array<Record<string, unknown>>;
    comments: Array<Record<string, unknown>>;
  };
}

export function parseBoth(file: string, text: string): { fast: Parsed; reference: Parsed } {
  const options = parserOptions(file);
  const code = withoutShebang(text);
  const parse = (parser: Linter.Parser): Parsed =>
    (parser as { parseForESLint: (code: string, options: object) => Parsed }).parseForESLint(
      code,
      options,
    );
  return { fast: parse(fastParser), reference: parse(typescriptParser as Linter.Parser) };
}

/**
 * What `Linter` passes a JavaScript parser (languages/js `parse`): ESLint 10's latest `ecmaVersion`
 * (2026), the config's `sourceType` as it is, and the lint host's `ecmaFeatures`.
 */
export function javaScriptParserOptions(
  file: string,
  sourceType: 'module' | 'commonjs' = /\.cjs$/.test(file) ? 'commonjs' : 'module',
) {
  return {
    ecmaVersion: 2026 as const,
    sourceType,
    ecmaFeatures: { jsx: /x$/.test(file) },
    loc: true,
    range: true,
    tokens: true,
    comment: true,
    eslintVisitorKeys: true,
    eslintScopeManager: true,
  };
}

export function parseBothJavaScript(
  file: string,
  text: string,
): { fast: Parsed; reference: Parsed } {
  const options = javaScriptParserOptions(file);
  const code = withoutShebang(text);
  const fast = (
    fastJavaScriptParser as { parseForESLint: (code: string, options: object) => Parsed }
  ).parseForESLint(code, options);
  return { fast, reference: { ast: espree.parse(code, options) as unknown as Parsed['ast'] } };
}
