/**
 * Lints every sample app under `test-fixtures/` with all rules on, the way a project would, and
 * records what each file reports, what every suggestion does to it and what `--fix` makes of it.
 *
 * The snapshot (`__snapshots__/fixtures.test.ts.snap`) is the reviewable record; the hard facts
 * below fail on their own, without it: `clean-*` files report nothing, every other file reports
 * something, every rule is exercised, nothing crashes, and fixes leave code that parses and keeps
 * the file's encoding (BOM, CRLF).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { applyFix, BOM, configFor, listFixtures, relative } from './helpers/samples.js';

/**
 * `clean-*` files are the correct twins of the others: they must report nothing. So must every file of a
 * `project-*-clean/` sample, whose file names a framework fixes (a Next.js `route.ts`).
 */
const isClean = (file: string) =>
  path.basename(file).startsWith('clean-') ||
  /[\\/]test-fixtures[\\/]project-[^\\/]+-clean[\\/]/.test(file);

/** Parses only: no rules. */
function parseErrors(linter: Linter, text: string, file: string): string[] {
  const [config] = configFor(file);
  return (
    linter
      // A language from the plugin (Django settings) needs the plugin to be known.
      .verify(
        text,
        [{ ...config, plugins: 'language' in (config ?? {}) ? config!.plugins : {}, rules: {} }],
        { filename: file },
      )
      .filter((message) => message.fatal)
      .map((message) => `${message.line}:${message.column} ${message.message}`)
  );
}

/** Lines with their ending made visible, so a fix that breaks CRLF shows in the snapshot. */
function splitLines(text: string): string[] {
  return (text.startsWith(BOM) ? text.slice(1) : text)
    .split('\n')
    .map((line) => line.replace(/\r$/, '␍'));
}

/** A line diff (longest common subsequence) without context: `-n | old` and `+n | new`. */
function lineDiff(before: string, after: string): string[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const common: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] =
        a[i] === b[j]
          ? common[i + 1]![j + 1]! + 1
          : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < a.length && (j === b.length || common[i + 1]![j]! >= common[i]![j + 1]!)) {
      out.push(`-${i + 1} | ${a[i]}`);
      i++;
    } else {
      out.push(`+${j + 1} | ${b[j]}`);
      j++;
    }
  }
  return out;
}

interface FixtureResult {
  readonly messages: Linter.LintMessage[];
  readonly fixed: { output: string; fixed: boolean; remaining: Linter.LintMessage[] };
  readonly snapshot: string;
}

const linter = new Linter();

function lintFixture(file: string): FixtureResult {
  const text = fs.readFileSync(file, 'utf8');
  const config = configFor(file);
  const messages = linter.verify(text, config, { filename: file });
  const {
    output,
    fixed,
    messages: remaining,
  } = linter.verifyAndFix(text, config, { filename: file });

  const lines: string[] = [];
  for (const message of messages) {
    lines.push(
      `${message.line}:${message.column} ${message.ruleId ?? '(no rule)'} ${message.messageId ?? message.message}`,
    );
    if (message.fix)
      lines.push(
        '  fix:',
        ...lineDiff(text, applyFix(text, message.fix)).map((line) => `    ${line}`),
      );
    for (const suggestion of message.suggestions ?? []) {
      lines.push(
        `  suggestion ${suggestion.messageId ?? suggestion.desc}:`,
        ...lineDiff(text, applyFix(text, suggestion.fix)).map((line) => `    ${line}`),
      );
    }
  }
  if (messages.length === 0) lines.push('(no reports)');
  if (fixed) lines.push('--fix:', ...lineDiff(text, output).map((line) => `  ${line}`));
  return { messages, fixed: { output, fixed, remaining }, snapshot: lines.join('\n') };
}

const fixtures = listFixtures();
const results = new Map<string, FixtureResult>();
/** Linted on first use, so a rule that throws fails the tests of that file only. */
function resultOf(file: string): FixtureResult {
  let result = results.get(file);
  if (!result) {
    result = lintFixture(file);
    results.set(file, result);
  }
  return result;
}

