/**
 * Python source → the CPython-shaped tree of `ast.ts`, through `@lezer/python` (pure JS, synchronous).
 * lezer recovers from every syntax error, so errors are found here: the first error node of the
 * tree, or a string literal that never closes (lezer takes `"abc` up to the line's end silently).
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';
import { LineIndex } from '../shared/line-index.js';
import type {
  Alias,
  Comment,
  Constant,
  Dict,
  ExceptHandler,
  Expression,
  FormattedValue,
  JoinedStr,
  Keyword,
  Module,
  OtherStatement,
  SourceLocation,
  Statement,
} from './ast.js';
import { decodeStringBody, readStringToken } from './strings.js';

export interface PythonSyntaxError {
  readonly message: string;
  /** 1-based line, 1-based UTF-16 column (what ESLint prints for a parse error). */
  readonly line: number;
  readonly column: number;
}

export type PythonParseResult =
  | { readonly ok: true; readonly ast: Module }
  | { readonly ok: false; readonly error: PythonSyntaxError };

/** Python ends a line at `\r\n`, `\n` or a lone `\r` (reference §2.1.2); nothing else. */
export const PYTHON_LINE_ENDING = /\r\n|[\r\n]/u;

const NOT_EXPRESSIONS = new Set([
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  ';',
  '.',
  '*',
  '**',
  'AssignOp',
  'UpdateOp',
  'Comment',
  'TypeDef',
  'ArithOp',
  'BitOp',
  'CompareOp',
  'LogicOp',
  'or',
  'and',
  'not',
  'in',
  'is',
  'if',
  'else',
  'for',
  'async',
  'as',
  'from',
  'import',
]);

export function parsePython(text: string): PythonParseResult {
  const tree = parser.parse(text);
  const lines = new LineIndex(text, PYTHON_LINE_ENDING);
  const error = firstSyntaxError(tree.topNode, text, lines);
  if (!error) {
    const converter = new Converter(text, lines);
    return {
      ok: true,
      ast: moduleOf(
        text,
        lines,
        converter.statements(tree.topNode),
        converter.comments(tree.topNode),
      ),
    };
  }
  // lezer (1.1.19) sometimes reports an error in valid code deep in long files: after long runs of
  // comment lines and blank lines (Django's own global_settings.py, DefectDojo's settings), or in a
  // plain statement 1,200 lines down (saleor's settings.py) that parses alone; and its grammar lacks
  // parenthesized `with` items (Python 3.10) and a bare `yield`. Two retries, each of which succeeds
  // only when lezer finds no error at all; otherwise the first error stands.
  return (
    parseWithoutCommentLines(text, tree.topNode, lines) ??
    parseInChunks(text, lines) ?? { ok: false, error }
  );
}

/** The module parsed without its comment-only lines, positions in `text`; undefined when that fails too. */
export function parseWithoutCommentLines(
  text: string,
  original: SyntaxNode = parser.parse(text).topNode,
  lines = new LineIndex(text, PYTHON_LINE_ENDING),
): PythonParseResult | undefined {
  const stripped = withoutCommentLines(text);
  if (stripped.text === text) return undefined;
  const retry = parser.parse(stripped.text);
  if (
    firstSyntaxError(retry.topNode, stripped.text, new LineIndex(stripped.text, PYTHON_LINE_ENDING))
  )
    return undefined;
  const statements = new Converter(stripped.text, lines, stripped.toOriginal).statements(
    retry.topNode,
  );
  // The comments are those of the file's own tree: the stripped text lacks the comment lines.
  const comments = new Converter(text, lines).comments(original);
  return { ok: true, ast: moduleOf(text, lines, statements, comments) };
}

/**
 * The module parsed one run of top-level statements at a time (see `topLevelChunks`), positions in
 * `text`; undefined when lezer finds an error in any chunk. A chunk that parses alone is a complete
 * run of statements ending at a line break, so chunks that all parse make a file that parses: a real
 * syntax error always leaves at least one chunk in error. A chunk in error is tried once more with
 * its parenthesized `with` items hidden and its bare `yield`s filled in (see
 * `withoutParenthesizedWithItems`, `withoutBareYields`).
 */
