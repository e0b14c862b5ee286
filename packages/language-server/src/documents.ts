import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  Connection,
  Diagnostic,
  DidChangeTextDocumentParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
  DidSaveTextDocumentParams,
} from 'vscode-languageserver/node';
import { toDiagnostic } from './convert/to-diagnostic.js';
import { LintHost, mayContainCors } from './engine/lint-host.js';
import { errorText, type SettingsProvider } from './handlers/settings.js';
import type { CorsSettings } from './protocol/settings.js';
import { HeapTrimmer } from './heap-trim.js';

/** Larger documents are not linted: generated bundles and data files, not code anyone edits. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

const LINTED_EXTENSIONS = new Set(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts']);
const LANGUAGE_EXTENSIONS: Record<string, string> = {
  javascript: '.js',
  javascriptreact: '.jsx',
  typescript: '.ts',
  typescriptreact: '.tsx',
};

/**
 * The file name the document is linted as (it picks the parser and the source type), or undefined
 * for a document this server does not lint. A file's own extension wins; an untitled document, or a
 * file whose name says nothing (`Jakefile`), takes the extension of its `languageId`.
 */
export function lintFileName(uri: string, languageId: string): string | undefined {
  let path: string;
  try {
    path = uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(uri.replace(/^[a-z][\w+.-]*:/i, ''));
  } catch {
    path = uri;
  }
  const extension = extname(path).toLowerCase();
  if (LINTED_EXTENSIONS.has(extension)) return path;
  const fromLanguage = LANGUAGE_EXTENSIONS[languageId];
  if (fromLanguage === undefined) return undefined;
  // `untitled:Untitled-1` becomes `Untitled-1.ts`; a real path keeps its folder.
  return `${path || 'untitled'}${fromLanguage}`;
}

type Reason = 'open' | 'change' | 'save' | 'configuration';

/**
 * Runs `callback` once the messages the connection has already read are dispatched. vscode-jsonrpc
 * dispatches one queued message per event-loop turn (a `setImmediate` each), and an immediate queued
 * during a turn runs in the next one, so two hops put the callback behind the next queued message:
 * if that message changes the document, the callback finds a newer generation and does nothing.
 * Were the connection to dispatch all queued messages in one turn, one hop would already be enough.
 */
function afterQueuedMessages(callback: () => void): void {
  setImmediate(() => setImmediate(callback));
}

interface OpenDocument {
  document: TextDocument;
  fileName: string;
  /** Bumped by every change, save and settings change; a lint started for an older value publishes nothing. */
  generation: number;
  /** A reason other than typing is pending: it lints even with `run: onSave`. */
  forced: boolean;
  /** The diagnostics of the last lint that parsed: kept while the text has a syntax error. */
  lastGood: Diagnostic[];
  /** What the client was sent last, for hover and fix-all requests without diagnostics. */
  published: Diagnostic[];
  publishedVersion: number | undefined;
  /** What was logged already, so a skipped or broken document is reported once, not per keystroke. */
  logged: string | undefined;
}

/**
 * The open documents, when each is linted, and the lint → publish cycle.
 *
 * Changes are coalesced per document, not delayed by a fixed quiet time: a lint waits only until the
 * server has taken in the messages already sent (see `afterQueuedMessages`), so one keystroke is
 * linted at once and a burst that has arrived is linted once, for its last version. Changes that
 * arrive while a lint runs (it blocks the event loop) queue up and are coalesced the same way.
 * Every lint is for the latest version: one whose document changed or closed before it ran, or
 * while its settings were being fetched, publishes nothing.
 */
export class DocumentLinter {
  readonly #connection: Connection;
  readonly #settings: SettingsProvider;
  readonly #host: LintHost;
  readonly #open = new Map<string, OpenDocument>();
  readonly #heap = new HeapTrimmer();

  constructor(connection: Connection, settings: SettingsProvider, host = new LintHost()) {
    this.#connection = connection;
    this.#settings = settings;
    this.#host = host;
  }

  get host(): LintHost {
    return this.#host;
  }

  get(uri: string): TextDocument | undefined {
    return this.#open.get(uri)?.document;
  }

  /** The file name `uri` is linted as (only for open, linted documents). */
  fileName(uri: string): string | undefined {
    return this.#open.get(uri)?.fileName;
  }

  /** The diagnostics last sent for `uri`, if they belong to its current version. */
  currentDiagnostics(uri: string): Diagnostic[] {
    const state = this.#open.get(uri);
    if (state === undefined || state.publishedVersion !== state.document.version) return [];
    return state.published;
  }

  /** The diagnostics last sent for `uri`, whatever version they were computed for. */
  publishedDiagnostics(uri: string): Diagnostic[] {
    return this.#open.get(uri)?.published ?? [];
  }

  settingsFor(uri: string): Promise<CorsSettings> {
    return this.#settings.get(uri);
  }

