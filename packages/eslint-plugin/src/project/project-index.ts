/**
 * The project index: the server facts of every file of a project (route rules, dev proxies) as
 * plain data, so a rule on a client call can check it against the server that answers it.
 *
 * - One index per project root (project-root.ts), built lazily by the first rule that asks.
 * - Files come from `git ls-files` or a walk (enumerate.ts); only those whose text mentions CORS
 *   (`cors`, `access-control-`), and dev-server configs, are parsed, each once per change. JS/TS
 *   files (facts/js.ts), nginx configurations under the names the nginx block lints (facts/nginx.ts:
 *   also those that only `proxy_pass`) and Django settings modules (facts/django.ts).
 * - Every entry is kept with the file's `mtimeMs` and `size`; after `REVALIDATE_MS` the listing is
 *   read again and each file stat'ed, and only changed files are read and parsed again.
 * - Client facts are not indexed: they come from the normal lint of the client file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { Minimatch } from 'minimatch';
import type { ProxiedPrefix, ServerSurface } from 'cors-lint-core';
import { DJANGO_SETTINGS_FILES, isNginxConfigPath } from '../languages/file-names.js';
import { parsePython } from '../languages/django-settings/parse.js';
import { parseNginx } from '../languages/nginx/parse.js';
import { responseHeaderReadsInText } from '../utils/extract/clients/response-header-reads.js';
import { djangoServerSurface } from './facts/django.js';
import type { ReexportedRouteHandler } from './facts/js.js';
import { nextRoutePath } from './facts/js.js';
import { nginxServerSurfaces } from './facts/nginx.js';
import { NEXT_CONFIG, packageJsonProxies, VITE_CONFIG } from './dev-proxies.js';
import { listProjectFiles, SKIPPED_FOLDERS } from './enumerate.js';
import { jsFileFacts, type FileFacts } from './file-facts.js';
import { projectSourceType, withFileContext } from './parse-file.js';

/** What the contract rules read: the server surfaces of the project and its dev proxies. */
export interface ProjectFacts {
  readonly root: string;
  readonly surfaces: readonly ServerSurface[];
  readonly proxied: readonly ProxiedPrefix[];
  /** Lowercased response header names some script of the project reads (`headers.get('X-Total-Count')`). */
  readonly headersRead: ReadonlySet<string>;
  /**
   * Per surface file, the `textDigest` of the text its facts were read from: an editor proposing an
   * edit of that file at a fact's position checks first that the file still has this text.
   */
  readonly digests: Readonly<Record<string, string>>;
  /** Next.js route modules exporting, without OPTIONS, a handler another file makes with CORS headers. */
  readonly reexportedHandlers: readonly ReexportedRouteHandler[];
}

/** A short digest of a file's text, to tell whether a file still has the text its facts were read from. */
export function textDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const DECLARATIONS = /\.d\.[cm]?ts$/;
/** Files that may declare a CORS policy; the same words `getCorsContext` needs before it extracts any. */
const SERVER_TEXT = /cors|access-control-/i;
/** nginx configurations that write CORS headers or pass requests to an app that may. */
const NGINX_TEXT = /access-control-|proxy_pass/i;
/** Settings modules that configure django-cors-headers. */
const DJANGO_TEXT = /\bCORS_|corsheaders/;
/** Larger files are bundles or generated code, not a server anyone edits. */
const MAX_BYTES = 1_000_000;
/** How long a listing and the entries' stats are trusted (eslint-plugin-import-x trusts resolutions 30 s). */
const REVALIDATE_MS = 2_000;

/**
 * The facts of one file that a lint read from its own parse of the text it lints (`lintedFileFacts`),
 * for the index of `root`, where the file is named `file`.
 */
export interface LintedFileFacts extends FileFacts {
  readonly root: string;
  readonly file: string;
}

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  /** Whether the text passed the prefilter (a server candidate or a dev-server config). */
  readonly candidate: boolean;
  /** Response headers the file's text reads. */
  readonly headerReads: readonly string[];
  /** `textDigest` of the text read; undefined when it was not read. */
  readonly digest?: string;
  /** Parsed facts, computed on first use (an nginx file has one surface per `server`). */
  surfaces?: readonly ServerSurface[];
  proxies?: readonly ProxiedPrefix[];
  reexported?: ReexportedRouteHandler;
}