export function parseInChunks(
  text: string,
  lines = new LineIndex(text, PYTHON_LINE_ENDING),
): PythonParseResult | undefined {
  const starts = topLevelChunks(text);
  const statements: Statement[] = [];
  const comments: Comment[] = [];
  for (const [index, start] of starts.entries()) {
    let chunk = text.slice(start, starts[index + 1] ?? text.length);
    let tree = parser.parse(chunk);
    if (firstSyntaxError(tree.topNode, chunk, new LineIndex(chunk, PYTHON_LINE_ENDING))) {
      // Both rewrites keep every offset, so the first one's output is still read by the chunk's tree.
      const hidden = withoutBareYields(
        withoutParenthesizedWithItems(chunk, tree.topNode),
        tree.topNode,
      );
      if (hidden === chunk) return undefined;
      chunk = hidden;
      tree = parser.parse(chunk);
      if (firstSyntaxError(tree.topNode, chunk, new LineIndex(chunk, PYTHON_LINE_ENDING)))
        return undefined;
    }
    const converter = new Converter(chunk, lines, (offset) => offset + start);
    statements.push(...converter.statements(tree.topNode));
    comments.push(...converter.comments(tree.topNode));
  }
  return { ok: true, ast: moduleOf(text, lines, statements, comments) };
}

/**
 * `text` with the items of every parenthesized `with` header (`with (a as x, b):`, Python 3.10;
 * lezer 1.1.19's grammar lacks it) blanked out, `with (   ):`, same length, line breaks and comments
 * kept. The tree keeps only a `With` statement's body, so nothing it holds is lost. A header is
 * blanked only when its items, on one line without the parentheses (a form lezer reads), parse.
 */
