/**
 * ESLint's token list, as `@typescript-eslint/parser` makes it for TypeScript / TSX and espree for
 * JavaScript / JSX, built from oxc's AST: oxc gives no tokens. The AST says where every literal, template part, JSX
 * text and JSX name lies, so the lexer here never has to guess between a regular expression and a
 * division, or what a `>` in a type means; it only splits the rest into words and punctuators.
 */
import type { LineIndex, SourceLocation } from './line-index.js';

export type TokenType =
  | 'Boolean'
  | 'Identifier'
  | 'JSXIdentifier'
  | 'JSXText'
  | 'Keyword'
  | 'Null'
  | 'Numeric'
  | 'PrivateIdentifier'
  | 'Punctuator'
  | 'RegularExpression'
  | 'String'
  | 'Template';

export interface Token {
  type: TokenType;
  value: string;
  range: [number, number];
  loc: SourceLocation;
  regex?: { pattern: string; flags: string };
}

/** A token whose extent and type the AST fixes (literals, template parts, JSX text and names). */
export interface KnownToken {
  type: TokenType;
  end: number;
  /** Defaults to the source text of the token. */
  value?: string;
  regex?: { pattern: string; flags: string };
}

export interface TokenHints {
  /** By start offset. */
  known: Map<number, KnownToken>;
  /** Start offsets of `Identifier` nodes: a word there is a name even when it is a keyword (`a.default`). */
  identifierStarts: Set<number>;
  /**
   * Start offsets of binary and assignment operators that begin with `>`, with the operator.
   * TypeScript reads `>>` in `Array<Array<T>>` as two tokens and joins `>`s only where the parser
   * asked for an operator, so only these are joined.
   */
  greaterThanOperators: Map<number, string>;
}

/**
 * Whose token list to make. They differ only in words: both type a keyword used as a name
 * (`a.default`) `Identifier`, but espree types `let`, `static` and `yield` `Keyword` even there, has
 * fewer keywords (`interface`, `public`… are names), and gives a word's value with its escapes decoded.
 */
export type TokenDialect = 'typescript' | 'espree';

export interface CommentSpan {
  start: number;
  end: number;
}

/**
 * Words TypeScript types `Keyword` when they are not a name: ECMAScript's reserved words and the
 * strict-mode future reserved words. Contextual keywords (`as`, `async`, `of`, `type`, `satisfies`…)
 * are `Identifier` tokens, as in @typescript-eslint/parser.
 */
const KEYWORDS = new Set([
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'implements',
  'interface',
  'let',
  'package',
  'private',
  'protected',
  'public',
  'static',
  'yield',
]);

/** Longest first within each leading character, so the first match is the longest. */
const PUNCTUATORS = [
  '>>>=',
  '...',
  '===',
  '!==',
  '**=',
  '<<=',
  '>>=',
  '>>>',
  '&&=',
  '||=',
  '??=',
  '=>',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '??',
  '?.',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '<<',
  '>>',
  '**',
];

const IDENTIFIER_PART = /[\p{ID_Continue}$\u200c\u200d]/u;

function isAsciiWordChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f ||
    code === 0x24
  );
}

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** End of the word (identifier, keyword or stray number) starting at `start`, escapes included. */
function wordEnd(text: string, start: number): number {
  let index = start;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (isAsciiWordChar(code)) index++;
    else if (code === 0x5c /* \ */) index = escapeEnd(text, index);
    else if (code > 0x7f) {
      const char = String.fromCodePoint(text.codePointAt(index)!);
      if (!IDENTIFIER_PART.test(char)) break;
      index += char.length;
    } else break;
  }
  return index;
}

/** `\uXXXX` or `\u{X…}` in a name. */
function escapeEnd(text: string, backslash: number): number {
  if (text[backslash + 2] === '{') {
    const close = text.indexOf('}', backslash);
    return close === -1 ? text.length : close + 1;
  }
  return backslash + 6;
}

const isWhitespace = (code: number): boolean =>
  code === 0x20 ||
  code === 0x09 ||
  code === 0x0a ||
  code === 0x0d ||
  code === 0x0b ||
  code === 0x0c ||
  code === 0xa0 ||
  code === 0xfeff ||
  code === 0x2028 ||
  code === 0x2029 ||
  (code > 0x7f && /\s/.test(String.fromCharCode(code)));

