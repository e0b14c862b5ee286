import { readdirSync, readFileSync } from 'node:fs';
import * as tsParser from '@typescript-eslint/parser';
import { ruleMessages } from 'cors-lint-core';
import { Linter, type ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin, { ruleLanguages } from '../src/index.js';
import { rules } from '../src/rules/index.js';

const ruleNames = Object.keys(rules) as (keyof typeof rules)[];
const packageJson = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { name: string; version: string };

type Entry = string | readonly [string, Record<string, unknown>];
/** A rule's entry in recommended, strict and all; `null` where the config leaves the rule out. */
type ConfigRow = readonly [recommended: Entry | null, strict: Entry | null, all: Entry | null];
const CONFIG_NAMES = ['recommended', 'strict', 'all'] as const;

/** The configs a table of rows describes: each config with the rules its column sets. */
function configsOf(
  rows: Record<string, ConfigRow>,
): Record<(typeof CONFIG_NAMES)[number], Record<string, Entry>> {
  const [recommended, strict, all] = CONFIG_NAMES.map((_, column) =>
    Object.fromEntries(
      Object.entries(rows).flatMap(([id, row]): [string, Entry][] => {
        const entry = row[column];
        return entry === null || entry === undefined ? [] : [[id, entry]];
      }),
    ),
  );
  return { recommended: recommended!, strict: strict!, all: all! };
}

/**
 * Written out by hand, a row a rule: a change to a config has to be made here too, on purpose.
 * `strict` reports every preflight, every hidden header and every max-age above a browser's cap;
 * `all` keeps every rule at its default options.
 */
const EXPECTED_RULES: Record<string, ConfigRow> = {
  'cors/client-credentials-need-server-credentials': ['error', 'error', 'error'],
  'cors/no-accidental-preflight': ['warn', ['warn', { all: true }], 'warn'],
  'cors/no-duplicate-allow-origin': ['error', 'error', 'error'],
  'cors/no-forbidden-request-header': ['warn', 'warn', 'warn'],
  'cors/no-ineffective-wildcard': ['error', 'error', 'error'],
  'cors/no-invalid-no-cors-request': ['error', 'error', 'error'],
  'cors/no-null-origin': ['error', 'error', 'error'],
  'cors/no-opaque-response-read': ['error', 'error', 'error'],
  'cors/no-permissive-local-server': ['error', 'error', 'error'],
  'cors/no-permissive-origin': [null, 'warn', 'warn'],
  'cors/no-reflected-origin-with-credentials': ['error', 'error', 'error'],
  'cors/no-unsafe-origin-check': ['error', 'error', 'error'],
  'cors/no-wildcard-origin-with-credentials': ['error', 'error', 'error'],
  'cors/require-allowed-method': ['error', 'error', 'error'],
  'cors/require-allowed-request-headers': ['error', 'error', 'error'],
  'cors/require-exposed-headers': ['warn', ['warn', { all: true }], 'warn'],
  'cors/require-preflight-handler': ['error', 'error', 'error'],
  'cors/require-vary-origin': ['warn', 'warn', 'warn'],
  'cors/valid-allow-origin': ['error', 'error', 'error'],
  'cors/valid-header-values': ['error', ['error', { maxAgeAboveCap: true }], 'error'],
};
const EXPECTED_CONFIGS = configsOf(EXPECTED_RULES);

/** The rules that read Django settings, at their severities: the shared ones and the Django-only ones. */
const DJANGO_RULES = {
  'cors/no-ineffective-wildcard': 'error',
  'cors/no-null-origin': 'error',
  'cors/no-permissive-origin': 'warn',
  'cors/no-reflected-origin-with-credentials': 'error',
  'cors/no-unsafe-origin-check': 'error',
  'cors/valid-header-values': 'error',
} as const;
const DJANGO_ONLY = {
  'cors/no-dead-django-cors-setting': 'error',
  'cors/require-django-cors-middleware': 'error',
  'cors/valid-django-allowed-origins': 'error',
} as const;

/** A config's Django block: its Django rules as the JavaScript block sets them, every other rule of it off. */
function expectedDjangoBlock(jsRules: Record<string, unknown>): Record<string, unknown> {
  const entries = Object.entries(jsRules).map(([id, entry]) => [
    id,
    id in DJANGO_RULES ? entry : 'off',
  ]);
  return { ...Object.fromEntries(entries), ...DJANGO_ONLY };
}

/** The rules the nginx blocks turn on (every other rule of the JavaScript block is turned off there); written by hand too. */
const JS_ONLY_OFF = {
  'cors/client-credentials-need-server-credentials': 'off',
  'cors/no-accidental-preflight': 'off',
  'cors/no-forbidden-request-header': 'off',
  'cors/no-invalid-no-cors-request': 'off',
  'cors/no-opaque-response-read': 'off',
  'cors/no-permissive-local-server': 'off',
  'cors/require-allowed-method': 'off',
  'cors/require-allowed-request-headers': 'off',
  'cors/require-exposed-headers': 'off',
  'cors/require-preflight-handler': 'off',
} as const;
/** The nginx blocks' own rows, beside JS_ONLY_OFF in all three. */
const EXPECTED_NGINX_RULES: Record<string, ConfigRow> = {
  'cors/nginx-error-page-drops-cors': [null, 'warn', 'warn'],
  'cors/nginx-no-dropped-cors-headers': ['error', 'error', 'error'],
  'cors/nginx-no-preflight-before-location': ['error', 'error', 'error'],
  'cors/nginx-require-always': ['error', 'error', 'error'],
  'cors/nginx-require-proxy-hide-header': [null, 'warn', 'warn'],
  'cors/no-duplicate-allow-origin': ['error', 'error', 'error'],
  'cors/no-ineffective-wildcard': ['error', 'error', 'error'],
  'cors/no-null-origin': ['error', 'error', 'error'],
  'cors/no-permissive-origin': [null, 'off', 'off'],
  'cors/no-reflected-origin-with-credentials': ['error', 'error', 'error'],
  'cors/no-unsafe-origin-check': ['error', 'error', 'error'],
  'cors/no-wildcard-origin-with-credentials': ['error', 'error', 'error'],
  'cors/require-vary-origin': ['warn', 'warn', 'warn'],
  'cors/valid-allow-origin': ['error', 'error', 'error'],
  'cors/valid-header-values': ['error', ['error', { maxAgeAboveCap: true }], 'error'],
};
const EXPECTED_NGINX_CONFIGS = configsOf(
  Object.fromEntries([
    ...Object.keys(JS_ONLY_OFF).map((id): [string, ConfigRow] => [id, ['off', 'off', 'off']]),
    ...Object.entries(EXPECTED_NGINX_RULES),
  ]),
);

describe('plugin object', () => {
  it('carries the package name and version', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version });
  });

  it('exports every rule file under src/rules, by its file name', () => {
    const files = readdirSync(new URL('../src/rules/', import.meta.url))
      .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
      .map((file) => file.replace(/\.ts$/, ''));
    expect(Object.keys(plugin.rules).sort()).toEqual(files.sort());
    for (const name of ruleNames) expect(plugin.rules[name]).toBe(rules[name]);
  });

  it('has a message catalog entry for every rule and no catalog entry without a rule', () => {
    expect(Object.keys(ruleMessages).sort()).toEqual([...ruleNames].sort());
  });
});

