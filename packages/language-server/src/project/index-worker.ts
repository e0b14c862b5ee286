/**
 * The project index thread: one `ProjectIndex` (eslint-plugin-cors) per workspace folder, built
 * and kept current here, off the server's message loop and off the lint worker, so neither hovers
 * nor diagnostics wait for it. Each version of a folder's facts is written as a snapshot file; the
 * lint worker's cross-file rules read it (`settings.cors.project.snapshot`), as the CLI's workers do.
 *
 * Messages are taken in batches (everything that arrived before the next turn): a burst of
 * keystrokes in a server file is parsed once, for its last text.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import * as typescriptParser from '@typescript-eslint/parser';
import {
  neverLoadProjectCode,
  ProjectIndex,
  serialiseSurface,
  unpackFileFacts,
  writeSnapshot,
  type ProjectFacts,
} from 'eslint-plugin-cors';
import type { ServerSurface } from 'cors-lint-core';
import { enableCompileCache } from '../compile-cache.js';
import { isInside, type IndexRequest, type IndexResponse } from './workspace-indexes.js';
import { KEPT_SNAPSHOTS } from '../limits.js';

enableCompileCache();
// Indexing an untrusted folder reads its files and runs none of its code.
neverLoadProjectCode();

interface Folder {
  readonly index: ProjectIndex;
  /** The facts last written, serialised, to tell a real change from an edit that changes no fact. */
  surfaces: string;
  shared: string;
  /** The texts' digests last written: a change of text alone is written, but re-lints nobody. */
  digests: string;
  snapshots: string[];
}

const { snapshotDir } = workerData as { snapshotDir: string };
/**
 * The TypeScript parser reads server files of both languages, as the CLI's index build does; a
 * static import, so the VS Code extension's bundle carries it.
 */
const parser: unknown = typescriptParser;
const folders = new Map<string, Folder>();
let pending: IndexRequest[] = [];
let written = 0;

function post(response: IndexResponse): void {
  parentPort?.postMessage(response);
}

/**
 * Each surface as JSON, kept while the surface is: a file's facts are new objects only when the file
 * changed, so a keystroke in one server file serialises that file's surfaces, not the project's.
 */
const surfaceJson = new WeakMap<ServerSurface, string>();

/** The surfaces as a snapshot's JSON list (`serialiseSurface`), from each surface's kept JSON. */
function serialisedSurfaces(surfaces: readonly ServerSurface[]): string {
  const parts = surfaces.map((surface) => {
    let json = surfaceJson.get(surface);
    if (json === undefined) surfaceJson.set(surface, (json = serialiseSurface(surface)));
    return json;
  });
  return `[${parts.join(',')}]`;
}

/** Writes the facts when they differ from the last written; which part changed, or undefined. */
function publish(root: string, folder: Folder, changed: string[] | 'all'): void {
  const started = performance.now();
  const facts: ProjectFacts = folder.index.facts(parser, {}, { revalidate: false });
  const surfaces = serialisedSurfaces(facts.surfaces);
  const shared = JSON.stringify([
    facts.proxied,
    [...facts.headersRead].sort(),
    facts.reexportedHandlers,
  ]);
  const digests = JSON.stringify(facts.digests);
  const factsChanged = surfaces !== folder.surfaces || shared !== folder.shared;
  if (changed !== 'all' && !factsChanged && digests === folder.digests) return;
  // Dev proxies, header reads and re-exported handlers change any file's verdicts; a surface only its consulters'.
  // Only a text changed (no fact): the next lints get the new digests for their server-side edits.
  const scope = changed === 'all' || shared !== folder.shared ? 'all' : factsChanged ? changed : [];
  folder.surfaces = surfaces;
  folder.shared = shared;
  folder.digests = digests;
  const snapshot = path.join(snapshotDir, `${++written}.json`);
  writeSnapshot(snapshot, facts, String(folder.index.version), surfaces);
  folder.snapshots.push(snapshot);
  while (folder.snapshots.length > KEPT_SNAPSHOTS)
    rmSync(folder.snapshots.shift() ?? '', { force: true });
  post({
    kind: 'facts',
    root,
    snapshot,
    changed: scope,
    surfaces: facts.surfaces.length,
    ms: performance.now() - started,
  });
}

function flush(): void {
  const batch = pending;
  pending = [];
  const changed = new Map<string, Set<string>>();
  const note = (root: string, files: readonly string[]): void => {
    if (files.length === 0) return;
    let set = changed.get(root);
    if (!set) changed.set(root, (set = new Set()));
    for (const file of files) set.add(file);
  };
  for (const request of batch) {
    try {
      switch (request.kind) {
        case 'open': {
          if (folders.has(request.root)) break;
          const started = performance.now();
          const index = new ProjectIndex(request.root);
          // Lists and stats every file once, and reads those that may declare CORS.
          index.fingerprint();
          const folder: Folder = { index, surfaces: '', shared: '', digests: '', snapshots: [] };
          folders.set(request.root, folder);
          publish(request.root, folder, 'all');
          post({
            kind: 'log',
            message: `indexed ${request.root} in ${Math.round(performance.now() - started)} ms`,
          });
          break;
        }
        case 'close': {
          const folder = folders.get(request.root);
          if (!folder) break;
          folders.delete(request.root);
          for (const snapshot of folder.snapshots) rmSync(snapshot, { force: true });
          changed.delete(request.root);
          post({
            kind: 'log',
            message: `closed ${request.root} (${folder.snapshots.length} snapshots removed)`,
          });
          break;
        }
        case 'overlay':
          for (const [root, folder] of folders) {
            if (!isInside(root, request.file)) continue;
            // The lint's facts are taken by the folder they were read for (the file's innermost).
            const file = folder.index.overlay(
              request.file,
              request.text ?? undefined,
              request.facts &&
                unpackFileFacts(request.facts, (surface, json) => surfaceJson.set(surface, json)),
            );
            if (file !== undefined) note(root, [file]);
          }
          break;
        case 'refresh':
          for (const [root, folder] of folders)
            note(root, folder.index.refresh(request.files.filter((file) => isInside(root, file))));
          break;
      }
    } catch (error) {
      post({
        kind: 'log',
        message: `the project index failed on ${request.kind}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      });
    }
  }
  for (const [root, files] of changed) {
    const folder = folders.get(root);
    if (!folder) continue;
    try {
      publish(root, folder, [...files]);
    } catch (error) {
      post({
        kind: 'log',
        message: `the project index of ${root} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      });
    }
  }
}

parentPort?.on('message', (request: IndexRequest) => {
  if (pending.length === 0) setImmediate(flush);
  pending.push(request);
});
