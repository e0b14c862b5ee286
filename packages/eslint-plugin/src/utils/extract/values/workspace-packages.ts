/**
 * Bare imports of another package of the same monorepo (`import { handler } from '@acme/runtime/next'`)
 * resolved to that package's source file, so `imports.ts` can read the value there as it reads a
 * relative import. Only packages the workspace declares are followed; anything from node_modules, and
 * any specifier no workspace package owns, stays unresolved (ARCHITECTURE.md invariant 6: unknown).
 *
 * - The workspace is the nearest folder up from the importing file with `pnpm-workspace.yaml` (its
 *   `packages:` list) or a package.json with `workspaces` (an array, or `{ packages: [...] }`).
 * - Each package folder's package.json `name` maps the specifier's package part to the folder.
 * - The subpath's entry comes from `exports` (a string, conditions, or `./*` patterns), else `source`,
 *   `module`, `main` for the root, else the subpath as a path inside the package.
 * - A built entry (`./dist/esm/next/server.js`, `./dist/types/next/server.d.ts`) is mapped back to its
 *   source (`./src/next/server.ts`) when that exists: the checkout holds the source, rarely the build.
 *
 * Manifests are read once per modification (mtime and size) and per lint process.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';

/** Conditions read in `exports`, most source-like first. */
const CONDITIONS = [
  'source',
  'development',
  'import',
  'module',
  'node',
  'require',
  'default',
  'types',
];
/** Folder names builds write to, and the format folders some builds add under them. */
const BUILD_FOLDERS = new Set(['dist', 'lib', 'build', 'out', 'esm', 'cjs']);
const FORMAT_FOLDERS = new Set(['esm', 'cjs', 'es', 'mjs', 'commonjs', 'module', 'types', 'src']);
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const MAX_GLOB_DEPTH = 4;

interface Stamp {
  readonly mtimeMs: number;
  readonly size: number;
}

interface Workspace {
  readonly stamp: Stamp;
  /** Package name → its folder. */
  readonly packages: ReadonlyMap<string, string>;
}

const workspaceRootOf = new Map<string, string | undefined>();
const workspaces = new Map<string, Workspace>();
const manifests = new Map<
  string,
  { readonly stamp: Stamp; readonly json: Record<string, unknown> | undefined }
>();

/**
 * The source file a bare specifier names inside a package of the importing file's workspace, or
 * undefined (not a workspace package, no such entry, or an entry we cannot map to a file).
 */
export function resolveWorkspaceImport(
  fromFolder: string,
  specifier: string,
  resolveFile: (base: string) => string | undefined,
): string | undefined {
  if (specifier.startsWith('.') || path.isAbsolute(specifier) || specifier.includes(':'))
    return undefined;
  const root = findWorkspaceRoot(fromFolder);
  const workspace = root === undefined ? undefined : workspaceAt(root);
  if (!workspace) return undefined;
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, nameLength).join('/');
  const folder = workspace.packages.get(name);
  if (folder === undefined) return undefined;
  const subpath = parts.length > nameLength ? `./${parts.slice(nameLength).join('/')}` : '.';
  const manifest = readManifest(path.join(folder, 'package.json'));
  for (const entry of entriesOf(manifest, subpath)) {
    const file = sourceOf(folder, entry, resolveFile);
    if (file) return file;
  }
  return undefined;
}

/** The nearest folder up from `folder` that declares workspace packages. */
function findWorkspaceRoot(folder: string): string | undefined {
  if (workspaceRootOf.has(folder)) return workspaceRootOf.get(folder);
  let root: string | undefined;
  if (patternsAt(folder)) root = folder;
  else if (path.dirname(folder) !== folder) root = findWorkspaceRoot(path.dirname(folder));
  workspaceRootOf.set(folder, root);
  return root;
}

