import { extname } from 'node:path';
import { isNginxConfigPath } from 'eslint-plugin-cors';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ANY_SERVER_FILE, generatedReason } from 'cors-lint-core';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  MessageType,
  ShowMessageNotification,
  type Connection,
  type Diagnostic,
  type DidChangeTextDocumentParams,
  type DidCloseTextDocumentParams,
  type DidOpenTextDocumentParams,
  type DidSaveTextDocumentParams,
} from 'vscode-languageserver/node';
import {
  type DiagnosticData,
  serverRuleInformation,
  toDiagnostic,
  toParseErrorDiagnostic,
} from './convert/to-diagnostic.js';
import type { PackedFileFacts } from 'eslint-plugin-cors';
import { isInside, type WorkspaceIndexes } from './project/workspace-indexes.js';
import { mayConfigureCors } from 'cors-lint-core';
import { LintQueue, type LintRequest } from './engine/lint-queue.js';
import { errorText, type SettingsProvider } from './handlers/settings.js';
import { withOnlyRule, type CorsSettings } from './protocol/settings.js';
import { HeapTrimmer } from './heap-trim.js';
import { LintStatus } from './status.js';
import { LineDocument } from './line-document.js';
import {
  LARGE_DOCUMENT_LENGTH,
  MAX_DOCUMENT_BYTES,
  OVERLAY_QUIET_MS,
  TYPING_PAUSE_MS,
} from './limits.js';

const LINTED_EXTENSIONS = new Set(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts']);
const LANGUAGE_EXTENSIONS: Record<string, string> = {
  javascript: '.js',
  javascriptreact: '.jsx',
  typescript: '.ts',
  typescriptreact: '.tsx',
};

/**
 * The file name the document is linted as (it picks the parser and the source type), or undefined
 * for a document this server does not lint. A file's own extension wins, and so does a name the
 * plugin lints as nginx (`nginx.conf`, `sites-available/default`); an untitled document, or a file
 * whose name says nothing (`Jakefile`), takes the extension of its `languageId`.
 */
export function lintFileName(uri: string, languageId: string): string | undefined {
  let path: string;
  try {
    path = uri.startsWith('file:')
      ? fileURLToPath(uri)
      : decodeURIComponent(uri.replace(/^[a-z][\w+.-]*:/i, ''));
  } catch {
    path = uri;
  }
  const extension = extname(path).toLowerCase();
  if (LINTED_EXTENSIONS.has(extension) || isNginxConfigPath(path)) return path;
  // A document the editor calls nginx under another name (`api.conf`) is linted as `api.conf.nginx`.
  if (languageId === 'nginx') return `${path || 'untitled'}.nginx`;
  // Python: only Django settings modules (`settings.py`, `settings/*.py`), whatever the language id.
  if (extension === '.py') return isDjangoSettingsPath(path) ? path : undefined;
  const fromLanguage = LANGUAGE_EXTENSIONS[languageId];
  if (fromLanguage === undefined) return undefined;
  // `untitled:Untitled-1` becomes `Untitled-1.ts`; a real path keeps its folder.
  return `${path || 'untitled'}${fromLanguage}`;
}

/** The files the plugin's configs read as Django settings: any `settings.py`, and `*.py` in a `settings` folder. */
function isDjangoSettingsPath(path: string): boolean {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] === 'settings.py' || parts[parts.length - 2] === 'settings';
}

/** `project`: a server file the document's cross-file findings consulted changed. */
type Reason = 'open' | 'change' | 'save' | 'configuration' | 'project' | 'imports';

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
  document: LineDocument;
  fileName: string;
  /** Bumped by every change, save and settings change; a lint started for an older value publishes nothing. */
  generation: number;
  /** A reason other than typing is pending: it lints even with `run: onSave`. */
  forced: boolean;
  /** What the client was sent last, for hover and fix-all requests without diagnostics. */
  published: Diagnostic[];
  publishedVersion: number | undefined;
  /** What was logged already, so a skipped or broken document is reported once, not per keystroke. */
  logged: string | undefined;
  /** A lint ran over the time budget: not linted again until reopened or the settings change. */
  overBudget: boolean;
  /** What its last lint's cross-file checks read: the folder root and the server files (relative). */
  consulted: { root: string; serverFiles: ReadonlySet<string> } | undefined;
  /** Other files its last lint read through its imports (absolute): saving one lints it again. */
  imports: ReadonlySet<string>;
  /** What its last lint read for the project index, and the version of the text it read them from. */
  indexFacts: { version: number; facts: PackedFileFacts } | undefined;
}

