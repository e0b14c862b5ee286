import { describe, expect, it } from 'vitest';
import type { Expression, Module, PyNode, Statement } from '../../../src/languages/django-settings/ast.js';
import { parsePython, parseWithoutCommentLines } from '../../../src/languages/django-settings/parse.js';

function parse(text: string): Module {
  const result = parsePython(text);
  if (!result.ok) throw new Error(`unexpected syntax error: ${result.error.message}`);
  return result.ast;
}

/** A node as CPython's `ast.dump` would show its shape: type and the fields that matter, no positions. */
function shape(node: PyNode | null): unknown {
  if (!node) return null;
  const { range: _range, loc: _loc, ...rest } = node as PyNode & Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, Array.isArray(value) ? value.map((item) => (item && typeof item === 'object' ? shape(item as PyNode) : item)) : value && typeof value === 'object' ? shape(value as PyNode) : value]),
  );
}

function firstValue(text: string): Expression {
  const statement = parse(text).body[0] as Statement;
  if (statement.type !== 'Assign') throw new Error(`not an assignment: ${statement.type}`);
  return statement.value;
}

describe('parsePython: CPython-shaped nodes', () => {
  it('folds implicit concatenation and decodes escapes', () => {
    expect(shape(firstValue(`X = "a\\n" 'b' r"\\d"`))).toEqual({ type: 'Constant', value: 'a\nb\\d', kind: 'str' });
    expect(shape(firstValue(`X = b"\\x41"`))).toEqual({ type: 'Constant', value: 'A', kind: 'bytes' });
    expect(shape(firstValue(`X = """a\nb"""`))).toEqual({ type: 'Constant', value: 'a\nb', kind: 'str' });
  });

  it('reads f-strings as JoinedStr with FormattedValue', () => {
    expect(shape(firstValue(`X = rf"^{HOST}\\.x{{1}}$" "!"`))).toEqual({
      type: 'JoinedStr',
      values: [
        { type: 'Constant', value: '^', kind: 'str' },
        { type: 'FormattedValue', value: { type: 'Name', id: 'HOST' } },
        { type: 'Constant', value: '\\.x{1}$!', kind: 'str' },
      ],
    });
  });

  it('reads calls with keywords, attributes, subscripts and operators', () => {
    expect(shape(firstValue(`X = os.environ.get("K", default=[1]) + Y["a"]`))).toEqual({
      type: 'BinOp',
      op: '+',
      left: {
        type: 'Call',
        func: { type: 'Attribute', attr: 'get', value: { type: 'Attribute', attr: 'environ', value: { type: 'Name', id: 'os' } } },
        args: [{ type: 'Constant', value: 'K', kind: 'str' }],
        keywords: [{ type: 'keyword', arg: 'default', value: { type: 'List', elts: [{ type: 'Constant', value: 1, kind: 'int' }] } }],
      },
      right: { type: 'Subscript', value: { type: 'Name', id: 'Y' }, slice: { type: 'Constant', value: 'a', kind: 'str' } },
    });
    expect(shape(firstValue(`X = a or b and c`))).toMatchObject({ type: 'BoolOp', op: 'or', values: [{ id: 'a' }, { type: 'BoolOp', op: 'and' }] });
    // lezer reads `not a or b` as `not (a or b)` (CPython: `(not a) or b`); settings values do not depend on it.
    expect(shape(firstValue(`X = a if b else (1, 2)`))).toMatchObject({ type: 'IfExp', orelse: { type: 'Tuple' } });
  });

  it('reads statements: assignment forms, if/elif/else, imports, try', () => {
    const module = parse(
      [
        'A = B = 1',
        'C, D = 1, 2',
        'E: list = []',
        'M += ["x"]',
        'M.insert(0, "y")',
        'if DEBUG:',
        '    F = 1',
        'elif X:',
        '    F = 2',
        'else:',
        '    F = 3',
        'from ..base import *',
        'import os.path as p, re',
        'try:',
        '    from .local import *',
        'except ImportError:',
        '    pass',
        'def f():',
        '    global G',
        '    G = 1',
      ].join('\n'),
    );
    const types = module.body.map((statement) => statement.type);
    expect(types).toEqual(['Assign', 'Assign', 'AnnAssign', 'AugAssign', 'Expr', 'If', 'ImportFrom', 'Import', 'Try', 'OtherStatement']);
    expect(shape(module.body[0]!)).toMatchObject({ targets: [{ id: 'A' }, { id: 'B' }] });
    expect(shape(module.body[1]!)).toMatchObject({ targets: [{ type: 'Tuple', elts: [{ id: 'C' }, { id: 'D' }] }], value: { type: 'Tuple' } });
    const ifStatement = module.body[5]!;
    expect(shape(ifStatement)).toMatchObject({ test: { id: 'DEBUG' }, orelse: [{ type: 'If', test: { id: 'X' }, orelse: [{ type: 'Assign' }] }] });
    expect(shape(module.body[6]!)).toEqual({ type: 'ImportFrom', module: 'base', level: 2, names: [{ type: 'alias', name: '*', asname: null }] });
    expect(shape(module.body[7]!)).toEqual({
      type: 'Import',
      names: [
        { type: 'alias', name: 'os.path', asname: 'p' },
        { type: 'alias', name: 're', asname: null },
      ],
    });
    expect(shape(module.body[9]!)).toMatchObject({ kind: 'FunctionDef', name: 'f', body: [{ kind: 'Global', names: ['G'] }, { type: 'Assign' }] });
  });

  it('gives UTF-16 columns after non-ASCII text, and keeps comments aside', () => {
    const module = parse('# é😀\nX = "é😀"  # after\nY = 1\n');
    const [x, y] = module.body;
    expect(x!.loc).toEqual({ start: { line: 2, column: 0 }, end: { line: 2, column: 9 } });
    expect(y!.range).toEqual([25, 30]);
    expect(module.comments.map((comment) => [comment.value, comment.loc.start])).toEqual([
      [' é😀', { line: 1, column: 0 }],
      [' after', { line: 2, column: 11 }],
    ]);
  });
});

describe('parsePython: syntax errors', () => {
  it.each([
    ['X = [\n', 2, 1, 'unexpected end of file'],
    ['X = "abc\nY = 1\n', 1, 5, 'unterminated string literal'],
    ["X = 'it\\'\n", 1, 5, 'unterminated string literal'],
    ['X = = 1\n', 1, 5, "invalid syntax near '='"],
  ])('%j → one error at %i:%i', (text, line, column, message) => {
    expect(parsePython(text)).toEqual({ ok: false, error: { line, column, message } });
  });

  it('accepts valid code that a naive string check would not (escaped backslash before the quote)', () => {
    expect(parsePython('X = "a\\\\"\n').ok).toBe(true);
  });
});

describe('parseWithoutCommentLines (the fallback for lezer errors after long comment runs)', () => {
  it('gives the same tree, with positions in the original text, and keeps every comment', () => {
    const text = '# one\nA = [\n    # inside\n    "x",  # after\n]\n\n  # indented\nB = f"{A}é"\n';
    const direct = parsePython(text);
    const fallback = parseWithoutCommentLines(text);
    expect(direct.ok && fallback?.ok).toBe(true);
    if (!direct.ok || !fallback?.ok) return;
    expect(fallback.ast).toEqual(direct.ast);
  });

  it('is not used for text without comment lines', () => {
    expect(parseWithoutCommentLines('A = 1\n')).toBeUndefined();
  });
});
