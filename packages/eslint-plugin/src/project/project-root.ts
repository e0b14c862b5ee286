/**
 * The project a linted file belongs to, for the project index: `settings.cors.project.root` when
 * given (relative paths from the current directory), else the nearest folder up from the file with
 * a `.git` or a workspace manifest (`pnpm-workspace.yaml`, a package.json with `workspaces`,
 * `lerna.json`, `nx.json`, `turbo.json`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const MANIFESTS = ['pnpm-workspace.yaml', 'lerna.json', 'nx.json', 'turbo.json'];

/** `settings.cors.project`, as written. */
export interface ProjectSettings {
  readonly root?: string;
  /** The index fingerprint `cors.configs.project()` computed; its only role is to change ESLint's cache key. */
  readonly fingerprint?: string;
  /** A JSON snapshot of the index (snapshot.ts) to read instead of building one. */
  readonly snapshot?: string;
}

/** `settings.cors.project`; undefined when the project checks are not turned on (`cors.configs.project()` turns them on). */
export function projectSettings(settings: unknown): ProjectSettings | undefined {
  const cors = isRecord(settings) ? settings['cors'] : undefined;
  const project = isRecord(cors) ? cors['project'] : undefined;
  if (project === true) return {};
  if (!isRecord(project)) return undefined;
  const text = (key: string) => (typeof project[key] === 'string' ? { [key]: project[key] } : {});
  return { ...text('root'), ...text('fingerprint'), ...text('snapshot') };
}

const found = new Map<string, string | undefined>();

/** The project root of `filename` (absolute); undefined when no marker is found up to the file system root. */
export function findProjectRoot(filename: string, settings: unknown): string | undefined {
  const configured = projectSettings(settings)?.root;
  if (configured !== undefined) return path.resolve(configured);
  if (!path.isAbsolute(filename)) return undefined;
  const start = path.dirname(filename);
  if (found.has(start)) return found.get(start);
  let root: string | undefined;
  for (let folder = start; ; folder = path.dirname(folder)) {
    if (isRoot(folder)) {
      root = folder;
      break;
    }
    if (path.dirname(folder) === folder) break;
  }
  found.set(start, root);
  return root;
}

function isRoot(folder: string): boolean {
  if (
    existsSync(path.join(folder, '.git')) ||
    MANIFESTS.some((name) => existsSync(path.join(folder, name)))
  )
    return true;
  const manifest = path.join(folder, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    return isRecord(parsed) && parsed['workspaces'] !== undefined;
  } catch {
    return false;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
