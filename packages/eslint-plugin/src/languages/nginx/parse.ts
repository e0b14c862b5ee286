/**
 * Reads an nginx configuration the way nginx does (`ngx_conf_read_token` and `ngx_conf_parse`,
 * nginx 1.22), with a position for every word. The rules it mirrors, each checked against
 * `nginx -t` (design note §B.1):
 * - space, tab, CR and LF separate words; `;` ends a directive, `{` opens a block, `}` closes one;
 * - `#` starts a comment only where a word could start (`a#b` is one word);
 * - a word may be quoted with `"` or `'`; the closing quote must be followed by space, `;`, `{` or
 *   `)`, and `)` then starts a new word (`if ($x = 'OPTIONS')` is `($x`, `=`, `OPTIONS`, `)`);
 * - `\` keeps the next character in the word; in the value, `\"`, `\'`, `\\` lose the backslash and
 *   `\t`, `\r`, `\n` become the control character, every other pair is kept as written;
 * - `${` continues a word (`${http_origin}x`), while `{` anywhere else ends it, so a regex with `{2}`
 *   must be quoted.
 * openresty's `*_by_lua_block { … }` hold Lua, which nginx hands to the Lua module's own reader; they
 * are kept as opaque blocks.
 */
import { LineIndex } from '../shared/line-index.js';
import type { Block, Comment, Config, Directive, Word } from './ast.js';

export interface NginxSyntaxError {
  readonly message: string;
  /** 1-based, as ESLint shows it. */
  readonly line: number;
  /** 1-based, in UTF-16 units, as ESLint shows it. */
  readonly column: number;
}

export type NginxParseResult =
  | { readonly ok: true; readonly ast: Config }
  /** `directives`: how many directives nginx would know were read before the error, for sniffing. */
  | { readonly ok: false; readonly error: NginxSyntaxError; readonly knownDirectives: number };

/** Directives common enough that a file using one with `;` or `{` is taken for nginx. */
const KNOWN_DIRECTIVES = new Set([
  'access_log',
  'add_header',
  'alias',
  'client_max_body_size',
  'default_type',
  'error_log',
  'error_page',
  'events',
  'expires',
  'fastcgi_param',
  'fastcgi_pass',
  'gzip',
  'http',
  'if',
  'include',
  'index',
  'keepalive_timeout',
  'limit_except',
  'listen',
  'load_module',
  'location',
  'map',
  'more_clear_headers',
  'more_set_headers',
  'pid',
  'proxy_hide_header',
  'proxy_pass',
  'proxy_set_header',
  'resolver',
  'return',
  'rewrite',
  'root',
  'sendfile',
  'server',
  'server_name',
  'set',
  'ssl_certificate',
  'ssl_certificate_key',
  'stream',
  'try_files',
  'types',
  'upstream',
  'user',
  'uwsgi_pass',
  'worker_connections',
  'worker_processes',
]);

const OPAQUE_BLOCK = /_by_lua_block$|^lua_block$/;

type Token =
  | { readonly kind: 'word'; readonly word: Word }
  | { readonly kind: ';' | '{' | '}'; readonly offset: number }
  | { readonly kind: 'opaque'; readonly open: number; readonly close: number };

class SyntaxFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** nginx ends a line at LF only; a CR before it belongs to the line break, a lone CR is a space. */
export const NGINX_LINE_ENDING = /\r?\n/u;

const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';

/** A word's value as nginx stores it: quotes already removed, escapes applied. */
export function unescapeWord(inner: string): string {
  if (!inner.includes('\\')) return inner;
  let value = '';
  for (let index = 0; index < inner.length; index++) {
    const ch = inner[index]!;
    if (ch === '\\' && index + 1 < inner.length) {
      const next = inner[index + 1]!;
      if (next === '"' || next === "'" || next === '\\') {
        value += next;
        index++;
        continue;
      }
      const control = next === 't' ? '\t' : next === 'r' ? '\r' : next === 'n' ? '\n' : undefined;
      if (control) {
        value += control;
        index++;
        continue;
      }
    }
    value += ch;
  }
  return value;
}

