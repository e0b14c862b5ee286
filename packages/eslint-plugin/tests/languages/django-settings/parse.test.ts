import { parser as lezerParser } from '@lezer/python';
import { describe, expect, it } from 'vitest';
import type {
  Expression,
  Module,
  PyNode,
  Statement,
} from '../../../src/languages/django-settings/ast.js';
import {
  parseInChunks,
  parsePython,
  parseWithoutCommentLines,
  topLevelChunks,
  withoutBareYields,
  withoutParenthesizedWithItems,
} from '../../../src/languages/django-settings/parse.js';

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
    Object.entries(rest).map(([key, value]) => [
      key,
      Array.isArray(value)
        ? value.map((item) => (item && typeof item === 'object' ? shape(item as PyNode) : item))
        : value && typeof value === 'object'
          ? shape(value as PyNode)
          : value,
    ]),
  );
}

function firstValue(text: string): Expression {
  const statement = parse(text).body[0] as Statement;
  if (statement.type !== 'Assign') throw new Error(`not an assignment: ${statement.type}`);
  return statement.value;
}

describe('parsePython: CPython-shaped nodes', () => {
  it('folds implicit concatenation and decodes escapes', () => {
    expect(shape(firstValue(`X = "a\\n" 'b' r"\\d"`))).toEqual({
      type: 'Constant',
      value: 'a\nb\\d',
      kind: 'str',
    });
    expect(shape(firstValue(`X = b"\\x41"`))).toEqual({
      type: 'Constant',
      value: 'A',
      kind: 'bytes',
    });
    expect(shape(firstValue(`X = """a\nb"""`))).toEqual({
      type: 'Constant',
      value: 'a\nb',
      kind: 'str',
    });
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
        func: {
          type: 'Attribute',
          attr: 'get',
          value: { type: 'Attribute', attr: 'environ', value: { type: 'Name', id: 'os' } },
        },
        args: [{ type: 'Constant', value: 'K', kind: 'str' }],
        keywords: [
          {
            type: 'keyword',
            arg: 'default',
            value: { type: 'List', elts: [{ type: 'Constant', value: 1, kind: 'int' }] },
          },
        ],
      },
      right: {
        type: 'Subscript',
        value: { type: 'Name', id: 'Y' },
        slice: { type: 'Constant', value: 'a', kind: 'str' },
      },
    });
    expect(shape(firstValue(`X = a or b and c`))).toMatchObject({
      type: 'BoolOp',
      op: 'or',
      values: [{ id: 'a' }, { type: 'BoolOp', op: 'and' }],
    });
    // lezer reads `not a or b` as `not (a or b)` (CPython: `(not a) or b`); settings values do not depend on it.
    expect(shape(firstValue(`X = a if b else (1, 2)`))).toMatchObject({
      type: 'IfExp',
      orelse: { type: 'Tuple' },
    });
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
    expect(types).toEqual([
      'Assign',
      'Assign',
      'AnnAssign',
      'AugAssign',
      'Expr',
      'If',
      'ImportFrom',
      'Import',
      'Try',
      'OtherStatement',
    ]);
    expect(shape(module.body[0]!)).toMatchObject({ targets: [{ id: 'A' }, { id: 'B' }] });
    expect(shape(module.body[1]!)).toMatchObject({
      targets: [{ type: 'Tuple', elts: [{ id: 'C' }, { id: 'D' }] }],
      value: { type: 'Tuple' },
    });
    const ifStatement = module.body[5]!;
    expect(shape(ifStatement)).toMatchObject({
      test: { id: 'DEBUG' },
      orelse: [{ type: 'If', test: { id: 'X' }, orelse: [{ type: 'Assign' }] }],
    });
    expect(shape(module.body[6]!)).toEqual({
      type: 'ImportFrom',
      module: 'base',
      level: 2,
      names: [{ type: 'alias', name: '*', asname: null }],
    });
    expect(shape(module.body[7]!)).toEqual({
      type: 'Import',
      names: [
        { type: 'alias', name: 'os.path', asname: 'p' },
        { type: 'alias', name: 're', asname: null },
      ],
    });
    expect(shape(module.body[9]!)).toMatchObject({
      kind: 'FunctionDef',
      name: 'f',
      body: [{ kind: 'Global', names: ['G'] }, { type: 'Assign' }],
    });
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
    const text =
      '# one\nA = [\n    # inside\n    "x",  # after\n]\n\n  # indented\nB = f"{A}é"\nC = f"{A}x" "y"\n';
    const direct = parsePython(text);
    const fallback = parseWithoutCommentLines(text);
    expect(direct.ok && fallback?.ok).toBe(true);
    if (!direct.ok || !fallback?.ok) return;
    expect(fallback.ast).toEqual(direct.ast);
  });

  it('ends a block before the comment line that was cut out after it, as the direct parse does', () => {
    const text = 'if A:\n    B = 1\n    # last\n\n# next\nC = 2\n';
    const direct = parsePython(text);
    const fallback = parseWithoutCommentLines(text);
    expect(direct.ok && fallback?.ok).toBe(true);
    if (!direct.ok || !fallback?.ok) return;
    expect(fallback.ast).toEqual(direct.ast);
    expect(fallback.ast.body[0]!.loc.end).toEqual({ line: 3, column: 0 });
  });

  it('is not used for text without comment lines', () => {
    expect(parseWithoutCommentLines('A = 1\n')).toBeUndefined();
  });
});

