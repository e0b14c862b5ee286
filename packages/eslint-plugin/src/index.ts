import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import type { RuleEntry } from './configs.js';
import { configRules } from './configs.js';
import { rules } from './rules/index.js';
import { projectConfig } from './project/project-config.js';
import type { ProjectConfig, ProjectConfigOptions } from './project/project-config.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

interface FlatConfig {
  name: string;
  plugins: Record<string, unknown>;
  rules: Record<string, RuleEntry>;
}

interface CorsPlugin {
  meta: { name: string; version: string };
  rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;
  configs: { recommended: FlatConfig; strict: FlatConfig; all: FlatConfig; project: (options?: ProjectConfigOptions) => ProjectConfig };
}

const plugin: CorsPlugin = {
  meta: { name, version },
  rules,
  configs: {} as CorsPlugin['configs'],
};

// Configs reference the plugin object itself, as flat config expects.
plugin.configs.recommended = { name: 'cors/recommended', plugins: { cors: plugin }, rules: configRules('recommended') };
plugin.configs.strict = { name: 'cors/strict', plugins: { cors: plugin }, rules: configRules('strict') };
plugin.configs.all = { name: 'cors/all', plugins: { cors: plugin }, rules: configRules('all') };
plugin.configs.project = projectConfig;

export default plugin;
export { rules };
export { buildProjectSnapshot } from './project/snapshot.js';
export type { BuiltSnapshot } from './project/snapshot.js';
