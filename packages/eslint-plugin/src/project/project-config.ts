/**
 * `cors.configs.project({ root })`: turns the cross-file checks on for a project and puts the index
 * fingerprint in `settings`. ESLint's `--cache` keys results on the linted file and the config, so
 * the fingerprint, computed when `eslint.config.js` is evaluated, is what makes it lint a client
 * file again when a server file changes (design-server-configs.md §E.2).
 */
import path from 'node:path';
import { projectIndex } from './project-index.js';

export interface ProjectConfigOptions {
  /** The project root; default: the current directory. */
  readonly root?: string;
}

export interface ProjectConfig {
  readonly name: string;
  readonly settings: {
    readonly cors: { readonly project: { readonly root: string; readonly fingerprint: string } };
  };
}

export function projectConfig(options: ProjectConfigOptions = {}): ProjectConfig {
  const root = path.resolve(options.root ?? '.');
  return {
    name: 'cors/project',
    settings: { cors: { project: { root, fingerprint: projectIndex(root).fingerprint() } } },
  };
}
