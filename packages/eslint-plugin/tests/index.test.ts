import { readdirSync, readFileSync } from 'node:fs';
import * as tsParser from '@typescript-eslint/parser';
import { ruleMessages } from 'cors-lint-core';
import type { ESLint } from 'eslint';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';

const ruleNames = Object.keys(rules) as (keyof typeof rules)[];
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

/** Written out by hand: a change to a config has to be made here too, on purpose. */
const EXPECTED_CONFIGS = {
  recommended: {
    'cors/client-credentials-need-server-credentials': 'error',
    'cors/no-accidental-preflight': 'warn',
    'cors/no-duplicate-allow-origin': 'error',
    'cors/no-forbidden-request-header': 'warn',
    'cors/no-ineffective-wildcard': 'error',
    'cors/no-invalid-no-cors-request': 'error',
    'cors/no-null-origin': 'error',
    'cors/no-opaque-response-read': 'error',
    'cors/no-permissive-local-server': 'error',
    'cors/no-reflected-origin-with-credentials': 'error',
    'cors/no-unsafe-origin-check': 'error',
    'cors/no-wildcard-origin-with-credentials': 'error',
    'cors/require-allowed-method': 'error',
    'cors/require-allowed-request-headers': 'error',
    'cors/require-exposed-headers': 'warn',
    'cors/require-preflight-handler': 'error',
    'cors/require-vary-origin': 'warn',
    'cors/valid-allow-origin': 'error',
    'cors/valid-header-values': 'error',
  },
  strict: {
    // `strict` reports every preflight, every hidden header and every max-age above a browser's cap;
    // `all` keeps every rule at its default options.
    'cors/client-credentials-need-server-credentials': 'error',
    'cors/no-accidental-preflight': ['warn', { all: true }],
    'cors/no-duplicate-allow-origin': 'error',
    'cors/no-forbidden-request-header': 'warn',
    'cors/no-ineffective-wildcard': 'error',
    'cors/no-invalid-no-cors-request': 'error',
    'cors/no-null-origin': 'error',
    'cors/no-opaque-response-read': 'error',
    'cors/no-permissive-local-server': 'error',
    'cors/no-permissive-origin': 'warn',
    'cors/no-reflected-origin-with-credentials': 'error',
    'cors/no-unsafe-origin-check': 'error',
    'cors/no-wildcard-origin-with-credentials': 'error',
    'cors/require-allowed-method': 'error',
    'cors/require-allowed-request-headers': 'error',
    'cors/require-exposed-headers': ['warn', { all: true }],
    'cors/require-preflight-handler': 'error',
    'cors/require-vary-origin': 'warn',
    'cors/valid-allow-origin': 'error',
    'cors/valid-header-values': ['error', { maxAgeAboveCap: true }],
  },
  all: {
    'cors/client-credentials-need-server-credentials': 'error',
    'cors/no-accidental-preflight': 'warn',
    'cors/no-duplicate-allow-origin': 'error',
    'cors/no-forbidden-request-header': 'warn',
    'cors/no-ineffective-wildcard': 'error',
    'cors/no-invalid-no-cors-request': 'error',
    'cors/no-null-origin': 'error',
    'cors/no-opaque-response-read': 'error',
    'cors/no-permissive-local-server': 'error',
    'cors/no-permissive-origin': 'warn',
    'cors/no-reflected-origin-with-credentials': 'error',
    'cors/no-unsafe-origin-check': 'error',
    'cors/no-wildcard-origin-with-credentials': 'error',
    'cors/require-allowed-method': 'error',
    'cors/require-allowed-request-headers': 'error',
    'cors/require-exposed-headers': 'warn',
    'cors/require-preflight-handler': 'error',
    'cors/require-vary-origin': 'warn',
    'cors/valid-allow-origin': 'error',
    'cors/valid-header-values': 'error',
  },
} as const;

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
    expect(rule.meta.docs?.url).toBe(`https://github.com/eslint-plugin-cors/eslint-plugin-cors/blob/main/packages/eslint-plugin/docs/rules/${name}.md`);
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
    for (const [id, spec] of Object.entries(catalog)) expect(rule.meta.messages[id as keyof typeof rule.meta.messages]).toBe(spec.text);
  });
});

describe('configs', () => {
  it.each(['recommended', 'strict', 'all'] as const)('%s turns on exactly the expected rules at the expected severities', (configName) => {
    const config = plugin.configs[configName];
    expect(config.name).toBe(`cors/${configName}`);
    expect(Object.keys(config.plugins)).toEqual(['cors']);
    expect(config.plugins['cors']).toBe(plugin);
    expect(config.rules).toEqual(EXPECTED_CONFIGS[configName]);
  });

  it('puts every rule in the config its meta.docs.recommended names', () => {
    for (const name of ruleNames) {
      const level = rules[name].meta.docs?.recommended;
      expect(`cors/${name}` in plugin.configs.recommended.rules).toBe(level === 'recommended');
      expect(`cors/${name}` in plugin.configs.strict.rules).toBe(true);
      expect(`cors/${name}` in plugin.configs.all.rules).toBe(true);
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

  function lint(config: (typeof plugin.configs)[keyof typeof plugin.configs]): Linter.LintMessage[] {
    const linter = new Linter();
    return linter.verify(
      code,
      [
        { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
        // The plugin's rule modules are typed with @typescript-eslint/utils; ESLint's own types differ only nominally.
        config as unknown as Linter.Config & { plugins: Record<string, ESLint.Plugin> },
      ],
      'src/server.ts',
    );
  }

  it('recommended reports the wildcard with credentials as an error', () => {
    const messages = lint(plugin.configs.recommended);
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    expect(messages.map(({ ruleId, severity, line, column }) => ({ ruleId, severity, line, column }))).toEqual([
      { ruleId: 'cors/no-wildcard-origin-with-credentials', severity: 2, line: 6, column: 24 },
    ]);
    expect(messages[0]?.message).toContain("Chrome: \"The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*'");
    expect(messages[0]?.suggestions?.length).toBeGreaterThan(0);
  });

  it('strict passes its options: every preflight is reported there, only accidental ones in recommended', () => {
    const client = `fetch('https://api.example.com/me', { headers: { Authorization: token, 'X-Requested-With': 'XMLHttpRequest' } });\n`;
    const preflights = (config: (typeof plugin.configs)[keyof typeof plugin.configs]) =>
      new Linter()
        .verify(client, [{ files: ['**/*.js'] }, config as unknown as Linter.Config & { plugins: Record<string, ESLint.Plugin> }], 'src/client.js')
        .map(({ ruleId, messageId, severity, column }) => ({ ruleId, messageId, severity, column }));
    expect(preflights(plugin.configs.recommended)).toEqual([{ ruleId: 'cors/no-accidental-preflight', messageId: 'requestedWith', severity: 1, column: 72 }]);
    expect(preflights(plugin.configs.strict)).toEqual([
      { ruleId: 'cors/no-accidental-preflight', messageId: 'preflightHeader', severity: 1, column: 50 },
      { ruleId: 'cors/no-accidental-preflight', messageId: 'requestedWith', severity: 1, column: 72 },
    ]);
  });

  it('strict also warns about the policies that let any origin read', () => {
    const messages = lint(plugin.configs.strict);
    const permissive = messages.filter((message) => message.ruleId === 'cors/no-permissive-origin');
    expect(permissive.length).toBeGreaterThan(0);
    expect(permissive.every((message) => message.severity === 1)).toBe(true);
    expect(messages.some((message) => message.ruleId === 'cors/no-wildcard-origin-with-credentials' && message.severity === 2)).toBe(true);
  });
});
