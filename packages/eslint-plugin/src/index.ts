import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import type { RuleEntry } from './configs.js';
import { configRules } from './configs.js';
import { nginxLanguage } from './languages/nginx/language.js';
import { rules } from './rules/index.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

interface FlatConfig {
  name: string;
  plugins: Record<string, unknown>;
  rules: Record<string, RuleEntry>;
}

interface CorsPlugin {
  meta: { name: string; version: string };
  rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;
  languages: Record<string, unknown>;
  configs: { recommended: FlatConfig; strict: FlatConfig; all: FlatConfig };
}

const plugin: CorsPlugin = {
  meta: { name, version },
  rules,
  languages: { nginx: nginxLanguage },
  configs: {} as CorsPlugin['configs'],
};

// Configs reference the plugin object itself, as flat config expects.
plugin.configs.recommended = { name: 'cors/recommended', plugins: { cors: plugin }, rules: configRules('recommended') };
plugin.configs.strict = { name: 'cors/strict', plugins: { cors: plugin }, rules: configRules('strict') };
plugin.configs.all = { name: 'cors/all', plugins: { cors: plugin }, rules: configRules('all') };

export default plugin;
export { rules };
