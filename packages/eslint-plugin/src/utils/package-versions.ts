/**
 * The major version of a dependency, read from the nearest package.json above a linted file that
 * declares it (dependencies, devDependencies or peerDependencies). Anything we cannot read (no
 * file, bad JSON, a tag like `latest`, a workspace or git range) is unknown, and version-specific
 * checks then stay quiet. Results are cached per folder and package for a few seconds: long enough
 * for one lint run, short enough that an editor's long-lived server sees an upgrade in package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const CACHE_MS = 5_000;
const cache = new Map<string, { readonly major: number | undefined; readonly readAt: number }>();

export function dependencyMajor(filename: string, packageName: string): number | undefined {
  if (!path.isAbsolute(filename)) return undefined;
  return majorIn(path.dirname(filename), packageName);
}

function majorIn(folder: string, packageName: string): number | undefined {
  const key = `${folder}\0${packageName}`;
  const cached = cache.get(key);
  if (cached !== undefined && Date.now() - cached.readAt < CACHE_MS) return cached.major;
  const declared = declaredRange(path.join(folder, 'package.json'), packageName);
  const parent = path.dirname(folder);
  const major =
    declared !== undefined
      ? majorOf(declared)
      : parent === folder
        ? undefined
        : majorIn(parent, packageName);
  cache.set(key, { major, readAt: Date.now() });
  return major;
}

/**
 * The major of `dependency` as the installed `host` package depends on it, for a host that brings its
 * own copy (`@nestjs/platform-fastify` → `@fastify/cors`): read from the nearest
 * `node_modules/<host>/package.json` above the linted file. Unknown when the host is not installed.
 */
export function bundledDependencyMajor(
  filename: string,
  host: string,
  dependency: string,
): number | undefined {
  if (!path.isAbsolute(filename)) return undefined;
  return bundledMajorIn(path.dirname(filename), host, dependency);
}

function bundledMajorIn(folder: string, host: string, dependency: string): number | undefined {
  const key = `${folder}\0${host}\0${dependency}`;
  const cached = cache.get(key);
  if (cached !== undefined && Date.now() - cached.readAt < CACHE_MS) return cached.major;
  const manifest = path.join(folder, 'node_modules', host, 'package.json');
  const parent = path.dirname(folder);
  let major: number | undefined;
  if (existsSync(manifest)) {
    const range = declaredRange(manifest, dependency);
    major = range === undefined ? undefined : majorOf(range);
  } else if (parent !== folder) {
    major = bundledMajorIn(parent, host, dependency);
  }
  cache.set(key, { major, readAt: Date.now() });
  return major;
}

/** The range a package.json gives the package, or undefined when the file is absent or does not list it. */
function declaredRange(file: string, packageName: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    const ranges = (json as Record<string, unknown>)[field];
    const range =
      typeof ranges === 'object' && ranges !== null
        ? (ranges as Record<string, unknown>)[packageName]
        : undefined;
    if (typeof range === 'string') return range;
  }
  return undefined;
}

/** `^5.3.0`, `~4.21.2`, `5`, `>=5.0.0`, `4.x` → the major; ranges spanning majors (`4 || 5`, `*`) → unknown. */
function majorOf(range: string): number | undefined {
  const match = /^\s*(?:\^|~|>=|=)?\s*v?(\d+)(?:\.(?:\d+|x|\*)){0,2}\s*$/i.exec(range);
  return match ? Number(match[1]) : undefined;
}
