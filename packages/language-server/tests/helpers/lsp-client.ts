/**
 * A scripted LSP client for the tests: it spawns the built server (`dist/main.js --stdio`) as a
 * child process and talks JSON-RPC over its stdio, as an editor does.
 *
 * Everything the server sends is recorded; tests wait for the event they expect with a timeout
 * (`waitForPublish`, `waitForLog`), never with fixed sleeps.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type ConfigurationParams,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowDocumentParams,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../../src/protocol/status.js';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SERVER_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** What VS Code 1.100 declares, trimmed to what this server looks at. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    applyEdit: true,
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: true,
      codeDescriptionSupport: true,
      dataSupport: true,
    },
    codeAction: {
      codeActionLiteralSupport: {
        codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] },
      },
      isPreferredSupport: true,
      dataSupport: true,
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  window: { showDocument: { support: true } },
};

export type ConfigurationHandler = (params: ConfigurationParams) => unknown[] | Promise<unknown[]>;

export interface StartOptions {
  capabilities?: ClientCapabilities;
  /** The `cors` section answered to `workspace/configuration` (per scope URI if a function). */
  settings?: unknown;
  /** Replaces the default `workspace/configuration` handler. */
  onConfiguration?: ConfigurationHandler;
  args?: string[];
  /** `processId` in `initialize` (default: this test process). */
  processId?: number | null;
  /** `initializationOptions` in `initialize`. */
  initializationOptions?: unknown;
  /**
   * Folder paths sent as `workspaceFolders`: the server indexes each one's servers. Default: none
   * (`rootUri` null), so a test does not index the whole repository in the background.
   */
  workspaceFolders?: string[];
}

interface Waiter<T> {
  match: (event: T) => boolean;
  resolve: (event: T) => void;
}

/**
 * How long a test waits for a state before failing with what it waited for. Waits end on the state,
 * not on a clock, so this bounds only a hung server; it sits under the language-server project's
 * test timeout (vitest.config.ts) so the error names the awaited event, and is generous because
 * the machines are shared (a 15 s wait once failed under a load of 20 on 2 CPUs).
 */
export const STATE_WAIT_MS = 100_000;

/** A list that records events and resolves waiters when a matching one arrives. */
class EventLog<T> {
  readonly events: T[] = [];
  readonly #waiters = new Set<Waiter<T>>();

