/**
 * The django-cors-headers version a settings module is linted for, which decides the per-version facts
 * (core `djangoCorsFacts`): `settings.cors.django.corsHeadersVersion` when given, else the project's pin,
 * read from the nearest folder above the settings module whose requirements*.txt (also in a
 * `requirements/` folder), pyproject.toml, Pipfile.lock or Pipfile names the package. A pin is an exact
 * version (`==4.3.1`), or a range whose versions all share the same facts (`~=3.14`, Poetry's `^4.3`);
 * anything else, or no file naming the package, is unknown, and the lint assumes the newest facts.
 * Results are cached per folder for a few seconds, as package-versions.ts does for package.json.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  djangoCorsFacts,
  isDjangoCorsHeadersVersion,
  type DjangoCorsVersionFacts,
} from 'cors-lint-core';
import type { AnyRuleContext } from './language-report.js';

/** Where the version came from; `undefined` version: unknown, the newest facts apply. */
export interface AssumedVersion {
  readonly version: string | undefined;
  readonly facts: DjangoCorsVersionFacts;
}

const CACHE_MS = 5_000;
/** Per folder: the pin found there or above (`null`: a file names the package without a usable pin). */
const cache = new Map<
  string,
  { readonly pin: string | null | undefined; readonly readAt: number }
>();

/** The version the lint assumes for this file, and its facts. */
export function djangoCorsHeadersVersion(context: AnyRuleContext): AssumedVersion {
  const version = settingVersion(context.settings) ?? pinnedVersion(context.filename);
  return { version, facts: djangoCorsFacts(version) };
}

function settingVersion(settings: unknown): string | undefined {
  const cors = isRecord(settings) ? settings['cors'] : undefined;
  const django = isRecord(cors) ? cors['django'] : undefined;
  const version = isRecord(django) ? django['corsHeadersVersion'] : undefined;
  return typeof version === 'string' && isDjangoCorsHeadersVersion(version)
    ? version.trim()
    : undefined;
}

/** The pin for a settings module at `filename`, searched from its folder up; undefined when none is usable. */
export function pinnedVersion(filename: string): string | undefined {
  if (!path.isAbsolute(filename)) return undefined;
  return pinIn(path.dirname(filename)) ?? undefined;
}

function pinIn(folder: string): string | null | undefined {
  const cached = cache.get(folder);
  if (cached !== undefined && Date.now() - cached.readAt < CACHE_MS) return cached.pin;
  let pin = pinInFolder(folder);
  if (pin === undefined) {
    const parent = path.dirname(folder);
    pin = parent === folder ? undefined : pinIn(parent);
  }
  cache.set(folder, { pin, readAt: Date.now() });
  return pin;
}

/** The pin the folder's files give: a version, `null` when they name the package without one, undefined when they do not name it. */
function pinInFolder(folder: string): string | null | undefined {
  let found: string | null | undefined;
  for (const file of pinFiles(folder)) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const specifiers =
      path.basename(file) === 'Pipfile.lock' ? fromPipfileLock(text) : fromText(text);
    for (const specifier of specifiers) {
      const version = versionOf(specifier, path.basename(file));
      if (version) return version;
      found = null;
    }
  }
  return found;
}

function pinFiles(folder: string): string[] {
  const names = (dir: string): string[] => {
    try {
      return readdirSync(dir).sort();
    } catch {
      return [];
    }
  };
  const files = names(folder)
    .filter(
      (name) =>
        /^requirements.*\.txt$/i.test(name) ||
        name === 'pyproject.toml' ||
        name === 'Pipfile.lock' ||
        name === 'Pipfile',
    )
    .map((name) => path.join(folder, name));
  const nested = path.join(folder, 'requirements');
  if (existsSync(nested))
    files.push(
      ...names(nested)
        .filter((name) => name.endsWith('.txt'))
        .map((name) => path.join(nested, name)),
    );
  return files;
}

/**
 * The version specifiers the text gives the package, in requirements, PEP 621 and Poetry/Pipfile
 * syntax: `django-cors-headers==4.3.1`, `"django-cors-headers>=4,<5"`, `django-cors-headers = "^4.3"`.
 * Names compare as PEP 503 normalises them (case, and runs of `-`, `_`, `.`).
 */
