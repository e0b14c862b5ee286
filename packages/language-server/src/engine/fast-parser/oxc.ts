/** What the fast parsers share: the part of oxc-parser they use, and ESLint's parser interface. */
import type { Linter } from 'eslint';

/** The part of oxc-parser this uses (the package is optional at run time, see `loadFastParsers`). */
export interface OxcParser {
  parseSync(
    filename: string,
    source: string,
    options: {
      lang: 'js' | 'jsx' | 'ts' | 'tsx';
      sourceType: 'module' | 'script' | 'commonjs';
      astType: 'js' | 'ts';
      range: true;
      preserveParens: false;
      showSemanticErrors: boolean;
    },
  ): { program: unknown; comments: OxcComment[]; errors: unknown[] };
}

export interface OxcComment {
  type: 'Line' | 'Block';
  value: string;
  start: number;
  end: number;
}

/** What ESLint's `Linter` passes a parser (languages/js: `ecmaVersion`, `sourceType`, the config's `parserOptions`). */
export interface ParserOptions {
  ecmaVersion?: number | 'latest';
  sourceType?: string;
  ecmaFeatures?: { jsx?: boolean; globalReturn?: boolean; impliedStrict?: boolean };
  [key: string]: unknown;
}

export type ParseForESLint = NonNullable<
  Extract<Linter.Parser, { parseForESLint: unknown }>['parseForESLint']
>;
export type ParseResult = ReturnType<ParseForESLint>;

export interface FastParserOptions {
  oxc: OxcParser;
  /** Parses what oxc rejects (or what the fast parser cannot match), so errors read as before. */
  fallback: () => Linter.Parser;
}

export function parseWithFallback(
  parser: Linter.Parser,
  code: string,
  options: ParserOptions,
): ParseResult {
  if ('parseForESLint' in parser && parser.parseForESLint)
    return parser.parseForESLint(code, options);
  return {
    ast: (parser as { parse: (code: string, options: unknown) => ParseResult['ast'] }).parse(
      code,
      options,
    ),
  };
}

export const commentsOf = (
  comments: readonly OxcComment[],
  location: (start: number, end: number) => unknown,
) =>
  comments.map(({ type, value, start, end }) => ({
    type,
    value,
    range: [start, end] as [number, number],
    loc: location(start, end),
  }));
