/**
 * Parity: the editor must never disagree with CI. For every sample under `test-fixtures/` (not the
 * browser scenarios), the diagnostics the running server publishes equal what ESLint's `Linter`
 * reports with the plugin — configured the way a project configures it, independently of the
 * server's own lint host — converted by `toDiagnostic`: same ranges, codes, messages, severities,
 * docs links and fix data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type ESLint } from 'eslint';
import plugin, { isNginxConfigPath } from 'eslint-plugin-cors';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDiagnostic } from '../src/convert/to-diagnostic.js';
import { normalizeSettings, type CorsSettings } from '../src/protocol/settings.js';
import { languageOf, REPO_ROOT, TestClient } from './helpers/lsp-client.js';

const FIXTURES_DIR = path.join(REPO_ROOT, 'test-fixtures');
const SCENARIOS_DIR = path.join(FIXTURES_DIR, 'scenarios');
/** The oracle's nginx scenarios: port placeholders and clients without the clean-/broken naming. */
const NGINX_SCENARIOS_DIR = path.join(FIXTURES_DIR, 'nginx-scenarios');
const SOURCE_FILE = /\.[cm]?[jt]sx?$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
/**
 * A sample that must report nothing: a `clean-*` file, or any file of a `project-*-clean/` sample, whose
 * file names a framework fixes (a Next.js `route.ts`); the plugin's fixture test reads the naming the same way.
 */
const isClean = (file: string) =>
  path.basename(file).startsWith('clean-') ||
  /[\\/]test-fixtures[\\/]project-[^\\/]+-clean[\\/]/.test(file);
/** Tooling beside the samples (compared too, but not bound by the clean-/broken naming). */
const TOOLING = new Set(['eslint.config.js', 'run-demo.mjs', 'vite.config.js']);
/**
 * Monorepo-shaped samples (`project-*`): their cross-file findings need the project index, so they
 * are compared with the server indexing their folder as its workspace folder, against ESLint with
 * `settings.cors.project` on (`parity with ESLint over the project samples`); without a workspace
 * folder only the parity is compared.
 */
const NEEDS_PROJECT_INDEX = /[\\/]test-fixtures[\\/]project-[^\\/]+[\\/]/;
const PROJECT_SAMPLES = fs
  .readdirSync(FIXTURES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name.startsWith('project-'))
  .map((entry) => path.join(FIXTURES_DIR, entry.name));

function listFixtures(directory = FIXTURES_DIR): string[] {
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory())
        return entry.name === 'node_modules' ||
          full === SCENARIOS_DIR ||
          full === NGINX_SCENARIOS_DIR
          ? []
          : listFixtures(full);
      return (SOURCE_FILE.test(entry.name) && !DECLARATION_FILE.test(entry.name)) ||
        isNginx(full) ||
        isDjangoSettings(full)
        ? [full]
        : [];
    })
    .sort();
}

const isNginx = (file: string) => !SOURCE_FILE.test(file) && isNginxConfigPath(file);
/** A Django settings module: `settings.py`, or a `.py` file in a `settings/` folder. */
const isDjangoSettings = (file: string) =>
  path.basename(file) === 'settings.py' ||
  (file.endsWith('.py') && path.basename(path.dirname(file)) === 'settings');

/** How a project lints these files: the TypeScript parser for TypeScript, ESLint's own for JavaScript, the nginx block for nginx, the Django block for settings modules. */
function projectConfig(
  file: string,
  rules: Linter.RulesRecord,
  projectRoot?: string,
): Linter.Config[] {
  if (isNginx(file)) {
    const [, nginx] = plugin.configs.all;
    return [
      {
        files: [...nginx.files],
        ignores: [...nginx.ignores],
        language: 'cors/nginx',
        plugins: { cors: plugin as unknown as ESLint.Plugin },
        rules,
      } as Linter.Config,
    ];
  }
  if (isDjangoSettings(file)) {
    const [, , django] = plugin.configs.all;
    return [
      {
        files: [...django.files],
        language: 'cors/django-settings',
        plugins: { cors: plugin as unknown as ESLint.Plugin },
        rules,
      } as Linter.Config,
    ];
  }
  const typescript = /\.[cm]?tsx?$/.test(file);
  return [
    {
      files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
      plugins: { cors: plugin as unknown as ESLint.Plugin },
      rules,
      ...(projectRoot === undefined
        ? {}
        : { settings: { cors: { project: { root: projectRoot } } } }),
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: /\.c[jt]s$/.test(file) ? 'commonjs' : 'module',
        parserOptions: { ecmaFeatures: { jsx: /x$/.test(file) } },
        ...(typescript ? { parser: tsParser as Linter.Parser } : {}),
      },
    },
  ];
}

const FIXTURES = listFixtures();
const relative = (file: string) => path.relative(FIXTURES_DIR, file).split(path.sep).join('/');

interface Variant {
  name: string;
  raw: unknown;
  settings: CorsSettings;
}

const VARIANTS: Variant[] = [
  { name: 'all rules', raw: { config: 'all' } },
  {
    name: 'the default (recommended), one rule at info',
    raw: { rules: { 'valid-allow-origin': 'info' } },
  },
].map((variant) => ({ ...variant, settings: normalizeSettings(variant.raw).settings }));