export function withoutParenthesizedWithItems(
  text: string,
  tree: SyntaxNode = parser.parse(text).topNode,
): string {
  let out = text;
  for (const match of text.matchAll(/^([ \t]*(?:async[ \t]+)?with[ \t]*)\(/gmu)) {
    const open = match.index + match[1]!.length;
    if (tree.resolveInner(match.index + match[1]!.indexOf('with'), 1).name !== 'with') continue; // in a string
    const close = closingBracket(text, open);
    if (close === undefined || !/^[ \t]*:/u.test(text.slice(close + 1))) continue;
    const items = text.slice(open + 1, close);
    const comments = commentRanges(items);
    const code = (i: number) => !comments.some(([from, to]) => i >= from && i < to);
    const oneLine = items
      .split('')
      .map((char, i) => (!code(i) ? '' : char === '\n' || char === '\r' ? ' ' : char))
      .join('')
      .replace(/,\s*$/u, '');
    const check = `with ${oneLine}:\n    pass\n`;
    if (
      firstSyntaxError(parser.parse(check).topNode, check, new LineIndex(check, PYTHON_LINE_ENDING))
    )
      continue;
    const blank = items
      .split('')
      .map((char, i) => (!code(i) || char === '\n' || char === '\r' ? char : ' '))
      .join('');
    out = out.slice(0, open + 1) + blank + out.slice(close);
  }
  return out;
}

/**
 * `text` with every bare `yield` (no value: at a line's end, before a comment, `;` or a closing
 * bracket), which Python allows and @lezer/python 1.1.19 does not: it wants a value and runs the
 * error on into the next lines (`if …: yield` then `else:` is an error at the `else`). Each is written
 * `(...)`, same length, line breaks and comments kept. A yield is only valid in a function, and the
 * tree keeps a function's body only for the names it declares `global`, so an expression in its place
 * loses nothing. `tree` is the tree of a text with the same offsets (to tell code from strings).
 */
export function withoutBareYields(
  text: string,
  tree: SyntaxNode = parser.parse(text).topNode,
): string {
  return text.replace(
    /(?<![\p{L}\p{N}_])yield(?=[ \t]*(?:[#;)\]}\r\n]|$))/gu,
    (word: string, offset: number) =>
      tree.resolveInner(offset, 1).name === 'yield' ? '(...)' : word,
  );
}

/** Offset of the bracket that closes the one at `open`, skipping strings and comments. */
function closingBracket(text: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < text.length;) {
    const char = text[i]!;
    if (char === '"' || char === "'") i = stringEnd(text, i);
    else if (char === '#') i = commentEnd(text, i);
    else {
      if ('([{'.includes(char)) depth++;
      else if (')]}'.includes(char) && --depth === 0) return i;
      i++;
    }
  }
  return undefined;
}

/** [from, to) of each comment in `text`, a run of code inside brackets. */
function commentRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < text.length;) {
    if (text[i] === '"' || text[i] === "'") i = stringEnd(text, i);
    else if (text[i] === '#') {
      const end = commentEnd(text, i);
      ranges.push([i, end]);
      i = end;
    } else i++;
  }
  return ranges;
}

function commentEnd(text: string, hash: number): number {
  let i = hash;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Clause keywords that continue the compound statement above them at the same indentation. */
const CONTINUING_CLAUSE = /^(?:else|elif|except|finally)(?![\p{L}\p{N}_])/u;

/**
 * Offsets where a run of top-level statements starts: 0, then every line that starts at column 0
 * with neither a comment nor a clause keyword (`else`, `elif`, `except`, `finally`), outside
 * brackets, strings (triple-quoted ones included) and backslash continuations, and not right after
 * a decorator line (a decorator stays with its `def` or `class`). The scan only has to be right for
 * valid code: a wrong cut leaves a chunk that lezer rejects.
 */
export function topLevelChunks(text: string): number[] {
  const starts = [0];
  let depth = 0;
  let decorated = text.startsWith('@');
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '#') i = commentEnd(text, i);
    else if (char === '\\') {
      i += 2; // a continuation: the line break after it does not end the line
      if (text[i - 1] === '\r' && text[i] === '\n') i++;
    } else if (char === '"' || char === "'") {
      i = stringEnd(text, i);
    } else if ('([{'.includes(char)) {
      depth++;
      i++;
    } else if (')]}'.includes(char)) {
      depth--;
      i++;
    } else if (char === '\n' || char === '\r') {
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      if (depth !== 0 || i >= text.length || /[\s#]/u.test(text[i]!)) continue;
      const rest = text.slice(i, i + 9);
      if (!decorated && !CONTINUING_CLAUSE.test(rest)) starts.push(i);
      decorated = rest.startsWith('@');
    } else i++;
  }
  return starts;
}

/** The offset after the string literal whose opening quote is at `quoteAt`, or the line's end when it never closes. */
function stringEnd(text: string, quoteAt: number): number {
  const quote = text.startsWith(text[quoteAt]!.repeat(3), quoteAt)
    ? text[quoteAt]!.repeat(3)
    : text[quoteAt]!;
  let i = quoteAt + quote.length;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text.startsWith(quote, i)) return i + quote.length;
    else if (quote.length === 1 && (text[i] === '\n' || text[i] === '\r')) return i;
    else i++;
  }
  return i;
}

function moduleOf(text: string, lines: LineIndex, body: Statement[], comments: Comment[]): Module {
  return {
    type: 'Module',
    body,
    comments,
    range: [0, text.length],
    loc: lines.loc(0, text.length),
  };
}

/** `text` without the comments that stand alone on their line, and where each offset of the result was. */
function withoutCommentLines(text: string): {
  text: string;
  toOriginal: (offset: number) => number;
} {
  const cuts: { at: number; removedBefore: number }[] = [];
  let removed = 0;
  const out = text.replace(/^[ \t]*#[^\r\n]*/gm, (match, offset: number) => {
    removed += match.length;
    cuts.push({ at: offset + match.length - removed, removedBefore: removed });
    return '';
  });
  const toOriginal = (offset: number) => {
    // The last cut at or before `offset` says how much was removed before it.
    let low = 0;
    let high = cuts.length - 1;
    let shift = 0;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (cuts[mid]!.at <= offset) {
        shift = cuts[mid]!.removedBefore;
        low = mid + 1;
      } else high = mid - 1;
    }
    return offset + shift;
  };
  return { text: out, toOriginal };
}

