/**
 * The index facts as one JSON file, so the CLI builds the index once and its worker threads read it
 * instead of each rebuilding it (`settings.cors.project.snapshot`).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { ProxiedPrefix, ServerSurface } from 'cors-lint-core';
import type { ReexportedRouteHandler } from './facts/js.js';
import type { ProjectFacts } from './project-index.js';
import { projectIndex } from './project-index.js';

interface SnapshotFile {
  readonly version: 1;
  readonly root: string;
  readonly fingerprint: string;
  readonly surfaces: readonly ServerSurface[];
  readonly proxied: readonly ProxiedPrefix[];
  readonly headersRead: readonly string[];
  readonly digests: Readonly<Record<string, string>>;
  readonly reexportedHandlers: readonly ReexportedRouteHandler[];
}

export function writeSnapshot(file: string, facts: ProjectFacts, fingerprint: string): void {
  const snapshot: SnapshotFile = {
    version: 1,
    root: facts.root,
    fingerprint,
    surfaces: facts.surfaces,
    proxied: facts.proxied,
    headersRead: [...facts.headersRead],
    digests: facts.digests,
    reexportedHandlers: facts.reexportedHandlers,
  };
  writeFileSync(file, JSON.stringify(snapshot));
}

const loaded = new Map<
  string,
  { readonly mtimeMs: number; readonly facts: ProjectFacts | undefined }
>();
/**
 * Snapshots kept read: a language server writes one per version of a folder's facts, and a lint
 * reads the newest few; the oldest read is forgotten past this many.
 */
const KEPT_READ_SNAPSHOTS = 16;

/**
 * The facts of a snapshot file, read once per change; undefined when it is missing or not a
 * snapshot. A snapshot already read and since removed keeps its facts: its writer removes a file
 * only once a newer one exists (the language server prunes old versions), and a lint that was
 * handed the old one must not end up without facts halfway.
 */
export function readSnapshot(file: string): ProjectFacts | undefined {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return loaded.get(file)?.facts;
  }
  const cached = loaded.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.facts;
  loaded.delete(file);
  if (loaded.size >= KEPT_READ_SNAPSHOTS) loaded.delete(loaded.keys().next().value ?? '');
  let facts: ProjectFacts | undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<SnapshotFile>;
    if (
      parsed.version === 1 &&
      typeof parsed.root === 'string' &&
      Array.isArray(parsed.surfaces) &&
      Array.isArray(parsed.proxied) &&
      Array.isArray(parsed.headersRead)
    ) {
      facts = {
        root: parsed.root,
        surfaces: parsed.surfaces,
        proxied: parsed.proxied,
        headersRead: new Set(parsed.headersRead),
        digests:
          typeof parsed.digests === 'object' && parsed.digests !== null ? parsed.digests : {},
        reexportedHandlers: Array.isArray(parsed.reexportedHandlers)
          ? parsed.reexportedHandlers
          : [],
      };
    }
  } catch {
    facts = undefined;
  }
  loaded.set(file, { mtimeMs, facts });
  return facts;
}

/** Where a built snapshot is, for the settings of the lints that read it. */
export interface BuiltSnapshot {
  readonly root: string;
  readonly fingerprint: string;
  readonly snapshot: string;
}

/**
 * Builds the index of `root` once and writes it to `file`: the CLI does this before linting, and
 * hands its worker threads `{ root, fingerprint, snapshot }` as `settings.cors.project`. `parser`
 * parses the server files (the TypeScript parser reads JavaScript too).
 */
export function buildProjectSnapshot(root: string, file: string, parser?: unknown): BuiltSnapshot {
  const index = projectIndex(root);
  const fingerprint = index.fingerprint();
  writeSnapshot(file, index.facts(parser, {}), fingerprint);
  return { root, fingerprint, snapshot: file };
}
