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
const diagnostics = new LintHost()
  .lint(TEXT, 'server.ts', DEFAULTS)
  .messages.map((message) => toDiagnostic(message, document, DEFAULTS));
const byRule = (ruleId: string) => diagnostics.find((diagnostic) => diagnostic.code === ruleId)!;
const markdown = (line: number, character: number, from: readonly Diagnostic[] = diagnostics) =>
  (hoverFor(document, { line, character }, from)?.contents as MarkupContent | undefined)?.value;

describe('hoverFor', () => {
  it('adds what the message does not say: the browser effect and the documentation link', () => {
    const diagnostic = byRule('cors/valid-allow-origin');
    const { start } = diagnostic.range;
    expect(markdown(start.line, start.character + 3)).toBe(
      [
        '*Browsers block the response: the request fails.*',
        '',
        '[Documentation for cors/valid-allow-origin](https://github.com/eslint-plugin-cors/eslint-plugin-cors/blob/main/packages/eslint-plugin/docs/rules/valid-allow-origin.md)',
      ].join('\n'),
    );
  });

  // The editor shows the diagnostic message in the same hover: its text and console quotes appear once.
  it('repeats no part of the message the editor already shows', () => {
    for (const diagnostic of diagnostics) {
      const { start } = diagnostic.range;
      const value = markdown(start.line, start.character, [diagnostic])!;
      const message =
        typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
      for (const sentence of message.split(/(?<=\.) (?=[A-Z'`"])/))
        expect(value, sentence).not.toContain(sentence.slice(0, 40));
      expect(value).not.toMatch(/Chrome|Firefox/);
    }
  });

  it('says when the browser lets a security finding through', () => {
    const { start } = byRule('cors/no-null-origin').range;
    const value = markdown(start.line, start.character)!;
    expect(value).toContain(
      '*Browsers allow this, for an attacker’s page too: no console message shows it.*',
    );
    expect(value).not.toContain('Chrome:');
  });

  it('describes effects that are not a blocked request', () => {
    const { start } = byRule('cors/valid-header-values').range;
    expect(markdown(start.line, start.character)).toContain(
      '*Browsers send a preflight before every request.*',
    );
  });

  it('answers the whole range, both ends included, and nothing outside it', () => {
    const { range } = byRule('cors/valid-allow-origin');
    expect(hoverFor(document, range.start, diagnostics)?.range).toEqual(range);
    expect(hoverFor(document, range.end, diagnostics)?.range).toEqual(range);
    expect(
      hoverFor(
        document,
        { line: range.start.line, character: range.start.character - 1 },
        diagnostics,
      ),
    ).toBeNull();
    expect(hoverFor(document, { line: 0, character: 0 }, diagnostics)).toBeNull();
    expect(hoverFor(document, { line: 99, character: 0 }, diagnostics)).toBeNull();
  });

  it('shows every diagnostic at the position, narrowest range first, and ignores other sources', () => {
    const inner = byRule('cors/valid-allow-origin');
    const outer: Diagnostic = {
      ...byRule('cors/no-null-origin'),
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 60 } },
    };
    const foreign: Diagnostic = {
      ...inner,
      source: 'eslint',
      message: 'from elsewhere',
      code: 'other/rule',
    };
    const hover = hoverFor(document, inner.range.start, [outer, foreign, inner]);
    const value = (hover?.contents as MarkupContent).value;
    expect(hover?.range).toEqual(inner.range);
    expect(
      value.split('\n\n---\n\n').map((section) => /\[Documentation for (\S+)\]/.exec(section)?.[1]),
    ).toEqual(['cors/valid-allow-origin', 'cors/no-null-origin']);
    expect(value).not.toContain('other/rule');
  });

  it('escapes markdown in the rule name of a diagnostic without a documentation URL', () => {
    const diagnostic: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
      source: 'cors',
      code: 'cors/no_such*rule',
      message: 'Plain.',
      data: { version: 1, ruleId: 'cors/no_such*rule', messageId: 'no-such-message' },
    };
    expect(markdown(0, 1, [diagnostic])).toBeUndefined();
    const documented: Diagnostic = {
      ...diagnostic,
      codeDescription: { href: 'https://example.com/docs' },
    };
    expect(markdown(0, 1, [documented])).toBe(
      '[Documentation for cors/no\\_such\\*rule](https://example.com/docs)',
    );
  });

  it('copes with a diagnostic without data or a documentation URL', () => {
    const bare: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      source: 'cors',
      code: 'cors/no-such-rule',
      message: 'Plain.',
    };
    // Nothing to add to the message the editor shows: no hover of our own.
    expect(hoverFor(document, { line: 0, character: 0 }, [bare])).toBeNull();
  });
});