function tokenize(
  text: string,
  lines: LineIndex,
  seen: { knownDirectives: number },
): { tokens: Token[]; comments: Comment[] } {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  const length = text.length;
  let position = 0;
  let lastSpace = true;
  let needSpace = false;
  let quoted = false;
  let doubleQuoted = false;
  let singleQuoted = false;
  let variable = false;
  let start = 0;
  /** Words of the directive being read, and its name, since the last `;`, `{` or `}`. */
  let wordCount = 0;
  let firstWord = '';

  const pushWord = (end: number, quote: Word['quote']) => {
    const raw = text.slice(start, end);
    const value = unescapeWord(quote ? raw.slice(1, -1) : raw);
    tokens.push({
      kind: 'word',
      word: { type: 'Word', value, raw, quote, range: [start, end], loc: lines.loc(start, end) },
    });
    if (wordCount === 0) firstWord = value;
    wordCount++;
  };
  const endStatement = (kind: ';' | '{' | '}', offset: number) => {
    if (kind !== '}' && KNOWN_DIRECTIVES.has(firstWord)) seen.knownDirectives++;
    if (kind === '{' && OPAQUE_BLOCK.test(firstWord)) {
      const close = skipLua(text, offset + 1);
      tokens.push({ kind: 'opaque', open: offset, close });
      position = close + 1;
    } else {
      tokens.push({ kind, offset });
    }
    wordCount = 0;
    firstWord = '';
  };

  while (position < length) {
    const at = position;
    const ch = text[position++]!;
    if (quoted) {
      quoted = false;
      continue;
    }
    if (needSpace) {
      needSpace = false;
      if (isSpace(ch)) {
        lastSpace = true;
        continue;
      }
      if (ch === ';' || ch === '{') {
        lastSpace = true;
        endStatement(ch, at);
        continue;
      }
      if (ch !== ')') throw new SyntaxFailure(`unexpected "${ch}"`, at);
      lastSpace = true;
    }
    if (lastSpace) {
      if (isSpace(ch)) continue;
      start = at;
      switch (ch) {
        case ';':
        case '{':
          if (wordCount === 0) throw new SyntaxFailure(`unexpected "${ch}"`, at);
          endStatement(ch, at);
          continue;
        case '}':
          if (wordCount !== 0) throw new SyntaxFailure('unexpected "}"', at);
          endStatement(ch, at);
          continue;
        case '#': {
          let end = text.indexOf('\n', at);
          if (end === -1) end = length;
          if (text[end - 1] === '\r' && end - 1 > at) end--;
          comments.push({
            type: 'Comment',
            value: text.slice(at + 1, end),
            range: [at, end],
            loc: lines.loc(at, end),
          });
          position = end;
          continue;
        }
        case '\\':
          quoted = true;
          break;
        case '"':
          doubleQuoted = true;
          break;
        case "'":
          singleQuoted = true;
          break;
        case '$':
          variable = true;
          break;
        default:
          break;
      }
      lastSpace = false;
      continue;
    }
    if (ch === '{' && variable) continue;
    variable = false;
    if (ch === '\\') {
      quoted = true;
      continue;
    }
    if (ch === '$') {
      variable = true;
      continue;
    }
    if (doubleQuoted || singleQuoted) {
      if ((doubleQuoted && ch === '"') || (singleQuoted && ch === "'")) {
        pushWord(at + 1, doubleQuoted ? '"' : "'");
        doubleQuoted = singleQuoted = false;
        needSpace = true;
      }
      continue;
    }
    if (isSpace(ch) || ch === ';' || ch === '{') {
      pushWord(at, null);
      lastSpace = true;
      if (ch === ';' || ch === '{') endStatement(ch, at);
    }
  }
  if (doubleQuoted || singleQuoted)
    throw new SyntaxFailure(
      `unexpected end of file, expecting closing ${doubleQuoted ? '"' : "'"}`,
      length,
    );
  if (wordCount > 0 || !lastSpace)
    throw new SyntaxFailure('unexpected end of file, expecting ";" or "}"', length);
  return { tokens, comments };
}