describe.each(ruleNames)('rule %s', (name) => {
  const rule = rules[name];

  it('points meta.docs.url at its doc page', () => {
    expect(rule.meta.docs?.url).toBe(
      `https://github.com/eslint-plugin-cors/eslint-plugin-cors/blob/main/packages/eslint-plugin/docs/rules/${name}.md`,
    );
  });

  it('says which config it belongs to in meta.docs.recommended', () => {
    expect(['recommended', 'strict']).toContain(rule.meta.docs?.recommended);
  });

  it('has a description and a type', () => {
    expect(rule.meta.docs?.description).toMatch(/^(Disallow|Require) /);
    expect(['problem', 'suggestion', 'layout']).toContain(rule.meta.type);
  });

  it("takes its messages from core's catalog, one for each message id listed there", () => {
    const catalog = ruleMessages[name] as Record<string, { text: string }>;
    expect(Object.keys(rule.meta.messages).sort()).toEqual(Object.keys(catalog).sort());
    for (const [id, spec] of Object.entries(catalog))
      expect(rule.meta.messages[id as keyof typeof rule.meta.messages]).toBe(spec.text);
  });
});

describe('configs', () => {
  it.each(['recommended', 'strict', 'all'] as const)(
    '%s turns on exactly the expected rules at the expected severities',
    (configName) => {
      const [config, nginx, django] = plugin.configs[configName];
      expect(config.name).toBe(`cors/${configName}`);
      expect(Object.keys(config.plugins)).toEqual(['cors']);
      expect(config.plugins['cors']).toBe(plugin);
      expect(config.rules).toEqual(EXPECTED_CONFIGS[configName]);
      expect(nginx).toMatchObject({
        name: `cors/${configName}/nginx`,
        language: 'cors/nginx',
        files: [
          '**/nginx.conf',
          '**/*.nginx',
          '**/*.nginx.conf',
          '**/nginx/**/*.conf',
          '**/conf.d/*.conf',
          '**/sites-*/?*',
        ],
        ignores: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,json,md}'],
      });
      expect(nginx.plugins['cors']).toBe(plugin);
      expect(nginx.rules).toEqual(EXPECTED_NGINX_CONFIGS[configName]);
      expect(django).toEqual({
        name: `cors/${configName}/django-settings`,
        files: ['**/settings.py', '**/settings/*.py'],
        ignores: [],
        plugins: { cors: plugin },
        language: 'cors/django-settings',
        rules: expectedDjangoBlock(EXPECTED_CONFIGS[configName]),
      });
    },
  );

  it('puts every rule in the config its meta.docs.recommended names', () => {
    const enabled = (configName: 'recommended' | 'strict' | 'all', name: string) =>
      plugin.configs[configName].some((block) => (block.rules[`cors/${name}`] ?? 'off') !== 'off');
    for (const name of ruleNames) {
      const level = rules[name].meta.docs?.recommended;
      expect(enabled('recommended', name)).toBe(level === 'recommended');
      expect(enabled('strict', name)).toBe(true);
      expect(enabled('all', name)).toBe(true);
    }
  });
});