function fromText(text: string): string[] {
  const out: string[] = [];
  const name = /(?<![\w.-])django[-_.]+cors[-_.]+headers(?:\[[^\]]*\])?(?![\w.-])/gi;
  for (const line of text.split('\n')) {
    const code = line.replace(/(^|\s)#.*$/, '');
    name.lastIndex = 0;
    const match = name.exec(code);
    if (!match) continue;
    const rest = code.slice(match.index + match[0].length);
    // `= "^4.3"` / `= { version = "^4.3" }` (Poetry, Pipfile), or the specifier that follows the name.
    const quoted = /^\s*=\s*(?:\{[^}]*version\s*=\s*)?["']([^"']*)["']/.exec(rest);
    out.push((quoted ? quoted[1]! : (/^\s*([^"';#\]]*)/.exec(rest)?.[1] ?? '')).trim());
  }
  return out;
}

function fromPipfileLock(text: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  if (!isRecord(json)) return [];
  return ['default', 'develop'].flatMap((section) => {
    const packages = json[section];
    if (!isRecord(packages)) return [];
    return Object.entries(packages).flatMap(([key, value]) =>
      key.toLowerCase().replace(/[-_.]+/g, '-') === 'django-cors-headers' && isRecord(value)
        ? [typeof value['version'] === 'string' ? value['version'] : '']
        : [],
    );
  });
}

/**
 * A version whose facts hold for every version the specifier allows: an exact pin, or a range from a
 * version to an upper bound that no fact changes within. Poetry and Pipfile read a bare version as
 * `^version` (Poetry) or `==version` (Pipfile).
 */
function versionOf(specifier: string, file: string): string | undefined {
  const spec = specifier.replace(/\s+/g, '');
  if (spec === '' || spec === '*') return undefined;
  const exact = /^===?(\d+(?:\.\d+){0,2})(?:\.\*)?$/.exec(spec);
  if (exact) return exact[1];
  const bare = isDjangoCorsHeadersVersion(spec)
    ? file === 'Pipfile' || file === 'Pipfile.lock' || file.endsWith('.txt')
      ? `==${spec}`
      : `^${spec}`
    : spec;
  if (bare !== spec) return versionOf(bare, file);
  const range = rangeOf(spec);
  if (!range) return undefined;
  const [low, high] = range;
  return djangoCorsFacts(low).version === djangoCorsFacts(high).version ? low : undefined;
}

/** The lowest version and the highest below the upper bound, for `~=`, `^` and `>=X,<Y`. */
function rangeOf(spec: string): [string, string] | undefined {
  const parts = (text: string) => text.split('.').map(Number);
  const below = ([major, minor]: number[], level: 'major' | 'minor'): string =>
    level === 'major' ? `${major! - 1}.999.999` : `${major}.${minor! - 1}.999`;
  const compatible = /^~=(\d+(?:\.\d+){1,2})$/.exec(spec);
  if (compatible) {
    const version = parts(compatible[1]!);
    // ~=3.14 means >=3.14,<4; ~=3.14.1 means >=3.14.1,<3.15.
    const upper =
      version.length === 2
        ? below([version[0]! + 1, 0], 'major')
        : `${version[0]}.${version[1]}.999`;
    return [compatible[1]!, upper];
  }
  const caret = /^\^(\d+(?:\.\d+){0,2})$/.exec(spec);
  if (caret) {
    const [major] = parts(caret[1]!);
    return major! > 0 ? [caret[1]!, below([major! + 1, 0], 'major')] : undefined;
  }
  const between = /^>=(\d+(?:\.\d+){0,2}),<(\d+(?:\.\d+){0,2})$/.exec(spec);
  if (between) {
    const upper = parts(between[2]!);
    const [major = 0, minor = 0, patch = 0] = upper;
    const highest =
      patch > 0
        ? `${major}.${minor}.${patch - 1}`
        : minor > 0
          ? below([major, minor], 'minor')
          : below([major, 0], 'major');
    return [between[1]!, highest];
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
