import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import type { RuleEntry } from './configs.js';
import {
  DJANGO_SETTINGS_FILES,
  NGINX_FILES,
  NGINX_IGNORES,
  configRules,
  languageBlockRules,
} from './configs.js';
import { djangoSettingsLanguage } from './languages/django-settings/language.js';
import { nginxLanguage } from './languages/nginx/language.js';
import { rules } from './rules/index.js';
import { projectConfig } from './project/project-config.js';
import type { ProjectConfig, ProjectConfigOptions } from './project/project-config.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as {
  name: string;
  version: string;
};

interface FlatConfig {
  name: string;
  plugins: Record<string, unknown>;
  rules: Record<string, RuleEntry | 'off'>;
}

/** A block for files of one of the plugin's languages. */
interface LanguageBlock extends FlatConfig {
  files: string[];
  ignores: string[];
  language: string;
}

/** A shipped config: the JavaScript/TypeScript block (no `files`: it applies where the user's config lints), then one block per language. */
type ConfigBlocks = [FlatConfig, LanguageBlock, LanguageBlock];

interface CorsPlugin {
  meta: { name: string; version: string };
  rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;
  languages: Record<string, unknown>;
  configs: {
    recommended: ConfigBlocks;
    strict: ConfigBlocks;
    all: ConfigBlocks;
    project: (options?: ProjectConfigOptions) => ProjectConfig;
  };
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
    { name: `cors/${config}`, plugins: { cors: plugin }, rules: configRules(config) },
    {
      name: `cors/${config}/nginx`,
      files: [...NGINX_FILES],
      ignores: [...NGINX_IGNORES],
      language: 'cors/nginx',
      plugins: { cors: plugin },
      rules: languageBlockRules(config, 'cors/nginx'),
    },
    {
      name: `cors/${config}/django-settings`,
      files: [...DJANGO_SETTINGS_FILES],
      ignores: [],
      language: 'cors/django-settings',
      plugins: { cors: plugin },
      rules: languageBlockRules(config, 'cors/django-settings'),
    },
  ];
}
plugin.configs.project = projectConfig;

export default plugin;
export { rules };
export { NGINX_FILES, NGINX_IGNORES, isNginxConfigPath, ruleLanguages } from './configs.js';
export { buildProjectSnapshot } from './project/snapshot.js';
export type { BuiltSnapshot } from './project/snapshot.js';
export { projectConsultation } from './utils/project-contract.js';
export type { ProjectConsultation } from './utils/project-contract.js';
export { lintedFileFacts, ProjectIndex, projectIndex } from './project/project-index.js';
export type { LintedFileFacts, ProjectFacts } from './project/project-index.js';
export {
  packFileFacts,
  readSnapshot,
  serialiseSurface,
  unpackFileFacts,
  writeSnapshot,
} from './project/snapshot.js';
export type { PackedFileFacts } from './project/snapshot.js';
export { neverLoadProjectCode } from './project/parse-file.js';
export { serverFixEdits } from './project/server-edits.js';
export { recordImportedFiles } from './utils/extract/values/imports.js';
export type { TextEdit } from './project/server-edits.js';
export { textDigest } from './project/project-index.js';
