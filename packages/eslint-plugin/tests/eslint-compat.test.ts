/**
 * The plugin supports ESLint 9 and 10 (peer range `^9 || ^10`). Every sample app is linted with
 * both majors' `Linter`, with every rule on, and both must report exactly the same things: the
 * same positions, messages, fixes and suggestions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { Linter as Linter10 } from 'eslint';
import { Linter as Linter9 } from 'eslint-v9';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const FIXTURES_DIR = fileURLToPath(new URL('../../../test-fixtures/', import.meta.url));
const SAMPLE = /\.[cm]?[jt]s$/;
const TOOLING = new Set(['eslint.config.js', 'run-demo.mjs']);

function samples(directory = FIXTURES_DIR): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return samples(full);
    return SAMPLE.test(entry.name) && !TOOLING.has(entry.name) && !entry.name.endsWith('.d.ts')
      ? [full]
      : [];
  });
}

interface AnyLinter {
  verify(
    text: string,
    config: unknown[],
    filename: string,
  ): {
    ruleId: string | null;
    line: number;
    column: number;
    endLine?: number;
    endColumn?: number;
    message: string;
    fix?: unknown;
    suggestions?: unknown[];
  }[];
}

function lint(linter: AnyLinter, file: string) {
  const text = fs.readFileSync(file, 'utf8');
  const config = {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    plugins: { cors: plugin },
    rules: plugin.configs.all[0].rules,
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: /\.c[jt]s$/.test(file) ? 'commonjs' : 'module',
      ...(/\.[cm]?ts$/.test(file) ? { parser: tsParser } : {}),
    },
  };
  return linter
    .verify(text, [config], file)
    .map(({ ruleId, line, column, endLine, endColumn, message, fix, suggestions }) => ({
      ruleId,
      line,
      column,
      endLine,
      endColumn,
      message,
      fix,
      suggestions,
    }));
}

describe('ESLint 9 and ESLint 10 report the same', () => {
  const eslint9 = new Linter9({ configType: 'flat' }) as unknown as AnyLinter;
  const eslint10 = new Linter10() as unknown as AnyLinter;

  it('are really two majors', () => {
    expect(Linter9.version.split('.')[0]).toBe('9');
    expect(Linter10.version.split('.')[0]).toBe('10');
  });

  const files = samples();
  it('has samples', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((file) => [path.relative(FIXTURES_DIR, file), file]))('%s', (_name, file) => {
    const fromTen = lint(eslint10, file);
    expect(fromTen.every((message) => message.ruleId?.startsWith('cors/'))).toBe(true);
    expect(lint(eslint9, file)).toEqual(fromTen);
  });
});
