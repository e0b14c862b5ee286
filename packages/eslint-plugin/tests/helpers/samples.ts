/**
 * The sample apps under `test-fixtures/` and how a project would lint them (every rule on), shared by
 * the tests that lint them all: the snapshot of what they report, and the check that suggestions
 * leave nothing to report.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import type { ESLint, Linter } from 'eslint';
import plugin, { isNginxConfigPath } from '../../src/index.js';

export const FIXTURES_DIR = fileURLToPath(new URL('../../../../test-fixtures/', import.meta.url));
export const SCENARIOS_DIR = path.join(FIXTURES_DIR, 'scenarios');
/** The oracle's nginx scenarios (`nginx.conf` + `client.js`, placeholders for the ports). */
export const NGINX_SCENARIOS_DIR = path.join(FIXTURES_DIR, 'nginx-scenarios');
const SOURCE_FILE = /\.[cm]?[jt]s$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
/** Django settings modules, as the configs' Django block selects them: `settings.py`, `settings/*.py`. */
const isSettingsModule = (file: string) =>
  path.basename(file) === 'settings.py' ||
  (file.endsWith('.py') && path.basename(path.dirname(file)) === 'settings');
/** Tooling that lives beside the samples but is not one. */
const TOOLING = new Set(['eslint.config.js', 'run-demo.mjs', 'vite.config.js']);
/** Monorepo-shaped samples (`project-*`): linted with the project index on, as `cors.configs.project()` turns it on. */
const PROJECT_FIXTURE = /[\\/]test-fixtures[\\/]project-[^\\/]+[\\/]/;
export const BOM = '\uFEFF';

/** Every sample file, sorted; the browser-oracle scenarios only when asked (they have no clean-/broken naming). */
export function listFixtures({ scenarios = false } = {}, directory = FIXTURES_DIR): string[] {
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory())
        return entry.name === 'node_modules' ||
          ((full === SCENARIOS_DIR || full === NGINX_SCENARIOS_DIR) && !scenarios)
          ? []
          : listFixtures({ scenarios }, full);
      return (SOURCE_FILE.test(entry.name) &&
        !DECLARATION_FILE.test(entry.name) &&
        !TOOLING.has(entry.name)) ||
        isNginxSample(full) ||
        isSettingsModule(full)
        ? [full]
        : [];
    })
    .sort();
}

export const relative = (file: string) =>
  path.relative(FIXTURES_DIR, file).split(path.sep).join('/');

/** A scenario's `server.js` is CommonJS (its package.json says so); its `client.js` is an ES module. */
function sourceTypeOf(file: string): 'module' | 'commonjs' {
  if (/\.c[jt]s$/.test(file)) return 'commonjs';
  return file.startsWith(SCENARIOS_DIR) && path.basename(file) === 'server.js'
    ? 'commonjs'
    : 'module';
}

/** An nginx sample: a name the plugin's nginx block lints. */
export const isNginxSample = (file: string) => !SOURCE_FILE.test(file) && isNginxConfigPath(file);

/** Every rule on, at its defaults, with the parser the file's extension asks for (the nginx language for nginx samples). */
export function configFor(file: string): Linter.Config[] {
  // A settings module: the `all` config's Django block, with the django-settings language.
  if (isSettingsModule(file)) return [plugin.configs.all[2] as unknown as Linter.Config];
  if (isNginxSample(file))
    return [
      {
        files: [...plugin.configs.all[1].files],
        plugins: { cors: plugin as unknown as ESLint.Plugin },
        language: 'cors/nginx',
        rules: plugin.configs.all[1].rules,
        ...(PROJECT_FIXTURE.test(file) ? { settings: { cors: { project: true } } } : {}),
      } as Linter.Config,
    ];
  const typescript = /\.[cm]?ts$/.test(file);
  return [
    {
      files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
      plugins: { cors: plugin as unknown as ESLint.Plugin },
      rules: plugin.configs.all[0].rules,
      ...(PROJECT_FIXTURE.test(file) ? { settings: { cors: { project: true } } } : {}),
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: sourceTypeOf(file),
        ...(typescript ? { parser: tsParser as Linter.Parser } : {}),
      },
    },
  ];
}

/** What a fix or suggestion does: its edit spliced into the text, the BOM kept as ESLint keeps it. */
export function applyFix(
  text: string,
  fix: { range: readonly [number, number]; text: string },
): string {
  const bom = text.startsWith(BOM) ? BOM : '';
  const body = bom ? text.slice(1) : text;
  return bom + body.slice(0, fix.range[0]) + fix.text + body.slice(fix.range[1]);
}
