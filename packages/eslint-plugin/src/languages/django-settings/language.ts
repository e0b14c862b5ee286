/**
 * `cors/django-settings`: Python settings modules as an ESLint language (ESLint ≥ 9.7 `languages` API).
 * Synchronous and pure JS, so it also runs in the language server's bundle.
 */
import type { File, Language, OkParseResult, ParseResult } from '@eslint/core';
import type { Module, PyNode } from './ast.js';
import { VISITOR_KEYS } from './ast.js';
import { parsePython } from './parse.js';
import { PythonSourceCode } from './source-code.js';

export type DjangoSettingsLanguageOptions = Record<string, unknown>;

/**
 * Keys other tools put into `languageOptions` for every language (typescript-eslint's RuleTester adds
 * `parser` and `parserOptions`); accepted and ignored.
 */
const TOLERATED_OPTIONS = new Set(['parser', 'parserOptions', 'ecmaVersion', 'sourceType', 'globals']);

export const djangoSettingsLanguage: Language<{
  LangOptions: DjangoSettingsLanguageOptions;
  Code: PythonSourceCode;
  RootNode: Module;
  Node: PyNode;
}> = {
  fileType: 'text',
  lineStart: 1,
  columnStart: 0,
  nodeTypeKey: 'type',
  visitorKeys: VISITOR_KEYS as unknown as Record<string, string[]>,
  defaultLanguageOptions: {},

  validateLanguageOptions(options: DjangoSettingsLanguageOptions): void {
    const unknown = Object.keys(options ?? {}).filter((key) => !TOLERATED_OPTIONS.has(key));
    if (unknown.length > 0) throw new Error(`cors/django-settings takes no language options (got: ${unknown.join(', ')})`);
  },

  parse(file: File): ParseResult<Module> {
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    const result = parsePython(text);
    if (!result.ok) return { ok: false, errors: [result.error] };
    return { ok: true, ast: result.ast };
  },

  createSourceCode(file: File, input: OkParseResult<Module>): PythonSourceCode {
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    return new PythonSourceCode({ text, ast: input.ast });
  },
};
