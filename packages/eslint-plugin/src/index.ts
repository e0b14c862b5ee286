import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import type { RuleEntry } from './configs.js';
import { configRules, DJANGO_SETTINGS_FILES } from './configs.js';
import { djangoSettingsLanguage } from './languages/django-settings/language.js';
import { nginxLanguage } from './languages/nginx/language.js';
import { rules } from './rules/index.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

interface FlatConfig {
  name: string;
  plugins: Record<string, unknown>;
  rules: Record<string, RuleEntry>;
}

/** A block for one of the plugin's languages: the files it reads and the rules that apply there. */
interface LanguageConfig {
  name: string;
  files: string[];
  plugins: Record<string, unknown>;
  language: string;
  rules: Record<string, RuleEntry | 'off'>;
}

/** A shipped config: the JavaScript/TypeScript block first, then one block per language of the plugin. */
type ConfigBlocks = [FlatConfig, LanguageConfig];

interface CorsPlugin {
  meta: { name: string; version: string };
  rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;
  languages: Record<string, unknown>;
  configs: { recommended: ConfigBlocks; strict: ConfigBlocks; all: ConfigBlocks };
}

const plugin: CorsPlugin = {
  meta: { name, version },
  rules,
  languages: { 'django-settings': djangoSettingsLanguage, nginx: nginxLanguage },
  configs: {} as CorsPlugin['configs'],
};

// Configs reference the plugin object itself, as flat config expects.
for (const config of ['recommended', 'strict', 'all'] as const) {
  plugin.configs[config] = [
    { name: `cors/${config}`, plugins: { cors: plugin }, rules: configRules(config) as Record<string, RuleEntry> },
    { name: `cors/${config}/django-settings`, files: DJANGO_SETTINGS_FILES, plugins: { cors: plugin }, language: 'cors/django-settings', rules: configRules(config, 'cors/django-settings') },
  ];
}

export default plugin;
export { rules };