function firstSyntaxError(
  top: SyntaxNode,
  text: string,
  lines: LineIndex,
): PythonSyntaxError | undefined {
  const cursor = top.cursor();
  let found: PythonSyntaxError | undefined;
  do {
    const { from } = cursor;
    if (cursor.type.isError) {
      const near = text.slice(from).match(/^\s*(\S{1,20})/)?.[1];
      const at = near ? from + text.slice(from).indexOf(near) : from;
      found = at0(lines, at, near ? `invalid syntax near '${near}'` : 'unexpected end of file');
    } else if (cursor.name === 'String' || cursor.name === 'FormatString') {
      if (!readStringToken(text.slice(from, cursor.to)).terminated)
        found = at0(lines, from, 'unterminated string literal');
    }
  } while (!found && cursor.next());
  return found;
}

function at0(lines: LineIndex, offset: number, message: string): PythonSyntaxError {
  const { line, column } = lines.position(offset);
  return { message, line, column: column + 1 };
}

class Converter {
  readonly #text: string;
  readonly #lines: LineIndex;

  readonly #toOriginal: (offset: number) => number;

  /** `toOriginal` maps offsets of `text` to those of the file, when `text` is the file without its comment lines or one chunk of it. */
  constructor(
    text: string,
    lines: LineIndex,
    toOriginal: (offset: number) => number = (offset) => offset,
  ) {
    this.#text = text;
    this.#lines = lines;
    this.#toOriginal = toOriginal;
  }

  /** The statements of a Script node. */
  statements(top: SyntaxNode): Statement[] {
    return this.#statements(top);
  }

  /** Every `#` comment of the tree, in source order. */
  comments(top: SyntaxNode): Comment[] {
    const comments: Comment[] = [];
    const cursor = top.cursor();
    do {
      if (cursor.name !== 'Comment') continue;
      comments.push({
        type: 'Comment',
        value: this.#text.slice(cursor.from + 1, cursor.to),
        ...this.#span(cursor.from, cursor.to),
      });
    } while (cursor.next());
    return comments;
  }

  #span(from: number, to: number): { range: [number, number]; loc: SourceLocation } {
    const start = this.#toOriginal(from);
    // An end is the offset after the last character: where a comment line was cut out just there,
    // the node ends before that line, not after it.
    const end = to > from ? this.#toOriginal(to - 1) + 1 : start;
    return { range: [start, end], loc: this.#lines.loc(start, end) };
  }