  push(event: T): void {
    this.events.push(event);
    for (const waiter of [...this.#waiters]) {
      if (waiter.match(event)) {
        this.#waiters.delete(waiter);
        waiter.resolve(event);
      }
    }
  }

  /** The first event at index ≥ `from` matching `match`, now or when it arrives. */
  wait(
    match: (event: T) => boolean,
    from: number,
    timeoutMs: number,
    what: () => string,
  ): Promise<T> {
    const found = this.events.slice(from).find(match);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        match,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }
}

export class TestClient {
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  readonly publishes = new EventLog<PublishDiagnosticsParams>();
  readonly logs = new EventLog<LogMessageParams>();
  readonly messages: ShowMessageParams[] = [];
  /** The same `window/showMessage` notifications, to wait on. */
  readonly shown = new EventLog<ShowMessageParams>();
  readonly configurationRequests: ConfigurationParams[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly shownDocuments: ShowDocumentParams[] = [];
  readonly registrations: string[] = [];
  /** `cors/status` notifications (sent only to a client that asks for them). */
  readonly statuses = new EventLog<StatusParams>();
  /** The `cors` section answered to `workspace/configuration`; tests change it and then notify. */
  settings: unknown;
  onConfiguration: ConfigurationHandler | undefined;
  stderr = '';
  exit: Promise<number | null>;
  initializeResult: InitializeResult | undefined;
  readonly #versions = new Map<string, number>();

  constructor(options: StartOptions = {}) {
    if (!existsSync(SERVER_MAIN))
      throw new Error(`${SERVER_MAIN} is missing: build first (npx tsc -b)`);
    this.settings = options.settings;
    this.onConfiguration = options.onConfiguration;
    this.child = spawn(process.execPath, [SERVER_MAIN, ...(options.args ?? ['--stdio'])], {
      stdio: 'pipe',
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.exit = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout),
      new StreamMessageWriter(this.child.stdin),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) =>
      this.publishes.push(params),
    );
    this.connection.onNotification(LogMessageNotification.type, (params) => this.logs.push(params));
    this.connection.onNotification(STATUS_NOTIFICATION, (params: StatusParams) =>
      this.statuses.push(params),
    );
    this.connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params);
      this.shown.push(params);
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests.push(params);
      if (this.onConfiguration) return this.onConfiguration(params);
      return params.items.map(() => this.settings ?? null);
    });
    this.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.appliedEdits.push(params);
      return { applied: true };
    });
    this.connection.onRequest(ShowDocumentRequest.type, (params) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations.map((registration) => registration.method));
    });
    // The child's stdin closes when it exits; a write after that must not fail the test process.
    this.child.stdin.on('error', () => undefined);
    this.connection.onError(() => undefined);
    this.connection.listen();
  }

  /** Spawns the server and performs `initialize` + `initialized`. */
  static async start(options: StartOptions = {}): Promise<TestClient> {
    const client = new TestClient(options);
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: options.processId === undefined ? process.pid : options.processId,
      rootUri:
        options.workspaceFolders?.[0] === undefined
          ? null
          : pathToFileURL(options.workspaceFolders[0]).href,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      workspaceFolders:
        options.workspaceFolders?.map((folder) => ({
          uri: pathToFileURL(folder).href,
          name: folder,
        })) ?? null,
      ...(options.initializationOptions === undefined
        ? {}
        : { initializationOptions: options.initializationOptions }),
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  publishCount(uri: string): number {
    return this.publishes.events.filter((event) => event.uri === uri).length;
  }

  /** Index to pass as `from` so that only publishes after this point count. */
  get publishMark(): number {
    return this.publishes.events.length;
  }

  waitForPublish(
    uri: string,
    options: {
      from?: number;
      match?: (params: PublishDiagnosticsParams) => boolean;
      timeoutMs?: number;
    } = {},
  ): Promise<PublishDiagnosticsParams> {
    const { from = 0, match = () => true, timeoutMs = STATE_WAIT_MS } = options;
    return this.publishes.wait(
      (event) => event.uri === uri && match(event),
      from,
      timeoutMs,
      () => `publishDiagnostics for ${uri} (stderr: ${this.stderr.slice(-500)})`,
    );
  }

  /** The publish for exactly `version` of `uri`. */
  waitForVersion(uri: string, version: number, from = 0): Promise<PublishDiagnosticsParams> {
    return this.waitForPublish(uri, { from, match: (event) => event.version === version });
  }

  waitForLog(
    match: (message: string) => boolean,
    from = 0,
    timeoutMs = STATE_WAIT_MS,
  ): Promise<LogMessageParams> {
    return this.logs.wait(
      (event) => match(event.message),
      from,
      timeoutMs,
      () => 'a log message',
    );
  }

  waitForStatus(
    match: (status: StatusParams) => boolean,
    from = 0,
    timeoutMs = STATE_WAIT_MS,
  ): Promise<StatusParams> {
    return this.statuses.wait(
      match,
      from,
      timeoutMs,
      () => `a cors/status notification (got ${JSON.stringify(this.statuses.events)})`,
    );
  }

  waitForMessage(
    match: (message: ShowMessageParams) => boolean,
    from = 0,
    timeoutMs = STATE_WAIT_MS,
  ): Promise<ShowMessageParams> {
    return this.shown.wait(match, from, timeoutMs, () => 'a window/showMessage notification');
  }

  version(uri: string): number {
    return this.#versions.get(uri) ?? 0;
  }

  async open(uri: string, text: string, languageId = languageOf(uri)): Promise<number> {
    this.#versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return 1;
  }

  /** Sends one didChange and returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = this.version(uri) + 1;
    this.#versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  replaceAll(uri: string, text: string): Promise<number> {
    return this.change(uri, [{ text }]);
  }

  save(uri: string): Promise<void> {
    return this.connection.sendNotification(DidSaveTextDocumentNotification.type, {
      textDocument: { uri },
    });
  }

  close(uri: string): Promise<void> {
    this.#versions.delete(uri);
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri },
    });
  }

  changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { cors: settings },
    });
  }

  /** Resident set size of the server process, in bytes (Linux). */
  rss(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    if (!match?.[1]) throw new Error('no VmRSS in /proc status');
    return Number(match[1]) * 1024;
  }

  /** shutdown + exit; kills the child if it does not go. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 5_000);
        await this.connection.sendNotification(ExitNotification.type);
        await withTimeout(this.exit, 5_000);
      } catch {
        this.child.kill('SIGKILL');
      }
    }
    this.connection.dispose();
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]);
}

export function languageOf(uri: string): string {
  if (/\.(ts|mts|cts)$/.test(uri)) return 'typescript';
  if (/\.tsx$/.test(uri)) return 'typescriptreact';
  if (/\.jsx$/.test(uri)) return 'javascriptreact';
  if (/\.py$/.test(uri)) return 'python';
  return 'javascript';
}

let counter = 0;
/** A fresh `file://` URI under the package's (non-existent) `virtual/` folder: files are never read from disk. */
export function fileUri(name: string): string {
  counter++;
  return pathToFileURL(`${PACKAGE_ROOT}virtual/${counter}/${name}`).href;
}

/** Applies LSP text edits to `text` (edits must not overlap), as a client does. */
export function applyEdits(
  text: string,
  edits: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  }[],
): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (position: { line: number; character: number }) =>
    (lineStarts[position.line] ?? text.length) + position.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted)
    result =
      result.slice(0, offset(edit.range.start)) +
      edit.newText +
      result.slice(offset(edit.range.end));
  return result;
}