  opened({ textDocument }: DidOpenTextDocumentParams): void {
    const fileName = lintFileName(textDocument.uri, textDocument.languageId);
    if (fileName === undefined) return;
    const state: OpenDocument = {
      document: TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text),
      fileName,
      generation: 0,
      forced: false,
      lastGood: [],
      published: [],
      publishedVersion: undefined,
      logged: undefined,
    };
    this.#open.set(textDocument.uri, state);
    this.#schedule(state, 'open');
  }

  changed({ textDocument, contentChanges }: DidChangeTextDocumentParams): void {
    const state = this.#open.get(textDocument.uri);
    if (state === undefined) return;
    try {
      state.document = TextDocument.update(state.document, contentChanges, textDocument.version);
    } catch (error) {
      this.#connection.console.error(`cors: could not apply a change to ${textDocument.uri}: ${errorText(error)}`);
      return;
    }
    this.#schedule(state, 'change');
  }

  saved({ textDocument }: DidSaveTextDocumentParams): void {
    const state = this.#open.get(textDocument.uri);
    if (state !== undefined) this.#schedule(state, 'save');
  }

  closed({ textDocument }: DidCloseTextDocumentParams): void {
    const state = this.#open.get(textDocument.uri);
    if (state === undefined) return;
    this.#open.delete(textDocument.uri);
    this.#settings.forget(textDocument.uri);
    // The client keeps pushed diagnostics until told otherwise.
    void this.#connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  }

  /** Settings changed: every open document is linted again with its new settings. */
  refreshAll(): void {
    for (const state of this.#open.values()) this.#schedule(state, 'configuration');
  }

  dispose(): void {
    this.#heap.dispose();
    this.#open.clear();
  }

  #schedule(state: OpenDocument, reason: Reason): void {
    if (reason !== 'change') state.forced = true;
    const generation = ++state.generation;
    afterQueuedMessages(() => {
      // A newer change, save or settings change was taken in meanwhile: its own run lints.
      if (generation !== state.generation || this.#open.get(state.document.uri) !== state) return;
      const forced = state.forced;
      state.forced = false;
      void this.#run(state, forced, generation);
    });
  }

  async #run(state: OpenDocument, forced: boolean, generation: number): Promise<void> {
    const { uri } = state.document;
    const version = state.document.version;
    const [settings] = await Promise.all([this.#settings.get(uri), this.#prepare(state)]);
    // Closed, reopened or edited while the settings were on their way: that newer state has its own run.
    if (this.#open.get(uri) !== state || state.generation !== generation) return;
    if (!forced && settings.run === 'onSave') return;
    const diagnostics = this.#diagnose(state, settings);
    state.published = diagnostics;
    state.publishedVersion = version;
    void this.#connection.sendDiagnostics({ uri, version, diagnostics });
    this.#heap.workDone();
  }

  /** Loads the parser the document needs; a failure is logged here and reported by the lint. */
  async #prepare(state: OpenDocument): Promise<void> {
    try {
      await this.#host.prepare(state.fileName);
    } catch (error) {
      this.#logOnce(state, `load:${errorText(error)}`, `cors: could not load the parser for ${state.document.uri}: ${errorText(error)}`, 'error');
    }
  }

  #diagnose(state: OpenDocument, settings: CorsSettings): Diagnostic[] {
    const { document } = state;
    if (!settings.enable) return this.#clean(state);
    const text = document.getText();
    // Cheap tests first: a character count above the limit is always above it in bytes.
    if (text.length > MAX_DOCUMENT_BYTES || (text.length > MAX_DOCUMENT_BYTES / 3 && Buffer.byteLength(text, 'utf8') > MAX_DOCUMENT_BYTES)) {
      this.#logOnce(state, 'large', `cors: ${document.uri} is larger than 5 MB; it is not linted.`);
      return this.#clean(state, 'large');
    }
    if (text.includes('\0')) {
      this.#logOnce(state, 'binary', `cors: ${document.uri} contains NUL bytes (binary content); it is not linted.`);
      return this.#clean(state, 'binary');
    }
    if (!mayContainCors(text)) return this.#clean(state);

    let result;
    try {
      result = this.#host.lint(text, state.fileName, settings);
    } catch (error) {
      this.#logOnce(state, `crash:${errorText(error)}`, `cors: linting ${document.uri} failed: ${errorText(error)}`, 'error');
      return state.lastGood;
    }
    if (result.parseError !== undefined) {
      const { message, line, column } = result.parseError;
      this.#logOnce(state, `parse:${line}:${column}:${message}`, `cors: ${document.uri}:${line}:${column}: ${message} (the last diagnostics are kept until it parses again)`);
      return state.lastGood;
    }
    state.logged = undefined;
    state.lastGood = result.messages.map((message) => toDiagnostic(message, document, settings));
    return state.lastGood;
  }

  #clean(state: OpenDocument, keepLogged?: string): Diagnostic[] {
    if (keepLogged === undefined) state.logged = undefined;
    state.lastGood = [];
    return state.lastGood;
  }

  #logOnce(state: OpenDocument, key: string, message: string, level: 'warn' | 'error' = 'warn'): void {
    if (state.logged === key) return;
    state.logged = key;
    this.#connection.console[level](message);
  }
}