  #source(node: SyntaxNode): string {
    return this.#text.slice(node.from, node.to);
  }

  /** The statements directly inside a Script or Body node. */
  #statements(parent: SyntaxNode): Statement[] {
    const out: Statement[] = [];
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.name === 'StatementGroup') out.push(...this.#statements(child));
      else if (!NOT_EXPRESSIONS.has(child.name)) {
        const statement = this.#statement(child);
        if (statement) out.push(statement);
      }
    }
    return out;
  }

  #statement(node: SyntaxNode): Statement | undefined {
    const span = this.#span(node.from, node.to);
    switch (node.name) {
      case 'AssignStatement':
        return this.#assign(node);
      case 'UpdateStatement': {
        const parts = this.#segments(node, 'UpdateOp');
        const op = node.getChild('UpdateOp');
        return {
          type: 'AugAssign',
          target: this.#tupleOf(parts[0] ?? [], node),
          op: op ? this.#source(op).slice(0, -1) : '+',
          value: this.#tupleOf(parts[1] ?? [], node),
          ...span,
        };
      }
      case 'ExpressionStatement':
        return {
          type: 'Expr',
          value: this.#tupleOf(this.#expressionChildren(node), node),
          ...span,
        };
      case 'IfStatement':
        return this.#if(node);
      case 'ImportStatement':
        return this.#import(node);
      case 'TryStatement':
        return this.#try(node);
      case 'DecoratedStatement': {
        const inner = node.getChild('FunctionDefinition') ?? node.getChild('ClassDefinition');
        return inner ? this.#statement(inner) : undefined;
      }
      default:
        return this.#other(node);
    }
  }

  #other(node: SyntaxNode): OtherStatement {
    const KIND: Record<string, string> = {
      FunctionDefinition: 'FunctionDef',
      ClassDefinition: 'ClassDef',
      ForStatement: 'For',
      WhileStatement: 'While',
      WithStatement: 'With',
      MatchStatement: 'Match',
      ScopeStatement: 'Global',
    };
    const kind = KIND[node.name] ?? node.name.replace(/Statement$/, '');
    const body: Statement[] = [];
    const addBodies = (parent: SyntaxNode) => {
      for (let child = parent.firstChild; child; child = child.nextSibling) {
        if (child.name === 'Body') body.push(...this.#statements(child));
        else if (child.name === 'MatchBody' || child.name === 'MatchClause') addBodies(child);
      }
    };
    addBodies(node);
    const named =
      kind === 'FunctionDef' || kind === 'ClassDef' ? node.getChild('VariableName') : null;
    const names =
      kind === 'Global' ? node.getChildren('VariableName').map((n) => this.#source(n)) : [];
    return {
      type: 'OtherStatement',
      kind,
      name: named ? this.#source(named) : null,
      names,
      body,
      ...this.#span(node.from, node.to),
    };
  }

  #assign(node: SyntaxNode): Statement {
    const span = this.#span(node.from, node.to);
    const typeDef = node.getChild('TypeDef');
    const parts = this.#segments(node, 'AssignOp');
    if (typeDef) {
      const annotation = this.#expressionChildren(typeDef)[0];
      return {
        type: 'AnnAssign',
        target: this.#tupleOf(parts[0] ?? [], node),
        annotation: annotation ? this.#expression(annotation) : this.#unknown(typeDef),
        value: parts.length > 1 ? this.#tupleOf(parts[parts.length - 1]!, node) : null,
        ...span,
      };
    }
    const targets = parts.slice(0, -1).map((part) => this.#tupleOf(part, node));
    return {
      type: 'Assign',
      targets,
      value: this.#tupleOf(parts[parts.length - 1] ?? [], node),
      ...span,
    };
  }

  /** The expression children of `node`, split at every child named `separator`. */
  #segments(node: SyntaxNode, separator: string): SyntaxNode[][] {
    const parts: SyntaxNode[][] = [[]];
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.name === separator) parts.push([]);
      else if (child.name === ',') parts[parts.length - 1]!.push(child);
      else if (!NOT_EXPRESSIONS.has(child.name)) parts[parts.length - 1]!.push(child);
    }
    return parts;
  }

  /** One expression, or a parenthesis-less tuple when the part has commas (`a, b = 1, 2`). */
  #tupleOf(part: SyntaxNode[], owner: SyntaxNode): Expression {
    const items = part.filter((n) => n.name !== ',');
    const first = part[0];
    const last = part[part.length - 1];
    if (items.length === 1 && part.length === 1) return this.#expression(items[0]!);
    if (!first || !last) return this.#unknown(owner);
    return {
      type: 'Tuple',
      elts: items.map((n) => this.#expression(n)),
      ...this.#span(first.from, last.to),
    };
  }

  #expressionChildren(node: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling)
      if (!NOT_EXPRESSIONS.has(child.name)) out.push(child);
    return out;
  }

  #if(node: SyntaxNode): Statement {
    // if test Body (elif test Body)* (else Body)?
    const clauses: { keyword: SyntaxNode; test: SyntaxNode | null; body: SyntaxNode }[] = [];
    let keyword: SyntaxNode | null = null;
    let test: SyntaxNode | null = null;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.name === 'if' || child.name === 'elif' || child.name === 'else') {
        keyword = child;
        test = null;
      } else if (child.name === 'Body' && keyword) clauses.push({ keyword, test, body: child });
      else if (!NOT_EXPRESSIONS.has(child.name)) test = child;
    }
    const build = (index: number): Statement[] => {
      const clause = clauses[index];
      if (!clause) return [];
      if (clause.keyword.name === 'else') return this.#statements(clause.body);
      return [
        {
          type: 'If',
          test: clause.test ? this.#expression(clause.test) : this.#unknown(clause.keyword),
          body: this.#statements(clause.body),
          orelse: build(index + 1),
          ...this.#span(clause.keyword.from, node.to),
        },
      ];
    };
    return build(0)[0] ?? this.#other(node);
  }

  #import(node: SyntaxNode): Statement {
    const span = this.#span(node.from, node.to);
    const isFrom = node.firstChild?.name === 'from';
    let level = 0;
    let module: string | null = null;
    const names: Alias[] = [];
    let current: { from: number; to: number; name: string; asname: string | null } | undefined;
    let afterAs = false;
    let inNames = !isFrom;
    const flush = () => {
      if (current)
        names.push({
          type: 'alias',
          name: current.name,
          asname: current.asname,
          ...this.#span(current.from, current.to),
        });
      current = undefined;
    };
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const text = this.#source(child);
      if (child.name === 'from') continue;
      if (child.name === 'import') {
        inNames = true;
        continue;
      }
      if (!inNames) {
        if (child.name === '.') {
          if (module === null) level++;
          else module += '.';
        } else if (child.name === 'VariableName') module = (module ?? '') + text;
        continue;
      }
      if (child.name === ',') flush();
      else if (child.name === 'as') afterAs = true;
      else if (child.name === 'VariableName' || child.name === '*') {
        if (afterAs && current) {
          current.asname = text;
          current.to = child.to;
          afterAs = false;
        } else if (current && this.#text.slice(current.to, child.from).trim() === '.') {
          current.name += `.${text}`;
          current.to = child.to;
        } else {
          flush();
          current = { from: child.from, to: child.to, name: text, asname: null };
        }
      }
    }
    flush();
    return isFrom
      ? { type: 'ImportFrom', module, names, level, ...span }
      : { type: 'Import', names, ...span };
  }

  #try(node: SyntaxNode): Statement {
    let body: Statement[] = [];
    const handlers: ExceptHandler[] = [];
    let orelse: Statement[] = [];
    let finalbody: Statement[] = [];
    let keyword: SyntaxNode | null = null;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (['try', 'except', 'else', 'finally'].includes(child.name)) keyword = child;
      else if (child.name === 'Body' && keyword) {
        const statements = this.#statements(child);
        if (keyword.name === 'try') body = statements;
        else if (keyword.name === 'except')
          handlers.push({
            type: 'ExceptHandler',
            body: statements,
            ...this.#span(keyword.from, child.to),
          });
        else if (keyword.name === 'else') orelse = statements;
        else finalbody = statements;
      }
    }
    return { type: 'Try', body, handlers, orelse, finalbody, ...this.#span(node.from, node.to) };
  }

  #unknown(node: SyntaxNode): Expression {
    return { type: 'Unknown', kind: node.name, ...this.#span(node.from, node.to) };
  }

  #expression(node: SyntaxNode): Expression {
    const span = this.#span(node.from, node.to);
    switch (node.name) {
      case 'VariableName':
        return { type: 'Name', id: this.#source(node), ...span };
      case 'Number': {
        const text = this.#source(node).replace(/_/g, '');
        if (/[jJ]$/.test(text)) return { type: 'Constant', value: null, kind: 'complex', ...span };
        const isFloat = /^[0-9.]/.test(text) && /[.eE]/.test(text) && !/^0[xX]/.test(text);
        const value = isFloat
          ? Number(text)
          : Number(/^0\d/.test(text) ? text.replace(/^0+/, '') || '0' : text);
        return { type: 'Constant', value, kind: isFloat ? 'float' : 'int', ...span };
      }
      case 'Boolean':
        return { type: 'Constant', value: this.#source(node) === 'True', kind: 'bool', ...span };
      case 'None':
        return { type: 'Constant', value: null, kind: 'None', ...span };
      case 'Ellipsis':
        return { type: 'Constant', value: null, kind: 'ellipsis', ...span };
      case 'String':
      case 'FormatString':
      case 'ContinuedString':
        return this.#string(node);
      case 'ParenthesizedExpression': {
        const inner = this.#expressionChildren(node);
        return inner.length === 1 ? this.#expression(inner[0]!) : this.#unknown(node);
      }
      case 'ArrayExpression':
      case 'TupleExpression':
      case 'SetExpression': {
        const elts = this.#elements(node);
        const type =
          node.name === 'ArrayExpression'
            ? 'List'
            : node.name === 'TupleExpression'
              ? 'Tuple'
              : 'Set';
        return { type, elts, ...span };
      }
      case 'DictionaryExpression':
        return this.#dict(node);
      case 'MemberExpression':
        return this.#member(node);
      case 'CallExpression':
        return this.#call(node);
      case 'BinaryExpression':
        return this.#binary(node);
      case 'UnaryExpression': {
        const operand = this.#expressionChildren(node)[0];
        const op = node.firstChild ? this.#source(node.firstChild) : '';
        return operand
          ? { type: 'UnaryOp', op, operand: this.#expression(operand), ...span }
          : this.#unknown(node);
      }
      case 'ConditionalExpression': {
        const [body, test, orelse] = this.#expressionChildren(node);
        return body && test && orelse
          ? {
              type: 'IfExp',
              body: this.#expression(body),
              test: this.#expression(test),
              orelse: this.#expression(orelse),
              ...span,
            }
          : this.#unknown(node);
      }
      default:
        return this.#unknown(node);
    }
  }

  /** Elements of a list, tuple or set display; `*a` is `Starred`. */
  #elements(node: SyntaxNode): Expression[] {
    const elts: Expression[] = [];
    let star: SyntaxNode | null = null;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.name === '*') star = child;
      else if (!NOT_EXPRESSIONS.has(child.name)) {
        const value = this.#expression(child);
        elts.push(star ? { type: 'Starred', value, ...this.#span(star.from, child.to) } : value);
        star = null;
      }
    }
    return elts;
  }

  #dict(node: SyntaxNode): Dict {
    const keys: (Expression | null)[] = [];
    const values: Expression[] = [];
    let unpack = false;
    let pendingKey: Expression | null = null;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.name === '**') unpack = true;
      else if (NOT_EXPRESSIONS.has(child.name)) continue;
      else if (unpack) {
        keys.push(null);
        values.push(this.#expression(child));
        unpack = false;
      } else if (pendingKey) {
        keys.push(pendingKey);
        values.push(this.#expression(child));
        pendingKey = null;
      } else pendingKey = this.#expression(child);
    }
    return { type: 'Dict', keys, values, ...this.#span(node.from, node.to) };
  }

  #member(node: SyntaxNode): Expression {
    const span = this.#span(node.from, node.to);
    const object = node.firstChild;
    const property = node.getChild('PropertyName');
    if (!object) return this.#unknown(node);
    if (property)
      return {
        type: 'Attribute',
        value: this.#expression(object),
        attr: this.#source(property),
        ...span,
      };
    const inside = this.#expressionChildren(node).slice(1);
    const isSlice = node.getChildren(':').length > 0;
    const open = node.getChild('[');
    const close = node.getChild(']');
    const slice: Expression =
      isSlice || inside.length !== 1 || node.getChildren(',').length > 0
        ? {
            type: 'Unknown',
            kind: 'Slice',
            ...this.#span(open ? open.to : node.from, close ? close.from : node.to),
          }
        : this.#expression(inside[0]!);
    return { type: 'Subscript', value: this.#expression(object), slice, ...span };
  }

  #call(node: SyntaxNode): Expression {
    const func = node.firstChild;
    const argList = node.getChild('ArgList');
    if (!func || !argList) return this.#unknown(node);
    if (argList.getChild('for')) {
      // A generator argument, `f(x for x in y)`.
      return {
        type: 'Call',
        func: this.#expression(func),
        args: [this.#unknown(argList)],
        keywords: [],
        ...this.#span(node.from, node.to),
      };
    }
    const args: Expression[] = [];
    const keywords: Keyword[] = [];
    let item: SyntaxNode[] = [];
    const flush = () => {
      if (item.length === 0) return;
      const [head, second, third] = item;
      if (head!.name === '**' && second)
        keywords.push({
          type: 'keyword',
          arg: null,
          value: this.#expression(second),
          ...this.#span(head!.from, second.to),
        });
      else if (head!.name === '*' && second)
        args.push({
          type: 'Starred',
          value: this.#expression(second),
          ...this.#span(head!.from, second.to),
        });
      else if (head!.name === 'VariableName' && second?.name === 'AssignOp' && third)
        keywords.push({
          type: 'keyword',
          arg: this.#source(head!),
          value: this.#expression(third),
          ...this.#span(head!.from, third.to),
        });
      else args.push(this.#expression(head!));
      item = [];
    };
    for (let child = argList.firstChild; child; child = child.nextSibling) {
      if (child.name === ',') flush();
      else if (child.name !== '(' && child.name !== ')' && child.name !== 'Comment')
        item.push(child);
    }
    flush();
    return {
      type: 'Call',
      func: this.#expression(func),
      args,
      keywords,
      ...this.#span(node.from, node.to),
    };
  }

  #binary(node: SyntaxNode): Expression {
    const span = this.#span(node.from, node.to);
    const operands = this.#expressionChildren(node);
    const [left, right] = operands;
    if (!left || !right) return this.#unknown(node);
    const ops: string[] = [];
    for (let child = left.nextSibling; child && child.from < right.from; child = child.nextSibling)
      if (child.name !== 'Comment') ops.push(this.#source(child));
    const op = ops.join(' ');
    if (op === 'or' || op === 'and') {
      const l = this.#expression(left);
      const r = this.#expression(right);
      const values = [...(l.type === 'BoolOp' && l.op === op ? l.values : [l]), r];
      return { type: 'BoolOp', op, values, ...span };
    }
    if (['==', '!=', '<', '>', '<=', '>=', 'in', 'not in', 'is', 'is not', '<>'].includes(op)) {
      return {
        type: 'Compare',
        left: this.#expression(left),
        ops: [op],
        comparators: [this.#expression(right)],
        ...span,
      };
    }
    return {
      type: 'BinOp',
      left: this.#expression(left),
      op,
      right: this.#expression(right),
      ...span,
    };
  }

  /** A string literal, an f-string, or an implicit concatenation of them. */
  #string(node: SyntaxNode): Constant | JoinedStr {
    const pieces =
      node.name === 'ContinuedString'
        ? node
            .getChildren('String')
            .concat(node.getChildren('FormatString'))
            .sort((a, b) => a.from - b.from)
        : [node];
    const span = this.#span(node.from, node.to);
    const values: (Constant | FormattedValue)[] = [];
    let bytes = false;
    let known = true;
    // Where the last text value starts in `this.#text` (its `range` is already in the file's offsets).
    let lastTextFrom = 0;
    const pushText = (value: string | null, from: number, to: number) => {
      if (value === null) known = false;
      const last = values[values.length - 1];
      if (last && last.type === 'Constant' && typeof last.value === 'string' && value !== null) {
        values[values.length - 1] = {
          ...last,
          value: last.value + value,
          ...this.#span(lastTextFrom, to),
        };
      } else {
        values.push({ type: 'Constant', value, kind: 'str', ...this.#span(from, to) });
        lastTextFrom = from;
      }
    };
    for (const piece of pieces) {
      const token = readStringToken(this.#source(piece));
      bytes ||= token.bytes;
      const bodyFrom = piece.from + token.bodyStart;
      if (!token.format) {
        pushText(decodeStringBody(token.body, token.raw, token.bytes), piece.from, piece.to);
        continue;
      }
      let cursor = bodyFrom;
      const literal = (to: number) => {
        if (to <= cursor) return;
        const raw = this.#text.slice(cursor, to).replace(/\{\{/g, '{').replace(/\}\}/g, '}');
        pushText(decodeStringBody(raw, token.raw, false), cursor, to);
      };
      for (const replacement of piece.getChildren('FormatReplacement')) {
        literal(replacement.from);
        const inner = this.#expressionChildren(replacement).find(
          (n) =>
            n.name !== 'FormatSpec' && n.name !== 'FormatConversion' && n.name !== 'FormatSelfDoc',
        );
        values.push({
          type: 'FormattedValue',
          value: inner ? this.#expression(inner) : this.#unknown(replacement),
          ...this.#span(replacement.from, replacement.to),
        });
        cursor = replacement.to;
      }
      literal(piece.to - token.quote.length);
    }
    if (values.every((v) => v.type === 'Constant')) {
      const value = known ? values.map((v) => (v as Constant).value as string).join('') : null;
      return { type: 'Constant', value, kind: bytes ? 'bytes' : 'str', ...span };
    }
    return { type: 'JoinedStr', values, ...span } satisfies JoinedStr;
  }
}