describe('as a flat config in ESLint', () => {
  const code = `
import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: '*', credentials: true as boolean }));
app.use('/public', cors());
`;

  function lint(
    config: (typeof plugin.configs)[keyof typeof plugin.configs],
  ): Linter.LintMessage[] {
    const linter = new Linter();
    return linter.verify(
      code,
      [
        { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
        // The plugin's rule modules are typed with @typescript-eslint/utils; ESLint's own types differ only nominally.
        ...(config as unknown as (Linter.Config & { plugins: Record<string, ESLint.Plugin> })[]),
      ],
      'src/server.ts',
    );
  }

  it('recommended reports the wildcard with credentials as an error', () => {
    const messages = lint(plugin.configs.recommended);
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    expect(
      messages.map(({ ruleId, severity, line, column }) => ({ ruleId, severity, line, column })),
    ).toEqual([
      { ruleId: 'cors/no-wildcard-origin-with-credentials', severity: 2, line: 6, column: 24 },
    ]);
    expect(messages[0]?.message).toContain(
      "Chrome: \"The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*'",
    );
    expect(messages[0]?.suggestions?.length).toBeGreaterThan(0);
  });

  it('every rule of the plugin turned on for a TypeScript file lints it: the language-only rules stay silent', () => {
    // What a hand-written "all rules" config (or a scorer looping over plugin.rules) does. ESLint ≥ 10.2
    // would reject the whole config if a rule made for nginx or Django declared meta.languages.
    const every = Object.fromEntries(
      Object.keys(plugin.rules).map((name) => [`cors/${name}`, 'error' as const]),
    );
    const messages = new Linter().verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser },
          plugins: { cors: plugin as unknown as ESLint.Plugin },
          rules: every,
        },
      ],
      'src/server.ts',
    );
    expect(messages.filter((message) => message.fatal || !message.ruleId)).toEqual([]);
    expect(messages.map(({ ruleId }) => ruleId)).toContain(
      'cors/no-wildcard-origin-with-credentials',
    );
    const languageOnly = Object.keys(plugin.rules).filter(
      (name) => !ruleLanguages(name).includes('js/js'),
    );
    expect(languageOnly.length).toBeGreaterThan(0);
    expect(
      messages.filter(({ ruleId }) => languageOnly.includes((ruleId ?? '').replace(/^cors\//, ''))),
    ).toEqual([]);
  });

  it('strict passes its options: every preflight is reported there, only accidental ones in recommended', () => {
    const client = `fetch('https://api.example.com/me', { headers: { Authorization: token, 'X-Requested-With': 'XMLHttpRequest' } });\n`;
    const preflights = (config: (typeof plugin.configs)[keyof typeof plugin.configs]) =>
      new Linter()
        .verify(
          client,
          [
            { files: ['**/*.js'] },
            ...(config as unknown as (Linter.Config & {
              plugins: Record<string, ESLint.Plugin>;
            })[]),
          ],
          'src/client.js',
        )
        .map(({ ruleId, messageId, severity, column }) => ({
          ruleId,
          messageId,
          severity,
          column,
        }));
    expect(preflights(plugin.configs.recommended)).toEqual([
      {
        ruleId: 'cors/no-accidental-preflight',
        messageId: 'requestedWith',
        severity: 1,
        column: 72,
      },
    ]);
    expect(preflights(plugin.configs.strict)).toEqual([
      {
        ruleId: 'cors/no-accidental-preflight',
        messageId: 'preflightHeader',
        severity: 1,
        column: 50,
      },
      {
        ruleId: 'cors/no-accidental-preflight',
        messageId: 'requestedWith',
        severity: 1,
        column: 72,
      },
    ]);
  });

  it('strict also warns about the policies that let any origin read', () => {
    const messages = lint(plugin.configs.strict);
    const permissive = messages.filter((message) => message.ruleId === 'cors/no-permissive-origin');
    expect(permissive.length).toBeGreaterThan(0);
    expect(permissive.every((message) => message.severity === 1)).toBe(true);
    expect(
      messages.some(
        (message) =>
          message.ruleId === 'cors/no-wildcard-origin-with-credentials' && message.severity === 2,
      ),
    ).toBe(true);
  });
});