describe('parseInChunks (the fallback for lezer errors in valid code deep in long files)', () => {
  /** 1-based lines where each chunk starts. */
  function chunkLines(text: string): number[] {
    return topLevelChunks(text).map((offset) => text.slice(0, offset).split(/\r\n|[\r\n]/u).length);
  }

  const MODULE = [
    '"""Settings.', // 1
    'DEBUG = True   (a docstring line that looks like a statement)', // 2
    '"""', // 3
    'import os', // 4
    '# a comment at column 0', // 5
    '@decorator', // 6
    '@other(', // 7
    'x=1)', // 8
    'def f():', // 9
    '    return 1', // 10
    'if os.environ.get("X"):', // 11
    '    A = [', // 12
    '"at column 0 inside brackets",', // 13
    ']', // 14
    '# a comment between the clauses', // 15
    'elif B:', // 16
    '    A = 2', // 17
    'else:', // 18
    '    A = 3', // 19
    'try:', // 20
    '    from .local import *', // 21
    'except ImportError:', // 22
    '    pass', // 23
    'finally:', // 24
    '    pass', // 25
    "C = '''", // 26
    'D = 1', // 27
    "'''  # after a triple-quoted string", // 28
    'E = 1 + \\', // 29
    '2', // 30
    'F = f"{A}x" "y"  # two pieces', // 31
    'G = "a \\" # not a comment"', // 32
    'class K:', // 33
    '    H = 1', // 34
    '', // 35
    '', // 36
    'for i in []:', // 37
    '    pass', // 38
    'else:', // 39
    '    pass', // 40
    'Z = {"é😀": 1}', // 41
    '',
  ].join('\n');

  it('cuts only between top-level statements, keeping decorators and clauses with their statement', () => {
    expect(chunkLines(MODULE)).toEqual([1, 4, 6, 11, 20, 26, 29, 31, 32, 33, 37, 41]);
  });

  it.each([
    ['LF', MODULE],
    ['CRLF', MODULE.replace(/\n/g, '\r\n')],
    ['CR', MODULE.replace(/\n/g, '\r')],
  ])(
    'gives the same tree as the whole-module parse, positions and comments included (%s)',
    (_name, text) => {
      const direct = parsePython(text);
      const chunked = parseInChunks(text);
      expect(direct.ok).toBe(true);
      expect(chunked?.ok).toBe(true);
      if (!direct.ok || !chunked?.ok) return;
      expect(chunked.ast).toEqual(direct.ast);
      expect(chunked.ast.comments.map((comment) => comment.loc.start.line)).toEqual([
        5, 15, 28, 31,
      ]);
    },
  );

  it.each([
    [
      'an error in a middle chunk',
      'A = 1\nB = (1,\n     2 3)\nC = 3\n',
      3,
      8,
      "invalid syntax near '3)'",
    ],
    ['a bracket that never closes', 'A = 1\nB = [\nC = 3\n', 3, 3, "invalid syntax near '='"],
    [
      'an unterminated triple-quoted string',
      'A = 1\nB = """\nC = 3\n',
      2,
      5,
      'unterminated string literal',
    ],
    [
      'an else with no statement to continue',
      'A = 1\nelse:\n    pass\nC = 3\n',
      2,
      1,
      "invalid syntax near 'else:'",
    ],
    ['a decorator on an assignment', 'A = 1\n@decorator\nB = 2\n', 3, 1, "invalid syntax near 'B'"],
  ])(
    'still reports a real syntax error once, where the whole-module parse puts it: %s',
    (_name, text, line, column, message) => {
      expect(parseInChunks(text)).toBeUndefined();
      expect(parsePython(text)).toEqual({ ok: false, error: { line, column, message } });
    },
  );

  it('keeps a module of one compound statement in one chunk', () => {
    expect(topLevelChunks('if A:\n    B = 1\nelse:\n    B = 2\n')).toEqual([0]);
    expect(topLevelChunks('@decorator\ndef f():\n    pass\n')).toEqual([0]);
  });

  it('reads a long valid module that lezer 1.1.19 puts an error in', () => {
    // 2,000 statements of three kinds (60 KB): lezer reports an error near offset 38,000, in a
    // `def` that parses alone; saleor's settings.py meets the same bug at line 1277.
    const kinds = [
      (i: number) => `X${i} = os.environ.get("K", None)\n`,
      () => '\n',
      (i: number) => `def f${i}():\n    return [x.strip() for x in y if x]\n\n\n`,
      (i: number) => `Y${i} = {\n    "a": {"b": [1]},\n}\n`,
    ];
    const pieces = Array.from({ length: 2000 }, (_, i) => kinds[i % 4]!(i));
    const text = pieces.join('');
    let lezerError = false;
    lezerParser
      .parse(text)
      .iterate({ enter: (node) => void (node.type.isError && (lezerError = true)) });
    // When a lezer release fixes this, the test no longer drives the fallback: find another trigger.
    expect(lezerError).toBe(true);
    const result = parsePython(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const expectedStarts: number[] = [];
    let line = 1;
    for (const piece of pieces) {
      if (piece !== '\n') expectedStarts.push(line);
      line += piece.split('\n').length - 1;
    }
    expect(result.ast.body.map((statement) => statement.loc.start.line)).toEqual(expectedStarts);
    expect(shape(result.ast.body[1499]!)).toEqual(
      shape(parse('Y1999 = {\n    "a": {"b": [1]},\n}\n').body[0]!),
    );
  });
});

describe('parenthesized with items (Python 3.10), which lezer 1.1.19 does not read', () => {
  const TEXT = [
    'import os', // 1
    'def test():', // 2
    '    with (', // 3
    '        patch("a") as first,  # é comment', // 4
    '        patch(', // 5
    '            "b"', // 6
    '        ) as second,', // 7
    '    ):', // 8
    '        X = 1', // 9
    'async def g():', // 10
    '    async with (a() as x, b()):', // 11
    '        pass', // 12
    '',
  ].join('\n');

  it('reads the with statement and its body; only the header items are blanked, same length', () => {
    const hidden = withoutParenthesizedWithItems(TEXT);
    expect(hidden.length).toBe(TEXT.length);
    expect(hidden.split('\n').slice(2, 8)).toEqual([
      '    with (',
      `${' '.repeat(30)}# é comment`,
      ' '.repeat(14),
      ' '.repeat(15),
      ' '.repeat(20),
      '    ):',
    ]);
    expect(hidden.split('\n')[10]).toBe(`    async with (${' '.repeat('a() as x, b()'.length)}):`);
    const result = parsePython(TEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [, test, g] = result.ast.body;
    expect(shape(test!)).toEqual({
      type: 'OtherStatement',
      kind: 'FunctionDef',
      name: 'test',
      names: [],
      body: [
        {
          type: 'OtherStatement',
          kind: 'With',
          name: null,
          names: [],
          body: [shape(parse('X = 1').body[0]!)],
        },
      ],
    });
    const withStatement = test?.type === 'OtherStatement' ? test.body[0] : undefined;
    expect(withStatement?.type === 'OtherStatement' && withStatement.body[0]?.loc).toEqual({
      start: { line: 9, column: 8 },
      end: { line: 9, column: 13 },
    });
    expect(shape(g!)).toMatchObject({
      kind: 'FunctionDef',
      name: 'g',
      body: [{ kind: 'With', body: [{ kind: 'Pass' }] }],
    });
    expect(result.ast.comments.map((comment) => [comment.value, comment.loc.start])).toEqual([
      [' é comment', { line: 4, column: 30 }],
    ]);
  });

  it.each([
    [
      'an item that is not an expression',
      'with (a as x, as):\n    pass\n',
      1,
      9,
      "invalid syntax near 'as'",
    ],
    [
      'a header without its colon',
      'A = 1\nwith (a as x, b)\n    pass\n',
      2,
      9,
      "invalid syntax near 'as'",
    ],
  ])(
    'leaves a real syntax error in the header in place: %s',
    (_name, text, line, column, message) => {
      expect(withoutParenthesizedWithItems(text)).toBe(text);
      expect(parsePython(text)).toEqual({ ok: false, error: { line, column, message } });
    },
  );

  it('leaves text in strings alone', () => {
    const text = 'X = """\nwith (a as x, b):\n"""\nwith (a as x, b):\n    pass\n';
    expect(withoutParenthesizedWithItems(text)).toBe(
      'X = """\nwith (a as x, b):\n"""\nwith (         ):\n    pass\n',
    );
    const result = parsePython(text);
    expect(result.ok && shape(result.ast.body[0]!)).toEqual(
      shape(parse('X = "\\nwith (a as x, b):\\n"').body[0]!),
    );
  });
});

describe('a bare yield, which lezer 1.1.19 does not end at its line break', () => {
  // The shape of drf_spectacular/settings.py (vendored in a real Django repository of the corpus):
  // lezer reads the `yield` as wanting a value and reports an error at the `else` below it.
  const TEXT = [
    'from contextlib import contextmanager', // 1
    'CORS_ALLOW_ALL_ORIGINS = True', // 2
    '@contextmanager', // 3
    'def patched(patches):', // 4
    '    if not patches:', // 5
    '        yield', // 6
    '    else:', // 7
    '        try:', // 8
    '            received = yield  # é the sent value', // 9
    '            print((yield), "yield")', // 10
    '        finally:', // 11
    '            yield from cleanup()', // 12
    'CORS_ALLOW_CREDENTIALS = True', // 13
    '',
  ].join('\n');

  it('is an error for lezer alone (the bug this works around)', () => {
    let error = false;
    lezerParser.parse(TEXT).iterate({
      enter: (node) => {
        if (node.type.isError) error = true;
      },
    });
    expect(error).toBe(true);
  });

  it('is written `(...)`, same length, in code only; a yield with a value is kept', () => {
    const filled = withoutBareYields(TEXT);
    expect(filled.length).toBe(TEXT.length);
    expect(filled.split('\n').slice(5, 12)).toEqual([
      '        (...)',
      '    else:',
      '        try:',
      '            received = (...)  # é the sent value',
      '            print(((...)), "yield")',
      '        finally:',
      '            yield from cleanup()',
    ]);
  });

  it('parses the module, with the statements around the function and their positions', () => {
    const result = parsePython(TEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [, allowAll, patched, credentials] = result.ast.body;
    expect(shape(allowAll!)).toEqual(shape(parse('CORS_ALLOW_ALL_ORIGINS = True').body[0]!));
    expect(patched).toMatchObject({ type: 'OtherStatement', kind: 'FunctionDef', name: 'patched' });
    expect(credentials?.loc).toEqual({
      start: { line: 13, column: 0 },
      end: { line: 13, column: 29 },
    });
    // Every position is the one lezer gives the filled text, which it reads directly (same length).
    const direct = parse(withoutBareYields(TEXT));
    expect(result.ast.body.map((statement) => statement.range)).toEqual(
      direct.body.map((statement) => statement.range),
    );
    expect(patched?.loc.start).toEqual({ line: 4, column: 0 });
    expect(result.ast.comments.map((comment) => [comment.value, comment.loc.start])).toEqual([
      [' é the sent value', { line: 9, column: 30 }],
    ]);
  });

  it('leaves a real syntax error next to a bare yield in place', () => {
    const text = 'def f():\n    yield\n    x = = 1\n';
    expect(parsePython(text)).toMatchObject({ ok: false, error: { line: 3 } });
  });
});