function expectedDiagnostics(
  file: string,
  text: string,
  uri: string,
  settings: CorsSettings,
  projectRoot?: string,
): Diagnostic[] {
  const nginx = isNginx(file);
  const django = isDjangoSettings(file);
  const block = nginx ? 1 : django ? 2 : 0;
  const rules: Linter.RulesRecord = { ...plugin.configs[settings.config][block].rules };
  for (const [ruleId, severity] of Object.entries(settings.rules)) {
    // A rule that cannot lint the language keeps the block's `off` there, as the server keeps it.
    if (block !== 0 && rules[ruleId] === 'off') continue;
    rules[ruleId] = severity === 'info' ? 'warn' : severity;
  }
  // As the ESLint CLI does: the real, absolute path (rules read the nearest package.json and file names).
  const messages = new Linter({ cwd: REPO_ROOT }).verify(
    text,
    projectConfig(file, rules, projectRoot),
    { filename: file },
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  const document = TextDocument.create(uri, languageOf(uri), 1, text);
  return messages.map((message) => toDiagnostic(message, document, settings));
}

describe('parity with ESLint over test-fixtures/', () => {
  it('finds the samples', () => {
    expect(FIXTURES.length).toBeGreaterThan(40);
    expect(FIXTURES.some((file) => file.startsWith(SCENARIOS_DIR))).toBe(false);
  });

  for (const variant of VARIANTS) {
    describe(variant.name, () => {
      let client: TestClient;
      beforeAll(async () => {
        client = await TestClient.start({ settings: variant.raw });
      });
      afterAll(async () => {
        await client?.stop();
      });

      it.each(FIXTURES.map((file) => [relative(file), file]))('%s', async (_name, file) => {
        const text = fs.readFileSync(file, 'utf8');
        const uri = pathToFileURL(file).href;
        await client.open(uri, text);
        const published = await client.waitForVersion(uri, 1);
        await client.close(uri);
        const expected = expectedDiagnostics(file, text, uri, variant.settings);
        expect(published.diagnostics).toEqual(expected);
        // The samples' naming promises reports with every rule on; check the comparison is not vacuous.
        if (
          (variant.raw as { config?: string }).config === 'all' &&
          !TOOLING.has(path.basename(file)) &&
          !NEEDS_PROJECT_INDEX.test(file)
        ) {
          expect(published.diagnostics.length > 0).toBe(!isClean(file));
        }
      });
    });
  }
});

describe('parity with ESLint over the project samples, with the project index', () => {
  const settings = VARIANTS[0]!;
  it('finds them', () => {
    expect(PROJECT_SAMPLES.length).toBeGreaterThan(0);
  });

  for (const sample of PROJECT_SAMPLES) {
    describe(path.basename(sample), () => {
      let client: TestClient;
      beforeAll(async () => {
        client = await TestClient.start({ settings: settings.raw, workspaceFolders: [sample] });
        await client.waitForLog((message) => message.includes(`indexed ${sample}`));
      });
      afterAll(async () => {
        await client?.stop();
      });

      it.each(
        FIXTURES.filter((file) => file.startsWith(sample + path.sep)).map((file) => [
          relative(file),
          file,
        ]),
      )('%s', async (_name, file) => {
        const text = fs.readFileSync(file, 'utf8');
        const uri = pathToFileURL(file).href;
        await client.open(uri, text);
        const published = await client.waitForVersion(uri, 1);
        await client.close(uri);
        // ESLint has no related information nor edits of another file: the server adds the server
        // rule's place to each cross-file finding, and the server-side edit where one is safe.
        const { withRelated, without } = splitRelated(published.diagnostics);
        expect(without).toEqual(expectedDiagnostics(file, text, uri, settings.settings, sample));
        for (const diagnostic of withRelated)
          expect(
            diagnostic.relatedInformation?.[0]?.location.uri.startsWith(pathToFileURL(sample).href),
          ).toBe(true);
        // Every finding of a cross-file rule points at its server rule; so may require-exposed-headers' client findings.
        for (const diagnostic of published.diagnostics.filter(({ code }) =>
          CROSS_FILE_RULES.has(String(code)),
        ))
          expect(diagnostic.relatedInformation).toHaveLength(1);
        for (const diagnostic of withRelated)
          expect([...CROSS_FILE_RULES, 'cors/require-exposed-headers']).toContain(diagnostic.code);
        for (const diagnostic of published.diagnostics) {
          const serverEdit = (diagnostic.data as { serverEdit?: { uri: string } }).serverEdit;
          if (serverEdit === undefined) continue;
          // Only on a cross-file finding, and an edit of the server file it points at.
          expect(serverEdit.uri).toBe(diagnostic.relatedInformation?.[0]?.location.uri);
        }
        if (!TOOLING.has(path.basename(file)))
          expect(published.diagnostics.length > 0).toBe(!isClean(file));
      });
    });
  }
});

/** Rules whose every finding is checked against a server file of the project. */
const CROSS_FILE_RULES = new Set([
  'cors/client-credentials-need-server-credentials',
  'cors/require-allowed-request-headers',
  'cors/require-allowed-method',
]);

function splitRelated(diagnostics: Diagnostic[]): {
  withRelated: Diagnostic[];
  without: Diagnostic[];
} {
  const withRelated = diagnostics.filter(
    (diagnostic) => diagnostic.relatedInformation !== undefined,
  );
  const without = diagnostics.map(({ relatedInformation: _related, ...rest }) => {
    if (typeof rest.data !== 'object' || rest.data === null || !('serverEdit' in rest.data))
      return rest;
    const { serverEdit: _edit, ...data } = rest.data as Record<string, unknown>;
    return { ...rest, data };
  });
  return { withRelated, without };
}
