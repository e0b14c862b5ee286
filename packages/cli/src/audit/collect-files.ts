/**
 * Which files an audit reads. A path the user names is always audited, wherever it is (outside the
 * working folder, under node_modules, listed in .gitignore): naming it is asking for it. Folders are
 * walked, skipping node_modules, .git and what the .gitignore files on the way list. An entry that
 * cannot be read (a dangling symlink, a loop, a folder without permission) is reported as not
 * audited and the walk goes on: one bad entry never aborts the audit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isNginxConfigPath } from 'eslint-plugin-cors';
import ignore, { type Ignore } from 'ignore';
import { UsageError } from '../errors.js';
import {
  isDjangoSettingsFile,
  JAVASCRIPT_EXTENSIONS,
  TYPESCRIPT_EXTENSIONS,
} from './lint-config.js';

const AUDITED_EXTENSIONS: ReadonlySet<string> = new Set([
  ...JAVASCRIPT_EXTENSIONS,
  ...TYPESCRIPT_EXTENSIONS,
]);
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

export interface Candidate {
  readonly filePath: string;
  /** Named on the command line rather than found in a folder. */
  readonly named: boolean;
}

export interface Unreadable {
  readonly filePath: string;
  readonly reason: string;
}

export interface Collected {
  readonly candidates: readonly Candidate[];
  readonly unreadable: readonly Unreadable[];
}

/** JavaScript and TypeScript by extension; nginx configs and Django settings modules by the names the plugin's blocks lint. */
export const isAuditedFile = (filePath: string): boolean =>
  (AUDITED_EXTENSIONS.has(path.extname(filePath).toLowerCase()) && !filePath.endsWith('.d.ts')) ||
  isNginxConfigPath(filePath) ||
  isDjangoSettingsFile(filePath);

/** Throws a `UsageError` for a named path that does not exist or is not a file we can audit. */
export function collectFiles(paths: readonly string[], cwd: string): Collected {
  const candidates = new Map<string, Candidate>();
  const unreadable: Unreadable[] = [];
  for (const target of paths) {
    const absolute = path.resolve(cwd, target);
    const stat = statOrReason(absolute);
    if (typeof stat === 'string') {
      if (stat === 'no such file or folder')
        throw new UsageError(`no such file or folder: ${target}`);
      unreadable.push({ filePath: absolute, reason: stat });
      continue;
    }
    if (stat.isDirectory()) {
      const before = candidates.size + unreadable.length;
      walk(absolute, ignoresAbove(absolute), new Set(), candidates, unreadable);
      if (candidates.size + unreadable.length === before) {
        throw new UsageError(
          `no JavaScript, TypeScript, nginx or Django settings files to audit in ${target} (node_modules and .gitignore'd files are skipped)`,
        );
      }
    } else if (isAuditedFile(absolute)) {
      candidates.set(absolute, { filePath: absolute, named: true });
    } else {
      throw new UsageError(
        `${target} is not a JavaScript, TypeScript or nginx file, or a Django settings module (${[...AUDITED_EXTENSIONS].join(', ')}; an nginx config such as nginx.conf, *.nginx, conf.d/*.conf, sites-*/*; settings.py, settings/*.py)`,
      );
    }
  }
  return {
    candidates: [...candidates.values()].sort((a, b) => compareFilePaths(a.filePath, b.filePath)),
    unreadable,
  };
}

/** Plain path order, as ESLint reports files: stable output whatever order the file system lists. */
function compareFilePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A .gitignore applies to the folder it is in and below; `base` is that folder. */
interface ScopedIgnore {
  readonly base: string;
  readonly rules: Ignore;
}

function isIgnored(entry: string, isFolder: boolean, ignores: readonly ScopedIgnore[]): boolean {
  return ignores.some(({ base, rules }) => {
    const relative = path.relative(base, entry).split(path.sep).join('/');
    return (
      relative !== '' &&
      !relative.startsWith('..') &&
      rules.ignores(isFolder ? `${relative}/` : relative)
    );
  });
}

function readIgnore(folder: string): ScopedIgnore | undefined {
  try {
    return {
      base: folder,
      rules: ignore().add(fs.readFileSync(path.join(folder, '.gitignore'), 'utf8')),
    };
  } catch {
    return undefined;
  }
}

/** The .gitignore files of the folders above a walked folder, up to the repository's root (the folder holding `.git`). */
function ignoresAbove(folder: string): ScopedIgnore[] {
  const found: ScopedIgnore[] = [];
  if (fs.existsSync(path.join(folder, '.git'))) return found;
  for (let current = path.dirname(folder); ; current = path.dirname(current)) {
    const scoped = readIgnore(current);
    if (scoped) found.push(scoped);
    if (fs.existsSync(path.join(current, '.git')) || path.dirname(current) === current) break;
  }
  return found;
}

function walk(
  folder: string,
  inherited: readonly ScopedIgnore[],
  visited: Set<string>,
  candidates: Map<string, Candidate>,
  unreadable: Unreadable[],
): void {
  let real: string;
  let entries: fs.Dirent[];
  try {
    real = fs.realpathSync(folder);
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    unreadable.push({
      filePath: folder,
      reason: `cannot read this folder (${systemReason(error)})`,
    });
    return;
  }
  // A symlink back up the tree would walk forever.
  if (visited.has(real)) return;
  visited.add(real);
  const own = readIgnore(folder);
  const ignores = own ? [...inherited, own] : inherited;
  for (const entry of entries.sort((a, b) => compareFilePaths(a.name, b.name))) {
    const entryPath = path.join(folder, entry.name);
    let isFolder = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = statOrReason(entryPath);
      if (typeof target === 'string') {
        if (isAuditedFile(entryPath) && !isIgnored(entryPath, false, ignores))
          unreadable.push({ filePath: entryPath, reason: target });
        continue;
      }
      isFolder = target.isDirectory();
      isFile = target.isFile();
    }
    if (isFolder) {
      if (SKIPPED_FOLDERS.has(entry.name) || isIgnored(entryPath, true, ignores)) continue;
      walk(entryPath, ignores, visited, candidates, unreadable);
    } else if (
      isFile &&
      isAuditedFile(entryPath) &&
      !isIgnored(entryPath, false, ignores) &&
      !candidates.has(entryPath)
    ) {
      candidates.set(entryPath, { filePath: entryPath, named: false });
    }
  }
}

/** `fs.Stats` following symlinks, or why the path cannot be read. */
function statOrReason(file: string): fs.Stats | string {
  try {
    return fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      try {
        if (fs.lstatSync(file).isSymbolicLink())
          return `a symbolic link to a missing file (${fs.readlinkSync(file)})`;
      } catch {
        // Not there at all.
      }
      return 'no such file or folder';
    }
    if (code === 'ELOOP') return 'a symbolic link that points to itself (a loop)';
    return `cannot read it (${systemReason(error)})`;
  }
}

export function systemReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'it no longer exists';
    case 'EISDIR':
    case 'ERR_FS_EISDIR':
      return 'it is a folder';
    default:
      return code ?? message;
  }
}
