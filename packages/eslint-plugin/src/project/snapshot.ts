/**
 * The index facts as one JSON file, so the CLI builds the index once and its worker threads read it
 * instead of each rebuilding it (`settings.cors.project.snapshot`).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type {
  CorsPolicy,
  ProxiedPrefix,
  RouteRule,
  ServerSurface,
  SourceRef,
} from 'cors-lint-core';
import type { ReexportedRouteHandler } from './facts/js.js';
import type { LintedFileFacts, ProjectFacts } from './project-index.js';
import { projectIndex } from './project-index.js';

interface SnapshotFile {
  /** 2: each surface's policies stand once in its `policyTable`, its rules refer to them. */
  readonly version: 1 | 2;
  readonly root: string;
  readonly fingerprint: string;
  readonly surfaces: readonly (ServerSurface | StoredSurface)[];
  readonly proxied: readonly ProxiedPrefix[];
  readonly headersRead: readonly string[];
  readonly digests: Readonly<Record<string, string>>;
  readonly reexportedHandlers: readonly ReexportedRouteHandler[];
}

type Policy = CorsPolicy<SourceRef>;
/** A rule's policy as stored: its place in the surface's `policyTable`. */
interface PolicyRef {
  readonly $policy: number;
}
type StoredRule = Omit<RouteRule, 'policy' | 'preflightPolicy'> & {
  readonly policy: PolicyRef | 'none' | 'unknown';
  readonly preflightPolicy?: PolicyRef | 'none';
};
type StoredSurface = Omit<ServerSurface, 'routes'> & {
  readonly routes: readonly StoredRule[];
  readonly policyTable: readonly Policy[];
};

/**
 * One surface as snapshot JSON. The rules of one middleware share its policy object, and a policy
 * is most of a rule's JSON (a 10,000-line server: 2,176 rules, 55 policies, 81 % of 2 MB): each
 * policy is written once per surface, in `policyTable`, and the rules name its place.
 */
export function serialiseSurface(surface: ServerSurface): string {
  const table: Policy[] = [];
  const places = new Map<Policy, number>();
  const refer = (policy: Policy): PolicyRef => {
    let place = places.get(policy);
    if (place === undefined) {
      place = table.push(policy) - 1;
      places.set(policy, place);
    }
    return { $policy: place };
  };
  const routes: StoredRule[] = surface.routes.map(({ policy, preflightPolicy, ...rule }) => ({
    ...rule,
    policy: typeof policy === 'string' ? policy : refer(policy),
    ...(preflightPolicy === undefined
      ? {}
      : {
          preflightPolicy:
            typeof preflightPolicy === 'string' ? preflightPolicy : refer(preflightPolicy),
        }),
  }));
  const stored: StoredSurface = { ...surface, routes, policyTable: table };
  return JSON.stringify(stored);
}

/** A surface as read from a snapshot: its rules' policies are shared objects again. */
function restoreSurface(surface: ServerSurface | StoredSurface): ServerSurface {
  if (!('policyTable' in surface) || !Array.isArray(surface.policyTable))
    return surface as ServerSurface;
  const { policyTable, ...rest } = surface;
  const policyAt = (ref: PolicyRef): Policy => {
    const policy = policyTable[ref.$policy];
    if (policy === undefined) throw new Error('a snapshot rule names a policy it does not have');
    return policy;
  };
  return {
    ...rest,
    routes: surface.routes.map(({ policy, preflightPolicy, ...rule }): RouteRule => ({
      ...rule,
      policy: typeof policy === 'string' ? policy : policyAt(policy),
      ...(preflightPolicy === undefined
        ? {}
        : {
            preflightPolicy:
              typeof preflightPolicy === 'string' ? preflightPolicy : policyAt(preflightPolicy),
          }),
    })),
  };
}

/**
 * A file's facts as they cross to another thread: each surface as its snapshot JSON. A string
 * crosses as one copy, where a structured clone of a 10,000-line server's 2,176 rules costs about
 * 4.5 ms on each side, on the lint's way to its diagnostics; and the index thread keeps the JSON.
 */
export interface PackedFileFacts extends Omit<LintedFileFacts, 'surfaces'> {
  readonly surfaceJson: readonly string[];
}

export function packFileFacts({ surfaces, ...rest }: LintedFileFacts): PackedFileFacts {
  return { ...rest, surfaceJson: surfaces.map(serialiseSurface) };
}

/** The facts `packFileFacts` packed; `kept` learns each surface's JSON (the index thread keeps it). */
export function unpackFileFacts(
  { surfaceJson, ...rest }: PackedFileFacts,
  kept?: (surface: ServerSurface, json: string) => void,
): LintedFileFacts {
  const surfaces = surfaceJson.map((json) => {
    const surface = restoreSurface(JSON.parse(json) as StoredSurface);
    kept?.(surface, json);
    return surface;
  });
  return { ...rest, surfaces };
}

/**
 * Writes `facts` as a snapshot file. `surfacesJson`: the surfaces as `serialiseSurface` writes
 * them, joined into one JSON list, when the caller has it already (the language server keeps each
 * surface's JSON), so a large project's surfaces are not serialised again.
 */
export function writeSnapshot(
  file: string,
  facts: ProjectFacts,
  fingerprint: string,
  surfacesJson = `[${facts.surfaces.map(serialiseSurface).join(',')}]`,
): void {
  const snapshot: SnapshotFile = {
    version: 2,
    root: facts.root,
    fingerprint,
    surfaces: [],
    proxied: facts.proxied,
    headersRead: [...facts.headersRead],
    digests: facts.digests,
    reexportedHandlers: facts.reexportedHandlers,
  };
  const json = JSON.stringify(snapshot);
  // The serialised surfaces go where the empty list stands: the first `"surfaces":[]` is that key,
  // since only the root and the fingerprint come before it, and a JSON string escapes its quotes.
  const at = json.indexOf(SURFACES_SLOT);
  writeFileSync(
    file,
    `${json.slice(0, at)}"surfaces":${surfacesJson}${json.slice(at + SURFACES_SLOT.length)}`,
  );
}

const SURFACES_SLOT = '"surfaces":[]';

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
      (parsed.version === 1 || parsed.version === 2) &&
      typeof parsed.root === 'string' &&
      Array.isArray(parsed.surfaces) &&
      Array.isArray(parsed.proxied) &&
      Array.isArray(parsed.headersRead)
    ) {
      facts = {
        root: parsed.root,
        surfaces: parsed.surfaces.map(restoreSurface),
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
