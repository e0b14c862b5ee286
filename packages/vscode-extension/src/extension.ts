/**
 * The VS Code client for cors-language-server: starts the bundled server (dist/server.mjs) over IPC,
 * adds three commands and a language status item. All linting, settings normalisation and code
 * actions live in the server.
 */
import {
  STATUS_INITIALIZATION_OPTION,
  STATUS_NOTIFICATION,
  type StatusParams,
} from 'cors-language-server/protocol/status';
import * as vscode from 'vscode';
import {
  CloseAction,
  ExecuteCommandRequest,
  LanguageClient,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ESLINT_EXTENSION_ID, manifestUsesPlugin } from './duplicates.js';
import { NO_WORK, statusView, type ServerState } from './status.js';
import { createTraceChannel } from './trace-channel.js';

/**
 * `nginx`: the id nginx extensions use; this extension also contributes it for the file names the plugin lints as nginx.
 * Python for Django settings modules; the server lints only `settings.py` and `settings/*.py` among them.
 */
const LANGUAGES = [
  'javascript',
  'javascriptreact',
  'typescript',
  'typescriptreact',
  'nginx',
  'python',
];
/** globalState key prefix: the duplicate-problems offer was made for this workspace folder. */
const OFFER_KEY = 'cors.duplicateSourceOffer:';

let client: LanguageClient | undefined;
/** Only a server that stops unasked shows as failed. */
let stopping = false;

/** A lint that ends within this time does not make the status item say "checking" (no flicker per keystroke). */
const BUSY_DELAY_MS = 300;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('CORS', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.mjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    // "Attach to Server" in the repo's .vscode/launch.json connects to this port.
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const documentSelector = LANGUAGES.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  const traceOutputChannel = createTraceChannel(output);
  context.subscriptions.push(traceOutputChannel);
  const status = createStatusItem(documentSelector);
  context.subscriptions.push(status);
  // The client's default handler, told apart when it gives up restarting a crashing server.
  let defaultHandler: ErrorHandler | undefined;
  const defaults = (): ErrorHandler => (defaultHandler ??= running.createDefaultErrorHandler());
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    // The message trace (`cors.trace.server`) goes to the same channel.
    traceOutputChannel,
    // The server pulls the `cors` section per document and re-reads it when this notification arrives.
    synchronize: { configurationSection: 'cors' },
    initializationOptions: { [STATUS_INITIALIZATION_OPTION]: true },
    errorHandler: {
      error: (error, message, count) => defaults().error(error, message, count),
      closed: async (): Promise<CloseHandlerResult> => {
        const result = await defaults().closed();
        if (result.action === CloseAction.DoNotRestart)
          status.server({
            kind: 'failed',
            reason:
              'The server crashed and was not restarted: see the output, then run "CORS: Restart server".',
          });
        return result;
      },
    },
  };
  client = new LanguageClient('cors', 'CORS', serverOptions, clientOptions);
  const running = client;
  running.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => status.work(params));
  context.subscriptions.push(
    running.onDidChangeState(({ newState }) => {
      if (newState === State.Running) status.server({ kind: 'running' });
      else if (newState === State.Starting) status.server({ kind: 'starting' });
      else if (!stopping && !status.failed) status.server({ kind: 'starting' });
    }),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand('cors.fixAll', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (
        client === undefined ||
        document === undefined ||
        !LANGUAGES.includes(document.languageId)
      )
        return;
      await client.sendRequest(ExecuteCommandRequest.type, {
        command: 'cors.applyFixAll',
        arguments: [
          { uri: client.code2ProtocolConverter.asUri(document.uri), version: document.version },
        ],
      });
    }),
    vscode.commands.registerCommand('cors.showOutputChannel', () => output.show(true)),
    vscode.commands.registerCommand('cors.restartServer', async () => {
      output.appendLine('Restarting the CORS language server.');
      stopping = true;
      try {
        await running.stop();
      } finally {
        stopping = false;
      }
      await startClient(running, status);
    }),
  );

  await startClient(running, status);
  void offerToAvoidDuplicates(context);
}

