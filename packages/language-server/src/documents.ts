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

/** Quiet time after the last keystroke before a document is linted (`run: onType`). */
export const CHANGE_DEBOUNCE_MS = 150;
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

interface OpenDocument {
  document: TextDocument;
  fileName: string;
  timer: NodeJS.Timeout | undefined;
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
 * The open documents, their per-document debounce, and the lint → publish cycle.
 *
 * Every lint is for the latest version: a change re-arms the document's timer, and a lint whose
 * document changed or closed while its settings were being fetched publishes nothing.
 */
export class DocumentLinter {
  readonly #connection: Connection;
  readonly #settings: SettingsProvider;
  readonly #host: LintHost;
  readonly #open = new Map<string, OpenDocument>();

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
    const previous = this.#open.get(textDocument.uri);
    if (previous !== undefined) clearTimeout(previous.timer);
    const state: OpenDocument = {
      document: TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text),
      fileName,
      timer: undefined,
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
    clearTimeout(state.timer);
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
    for (const state of this.#open.values()) clearTimeout(state.timer);
    this.#open.clear();
  }

  #schedule(state: OpenDocument, reason: Reason): void {
    clearTimeout(state.timer);
    if (reason !== 'change') state.forced = true;
    const delay = reason === 'change' ? CHANGE_DEBOUNCE_MS : 0;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      const forced = state.forced;
      state.forced = false;
      void this.#run(state, forced);
    }, delay);
  }

  async #run(state: OpenDocument, forced: boolean): Promise<void> {
    const { uri } = state.document;
    const version = state.document.version;
    const settings = await this.#settings.get(uri);
    // Closed, reopened or edited while the settings were on their way: that newer state has its own run.
    if (this.#open.get(uri) !== state || state.document.version !== version || state.timer !== undefined) return;
    if (!forced && settings.run === 'onSave') return;
    const diagnostics = this.#diagnose(state, settings);
    state.published = diagnostics;
    state.publishedVersion = version;
    void this.#connection.sendDiagnostics({ uri, version, diagnostics });
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