/**
 * The open documents, when each is linted, and the lint → publish cycle.
 *
 * Changes are coalesced per document, not delayed by a fixed quiet time: a lint waits only until the
 * server has taken in the messages already sent (see `afterQueuedMessages`), so one keystroke is
 * linted at once and a burst that has arrived is linted once, for its last version. Lints run in the
 * lint worker (`engine/lint-queue.ts`), off this thread: a newer version of a document supersedes its
 * waiting lint, and a long one that is still running is cancelled. Every lint is for the latest
 * version: one whose document changed or closed before it ran, while its settings were being
 * fetched or while it ran, publishes nothing.
 */
export class DocumentLinter {
  readonly #connection: Connection;
  readonly #settings: SettingsProvider;
  readonly #queue: LintQueue;
  readonly #open = new Map<string, OpenDocument>();
  readonly #heap = new HeapTrimmer();
  /** Told when worker jobs start and end and when a document goes over budget (`cors/status`). */
  readonly #status: LintStatus;

  /** The workspace folders' project indexes, for the cross-file rules. */
  readonly #project: WorkspaceIndexes | undefined;
  /**
   * Open documents whose text the project index has not been given yet. It is handed over once no
   * lint is scheduled, waiting or running (`#overlaysIfIdle`), not at each change: the index parses
   * a server file anew for each text it is given (a whole second lint, in its own thread), and at
   * the change it competed for the CPUs with the lint of that very change, whose diagnostics the
   * user waits for. A burst of keystrokes is handed over once, after its last lint.
   */
  readonly #staleOverlays = new Set<OpenDocument>();
  /** Set while the hand-over waits for `OVERLAY_QUIET_MS` without lints. */
  #overlayTimer: NodeJS.Timeout | undefined;
  /** Lints scheduled and not yet done (waiting for the messages already read, the settings, the worker). */
  #runsInFlight = 0;

  constructor(
    connection: Connection,
    settings: SettingsProvider,
    queue?: LintQueue,
    status = new LintStatus(),
    project?: WorkspaceIndexes,
  ) {
    this.#connection = connection;
    this.#project = project;
    this.#settings = settings;
    this.#status = status;
    this.#queue =
      queue ??
      new LintQueue({ log: (line) => connection.console.log(`cors (lint worker): ${line}`) });
  }

  get(uri: string): TextDocument | undefined {
    return this.#open.get(uri)?.document;
  }

  /** The file name `uri` is linted as (only for open, linted documents). */
  fileName(uri: string): string | undefined {
    return this.#open.get(uri)?.fileName;
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
      document: new LineDocument(
        textDocument.uri,
        textDocument.languageId,
        textDocument.version,
        textDocument.text,
      ),
      fileName,
      generation: 0,
      forced: false,
      published: [],
      publishedVersion: undefined,
      logged: undefined,
      overBudget: false,
      consulted: undefined,
      imports: new Set(),
      indexFacts: undefined,
    };
    this.#open.set(textDocument.uri, state);
    if (this.#project) this.#staleOverlays.add(state);
    this.#schedule(state, 'open');
  }

  changed({ textDocument, contentChanges }: DidChangeTextDocumentParams): void {
    const state = this.#open.get(textDocument.uri);
    if (state === undefined) return;
    try {
      state.document.update(contentChanges, textDocument.version);
    } catch (error) {
      this.#connection.console.error(
        `cors: could not apply a change to ${textDocument.uri}: ${errorText(error)}`,
      );
      return;
    }
    // The unsaved text of a server file is what its clients are checked against (from its next idle moment).
    if (this.#project) this.#staleOverlays.add(state);
    this.#schedule(state, 'change');
  }

  saved({ textDocument }: DidSaveTextDocumentParams): void {
    const state = this.#open.get(textDocument.uri);
    if (state === undefined) return;
    this.#schedule(state, 'save');
    // The saved text is what the documents importing it read from now on.
    this.filesChanged([state.fileName]);
  }

