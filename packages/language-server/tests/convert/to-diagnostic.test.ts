import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { LintHost } from '../../src/engine/lint-host.js';
import type { DiagnosticData } from '../../src/convert/to-diagnostic.js';
import { readDiagnosticData, toDiagnostic } from '../../src/convert/to-diagnostic.js';
import { normalizeSettings } from '../../src/protocol/settings.js';
import { applyEdits, documentOf, lintMessage } from './helpers.js';

// The TypeScript parser loads on demand; these tests lint `.ts` text synchronously.
await new LintHost().prepare('server.ts');

const DEFAULTS = normalizeSettings({}).settings;
const DOCS =
  'https://github.com/eslint-plugin-cors/eslint-plugin-cors/blob/main/packages/eslint-plugin/docs/rules/valid-allow-origin.md';

const rangeOf = (text: string, fields: Parameters<typeof lintMessage>[0]) =>
  toDiagnostic(lintMessage(fields), documentOf(text), DEFAULTS).range;
const at = (line: number, character: number) => ({ line, character });

describe('toDiagnostic', () => {
  it('maps every field of a message', () => {
    const document = documentOf(
      'const a = 1;\nres.setHeader("Access-Control-Allow-Origin", "https://a.example/");\n',
      7,
    );
    const message = lintMessage({
      line: 2,
      column: 46,
      endLine: 2,
      endColumn: 66,
      fix: { range: [58, 78], text: '"https://a.example"' },
    });
    expect(toDiagnostic(message, document, DEFAULTS)).toEqual({
      range: { start: at(1, 45), end: at(1, 65) },
      severity: DiagnosticSeverity.Error,
      code: 'cors/valid-allow-origin',
      codeDescription: { href: DOCS },
      source: 'cors',
      message: 'Something is wrong. Chrome: "c" Firefox: "f"',
      data: {
        version: 7,
        ruleId: 'cors/valid-allow-origin',
        messageId: 'trailingSlash',
        fix: { range: [58, 78], text: '"https://a.example"' },
      } satisfies DiagnosticData,
    });
  });

  it('gives a message without an end a zero-width range at its start', () => {
    expect(rangeOf('abc\ndef', { line: 2, column: 2 })).toEqual({ start: at(1, 1), end: at(1, 1) });
  });

  it('maps severities: error, warning, and information where the settings say info', () => {
    const severity = (fields: Parameters<typeof lintMessage>[0], raw: unknown = {}) =>
      toDiagnostic(lintMessage(fields), documentOf('x'), normalizeSettings(raw).settings).severity;
    expect(severity({ severity: 2 })).toBe(DiagnosticSeverity.Error);
    expect(severity({ severity: 1 })).toBe(DiagnosticSeverity.Warning);
    expect(severity({ severity: 1 }, { rules: { 'valid-allow-origin': 'info' } })).toBe(
      DiagnosticSeverity.Information,
    );
    // An inline `/* eslint cors/valid-allow-origin: error */` outranks the settings.
    expect(severity({ severity: 2 }, { rules: { 'valid-allow-origin': 'info' } })).toBe(
      DiagnosticSeverity.Error,
    );
    expect(
      severity(
        { severity: 1, ruleId: 'cors/no-null-origin' },
        { rules: { 'valid-allow-origin': 'info' } },
      ),
    ).toBe(DiagnosticSeverity.Warning);
  });

  it('leaves out codeDescription for a rule the plugin does not have, or when the lookup knows no URL', () => {
    const unknown = toDiagnostic(
      lintMessage({ ruleId: 'cors/no-such-rule' }),
      documentOf('x'),
      DEFAULTS,
    );
    expect(unknown.code).toBe('cors/no-such-rule');
    expect(unknown).not.toHaveProperty('codeDescription');
    const custom = toDiagnostic(lintMessage({}), documentOf('x'), DEFAULTS, () => ({
      docsUrl: undefined,
      fixable: false,
      hasSuggestions: false,
    }));
    expect(custom).not.toHaveProperty('codeDescription');
  });

  it('carries suggestions and leaves out empty lists', () => {
    const suggestions = [
      {
        desc: 'Use a list',
        messageId: 'useOriginList',
        fix: { range: [0, 1] as [number, number], text: 'b' },
      },
    ];
    expect(toDiagnostic(lintMessage({ suggestions }), documentOf('a'), DEFAULTS).data).toEqual({
      version: 1,
      ruleId: 'cors/valid-allow-origin',
      messageId: 'trailingSlash',
      suggestions: [{ desc: 'Use a list', fix: { range: [0, 1], text: 'b' } }],
    });
    expect(
      toDiagnostic(lintMessage({ suggestions: [] }), documentOf('a'), DEFAULTS).data,
    ).not.toHaveProperty('suggestions');
  });
});

