/**
 * An ESLint language (ESLint ≥ 9.7 `languages` API) for a text format the plugin parses itself, in
 * pure JS and synchronously, so it also runs in the language server's bundle. A language gives what
 * differs (its name, visitor keys, parser and SourceCode); the rest is the same for every one.
 */
import type { File, Language, OkParseResult, ParseResult, SourceCode } from '@eslint/core';

export type TextLanguageOptions = Record<string, unknown>;

/**
 * Keys other tools put into `languageOptions` for every language (typescript-eslint's RuleTester adds
 * `parser` and `parserOptions`); accepted and ignored.
 */
const TOLERATED_OPTIONS = new Set([
  'parser',
  'parserOptions',
  'ecmaVersion',
  'sourceType',
  'globals',
]);

export interface TextLanguageSpec<Root, Code> {
  /** As configs write it (`cors/nginx`), for messages. */
  readonly name: string;
  readonly visitorKeys: Readonly<Record<string, readonly string[]>>;
  /** The file's text (BOM already removed by ESLint) → its tree, or the syntax errors ESLint shows. */
  parse(text: string): ParseResult<Root>;
  createSourceCode(text: string, ast: Root): Code;
}

const textOf = (file: File) =>
  typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);

export function defineTextLanguage<Root, Node, Code extends SourceCode>(
  spec: TextLanguageSpec<Root, Code>,
): Language<{ LangOptions: TextLanguageOptions; Code: Code; RootNode: Root; Node: Node }> {
  return {
    fileType: 'text',
    lineStart: 1,
    columnStart: 0,
    nodeTypeKey: 'type',
    visitorKeys: spec.visitorKeys as Record<string, string[]>,
    defaultLanguageOptions: {},

    validateLanguageOptions(options: TextLanguageOptions): void {
      const unknown = Object.keys(options ?? {}).filter((key) => !TOLERATED_OPTIONS.has(key));
      if (unknown.length > 0)
        throw new Error(`${spec.name} takes no language options (got: ${unknown.join(', ')})`);
    },

    parse(file: File): ParseResult<Root> {
      return spec.parse(textOf(file));
    },

    createSourceCode(file: File, input: OkParseResult<Root>): Code {
      return spec.createSourceCode(textOf(file), input.ast);
    },
  };
}