export class ProjectIndex {
  readonly #entries = new Map<string, Entry>();
  #checkedAt = -Infinity;
  /** Bumped when an entry is added, changed or removed; `facts()` is rebuilt only then. */
  #version = 0;
  #facts: { readonly version: number; readonly facts: ProjectFacts } | undefined;
  /**
   * Open documents' unsaved texts, by relative name; `stamp` orders them. `facts`: the text's facts,
   * read by the lint that parsed it, taken instead of parsing the text again.
   */
  readonly #overlays = new Map<
    string,
    { readonly text: string; readonly stamp: number; readonly facts?: FileFacts }
  >();
  #overlayStamp = 0;
  /** Builds of `facts()` since creation, for tests and benchmarks. */
  parses = 0;

  constructor(readonly root: string) {}

  /** Re-reads the listing and the stats when they are older than `REVALIDATE_MS`, or now with `force`. */
  #revalidate(force = false): void {
    const now = Date.now();
    if (!force && now - this.#checkedAt < REVALIDATE_MS) return;
    this.#checkedAt = now;
    const files = listProjectFiles(this.root).filter((file) => isIndexed(file));
    const listed = new Set(files);
    for (const file of this.#entries.keys()) {
      if (!listed.has(file)) {
        this.#entries.delete(file);
        this.#version += 1;
      }
    }
    for (const file of files) this.#update(file);
  }

  /** Reads `file` (relative) again if its stat or overlay changed; whether its entry changed. */
  #update(file: string): boolean {
    const overlay = this.#overlays.get(file);
    let stamp: { mtimeMs: number; size: number };
    if (overlay) stamp = { mtimeMs: -overlay.stamp, size: overlay.text.length };
    else {
      try {
        stamp = statSync(path.join(this.root, file));
      } catch {
        if (!this.#entries.delete(file)) return false;
        this.#version += 1;
        return true;
      }
    }
    const known = this.#entries.get(file);
    if (known && known.mtimeMs === stamp.mtimeMs && known.size === stamp.size) return false;
    const text = stamp.size <= MAX_BYTES ? this.#read(file) : undefined;
    // A server file read as empty is being written in place (truncated, its text not written yet:
    // `writeFile`, many editors and tools); taken as it is, its server would vanish from the facts
    // until the write ends, and its clients be checked against nothing meanwhile. Its facts are kept,
    // and its stamp is not, so the next look (the watcher's event for the write) reads it again.
    if (text === '' && overlay === undefined && known?.candidate === true) return false;
    const read = text === undefined ? { candidate: false, headerReads: [] } : prefilter(file, text);
    // Only a candidate's text is digested: the digests are of the texts facts were read from.
    const entry: Entry = {
      mtimeMs: stamp.mtimeMs,
      size: stamp.size,
      ...read,
      ...(read.candidate && text !== undefined ? { digest: textDigest(text) } : {}),
    };
    // A file that declares nothing before and after (typing in a page without CORS words) changes
    // no fact: its new stamp is kept, and nothing is rebuilt or published for it.
    if (
      known &&
      !known.candidate &&
      !entry.candidate &&
      sameNames(known.headerReads, entry.headerReads)
    ) {
      this.#entries.set(file, entry);
      return false;
    }
    this.#version += 1;
    // The overlay's text was parsed by its lint already: its facts are this text's.
    if (overlay?.facts && entry.candidate && text === overlay.text) {
      entry.surfaces = overlay.facts.surfaces;
      if (overlay.facts.proxies) entry.proxies = overlay.facts.proxies;
      if (overlay.facts.reexported) entry.reexported = overlay.facts.reexported;
    }
    this.#entries.set(file, entry);
    return true;
  }

