/**
 * Reads another project file as a rule would: ESLint's Linter parses it (AST with parents, scopes)
 * and hands `visit` a real rule context, so the index uses the same extraction as the lint
 * (`getCorsContext`). The run's parser is tried first; a TypeScript file it cannot parse is tried
 * again with `@typescript-eslint/parser` from the project, when the project has it. Nothing of the
 * parse is kept: `visit` returns plain data.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import type { Linter } from 'eslint';
import { linterClass } from '../utils/extract/values/imports.js';

type Context = TSESLint.RuleContext<string, readonly unknown[]>;

const TYPESCRIPT = /\.[cm]?tsx?$/;

export function withFileContext<T>(
  file: string,
  text: string,
  root: string,
  parser: unknown,
  settings: unknown,
  visit: (context: Context) => T,
): T | undefined {
  const first = runOnce(file, text, parser, settings, visit);
  if (first.ok || !TYPESCRIPT.test(file)) return first.value;
  const typescript = typescriptParser(root);
  return typescript && typescript !== parser
    ? runOnce(file, text, typescript, settings, visit).value
    : undefined;
}

function runOnce<T>(
  file: string,
  text: string,
  parser: unknown,
  settings: unknown,
  visit: (context: Context) => T,
): { ok: boolean; value?: T } {
  let value: T | undefined;
  const capture = {
    create(context: Context) {
      value = visit(context);
      return {};
    },
  };
  const linter = new (linterClass())({ cwd: path.dirname(file) });
  const messages = linter.verify(
    text,
    [
      {
        // A universal pattern (`**/*`) alone makes no file lintable in flat config: name the extensions.
        files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
        languageOptions: {
          ecmaVersion: 'latest',
          sourceType: projectSourceType(file),
          parserOptions: { ecmaFeatures: { jsx: true } },
          ...(parser ? { parser: parser as Linter.Parser } : {}),
        },
        settings: (settings ?? {}) as Record<string, unknown>,
        plugins: { project: { rules: { capture: capture as never } } },
        rules: { 'project/capture': 'error' },
      },
    ],
    { filename: file },
  );
  if (messages.some((message) => message.fatal)) return { ok: false };
  return { ok: true, ...(value === undefined ? {} : { value }) };
}

/** How the index reads a project file: as a module, unless it is a `.cjs` file. */
export function projectSourceType(file: string): 'module' | 'commonjs' {
  return file.endsWith('.cjs') ? 'commonjs' : 'module';
}

const typescriptParsers = new Map<string, unknown>();
let projectCodeAllowed = true;

/**
 * From now on, this thread never loads a parser from a project's `node_modules` (only the plugin's
 * own): the language server calls it, since opening an untrusted folder must run none of its code.
 */
export function neverLoadProjectCode(): void {
  projectCodeAllowed = false;
  typescriptParsers.clear();
}

function typescriptParser(root: string): unknown {
  if (!typescriptParsers.has(root)) {
    let loaded: unknown;
    for (const from of projectCodeAllowed
      ? [path.join(root, 'package.json'), import.meta.url]
      : [import.meta.url]) {
      try {
        loaded = createRequire(from)('@typescript-eslint/parser');
        break;
      } catch {
        // not installed there
      }
    }
    typescriptParsers.set(root, loaded);
  }
  return typescriptParsers.get(root);
}