/** The offset of the `}` closing a Lua block body starting at `from`: braces outside strings and comments. */
function skipLua(text: string, from: number): number {
  let depth = 1;
  for (let index = from; index < text.length; index++) {
    const ch = text[index]!;
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return index;
    } else if (ch === '"' || ch === "'") {
      for (index++; index < text.length && text[index] !== ch; index++)
        if (text[index] === '\\') index++;
    } else if (ch === '[' && /^\[=*\[/.test(text.slice(index, index + 20))) {
      const open = /^\[(=*)\[/.exec(text.slice(index, index + 20))!;
      const close = text.indexOf(`]${open[1]}]`, index + open[0].length);
      if (close === -1) break;
      index = close + open[1]!.length + 1;
    } else if (ch === '-' && text[index + 1] === '-') {
      const long = /^--\[(=*)\[/.exec(text.slice(index, index + 20));
      const end = long ? text.indexOf(`]${long[1]}]`, index) : text.indexOf('\n', index);
      if (end === -1) break;
      index = long ? end + long[1]!.length + 1 : end;
    }
  }
  throw new SyntaxFailure('unexpected end of file, expecting "}"', text.length);
}

interface Frame {
  readonly body: Directive[];
  readonly header: Word[];
  readonly open: number;
}

function directive(words: Word[], block: Block | null, end: number, lines: LineIndex): Directive {
  const [name, ...args] = words as [Word, ...Word[]];
  return {
    type: 'Directive',
    name,
    args,
    block,
    range: [name.range[0], end],
    loc: lines.loc(name.range[0], end),
  };
}

export function parseNginx(text: string): NginxParseResult {
  const lines = new LineIndex(text, NGINX_LINE_ENDING);
  const frames: Frame[] = [{ body: [], header: [], open: -1 }];
  const seen = { knownDirectives: 0 };
  try {
    const { tokens, comments } = tokenize(text, lines, seen);
    let words: Word[] = [];
    for (const token of tokens) {
      const body = frames.at(-1)!.body;
      switch (token.kind) {
        case 'word':
          words.push(token.word);
          break;
        case ';':
          body.push(directive(words, null, token.offset + 1, lines));
          words = [];
          break;
        case '{':
          frames.push({ body: [], header: words, open: token.offset });
          words = [];
          break;
        case 'opaque': {
          const range: [number, number] = [token.open, token.close + 1];
          body.push(
            directive(
              words,
              { type: 'Block', body: [], opaque: true, range, loc: lines.loc(...range) },
              range[1],
              lines,
            ),
          );
          words = [];
          break;
        }
        case '}': {
          if (frames.length === 1) throw new SyntaxFailure('unexpected "}"', token.offset);
          const frame = frames.pop()!;
          const range: [number, number] = [frame.open, token.offset + 1];
          const block: Block = {
            type: 'Block',
            body: frame.body,
            opaque: false,
            range,
            loc: lines.loc(...range),
          };
          frames.at(-1)!.body.push(directive(frame.header, block, range[1], lines));
          break;
        }
      }
    }
    if (frames.length > 1)
      throw new SyntaxFailure('unexpected end of file, expecting "}"', text.length);
    return {
      ok: true,
      ast: {
        type: 'Config',
        body: frames[0]!.body,
        comments,
        nginx: true,
        range: [0, text.length],
        loc: lines.loc(0, text.length),
      },
    };
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    const { line, column } = lines.position(error.offset);
    return {
      ok: false,
      error: { message: error.message, line, column: column + 1 },
      knownDirectives: seen.knownDirectives,
    };
  }
}

/** The tree of a file that is not nginx: nothing to lint. */
export function emptyConfig(text: string): Config {
  const lines = new LineIndex(text, NGINX_LINE_ENDING);
  return {
    type: 'Config',
    body: [],
    comments: [],
    nginx: false,
    range: [0, text.length],
    loc: lines.loc(0, text.length),
  };
}