/** The workspace's package globs declared in `folder`, or undefined when it declares none. */
function patternsAt(folder: string): readonly string[] | undefined {
  const pnpm = readText(path.join(folder, 'pnpm-workspace.yaml'));
  if (pnpm !== undefined) return pnpmPackages(pnpm);
  const workspacesField = readManifest(path.join(folder, 'package.json'))?.['workspaces'];
  const list = Array.isArray(workspacesField)
    ? workspacesField
    : isRecord(workspacesField) && Array.isArray(workspacesField['packages'])
      ? workspacesField['packages']
      : undefined;
  return list?.filter((entry): entry is string => typeof entry === 'string');
}

/** The `packages:` list of a pnpm-workspace.yaml (block or flow style); other keys are ignored. */
export function pnpmPackages(yaml: string): string[] {
  const patterns: string[] = [];
  let inPackages = false;
  for (const raw of yaml.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '');
    if (/^\S/.test(line)) {
      const flow = /^packages\s*:\s*\[(.*)\]\s*$/.exec(line);
      if (flow?.[1] !== undefined)
        patterns.push(...flow[1].split(',').map(unquote).filter(Boolean));
      inPackages = /^packages\s*:\s*$/.test(line);
      continue;
    }
    const item = inPackages ? /^\s+-\s*(.+?)\s*$/.exec(line) : null;
    if (item?.[1]) patterns.push(unquote(item[1]));
  }
  return patterns;
}

