/**
 * The ESLint options of an audit, as an options module: `ESLint.fromOptionsModule` imports it in the
 * main thread and in every worker thread (`concurrency`), because plugin and parser objects cannot be
 * cloned into workers. The per-run choices travel in this module's URL query (`?cwd=…&config=…`).
 *
 * The audited project's own `eslint.config.*` is not loaded (`overrideConfigFile: true`): the audit
 * runs only eslint-plugin-cors's rules, whatever else the project lints with, and needs no setup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { includeIgnoreFile } from '@eslint/compat';
import * as typescriptParser from '@typescript-eslint/parser';
import type { ESLint, Linter } from 'eslint';
import plugin from 'eslint-plugin-cors';

export const JAVASCRIPT_FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];
export const TYPESCRIPT_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

export interface AuditOptionsQuery {
  readonly cwd: string;
  readonly config: 'recommended' | 'strict' | 'all';
  readonly fix: boolean;
  readonly concurrency: 'auto' | 'off' | number;
  readonly appOrigins: readonly string[];
  /**
   * Parse JavaScript files as CommonJS scripts (sloppy mode, top-level `return`) instead of modules:
   * the retry for `.js` files that do not parse as modules (`with`, octal literals, a top-level return).
   */
  readonly script?: boolean;
}

export function toQuery(query: AuditOptionsQuery): string {
  const params = new URLSearchParams({ cwd: query.cwd, config: query.config, fix: String(query.fix), concurrency: String(query.concurrency) });
  for (const origin of query.appOrigins) params.append('appOrigin', origin);
  if (query.script) params.set('script', 'true');
  return params.toString();
}

function fromQuery(search: string): AuditOptionsQuery {
  const params = new URLSearchParams(search);
  const concurrency = params.get('concurrency') ?? 'off';
  return {
    cwd: params.get('cwd') ?? process.cwd(),
    config: (params.get('config') ?? 'recommended') as AuditOptionsQuery['config'],
    fix: params.get('fix') === 'true',
    concurrency: concurrency === 'auto' || concurrency === 'off' ? concurrency : Number(concurrency),
    appOrigins: params.getAll('appOrigin'),
    script: params.get('script') === 'true',
  };
}

/** The project's root .gitignore, as ignores (ESLint itself already skips node_modules and .git). */
function gitignore(cwd: string): Linter.Config[] {
  const file = path.join(cwd, '.gitignore');
  return fs.existsSync(file) ? [includeIgnoreFile(file, '.gitignore')] : [];
}

export function auditOptions(query: AuditOptionsQuery): ESLint.Options {
  const corsPlugin = plugin as unknown as ESLint.Plugin;
  return {
    cwd: query.cwd,
    overrideConfigFile: true,
    overrideConfig: [
      ...gitignore(query.cwd),
      {
        name: 'cors-lint/rules',
        files: [...JAVASCRIPT_FILES, ...TYPESCRIPT_FILES],
        plugins: { cors: corsPlugin },
        rules: plugin.configs[query.config].rules,
        settings: { cors: { appOrigins: [...query.appOrigins] } },
        languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
      { name: 'cors-lint/commonjs', files: query.script ? ['**/*.cjs', '**/*.cts', '**/*.js', '**/*.jsx'] : ['**/*.cjs', '**/*.cts'], languageOptions: { sourceType: 'commonjs' } },
      // No `project`: syntax only, so no TypeScript program is built and any folder lints as is.
      { name: 'cors-lint/typescript', files: TYPESCRIPT_FILES, languageOptions: { parser: typescriptParser as Linter.Parser } },
    ],
    fix: query.fix,
    concurrency: query.concurrency,
    errorOnUnmatchedPattern: true,
    warnIgnored: false,
  };
}

export default auditOptions(fromQuery(new URL(import.meta.url).search));
