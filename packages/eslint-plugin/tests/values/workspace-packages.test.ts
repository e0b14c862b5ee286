/**
 * Bare imports of a workspace package resolved to its source: the workspace's package list (pnpm and
 * npm/yarn), the package's `exports`/`main`, and a built entry mapped back to `src/`.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  pnpmPackages,
  resolveWorkspaceImport,
} from '../../src/utils/extract/values/workspace-packages.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const monorepo = path.join(
  fixtures,
  '..',
  '..',
  '..',
  '..',
  'test-fixtures',
  'project-next-workspace',
);

/** The file a path names, with a source extension or as a folder's index (as imports.ts resolves). */
function resolveFile(base: string): string | undefined {
  for (const candidate of [
    base,
    ...['.ts', '.js'].map((ext) => base + ext),
    path.join(base, 'index.ts'),
  ]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

describe('pnpm-workspace.yaml', () => {
  it('reads the packages list in block and flow style, quoted or not, and ignores other keys', () => {
    expect(
      pnpmPackages(
        'packages:\n  - \'packages/*\'\n  - apps/* # the apps\n  - "!**/test/**"\ncatalog:\n  - react\n',
      ),
    ).toEqual(['packages/*', 'apps/*', '!**/test/**']);
    expect(pnpmPackages("packages: ['libs/*', tools/cli]\n")).toEqual(['libs/*', 'tools/cli']);
    expect(pnpmPackages('onlyBuiltDependencies:\n  - esbuild\n')).toEqual([]);
  });
});

describe('resolveWorkspaceImport', () => {
  const site = path.join(monorepo, 'apps', 'site', 'app', 'api');

  it('maps an `exports` subpath built to dist/esm back to its source under src/', () => {
    expect(resolveWorkspaceImport(site, '@sample/cms-kit/next', resolveFile)).toBe(
      path.join(monorepo, 'packages', 'cms-kit', 'src', 'next', 'clean-index.ts'),
    );
  });

  it('maps `main` for the package root (pnpm workspace) and a `source` condition (npm workspace)', () => {
    const route = path.join(fixtures, 'workspace-route', 'apps', 'web', 'app', 'api', 'items');
    expect(resolveWorkspaceImport(route, '@kit/server', resolveFile)).toBe(
      path.join(fixtures, 'workspace-route', 'packages', 'kit', 'src', 'index.ts'),
    );
    expect(
      resolveWorkspaceImport(path.join(fixtures, 'npm-workspace', 'app'), 'auth-lib', resolveFile),
    ).toBe(path.join(fixtures, 'npm-workspace', 'libs', 'auth', 'src', 'main.ts'));
  });

  it('leaves unknown what no workspace package owns: other packages, unexported subpaths, relative paths', () => {
    expect(resolveWorkspaceImport(site, 'next/server', resolveFile)).toBeUndefined();
    expect(resolveWorkspaceImport(site, '@sample/cms-kit/internal', resolveFile)).toBeUndefined();
    expect(resolveWorkspaceImport(site, './cms', resolveFile)).toBeUndefined();
    expect(
      resolveWorkspaceImport(path.join(fixtures, 'imported-options'), '@kit/server', resolveFile),
    ).toBeUndefined();
  });
});
