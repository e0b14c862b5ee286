/**
 * The files of a project, relative to its root with `/` separators: `git ls-files -co
 * --exclude-standard` where the root is in a git work tree (tracked and untracked, ignoring what
 * .gitignore ignores), else a walk that skips `node_modules`, `.git` and build output.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  'dist',
  'build',
  'coverage',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.turbo',
  '.cache',
  'out',
]);
/** A walk stops here: a folder this large is not a project a linter should read file by file. */
const MAX_WALKED_FILES = 50_000;

export function listProjectFiles(root: string): string[] {
  return gitFiles(root) ?? walk(root);
}

function gitFiles(root: string): string[] | undefined {
  try {
    const output = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    // git lists paths relative to the cwd, so a root inside a larger repository lists only its own files.
    return output
      .split('\0')
      .filter((file) => file !== '' && !file.split('/').includes('node_modules'));
  } catch {
    return undefined;
  }
}

function walk(root: string): string[] {
  const files: string[] = [];
  const pending = [''];
  while (pending.length > 0 && files.length < MAX_WALKED_FILES) {
    const relative = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(child);
      } else if (entry.isFile()) {
        files.push(child);
      }
    }
  }
  return files.sort();
}
