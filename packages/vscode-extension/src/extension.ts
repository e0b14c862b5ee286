/**
 * The VS Code client for cors-language-server: starts the bundled server (dist/server.mjs) over IPC and
 * adds three commands. All linting, settings normalisation and code actions live in the server.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ESLINT_EXTENSION_ID, manifestUsesPlugin } from './duplicates.js';

/** `nginx`: the id nginx extensions use; this extension also contributes it for the file names the plugin lints as nginx. */
const LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'nginx'];
/** globalState key prefix: the duplicate-problems offer was made for this workspace folder. */
const OFFER_KEY = 'cors.duplicateSourceOffer:';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('CORS', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.mjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    // "Attach to Server" in the repo's .vscode/launch.json connects to this port.
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    outputChannel: output,
    // The server pulls the `cors` section per document and re-reads it when this notification arrives.
    synchronize: { configurationSection: 'cors' },
  };
  client = new LanguageClient('cors', 'CORS', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('cors.fixAll', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (client === undefined || document === undefined || !LANGUAGES.includes(document.languageId)) return;
      await client.sendRequest(ExecuteCommandRequest.type, {
        command: 'cors.applyFixAll',
        arguments: [{ uri: client.code2ProtocolConverter.asUri(document.uri), version: document.version }],
      });
    }),
    vscode.commands.registerCommand('cors.showOutputChannel', () => output.show(true)),
    vscode.commands.registerCommand('cors.restartServer', async () => {
      output.appendLine('Restarting the CORS language server.');
      await client?.restart();
    }),
  );

  await client.start();
  void offerToAvoidDuplicates(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
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
    if (!vscode.workspace.getConfiguration('cors', folder.uri).get<boolean>('enable', true)) continue;
    await context.globalState.update(key, true);
    const turnOff = 'Turn off CORS Lint here';
    const answer = await vscode.window.showInformationMessage(
      `"${folder.name}" uses eslint-plugin-cors and the ESLint extension is installed, so each CORS problem may be shown twice. Turn this extension off for this workspace?`,
      turnOff,
      'Keep both',
    );
    if (answer === turnOff) {
      await vscode.workspace.getConfiguration('cors', folder.uri).update('enable', false, vscode.ConfigurationTarget.Workspace);
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
