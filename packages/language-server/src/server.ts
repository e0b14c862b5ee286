import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type InitializeParams,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { DocumentLinter } from './documents.js';
import { FIX_ALL_KIND } from './convert/to-code-actions.js';
import { codeActions } from './handlers/code-actions.js';
import { COMMANDS, executeCommand } from './handlers/commands.js';
import { hover } from './handlers/hover.js';
import { SettingsProvider } from './handlers/settings.js';
import { STATUS_INITIALIZATION_OPTION, STATUS_NOTIFICATION } from './protocol/status.js';
import { WorkspaceIndexes } from './project/workspace-indexes.js';
import { LintStatus } from './status.js';
import { whenProcessGone } from './transport/client-process.js';

export const { name: SERVER_NAME, version: SERVER_VERSION } = createRequire(import.meta.url)(
  '../package.json',
) as { name: string; version: string };

/**
 * What this server offers a client with `capabilities`. Code action kinds are listed only to a
 * client that understands code action literals; an older client gets `true`.
 */
export function serverCapabilities(capabilities: ClientCapabilities): ServerCapabilities {
  const literals = capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
  return {
    textDocumentSync: {
      openClose: true,
      change: TextDocumentSyncKind.Incremental,
      save: { includeText: false },
    },
    codeActionProvider: literals
      ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] }
      : true,
    hoverProvider: true,
    executeCommandProvider: { commands: [...COMMANDS] },
    // Folders added to or removed from the workspace get or lose their project index.
    ...(capabilities.workspace?.workspaceFolders === true
      ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } }
      : {}),
  };
}

/** Wires the handlers to `connection` and starts listening. The logic lives in the modules they call. */
export function startServer(connection: Connection): void {
  const settings = new SettingsProvider(connection);
  let client: ClientCapabilities = {};
  let shutdown = false;
  let wantsStatus = false;
  const status = new LintStatus((params) => {
    if (wantsStatus) void connection.sendNotification(STATUS_NOTIFICATION, params);
  });
  const indexes = new WorkspaceIndexes({
    onChange: (root, changed) => documents.projectChanged(root, changed),
    log: (message) => connection.console.log(`cors (project index): ${message}`),
  });
  const documents = new DocumentLinter(connection, settings, undefined, status, indexes);
  let folders: string[] = [];

  connection.onInitialize((params): InitializeResult => {
    client = params.capabilities;
    // vscode-languageserver checks `processId` too, but takes a killed, unreaped client (a zombie)
    // for a live one, and its check cannot run while the thread is busy: this one does both.
    if (typeof params.processId === 'number')
      whenProcessGone(params.processId, () =>
        exitForGoneClient(params.processId as number, shutdown),
      );
    settings.canPull = client.workspace?.configuration === true;
    wantsStatus = wantsStatusNotification(params.initializationOptions);
    folders = workspaceFolderPaths(params);
    return {
      capabilities: serverCapabilities(client),
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });
  connection.onInitialized(() => {
    // Without this registration, a client with dynamic registration (VS Code) sends no
    // didChangeConfiguration at all.
    if (client.workspace?.didChangeConfiguration?.dynamicRegistration === true) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'cors' });
    }
    // Files changed outside the editor (a checkout, another tool) keep the project indexes current.
    if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration === true) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: WATCHED_FILES.map((globPattern) => ({ globPattern })),
      });
    }
    if (client.workspace?.workspaceFolders === true) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = new Set(removed.flatMap(({ uri }) => folderPath(uri)));
        folders = [
          ...folders.filter((folder) => !gone.has(folder)),
          ...added.flatMap(({ uri }) => folderPath(uri)),
        ].filter((folder, index, all) => all.indexOf(folder) === index);
        for (const folder of gone) {
          if (folders.includes(folder)) continue;
          indexes.close(folder);
          // Their cross-file findings came from this folder's index: linted again without it.
          documents.projectRemoved(folder);
        }
        void indexFolders();
      });
    }
    // In the background: documents are linted without the index until it is built, then again.
    void indexFolders();
  });
  connection.onDidChangeConfiguration((params) => {
    settings.changed(params.settings);
    documents.refreshAll();
    void indexFolders();
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const files = changes.flatMap(({ uri }) =>
      uri.startsWith('file:') ? [fileURLToPath(uri)] : [],
    );
    indexes.filesChanged(files);
    documents.filesChanged(files);
  });

  /** Indexes each workspace folder whose settings want it (`cors.projectIndex`), and stops the others. */
  async function indexFolders(): Promise<void> {
    for (const folder of folders) {
      const wanted = (await settings.get(pathToFileURL(folder).href)).projectIndex;
      if (shutdown) return;
      if (wanted) indexes.open(folder);
      else indexes.close(folder);
    }
  }

  connection.onDidOpenTextDocument((params) => documents.opened(params));
  connection.onDidChangeTextDocument((params) => documents.changed(params));
  connection.onDidSaveTextDocument((params) => documents.saved(params));
  connection.onDidCloseTextDocument((params) => documents.closed(params));

  connection.onCodeAction((params) => codeActions(documents, params));
  connection.onHover((params) => hover(documents, params));
  connection.onExecuteCommand((params) =>
    executeCommand(
      {
        connection,
        documents,
        canShowDocument: () => client.window?.showDocument?.support === true,
      },
      params,
    ),
  );
  connection.onShutdown(() => {
    shutdown = true;
    documents.dispose();
    indexes.dispose();
  });

  connection.listen();
}

/** What the project index reads: sources and package.json (dev proxies); `**` globs are relative to each workspace folder. */
/**
 * The files a project index reads: JS/TS servers, package.json proxies, nginx configurations (and
 * `sites-*` files without an extension) and Django settings modules; the index keeps only the ones it indexes.
 */
const WATCHED_FILES = [
  '**/{*.js,*.jsx,*.mjs,*.cjs,*.ts,*.tsx,*.mts,*.cts,package.json,*.conf,*.nginx,*.py}',
  '**/sites-*/*',
];

/** A workspace folder's path; none for a folder that is not on the file system. */
function folderPath(uri: string): string[] {
  return uri.startsWith('file:') ? [fileURLToPath(uri)] : [];
}

/** The workspace folders as paths: `workspaceFolders`, else the (deprecated) `rootUri`/`rootPath`; only `file:` ones. */
export function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris =
    params.workspaceFolders?.map((folder) => folder.uri) ??
    (params.rootUri ? [params.rootUri] : []);
  const paths = uris.flatMap((uri) => (uri.startsWith('file:') ? [fileURLToPath(uri)] : []));
  if (paths.length === 0 && typeof params.rootPath === 'string' && params.rootPath !== '')
    paths.push(params.rootPath);
  return paths;
}

/** `initializationOptions.statusNotification === true`: the client shows `cors/status` (`protocol/status.ts`). */
export function wantsStatusNotification(options: unknown): boolean {
  return (
    typeof options === 'object' &&
    options !== null &&
    (options as Record<string, unknown>)[STATUS_INITIALIZATION_OPTION] === true
  );
}

/** The editor is gone: nobody will read what this server says, or ask it to exit. */
export function exitForGoneClient(pid: number, shutdown: boolean): never {
  process.stderr.write(`cors-language-server: the client process ${pid} is gone; exiting.\n`);
  process.exit(shutdown ? 0 : 1);
}
