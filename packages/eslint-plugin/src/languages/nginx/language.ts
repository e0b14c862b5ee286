/**
 * `cors/nginx`: nginx configuration files as an ESLint language (ESLint ≥ 9.7 `languages` API).
 * Pure JS and synchronous, so it also runs in the language server's bundle.
 */
import type { File, Language, OkParseResult, ParseResult } from '@eslint/core';
import type { Config, NginxNode } from './ast.js';
import { VISITOR_KEYS } from './ast.js';
import { emptyConfig, parseNginx } from './parse.js';
import { NginxSourceCode } from './source-code.js';

export type NginxLanguageOptions = Record<string, unknown>;

/**
 * Keys other tools put into `languageOptions` for every language (typescript-eslint's RuleTester adds
 * `parser` and `parserOptions`); accepted and ignored.
 */
const TOLERATED_OPTIONS = new Set(['parser', 'parserOptions', 'ecmaVersion', 'sourceType', 'globals']);

const textOf = (file: File) => (typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body));

export const nginxLanguage: Language<{
  LangOptions: NginxLanguageOptions;
  Code: NginxSourceCode;
  RootNode: Config;
  Node: NginxNode;
}> = {
  fileType: 'text',
  lineStart: 1,
  columnStart: 0,
  nodeTypeKey: 'type',
  visitorKeys: VISITOR_KEYS as unknown as Record<string, string[]>,
  defaultLanguageOptions: {},

  validateLanguageOptions(options: NginxLanguageOptions): void {
    const unknown = Object.keys(options ?? {}).filter((key) => !TOLERATED_OPTIONS.has(key));
    if (unknown.length > 0) throw new Error(`cors/nginx takes no language options (got: ${unknown.join(', ')})`);
  },

  /**
   * A file that fails to parse and reads no directive nginx knows is not nginx (`**\/*.conf` also
   * matches other programs' configs): it gets an empty tree, not a parsing error.
   */
  parse(file: File): ParseResult<Config> {
    const text = textOf(file);
    const result = parseNginx(text);
    if (result.ok) return { ok: true, ast: result.ast };
    if (result.knownDirectives === 0) return { ok: true, ast: emptyConfig(text) };
    return { ok: false, errors: [result.error] };
  },

  createSourceCode(file: File, input: OkParseResult<Config>): NginxSourceCode {
    return new NginxSourceCode({ text: textOf(file), ast: input.ast });
  },
};
