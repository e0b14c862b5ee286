import { describe, expect, it } from 'vitest';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver/node';
import { hoverFor } from '../../src/convert/hover.js';
import { toDiagnostic } from '../../src/convert/to-diagnostic.js';
import { LintHost } from '../../src/engine/lint-host.js';
import { normalizeSettings } from '../../src/protocol/settings.js';
import { documentOf } from './helpers.js';

// The TypeScript parser loads on demand; these tests lint `.ts` text synchronously.
await new LintHost().prepare('server.ts');

const DEFAULTS = normalizeSettings({}).settings;
const TEXT = [
  "import cors from 'cors';",
  "app.use(cors({ origin: 'https://App.example.com/' }));",
  "app.use(cors({ origin: 'null' }));",
  "res.setHeader('Access-Control-Max-Age', '-1');",
  '',
].join('\n');
const document = documentOf(TEXT);
const diagnostics = new LintHost().lint(TEXT, 'server.ts', DEFAULTS).messages.map((message) => toDiagnostic(message, document, DEFAULTS));
const byRule = (ruleId: string) => diagnostics.find((diagnostic) => diagnostic.code === ruleId)!;
const markdown = (line: number, character: number, from: readonly Diagnostic[] = diagnostics) => (hoverFor(document, { line, character }, from)?.contents as MarkupContent | undefined)?.value;

describe('hoverFor', () => {
  it('explains a browser-visible failure with both console messages and the documentation link', () => {
    const { start } = byRule('cors/valid-allow-origin').range;
    expect(markdown(start.line, start.character + 3)).toBe(
      [
        '**cors/valid-allow-origin**',
        '',
        "No page matches this origin: it ends with a slash, but a browser's Origin never does. Access-Control-Allow-Origin 'https://App.example.com/' matches no page ('https://app.example.com' would).",
        '',
        '*Browsers block the response: the request fails.*',
        '',
        "> **Chrome:** The 'Access-Control-Allow-Origin' header has a value 'https://App.example.com/' that is not equal to the supplied origin. Have the server send the header with a valid value.",
        '>',
        '> **Firefox:** CORS header ‘Access-Control-Allow-Origin’ does not match ‘https://App.example.com/’',
        '',
        '[Documentation for cors/valid-allow-origin](https://github.com/eslint-plugin-cors/eslint-plugin-cors/blob/main/packages/eslint-plugin/docs/rules/valid-allow-origin.md)',
      ].join('\n'),
    );
  });

  it('says when the browser lets a security finding through', () => {
    const { start } = byRule('cors/no-null-origin').range;
    const value = markdown(start.line, start.character)!;
    expect(value).toContain('*Browsers allow this, for an attacker’s page too: no console message shows it.*');
    expect(value).not.toContain('Chrome:');
  });

  it('describes effects that are not a blocked request', () => {
    const { start } = byRule('cors/valid-header-values').range;
    expect(markdown(start.line, start.character)).toContain('*Browsers send a preflight before every request.*');
  });

  it('answers the whole range, both ends included, and nothing outside it', () => {
    const { range } = byRule('cors/valid-allow-origin');
    expect(hoverFor(document, range.start, diagnostics)?.range).toEqual(range);
    expect(hoverFor(document, range.end, diagnostics)?.range).toEqual(range);
    expect(hoverFor(document, { line: range.start.line, character: range.start.character - 1 }, diagnostics)).toBeNull();
    expect(hoverFor(document, { line: 0, character: 0 }, diagnostics)).toBeNull();
    expect(hoverFor(document, { line: 99, character: 0 }, diagnostics)).toBeNull();
  });

  it('shows every diagnostic at the position, narrowest range first, and ignores other sources', () => {
    const inner = byRule('cors/valid-allow-origin');
    const outer: Diagnostic = { ...byRule('cors/no-null-origin'), range: { start: { line: 1, character: 0 }, end: { line: 1, character: 60 } } };
    const foreign: Diagnostic = { ...inner, source: 'eslint', message: 'from elsewhere' };
    const hover = hoverFor(document, inner.range.start, [outer, foreign, inner]);
    const value = (hover?.contents as MarkupContent).value;
    expect(hover?.range).toEqual(inner.range);
    expect(value.split('\n\n---\n\n').map((section) => section.split('\n')[0])).toEqual(['**cors/valid-allow-origin**', '**cors/no-null-origin**']);
    expect(value).not.toContain('from elsewhere');
  });

  it('escapes markdown in values but keeps the code spans of the message', () => {
    const diagnostic: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
      source: 'cors',
      code: 'cors/valid-allow-origin',
      message: 'Origin is \'*\' or *_[x](y)_* with `credentials: true`. Chrome: "a "*" b <script>" Firefox: "c"',
      data: { version: 1, ruleId: 'cors/valid-allow-origin', messageId: 'no-such-message' },
    };
    const value = markdown(0, 1, [diagnostic])!;
    expect(value).toContain("Origin is '\\*' or \\*\\_\\[x\\](y)\\_\\* with `credentials: true`.");
    expect(value).toContain('> **Chrome:** a "\\*" b \\<script\\>');
    expect(value).not.toContain('*Browsers');
  });

  it('copes with a diagnostic without data or a documentation URL', () => {
    const bare: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, source: 'cors', code: 'cors/no-such-rule', message: 'Plain.' };
    expect(markdown(0, 0, [bare])).toBe('**cors/no-such-rule**\n\nPlain.');
  });
});