  /** The editor's unsaved text of `file` (relative), else the disk's; undefined when unreadable. */
  #read(file: string): string | undefined {
    const overlay = this.#overlays.get(file);
    if (overlay) return overlay.text;
    try {
      return readFileSync(path.join(this.root, file), 'utf8');
    } catch {
      return undefined;
    }
  }

  /**
   * An open editor's unsaved text of `absolute`, read instead of the disk until `undefined` puts the
   * disk back. Returns the relative name when the entry changed (its facts may have). `facts`: what
   * the lint of this very text read (`lintedFileFacts`), taken instead of a parse of the text when
   * they are for this root and file.
   */
  overlay(absolute: string, text: string | undefined, facts?: LintedFileFacts): string | undefined {
    const file = indexedName(this.root, absolute);
    if (file === undefined) return undefined;
    if (text === undefined) {
      if (!this.#overlays.delete(file)) return undefined;
    } else {
      const own = facts !== undefined && facts.root === this.root && facts.file === file;
      this.#overlays.set(file, {
        text,
        stamp: ++this.#overlayStamp,
        ...(own ? { facts: ownFacts(facts) } : {}),
      });
    }
    return this.#update(file) ? file : undefined;
  }

  /**
   * Reads only these files (absolute) again: the editor's watcher said they were created, changed or
   * deleted. Returns the relative names of the entries that changed.
   */
  refresh(absolutes: readonly string[]): string[] {
    return absolutes.flatMap((absolute) => {
      const file = indexedName(this.root, absolute);
      return file !== undefined && this.#update(file) ? [file] : [];
    });
  }

  /** Bumped whenever an entry changes: a stamp for the facts of one moment. */
  get version(): number {
    return this.#version;
  }

  /**
   * The fingerprint of the facts: changes whenever a candidate file is added, removed or changed.
   * Always from a fresh listing and fresh stats, so the facts read after it are current too.
   */
  fingerprint(): string {
    this.#revalidate(true);
    const hash = createHash('sha256');
    for (const [file, entry] of [...this.#entries].sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    )) {
      if (entry.candidate) hash.update(`${file}\0${entry.size}\0${entry.mtimeMs}\n`);
    }
    return hash.digest('hex').slice(0, 16);
  }

  /**
   * The facts of every candidate file, parsing those new or changed since the last call. With
   * `revalidate: false` the files are listed and stat'ed only once (then `fingerprint()` refreshes
   * them): a run whose config computed the fingerprint trusts it, as typescript-eslint's single runs do.
   */
  facts(
    parser: unknown,
    settings: unknown,
    { revalidate = true }: { revalidate?: boolean } = {},
  ): ProjectFacts {
    if (revalidate || this.#checkedAt === -Infinity) this.#revalidate();
    if (this.#facts?.version === this.#version) return this.#facts.facts;
    const surfaces: ServerSurface[] = [];
    const proxied: ProxiedPrefix[] = [];
    const headersRead = new Set<string>();
    const digests: Record<string, string> = {};
    const reexportedHandlers: ReexportedRouteHandler[] = [];
    for (const [file, entry] of this.#entries) {
      for (const name of entry.headerReads) headersRead.add(name);
      if (!entry.candidate) continue;
      if (entry.surfaces === undefined && entry.proxies === undefined) {
        this.parses += 1;
        this.#parse(file, entry, parser, settings);
      }
      if (entry.surfaces && entry.surfaces.length > 0) {
        surfaces.push(...entry.surfaces);
        if (entry.digest !== undefined) digests[file] = entry.digest;
      }
      if (entry.proxies) proxied.push(...entry.proxies);
      if (entry.reexported) reexportedHandlers.push(entry.reexported);
    }
    const facts = { root: this.root, surfaces, proxied, headersRead, digests, reexportedHandlers };
    this.#facts = { version: this.#version, facts };
    return facts;
  }

  #parse(file: string, entry: Entry, parser: unknown, settings: unknown): void {
    const absolute = path.join(this.root, file);
    const text = this.#read(file);
    if (text === undefined) {
      entry.surfaces = [];
      return;
    }
    if (path.basename(file) === 'package.json') {
      entry.surfaces = [];
      entry.proxies = packageJsonProxies(parseJson(text));
      return;
    }
    const language = languageOf(file);
    if (language === 'nginx') {
      const parsed = parseNginx(text);
      entry.surfaces = parsed.ok ? nginxServerSurfaces(parsed.ast, absolute, file, settings) : [];
      return;
    }
    if (language === 'django') {
      const parsed = parsePython(text);
      const surface = parsed.ok ? djangoServerSurface(parsed.ast, file) : undefined;
      entry.surfaces = surface ? [surface] : [];
      return;
    }
    const facts = withFileContext(absolute, text, this.root, parser, settings, (context) =>
      jsFileFacts(context, file, this.root),
    );
    entry.surfaces = facts?.surfaces ?? [];
    if (facts?.proxies) entry.proxies = facts.proxies;
    if (facts?.reexported) entry.reexported = facts.reexported;
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, index) => name === b[index]);
}