function unquote(text: string): string {
  return text.trim().replace(/^(['"])(.*)\1$/, '$2');
}

function workspaceAt(root: string): Workspace | undefined {
  const manifestFile = existing([
    path.join(root, 'pnpm-workspace.yaml'),
    path.join(root, 'package.json'),
  ]);
  const stamp = manifestFile ? stampOf(manifestFile) : undefined;
  if (!stamp) return undefined;
  const cached = workspaces.get(root);
  if (cached && sameStamp(cached.stamp, stamp)) return cached;
  const patterns = patternsAt(root) ?? [];
  const excluded = patterns
    .filter((pattern) => pattern.startsWith('!'))
    .map((pattern) => pattern.slice(1).replace(/^\.\//, ''));
  const packages = new Map<string, string>();
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) continue;
    for (const folder of expand(
      root,
      pattern.replace(/^\.\//, '').replace(/\/$/, '').split('/'),
      0,
    )) {
      const relative = path.relative(root, folder).split(path.sep).join('/');
      if (excluded.some((exclusion) => minimatch(relative, exclusion))) continue;
      const name = readManifest(path.join(folder, 'package.json'))?.['name'];
      if (typeof name === 'string' && !packages.has(name)) packages.set(name, folder);
    }
  }
  const workspace = { stamp, packages };
  workspaces.set(root, workspace);
  return workspace;
}

/** The folders a workspace glob names (`packages/*`, `apps/**`, `tools/cli`), never inside node_modules. */
function expand(folder: string, segments: readonly string[], depth: number): string[] {
  const [segment, ...rest] = segments;
  if (segment === undefined || segment === '') return [folder];
  if (segment === '**') {
    if (depth >= MAX_GLOB_DEPTH) return [];
    return [
      ...expand(folder, rest, depth),
      ...subfolders(folder).flatMap((child) => expand(child, segments, depth + 1)),
    ];
  }
  if (!/[*?[{]/.test(segment)) return expand(path.join(folder, segment), rest, depth);
  return subfolders(folder)
    .filter((child) => minimatch(path.basename(child), segment))
    .flatMap((child) => expand(child, rest, depth));
}

function subfolders(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter(
        (entry) =>
          entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'),
      )
      .map((entry) => path.join(folder, entry.name));
  } catch {
    return [];
  }
}

/** The entry paths (relative to the package folder) a subpath may load, most likely first. */
function entriesOf(manifest: Record<string, unknown> | undefined, subpath: string): string[] {
  const exportsField = manifest?.['exports'];
  if (exportsField !== undefined && exportsField !== null) {
    const target = exportTarget(exportsField, subpath);
    return target
      ? conditionTargets(target.value).map((entry) =>
          target.star === undefined ? entry : entry.split('*').join(target.star),
        )
      : [];
  }
  if (subpath !== '.') return [subpath];
  const fields = ['source', 'module', 'main']
    .map((field) => manifest?.[field])
    .filter((value): value is string => typeof value === 'string');
  return [...fields, './index'];
}

/** The `exports` entry for a subpath: exact, or a `./*` pattern with what the star stands for. */
function exportTarget(
  exportsField: unknown,
  subpath: string,
): { value: unknown; star?: string } | undefined {
  const keys = isRecord(exportsField) ? Object.keys(exportsField) : [];
  const isSubpathMap = keys.length > 0 && keys.every((key) => key.startsWith('.'));
  if (!isSubpathMap) return subpath === '.' ? { value: exportsField } : undefined;
  const map = exportsField as Record<string, unknown>;
  if (subpath in map) return { value: map[subpath] };
  for (const key of keys) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (
      subpath.startsWith(prefix) &&
      subpath.endsWith(suffix) &&
      subpath.length >= prefix.length + suffix.length
    ) {
      return {
        value: map[key],
        star: subpath.slice(prefix.length, subpath.length - suffix.length),
      };
    }
  }
  return undefined;
}

/** Every path a conditional export may name, in CONDITIONS order (nested conditions flattened). */
function conditionTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(conditionTargets);
  if (!isRecord(value)) return [];
  const known = CONDITIONS.filter((condition) => condition in value);
  const others = Object.keys(value).filter((condition) => !CONDITIONS.includes(condition));
  return [...known, ...others].flatMap((condition) => conditionTargets(value[condition]));
}

/** `./dist/esm/next/server.js` → `src/next/server.ts` when it exists, else the entry itself. */
function sourceOf(
  folder: string,
  entry: string,
  resolveFile: (base: string) => string | undefined,
): string | undefined {
  const segments = path.posix
    .normalize(entry.replace(/^\.\//, ''))
    .replace(/\.d\.[cm]?ts$/, '')
    .replace(/\.[cm]?[jt]sx?$/, '')
    .split('/');
  if (segments[0] === '..' || segments.length === 0) return undefined;
  const candidates: string[][] = [];
  if (BUILD_FOLDERS.has(segments[0]!)) {
    const rest =
      FORMAT_FOLDERS.has(segments[1] ?? '') && segments.length > 2
        ? segments.slice(2)
        : segments.slice(1);
    candidates.push(['src', ...rest], ['src', ...segments.slice(1)], rest);
  } else if (segments[0] !== 'src') {
    candidates.push(['src', ...segments]);
  }
  candidates.push(segments);
  for (const candidate of candidates) {
    const file = resolveFile(path.join(folder, ...candidate));
    if (file && SOURCE_EXTENSIONS.includes(path.extname(file)) && !file.endsWith('.d.ts'))
      return file;
  }
  return undefined;
}

function readManifest(file: string): Record<string, unknown> | undefined {
  const stamp = stampOf(file);
  if (!stamp) return undefined;
  const cached = manifests.get(file);
  if (cached && sameStamp(cached.stamp, stamp)) return cached.json;
  let json: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    json = isRecord(parsed) ? parsed : undefined;
  } catch {
    json = undefined;
  }
  manifests.set(file, { stamp, json });
  return json;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** A file's modification stamp, or undefined when it is not a file. */
export function stampOf(file: string): Stamp | undefined {
  try {
    const stats = statSync(file);
    return stats.isFile() ? { mtimeMs: stats.mtimeMs, size: stats.size } : undefined;
  } catch {
    return undefined;
  }
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.mtimeMs === b.mtimeMs && a.size === b.size;
}

function existing(files: readonly string[]): string | undefined {
  return files.find((file) => stampOf(file) !== undefined);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