export async function deactivate(): Promise<void> {
  stopping = true;
  await client?.stop();
  client = undefined;
}

async function startClient(languageClient: LanguageClient, status: StatusItem): Promise<void> {
  status.server({ kind: 'starting' });
  try {
    await languageClient.start();
  } catch (error) {
    // The client has logged why; the item says it, and opens that log.
    status.server({
      kind: 'failed',
      reason: `The server failed to start: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

interface StatusItem extends vscode.Disposable {
  server(state: ServerState): void;
  work(params: StatusParams): void;
  readonly failed: boolean;
}

/**
 * The language status item (the `{}` in the status bar, for the selector's documents): running,
 * checking, a slow file stopped by `cors.timeBudget`, or a server that failed. Clicking it opens the
 * CORS output.
 */
function createStatusItem(selector: vscode.DocumentSelector): StatusItem {
  const item = vscode.languages.createLanguageStatusItem('cors.status', selector);
  item.name = 'CORS';
  item.command = { title: 'Show output', command: 'cors.showOutputChannel' };
  let state: ServerState = { kind: 'starting' };
  let work = NO_WORK;
  let busy = false;
  let busyTimer: NodeJS.Timeout | undefined;
  const render = () => {
    const view = statusView(
      state,
      work,
      busy,
      vscode.window.activeTextEditor?.document.uri.toString(),
    );
    item.text = view.text;
    item.detail = view.detail;
    item.busy = view.busy;
    item.severity = {
      information: vscode.LanguageStatusSeverity.Information,
      warning: vscode.LanguageStatusSeverity.Warning,
      error: vscode.LanguageStatusSeverity.Error,
    }[view.severity];
  };
  const editorChanged = vscode.window.onDidChangeActiveTextEditor(render);
  render();
  return {
    server(next) {
      state = next;
      // A new server process: what the old one was doing no longer holds.
      if (next.kind === 'starting') work = NO_WORK;
      render();
    },
    work(params) {
      work = params;
      clearTimeout(busyTimer);
      if (!params.busy) busy = false;
      else if (!busy) {
        busyTimer = setTimeout(() => {
          busy = true;
          render();
        }, BUSY_DELAY_MS);
      }
      render();
    },
    get failed() {
      return state.kind === 'failed';
    },
    dispose() {
      clearTimeout(busyTimer);
      editorChanged.dispose();
      item.dispose();
    },
  };
}

/**
 * A workspace that uses eslint-plugin-cors through the ESLint extension would see every problem twice.
 * Ask once per workspace folder whether to turn this extension off there. Only reads package.json.
 */
async function offerToAvoidDuplicates(context: vscode.ExtensionContext): Promise<void> {
  if (vscode.extensions.getExtension(ESLINT_EXTENSION_ID) === undefined) return;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const key = OFFER_KEY + folder.uri.toString();
    if (context.globalState.get<boolean>(key)) continue;
    if (!(await usesPlugin(folder.uri))) continue;
    if (!vscode.workspace.getConfiguration('cors', folder.uri).get<boolean>('enable', true))
      continue;
    await context.globalState.update(key, true);
    const turnOff = 'Turn off CORS Lint here';
    const answer = await vscode.window.showInformationMessage(
      `"${folder.name}" uses eslint-plugin-cors and the ESLint extension is installed, so each CORS problem may be shown twice. Turn this extension off for this workspace?`,
      turnOff,
      'Keep both',
    );
    if (answer === turnOff) {
      await vscode.workspace
        .getConfiguration('cors', folder.uri)
        .update('enable', false, vscode.ConfigurationTarget.Workspace);
    }
  }
}

async function usesPlugin(folder: vscode.Uri): Promise<boolean> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'package.json'));
    return manifestUsesPlugin(new TextDecoder().decode(bytes));
  } catch {
    // No package.json: nothing to offer.
    return false;
  }
}