/** The file facts of a lint's facts, without the root and name they were read for. */
const ownFacts = ({ surfaces, proxies, reexported }: FileFacts): FileFacts => ({
  surfaces,
  ...(proxies ? { proxies } : {}),
  ...(reexported ? { reexported } : {}),
});

/** `absolute` as an indexed file of the project at `root` (relative, `/` separators), or undefined. */
function indexedName(root: string, absolute: string): string | undefined {
  const file = path.relative(root, absolute).split(path.sep).join('/');
  if (
    file === '' ||
    file.startsWith('../') ||
    path.isAbsolute(file) ||
    file.split('/').some((part) => SKIPPED_FOLDERS.has(part))
  )
    return undefined;
  return isIndexed(file) ? file : undefined;
}

/**
 * The index facts of the file a lint is reading, from that lint's own parse (a rule context), for
 * the index of the project at `root`: what the index would read from the same text, so a caller that
 * lints an open document can hand them to `ProjectIndex#overlay` with the text instead of having the
 * index parse it again (the language server). Undefined when the index would read the file
 * otherwise: not a JavaScript or TypeScript file it indexes, or parsed as another kind of module
 * than the index parses it (a lint that fell back to a script).
 */
export function lintedFileFacts(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  root: string,
): LintedFileFacts | undefined {
  const file = indexedName(root, context.filename);
  if (file === undefined || languageOf(file) !== 'js') return undefined;
  if (context.languageOptions.sourceType !== projectSourceType(file)) return undefined;
  return { root, file, ...jsFileFacts(context, file, root) };
}

/** Which reader a file gets: the plugin's nginx and Django languages pick files by these same names. */
function languageOf(file: string): 'js' | 'nginx' | 'django' | 'package.json' | undefined {
  if (path.posix.basename(file) === 'package.json') return 'package.json';
  if (SOURCE.test(file)) return DECLARATIONS.test(file) ? undefined : 'js';
  // The cheap tests first: this runs on every file of the project.
  if (MAY_BE_NGINX.test(file) && isNginxConfigPath(file)) return 'nginx';
  if (file.endsWith('.py')) {
    djangoMatchers ??= DJANGO_SETTINGS_FILES.map((pattern) => new Minimatch(pattern));
    if (djangoMatchers.some((matcher) => matcher.match(file))) return 'django';
  }
  return undefined;
}

/** Every name `NGINX_FILES` can match ends so, or sits in a `sites-…` folder. */
const MAY_BE_NGINX = /\.(?:conf|nginx)$|(?:^|\/)sites-[^/]*\//;
let djangoMatchers: Minimatch[] | undefined;

function isIndexed(file: string): boolean {
  return languageOf(file) !== undefined;
}

/** Whether the file is worth parsing, and the response headers its text reads. */
function prefilter(
  file: string,
  text: string,
): { candidate: boolean; headerReads: readonly string[] } {
  const language = languageOf(file);
  if (language === 'package.json') return { candidate: /"proxy"\s*:/.test(text), headerReads: [] };
  if (language === 'nginx') return { candidate: NGINX_TEXT.test(text), headerReads: [] };
  if (language === 'django') return { candidate: DJANGO_TEXT.test(text), headerReads: [] };
  const candidate =
    VITE_CONFIG.test(file) || NEXT_CONFIG.test(file)
      ? /proxy|rewrites/.test(text)
      : SERVER_TEXT.test(text) || mayReexportHandler(file, text);
  return { candidate, headerReads: responseHeaderReadsInText(text) };
}

/**
 * A Next.js route module that may export a handler made elsewhere and no OPTIONS: its CORS headers
 * are in another file, so its own text need not mention CORS.
 */
function mayReexportHandler(file: string, text: string): boolean {
  return (
    nextRoutePath(file) !== undefined &&
    /\bimport\b|\bfrom\b/.test(text) &&
    !text.includes('OPTIONS')
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const indexes = new Map<string, ProjectIndex>();

/** The one index of a project root in this process. */
export function projectIndex(root: string): ProjectIndex {
  let index = indexes.get(root);
  if (!index) {
    index = new ProjectIndex(root);
    indexes.set(root, index);
  }
  return index;
}