function punctuatorAt(text: string, index: number, hints: TokenHints): string {
  const char = text[index]!;
  if (char === '>') return hints.greaterThanOperators.get(index) ?? '>';
  for (const punctuator of PUNCTUATORS) {
    if (text.startsWith(punctuator, index)) {
      // `a?.5:b` is a conditional with a number, not optional chaining.
      if (punctuator === '?.' && isDigit(text.charCodeAt(index + 2))) continue;
      return punctuator;
    }
  }
  return char;
}

/** acorn's keywords (ES2015 and later). acorn retypes one read as a name (`parseIdent`) as a name. */
const ESPREE_KEYWORDS = new Set([
  'break',
  'case',
  'catch',
  'continue',
  'debugger',
  'default',
  'do',
  'else',
  'finally',
  'for',
  'function',
  'if',
  'return',
  'switch',
  'throw',
  'try',
  'var',
  'while',
  'with',
  'instanceof',
  'typeof',
  'void',
  'delete',
  'new',
  'in',
  'this',
  'const',
  'class',
  'extends',
  'export',
  'import',
  'super',
]);
/** Names espree's token translator types `Keyword` wherever they stand. */
const ESPREE_KEYWORD_NAMES = new Set(['let', 'static', 'yield']);

function espreeWordType(word: string, isName: boolean): TokenType {
  if (ESPREE_KEYWORD_NAMES.has(word)) return 'Keyword';
  if (isName) return 'Identifier';
  if (word === 'true' || word === 'false') return 'Boolean';
  if (word === 'null') return 'Null';
  return ESPREE_KEYWORDS.has(word) ? 'Keyword' : 'Identifier';
}

/** `\u0061` and `\u{61}` in a name, decoded as acorn reads them. */
const decodeEscapes = (word: string): string =>
  word.replace(
    /\\u(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{4}))/g,
    (_escape, braced: string | undefined, plain: string | undefined) =>
      String.fromCodePoint(parseInt(braced ?? plain!, 16)),
  );

function wordType(word: string, isName: boolean): TokenType {
  if (isName || !KEYWORDS.has(word)) {
    if (!isName && (word === 'true' || word === 'false')) return 'Boolean';
    if (!isName && word === 'null') return 'Null';
    return 'Identifier';
  }
  return 'Keyword';
}

/** Tokens of `text`, skipping `comments` (sorted by offset). */
export function tokenize(
  text: string,
  comments: readonly CommentSpan[],
  hints: TokenHints,
  lines: LineIndex,
  dialect: TokenDialect = 'typescript',
): Token[] {
  const tokens: Token[] = [];
  const push = (
    type: TokenType,
    start: number,
    end: number,
    value = text.slice(start, end),
  ): Token => {
    const token: Token = { type, value, range: [start, end], loc: lines.location(start, end) };
    tokens.push(token);
    return token;
  };
  let nextComment = 0;
  let index = 0;
  while (index < text.length) {
    // Before white space: JSX text may start with some.
    const known = hints.known.get(index);
    if (known) {
      const token = push(known.type, index, known.end, known.value);
      if (known.regex) token.regex = known.regex;
      index = known.end;
      continue;
    }
    const code = text.charCodeAt(index);
    if (isWhitespace(code)) {
      index++;
      continue;
    }
    while (nextComment < comments.length && comments[nextComment]!.end <= index) nextComment++;
    const comment = comments[nextComment];
    if (comment && comment.start === index) {
      index = comment.end;
    } else if (
      isAsciiWordChar(code) ||
      code === 0x5c ||
      (code > 0x7f && IDENTIFIER_PART.test(String.fromCodePoint(text.codePointAt(index)!)))
    ) {
      const end = wordEnd(text, index);
      const word = text.slice(index, end);
      if (isDigit(code)) push('Numeric', index, end);
      else if (dialect === 'typescript')
        push(wordType(word, hints.identifierStarts.has(index)), index, end);
      else {
        const value = word.includes('\\') ? decodeEscapes(word) : word;
        push(espreeWordType(value, hints.identifierStarts.has(index)), index, end, value);
      }
      index = end;
    } else {
      const punctuator = punctuatorAt(text, index, hints);
      push('Punctuator', index, index + punctuator.length);
      index += punctuator.length;
    }
  }
  return tokens;
}