describe('test-fixtures', () => {
  it('has samples to lint, both broken and clean', () => {
    expect(fixtures.filter(isClean).length).toBeGreaterThan(10);
    expect(fixtures.filter((file) => !isClean(file)).length).toBeGreaterThan(10);
  });

  it('keeps the encodings that catch off-by-one bugs (CRLF, BOM, tabs, multi-byte text, .ts, .mjs)', () => {
    const texts = fixtures.map((file) => fs.readFileSync(file, 'utf8'));
    expect(texts.some((text) => text.includes('\r\n'))).toBe(true);
    expect(texts.some((text) => text.startsWith(BOM))).toBe(true);
    expect(texts.some((text) => /^\t/m.test(text))).toBe(true);
    expect(texts.some((text) => /[^\u0000-\u007F]/.test(text))).toBe(true);
    expect(fixtures.some((file) => file.endsWith('.ts'))).toBe(true);
    expect(fixtures.some((file) => file.endsWith('.mjs'))).toBe(true);
  });

  describe.each(fixtures.map((file) => [relative(file), file] as const))('%s', (name, file) => {
    const original = fs.readFileSync(file, 'utf8');

    it('parses and does not crash a rule', () => {
      // A rule that throws makes `verify` throw; a parse error is a fatal message.
      expect(resultOf(file).messages.filter((message) => message.fatal)).toEqual([]);
    });

    it('matches the recorded reports, suggestions and fixes', () => {
      expect(resultOf(file).snapshot).toMatchSnapshot();
    });

    if (isClean(file)) {
      it('reports nothing (a clean sample)', () => {
        expect(
          resultOf(file).messages.map(
            (message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`,
          ),
        ).toEqual([]);
      });
    } else {
      it('reports at least one problem (a broken sample)', () => {
        expect(resultOf(file).messages.length).toBeGreaterThan(0);
      });
    }

    it('leaves code that parses, with no fixable problem left, after --fix', () => {
      const { output, remaining } = resultOf(file).fixed;
      expect(parseErrors(linter, output, file)).toEqual([]);
      expect(
        remaining
          .filter((message) => message.fix)
          .map((message) => `${message.line}:${message.column} ${message.ruleId}`),
      ).toEqual([]);
      expect(output.startsWith(BOM)).toBe(original.startsWith(BOM));
    });

    it('offers suggestions that each leave code that parses and keep the line endings', () => {
      const crlfOnly = original.includes('\r\n') && !/(?<!\r)\n/.test(original);
      const result = resultOf(file);
      for (const message of result.messages) {
        for (const edit of [
          message.fix,
          ...(message.suggestions ?? []).map((suggestion) => suggestion.fix),
        ]) {
          if (!edit) continue;
          const after = applyFix(original, edit);
          expect(
            parseErrors(linter, after, file),
            `${name} ${message.line}:${message.column} ${message.ruleId}`,
          ).toEqual([]);
          if (crlfOnly)
            expect(/(?<!\r)\n/.test(after), `${name}: a fix left a bare LF in a CRLF file`).toBe(
              false,
            );
        }
      }
      if (crlfOnly) expect(/(?<!\r)\n/.test(result.fixed.output)).toBe(false);
    });
  });

  // Last, so that it reads the results the per-file tests cached; alone (`-t`) it lints every
  // fixture itself, which takes longer than the default 5 s on a busy machine.
  it('exercises every rule of the plugin', () => {
    const reported = new Set<string | null>();
    for (const file of fixtures) {
      try {
        for (const message of resultOf(file).messages) reported.add(message.ruleId);
      } catch {
        // A crash fails that file's own tests.
      }
    }
    const missing = Object.keys(plugin.rules).filter((name) => !reported.has(`cors/${name}`));
    expect(missing).toEqual([]);
  }, 120_000);
});