describe('toDiagnostic positions', () => {
  it('counts lines the same with CRLF, LF and lone CR', () => {
    for (const lineBreak of ['\n', '\r\n', '\r']) {
      const text = ['a', 'bb', '  ccc'].join(lineBreak);
      expect(rangeOf(text, { line: 3, column: 3, endLine: 3, endColumn: 6 })).toEqual({
        start: at(2, 2),
        end: at(2, 5),
      });
    }
  });

  it('counts a tab as one character, as both ESLint and LSP do', () => {
    expect(rangeOf('\t\tcors()', { line: 1, column: 3, endLine: 1, endColumn: 9 })).toEqual({
      start: at(0, 2),
      end: at(0, 8),
    });
  });

  it('counts UTF-16 code units, so an emoji before the range takes two', () => {
    expect(rangeOf("'😀'; cors()", { line: 1, column: 7, endLine: 1, endColumn: 13 })).toEqual({
      start: at(0, 6),
      end: at(0, 12),
    });
  });

  it('shifts the first line past a BOM, which ESLint does not count', () => {
    const text = '\uFEFFcors();\ncors();';
    expect(rangeOf(text, { line: 1, column: 1, endLine: 1, endColumn: 5 })).toEqual({
      start: at(0, 1),
      end: at(0, 5),
    });
    expect(rangeOf(text, { line: 2, column: 1, endLine: 2, endColumn: 5 })).toEqual({
      start: at(1, 0),
      end: at(1, 4),
    });
  });

  it("follows ESLint's line breaks at U+2028 and U+2029, which LSP does not break at", () => {
    const text = "const s = 'a\u2028b\u2029c'; cors();\nnext();";
    // ESLint: line 3 is `c'; cors();`; in the document it is the same line 0, after `\u2029`.
    expect(rangeOf(text, { line: 3, column: 5, endLine: 3, endColumn: 11 })).toEqual({
      start: at(0, 19),
      end: at(0, 25),
    });
    expect(rangeOf(text, { line: 4, column: 1 })).toEqual({ start: at(1, 0), end: at(1, 0) });
  });

  it('clamps positions outside the document instead of inventing lines', () => {
    const text = 'ab\ncd\n';
    expect(rangeOf(text, { line: 9, column: 1, endLine: 9, endColumn: 4 })).toEqual({
      start: at(2, 0),
      end: at(2, 0),
    });
    // A column past its line ends at that line's end, not on the next line.
    expect(rangeOf(text, { line: 1, column: 2, endLine: 1, endColumn: 99 })).toEqual({
      start: at(0, 1),
      end: at(0, 2),
    });
    expect(rangeOf('ab\r\ncd', { line: 1, column: 50 })).toEqual({
      start: at(0, 2),
      end: at(0, 2),
    });
  });

  it('treats NaN, zero, negative and fractional positions as the start', () => {
    expect(rangeOf('abc', { line: Number.NaN, column: Number.NaN, endLine: Number.NaN })).toEqual({
      start: at(0, 0),
      end: at(0, 0),
    });
    expect(rangeOf('abc', { line: 0, column: 0 })).toEqual({ start: at(0, 0), end: at(0, 0) });
    expect(
      rangeOf('abc', { line: -3, column: -1, endLine: 1, endColumn: Number.POSITIVE_INFINITY }),
    ).toEqual({ start: at(0, 0), end: at(0, 0) });
    expect(rangeOf('abc', { line: 1.5, column: 2.7, endLine: 1, endColumn: 3 })).toEqual({
      start: at(0, 1),
      end: at(0, 2),
    });
  });

  it('never ends a range before it starts', () => {
    expect(rangeOf('abcdef', { line: 1, column: 5, endLine: 1, endColumn: 2 })).toEqual({
      start: at(0, 4),
      end: at(0, 4),
    });
  });

  it('never cuts a surrogate pair: the start moves back, the end forward', () => {
    expect(rangeOf('a😀b', { line: 1, column: 3, endLine: 1, endColumn: 3 })).toEqual({
      start: at(0, 1),
      end: at(0, 3),
    });
  });

  it('drops fixes whose range does not fit the text', () => {
    const fixOf = (range: [number, number]) =>
      toDiagnostic(lintMessage({ fix: { range, text: 'x' } }), documentOf('abc'), DEFAULTS).data;
    expect(fixOf([0, 3])).toHaveProperty('fix');
    for (const range of [
      [0, 4],
      [2, 1],
      [-1, 1],
      [Number.NaN, 1],
      [0.5, 1],
    ] as [number, number][])
      expect(fixOf(range)).not.toHaveProperty('fix');
  });

  it('stores fix offsets in document terms, so they apply after a BOM', () => {
    const document = documentOf('\uFEFFabc');
    const { data } = toDiagnostic(
      lintMessage({ fix: { range: [1, 2], text: 'X' } }),
      document,
      DEFAULTS,
    );
    expect((data as DiagnosticData).fix).toEqual({ range: [2, 3], text: 'X' });
  });
});

