/**
 * The ESLint configuration of an audit. The audited project's own `eslint.config.*` is never loaded:
 * the audit runs only eslint-plugin-cors's rules, whatever else the project lints with, and needs no
 * setup. It is plain data built from plain options, so every worker thread builds its own copy
 * (plugin and parser objects cannot be cloned into workers).
 */
import * as typescriptParser from '@typescript-eslint/parser';
import type { ESLint, Linter } from 'eslint';
import plugin from 'eslint-plugin-cors';
import type { BuiltSnapshot } from 'eslint-plugin-cors';
import type { RuleSet } from '../args.js';

export const JAVASCRIPT_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs'] as const;
export const TYPESCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'] as const;

/** Django settings modules, as the plugin's configs select them: any `settings.py`, and `*.py` in a `settings` folder. */
export const isDjangoSettingsFile = (filePath: string): boolean => {
  const parts = filePath.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? '';
  return name === 'settings.py' || (name.endsWith('.py') && parts[parts.length - 2] === 'settings');
};
/** The plugin's config blocks after the JavaScript one: nginx, then Django settings (see eslint-plugin's index.ts). */
const NGINX_BLOCK = 1;
const DJANGO_BLOCK = 2;

const globs = (extensions: readonly string[]) => extensions.map((extension) => `**/*${extension}`);

export interface LintOptions {
  readonly config: RuleSet;
  readonly appOrigins: readonly string[];
  /** The project index, built once before linting (`--project`): `settings.cors.project`, plain data a worker can receive. */
  readonly project?: BuiltSnapshot;
}

/**
 * How JavaScript is parsed: as modules (`.cjs` as CommonJS), then, for `.js`/`.jsx` files that fail,
 * as sloppy-mode CommonJS scripts (`with`, octal literals, a top-level `return`), then with the
 * TypeScript parser (type annotations in `.js` files, as Flow code has: `function f(x: string)`).
 */
export type JavaScriptParse = 'module' | 'script' | 'typescript';

export function lintConfig(options: LintOptions, parse: JavaScriptParse): Linter.Config[] {
  const script = parse === 'script';
  return [
    // ESLint skips node_modules by default; the audit decides which files to read (collect-files.ts), and a file named there is linted.
    { name: 'cors-lint/unignore', ignores: ['!**/node_modules/'] },
    {
      name: 'cors-lint/rules',
      files: [...globs(JAVASCRIPT_EXTENSIONS), ...globs(TYPESCRIPT_EXTENSIONS)],
      plugins: { cors: plugin as unknown as ESLint.Plugin },
      rules: plugin.configs[options.config][0].rules,
      settings: {
        cors: {
          appOrigins: [...options.appOrigins],
          ...(options.project ? { project: { ...options.project } } : {}),
        },
      },
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: 'module',
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
    // nginx configs, with the cors/nginx language; a `.conf` of another program is sniffed and left alone.
    {
      name: 'cors-lint/nginx',
      files: [...plugin.configs[options.config][NGINX_BLOCK].files],
      ignores: [...plugin.configs[options.config][NGINX_BLOCK].ignores],
      language: 'cors/nginx',
      plugins: { cors: plugin as unknown as ESLint.Plugin },
      rules: plugin.configs[options.config][NGINX_BLOCK].rules,
      settings: { cors: { appOrigins: [...options.appOrigins] } },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
    // Django settings modules, read with the plugin's `cors/django-settings` language and its rules for them.
    {
      ...plugin.configs[options.config][DJANGO_BLOCK],
      name: 'cors-lint/django-settings',
      plugins: { cors: plugin as unknown as ESLint.Plugin },
      settings: { cors: { appOrigins: [...options.appOrigins] } },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
    {
      name: 'cors-lint/commonjs',
      files: script ? ['**/*.cjs', '**/*.cts', '**/*.js', '**/*.jsx'] : ['**/*.cjs', '**/*.cts'],
      languageOptions: { sourceType: 'commonjs' },
    },
    // No `project`: syntax only, so no TypeScript program is built and any folder lints as is.
    {
      name: 'cors-lint/typescript',
      files:
        parse === 'typescript'
          ? [...globs(TYPESCRIPT_EXTENSIONS), '**/*.js', '**/*.jsx']
          : globs(TYPESCRIPT_EXTENSIONS),
      languageOptions: { parser: typescriptParser as Linter.Parser },
    },
  ];
}

/** The rules' metadata, for SARIF's rule descriptions. */
export function rulesMeta(): Record<
  string,
  NonNullable<ESLint.LintResultData['rulesMeta'][string]>
> {
  return Object.fromEntries(
    Object.entries(plugin.rules).map(([name, rule]) => [
      `cors/${name}`,
      (rule as { meta: NonNullable<ESLint.LintResultData['rulesMeta'][string]> }).meta,
    ]),
  );
}