  /**
   * Files changed on disk (saved, or reported by the client's watcher): the open documents whose
   * last lint read one of them through an import (a handler from another package) are linted again.
   * Returns the URIs scheduled.
   */
  filesChanged(fileNames: readonly string[]): string[] {
    const scheduled: string[] = [];
    for (const state of this.#open.values()) {
      if (!fileNames.some((file) => state.imports.has(file))) continue;
      scheduled.push(state.document.uri);
      this.#schedule(state, 'imports');
    }
    if (scheduled.length > 0)
      this.#connection.console.log(
        `cors: ${fileNames.join(', ')} changed, and is imported by ${scheduled.join(', ')}: re-linting`,
      );
    return scheduled;
  }

  closed({ textDocument }: DidCloseTextDocumentParams): void {
    const state = this.#open.get(textDocument.uri);
    if (state === undefined) return;
    this.#open.delete(textDocument.uri);
    this.#staleOverlays.delete(state);
    this.#project?.overlay(state.fileName, undefined);
    this.#queue.cancel(textDocument.uri);
    this.#settings.forget(textDocument.uri);
    this.#status.forget(textDocument.uri);
    // The client keeps pushed diagnostics until told otherwise.
    void this.#connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  }

  /** Settings changed: every open document is linted again with its new settings. */
  refreshAll(): void {
    for (const state of this.#open.values()) {
      // The time budget may have changed too: a document stopped for taking too long gets another try.
      state.overBudget = false;
      this.#status.forget(state.document.uri);
      this.#schedule(state, 'configuration');
    }
  }

  /**
   * The facts of the project index of `root` changed: re-lints the open documents whose last lint
   * consulted one of the `changed` server files (or any server file), or, with `all`, every open
   * document of the folder. Returns the URIs scheduled.
   */
  projectChanged(root: string, changed: ReadonlySet<string> | 'all'): string[] {
    const scheduled: string[] = [];
    for (const state of this.#open.values()) {
      const { consulted } = state;
      const affected =
        changed === 'all'
          ? isInside(root, state.fileName) && this.#project?.rootOf(state.fileName) === root
          : consulted?.root === root &&
            (consulted.serverFiles.has(ANY_SERVER_FILE) ||
              [...changed].some((file) => consulted.serverFiles.has(file)));
      if (!affected) continue;
      scheduled.push(state.document.uri);
      this.#schedule(state, 'project');
    }
    if (scheduled.length > 0) {
      const what = changed === 'all' ? 'its facts' : [...changed].join(', ');
      this.#connection.console.log(
        `cors: the project index of ${root} changed (${what}); re-linting ${scheduled.join(', ')}`,
      );
    }
    return scheduled;
  }

  /**
   * The workspace folder `root` and its project index are gone: the open documents whose last lint
   * read that index are linted again (without it, or with the index of a folder around them).
   * Returns the URIs scheduled.
   */
  projectRemoved(root: string): string[] {
    const scheduled: string[] = [];
    for (const state of this.#open.values()) {
      if (state.consulted?.root !== root) continue;
      scheduled.push(state.document.uri);
      this.#schedule(state, 'project');
    }
    if (scheduled.length > 0)
      this.#connection.console.log(
        `cors: the workspace folder ${root} was removed; re-linting ${scheduled.join(', ')}`,
      );
    return scheduled;
  }

  /**
   * The current text of `uri` with every cors autofix applied (only those of `ruleId`, if given),
   * computed in the lint worker ahead of waiting lints; undefined when nothing changes, or when the
   * document is not linted or changed meanwhile (the caller checks the version it asked for).
   */
  async fixAll(uri: string, ruleId?: string): Promise<string | undefined> {
    const state = this.#open.get(uri);
    if (state === undefined) return undefined;
    const { version } = state.document;
    const settings = await this.#settings.get(uri);
    if (this.#open.get(uri) !== state || state.document.version !== version) return undefined;
    const request = this.#request(
      state,
      ruleId === undefined ? settings : withOnlyRule(settings, ruleId),
    );
    if (request === undefined) return undefined;
    const outcome = await this.#status
      .track(this.#queue.fixAll(uri, request, settings.timeBudget))
      .finally(() => this.#overlaysIfIdle());
    if (outcome.kind === 'over-budget') this.#overBudget(state, outcome.budgetMs);
    if (outcome.kind === 'failed')
      this.#logOnce(
        state,
        `crash:${outcome.error}`,
        `cors: fixing ${uri} failed: ${outcome.error}`,
        'error',
      );
    return outcome.kind === 'done' ? outcome.value : undefined;
  }

  dispose(): void {
    clearTimeout(this.#overlayTimer);
    this.#heap.dispose();
    this.#queue.dispose();
    this.#open.clear();
    this.#staleOverlays.clear();
  }

  #schedule(state: OpenDocument, reason: Reason): void {
    if (reason !== 'change') state.forced = true;
    const generation = ++state.generation;
    this.#runsInFlight++;
    const done = (): void => {
      this.#runsInFlight--;
      this.#overlaysIfIdle();
    };
    const lint = (): void => {
      // A newer change, save or settings change was taken in meanwhile: its own run lints.
      if (generation !== state.generation || this.#open.get(state.document.uri) !== state) {
        done();
        return;
      }
      const forced = state.forced;
      state.forced = false;
      void this.#run(state, forced, generation).finally(done);
    };
    if (reason === 'change' && state.document.length > LARGE_DOCUMENT_LENGTH)
      setTimeout(lint, TYPING_PAUSE_MS);
    else afterQueuedMessages(lint);
  }

  async #run(state: OpenDocument, forced: boolean, generation: number): Promise<void> {
    const { uri } = state.document;
    const version = state.document.version;
    const settings = await this.#settings.get(uri);
    // Closed, reopened or edited while the settings were on their way: that newer state has its own run.
    if (!this.#isCurrent(state, generation)) return;
    if (!forced && settings.run === 'onSave') return;
    const diagnostics = await this.#diagnose(state, settings, generation);
    // Superseded while it was linted: the newer version publishes.
    if (diagnostics === undefined || !this.#isCurrent(state, generation)) return;
    state.published = diagnostics;
    state.publishedVersion = version;
    void this.#connection.sendDiagnostics({ uri, version, diagnostics });
    this.#heap.workDone();
  }

  /**
   * Gives the project index the texts it has not seen, once no lint has been scheduled, waiting or
   * running for `OVERLAY_QUIET_MS`: a keystroke right after a publish is taken in first.
   */
  #overlaysIfIdle(): void {
    if (this.#runsInFlight > 0 || this.#queue.busy || this.#staleOverlays.size === 0) return;
    this.#handOverlaysLater();
  }

  #handOverlaysLater(): void {
    clearTimeout(this.#overlayTimer);
    this.#overlayTimer = setTimeout(() => {
      this.#overlayTimer = undefined;
      this.#handOverlays();
    }, OVERLAY_QUIET_MS);
  }

  #handOverlays(): void {
    // A lint was scheduled during the pause: its end tries again.
    if (this.#runsInFlight > 0) return;
    // The worker is on a job no lint waits for (a fix-all, a heap trim), which may end unseen here.
    if (this.#queue.busy) {
      this.#handOverlaysLater();
      return;
    }
    const project = this.#project;
    const stale = [...this.#staleOverlays];
    this.#staleOverlays.clear();
    for (const state of stale) {
      if (this.#open.get(state.document.uri) !== state) continue;
      const { document, indexFacts } = state;
      // The last lint's facts, when they are this text's: the index need not parse it again.
      const facts = indexFacts?.version === document.version ? indexFacts.facts : undefined;
      project?.overlay(state.fileName, () => document.getText(), document.length, facts);
    }
  }

  #isCurrent(state: OpenDocument, generation: number): boolean {
    return this.#open.get(state.document.uri) === state && state.generation === generation;
  }

  /**
   * What the worker is asked to lint, or undefined for a document that is not linted: linting off,
   * stopped for its time budget, generated or minified (as the CLI decides: core's
   * `generatedReason`, fed the document's line shape rather than a scan of its text), binary, or
   * without a word CORS needs; also undefined once `generation` is no longer current (the lint
   * queue calls this when the worker is free, and a newer version has its own lint by then).
   */
  #request(
    state: OpenDocument,
    settings: CorsSettings,
    generation?: number,
  ): LintRequest | undefined {
    const { document } = state;
    if (!settings.enable || state.overBudget) return undefined;
    if (generation !== undefined && !this.#isCurrent(state, generation)) return undefined;
    // A character count is a byte count's lower bound (and over the limit, the verdict), and a third of its upper one.
    const length = document.length;
    const size =
      length * 3 <= MAX_DOCUMENT_BYTES || length > MAX_DOCUMENT_BYTES
        ? length
        : Buffer.byteLength(document.getText(), 'utf8');
    const generated = generatedReason(state.fileName, size, document.shape(), MAX_DOCUMENT_BYTES);
    if (generated !== undefined) {
      this.#logOnce(
        state,
        'generated',
        `cors: ${document.uri} is not linted: it looks generated, ${generated}.`,
      );
      return undefined;
    }
    const text = document.getText();
    if (text.includes('\0')) {
      this.#logOnce(
        state,
        'binary',
        `cors: ${document.uri} contains NUL bytes (binary content); it is not linted.`,
      );
      return undefined;
    }
    if (!mayConfigureCors(text)) return undefined;
    const project = settings.projectIndex ? this.#project?.factsFor(state.fileName) : undefined;
    return { text, fileName: state.fileName, settings, ...(project ? { project } : {}) };
  }

  /** The diagnostics for the document's current version, or undefined when a newer one superseded it. */
  async #diagnose(
    state: OpenDocument,
    settings: CorsSettings,
    generation: number,
  ): Promise<Diagnostic[] | undefined> {
    const { document } = state;
    const build = (): LintRequest | undefined => this.#request(state, settings, generation);
    // A large document's request is built when the worker is free: its text is read and copied once
    // per lint, not per keystroke. Any other is checked now (cheap, or a verdict on its size alone),
    // so one that is not linted is answered at once, not after the lint that is running.
    const { length } = document;
    const request =
      length <= LARGE_DOCUMENT_LENGTH || length > MAX_DOCUMENT_BYTES ? build() : build;
    const notLinted = (): Diagnostic[] =>
      this.#clean(
        state,
        state.logged === 'generated' || state.logged === 'binary' ? state.logged : undefined,
      );
    if (request === undefined) return notLinted();
    const outcome = await this.#status.track(
      this.#queue.lint(document.uri, request, settings.timeBudget),
    );
    if (!this.#isCurrent(state, generation)) return undefined;
    switch (outcome.kind) {
      case 'superseded':
        return undefined;
      case 'skipped':
        return notLinted();
      case 'over-budget':
        this.#overBudget(state, outcome.budgetMs);
        return this.#clean(state, state.logged);
      case 'failed':
        this.#logOnce(
          state,
          `crash:${outcome.error}`,
          `cors: linting ${document.uri} failed: ${outcome.error}`,
          'error',
        );
        // Not the last diagnostics: their positions belong to another version of the text.
        return [];
      case 'done':
        break;
    }
    const result = outcome.value;
    // Its index snapshot was replaced before the lint could read it: linted again with the current one.
    if (result.stale) {
      this.#schedule(state, 'project');
      return undefined;
    }
    // Not the last diagnostics either: they would land on whatever text moved under them.
    if (result.parseError !== undefined)
      return [toParseErrorDiagnostic(result.parseError, document)];
    state.logged = undefined;
    const { project } = result;
    state.consulted = project
      ? { root: project.root, serverFiles: new Set(project.serverFiles) }
      : undefined;
    state.imports = new Set(result.imports);
    // The text linted is this version's: any change since would have made the lint not current.
    state.indexFacts = result.indexFacts
      ? { version: document.version, facts: result.indexFacts }
      : undefined;
    return result.messages.map((message, index) => {
      const diagnostic = toDiagnostic(message, document, settings);
      const server = project?.servers[index];
      if (server) diagnostic.relatedInformation = [serverRuleInformation(project.root, server)];
      const serverEdit = project?.serverEdits[index];
      if (serverEdit)
        (diagnostic.data as DiagnosticData).serverEdit = {
          uri: pathToFileURL(serverEdit.file).href,
          digest: serverEdit.digest,
          desc: serverEdit.desc,
          edits: serverEdit.edits.map(({ range: [start, end], text }) => ({
            range: [start, end],
            text,
          })),
        };
      return diagnostic;
    });
  }

  /** A lint took longer than `cors.timeBudget`: the user is told once, and the document is left alone. */
  #overBudget(state: OpenDocument, budgetMs: number): void {
    if (state.overBudget) return;
    state.overBudget = true;
    // A fix-all may end after its document closed: nothing left to report about it then.
    if (this.#open.get(state.document.uri) === state)
      this.#status.overBudget(state.document.uri, budgetMs);
    const seconds = budgetMs / 1000;
    const message = `CORS: checking ${state.document.uri} took longer than ${seconds} s (cors.timeBudget), so it was stopped. The file is not checked again until you reopen it or change the settings.`;
    this.#connection.console.warn(`cors: ${message}`);
    void this.#connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message,
    });
  }

  #clean(state: OpenDocument, keepLogged?: string): Diagnostic[] {
    if (keepLogged === undefined) state.logged = undefined;
    return [];
  }

  #logOnce(
    state: OpenDocument,
    key: string,
    message: string,
    level: 'warn' | 'error' = 'warn',
  ): void {
    if (state.logged === key) return;
    state.logged = key;
    this.#connection.console[level](message);
  }
}