describe('toDiagnostic on real lint results', () => {
  it('places ranges and fixes right in a file with a BOM, CRLF, tabs and an emoji', () => {
    const text =
      "\uFEFF// 😀 server\r\nimport cors from 'cors';\r\n\tapp.use(cors({ origin: 'https://App.example.com/', credentials: true }));\r\n";
    const document = documentOf(text);
    const [message] = new LintHost().lint(text, 'server.ts', DEFAULTS).messages;
    const diagnostic = toDiagnostic(message!, document, DEFAULTS);
    expect(document.getText(diagnostic.range)).toBe("'https://App.example.com/'");
    const fix = (diagnostic.data as DiagnosticData).fix!;
    const fixed = applyEdits(document, [
      {
        range: { start: document.positionAt(fix.range[0]), end: document.positionAt(fix.range[1]) },
        newText: fix.text,
      },
    ]);
    expect(fixed).toBe(new LintHost().fixAll(text, 'server.ts', DEFAULTS));
  });
});

describe('readDiagnosticData', () => {
  it('reads back what toDiagnostic wrote', () => {
    const data: DiagnosticData = {
      version: 3,
      ruleId: 'cors/a',
      messageId: 'm',
      fix: { range: [1, 2], text: 'x' },
      suggestions: [{ desc: 'd', fix: { range: [0, 0], text: '' } }],
    };
    expect(readDiagnosticData(JSON.parse(JSON.stringify(data)))).toEqual(data);
  });

  it('refuses data without a version or rule, and drops malformed fixes', () => {
    for (const value of [
      undefined,
      null,
      'x',
      3,
      [],
      {},
      { version: '1', ruleId: 'cors/a' },
      { version: 1 },
    ])
      expect(readDiagnosticData(value)).toBeUndefined();
    expect(
      readDiagnosticData({
        version: 1,
        ruleId: 'cors/a',
        fix: { range: [1], text: 'x' },
        suggestions: [null, { desc: 'd' }, { desc: 'ok', fix: { range: [0, 1], text: 'y' } }],
      }),
    ).toEqual({
      version: 1,
      ruleId: 'cors/a',
      suggestions: [{ desc: 'ok', fix: { range: [0, 1], text: 'y' } }],
    });
  });
});
