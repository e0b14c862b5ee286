/**
 * The project indexes of the workspace folders, seen from the server's main thread. The indexes
 * live in their own thread (index-worker.ts); this side tells it which folders to index, the open
 * documents' unsaved texts (they overlay the disk) and the files the client's watcher reports, and
 * hands each lint the newest snapshot of its folder's facts. When facts change it says which server
 * files changed, so the document linter re-lints only the clients that consulted them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PackedFileFacts } from 'eslint-plugin-cors';
import type { ProjectFactsRef } from '../engine/lint-host.js';
import { MAX_OVERLAY_LENGTH } from '../limits.js';

export type IndexRequest =
  | { kind: 'open'; root: string }
  | { kind: 'close'; root: string }
  /**
   * `text: null` puts the disk back (the document closed). `facts`: the text's own index facts, read
   * by its lint, taken instead of a parse of the text.
   */
  | { kind: 'overlay'; file: string; text: string | null; facts?: PackedFileFacts }
  | { kind: 'refresh'; files: string[] };

export type IndexResponse =
  | {
      kind: 'facts';
      root: string;
      snapshot: string;
      changed: string[] | 'all';
      surfaces: number;
      ms: number;
    }
  | { kind: 'log'; message: string };

/** Files the index reads (eslint-plugin's project-index.ts): sources and package.json. */
const INDEXED = /(?:\.[cm]?[jt]sx?|[\\/]package\.json)$/;
const DECLARATION = /\.d\.[cm]?ts$/;

export function isIndexedPath(file: string): boolean {
  return INDEXED.test(file) && !DECLARATION.test(file);
}

export interface WorkspaceIndexesOptions {
  /** Facts of `root` changed: the server files (relative to `root`) whose facts changed, or `all`. */
  onChange: (root: string, changed: ReadonlySet<string> | 'all') => void;
  log: (message: string) => void;
  /** The worker's script; the built `index-worker.js` next to this module by default. */
  workerUrl?: URL;
}

export class WorkspaceIndexes {
  readonly #options: WorkspaceIndexesOptions;
  /** Folder roots being indexed, and their newest snapshot once built. */
  readonly #folders = new Map<string, { snapshot: string | undefined }>();
  #worker: Worker | undefined;
  #snapshotDir: string | undefined;

  constructor(options: WorkspaceIndexesOptions) {
    this.#options = options;
  }

  get roots(): string[] {
    return [...this.#folders.keys()];
  }

  /** Starts indexing `root` in the background; its facts serve lints once built. */
  open(root: string): void {
    if (this.#folders.has(root)) return;
    this.#folders.set(root, { snapshot: undefined });
    this.#send({ kind: 'open', root });
  }

  close(root: string): void {
    if (!this.#folders.delete(root)) return;
    this.#send({ kind: 'close', root });
  }

  /** The built facts of the innermost indexed folder holding `fileName`; undefined while it builds. */
  factsFor(fileName: string): ProjectFactsRef | undefined {
    const root = this.rootOf(fileName);
    const snapshot = root === undefined ? undefined : this.#folders.get(root)?.snapshot;
    return root === undefined || snapshot === undefined ? undefined : { root, snapshot };
  }

  /** The innermost indexed folder holding `fileName`. */
  rootOf(fileName: string): string | undefined {
    let best: string | undefined;
    for (const root of this.#folders.keys()) {
      if (isInside(root, fileName) && (best === undefined || root.length > best.length))
        best = root;
    }
    return best;
  }

  /**
   * An open document's text (undefined: closed), read by the index instead of the file on disk.
   * `text` is called only for a file the index reads; a document over `MAX_OVERLAY_LENGTH` is left
   * to the disk (the index skips files that large anyway), so typing in a bundle copies nothing.
   * `facts`: what the lint of this very text read for the index (`LintResult.indexFacts`); the
   * index then takes them instead of parsing the text a second time.
   */
  overlay(
    fileName: string,
    text: (() => string) | undefined,
    length = 0,
    facts?: PackedFileFacts,
  ): void {
    if (!isIndexedPath(fileName) || this.rootOf(fileName) === undefined) return;
    const overlaid = text !== undefined && length <= MAX_OVERLAY_LENGTH;
    this.#send({
      kind: 'overlay',
      file: fileName,
      text: overlaid ? text() : null,
      ...(overlaid && facts ? { facts } : {}),
    });
  }

  /** Files the client's watcher says were created, changed or deleted. */
  filesChanged(fileNames: readonly string[]): void {
    const files = fileNames.filter(
      (file) => isIndexedPath(file) && this.rootOf(file) !== undefined,
    );
    if (files.length > 0) this.#send({ kind: 'refresh', files });
  }

  dispose(): void {
    void this.#worker?.terminate();
    this.#worker = undefined;
    this.#folders.clear();
    if (this.#snapshotDir !== undefined)
      rmSync(this.#snapshotDir, { recursive: true, force: true });
  }

  #send(request: IndexRequest): void {
    this.#ensureWorker().postMessage(request);
  }

  #answered(response: IndexResponse): void {
    if (response.kind === 'log') {
      this.#options.log(response.message);
      return;
    }
    const folder = this.#folders.get(response.root);
    // Closed meanwhile: its snapshot is gone or about to be.
    if (folder === undefined) return;
    const first = folder.snapshot === undefined;
    folder.snapshot = response.snapshot;
    this.#options.onChange(
      response.root,
      first || response.changed === 'all' ? 'all' : new Set(response.changed),
    );
  }

  #ensureWorker(): Worker {
    if (this.#worker !== undefined) return this.#worker;
    this.#snapshotDir ??= mkdtempSync(path.join(os.tmpdir(), 'cors-language-server-'));
    // `stdout: true`: the worker's console output must never reach the LSP channel.
    const worker = new Worker(
      this.#options.workerUrl ?? new URL('./index-worker.js', import.meta.url),
      { workerData: { snapshotDir: this.#snapshotDir }, stdout: true, stderr: true },
    );
    worker.stdout.setEncoding('utf8');
    worker.stdout.on('data', (chunk: string) => this.#options.log(chunk.trimEnd()));
    worker.stderr.setEncoding('utf8');
    worker.stderr.on('data', (chunk: string) => this.#options.log(chunk.trimEnd()));
    worker.on('message', (response: IndexResponse) => this.#answered(response));
    worker.on('error', (error) =>
      this.#options.log(`the project index thread failed: ${error.message}`),
    );
    worker.on('exit', (code) => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      this.#options.log(
        `the project index thread exited with code ${code}; cross-file checks are off until the server restarts`,
      );
      this.#folders.clear();
    });
    worker.unref();
    this.#worker = worker;
    return worker;
  }
}

export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
