import {
  MessageType,
  ShowMessageNotification,
  type Connection,
  type ExecuteCommandParams,
} from 'vscode-languageserver/node';
import { minimalEdits } from '../convert/minimal-edits.js';
import {
  APPLY_FIX_ALL_COMMAND,
  FIX_ALL_TITLE,
  fixAllRuleTitle,
  SHOW_DOCUMENTATION_COMMAND,
} from '../convert/to-code-actions.js';
import type { DocumentLinter } from '../documents.js';
import { errorText } from './settings.js';

// The ids live with the code actions that carry them.
export const APPLY_FIX_ALL = APPLY_FIX_ALL_COMMAND;
export const SHOW_DOCUMENTATION = SHOW_DOCUMENTATION_COMMAND;
export const COMMANDS = [APPLY_FIX_ALL, SHOW_DOCUMENTATION];

export interface CommandContext {
  connection: Connection;
  documents: DocumentLinter;
  /** The client handles `window/showDocument` (LSP 3.16). */
  canShowDocument: () => boolean;
}

interface FixAllTarget {
  uri: string;
  version: number | undefined;
  /** Only this rule's fixes. */
  ruleId: string | undefined;
}

/** `cors.applyFixAll` takes `{ uri, version?, ruleId? }` or the URI itself. */
function fixAllTarget(argument: unknown): FixAllTarget | undefined {
  if (typeof argument === 'string') return { uri: argument, version: undefined, ruleId: undefined };
  if (typeof argument !== 'object' || argument === null) return undefined;
  const { uri, version, ruleId } = argument as {
    uri?: unknown;
    version?: unknown;
    ruleId?: unknown;
  };
  if (typeof uri !== 'string') return undefined;
  return {
    uri,
    version: typeof version === 'number' ? version : undefined,
    ruleId: typeof ruleId === 'string' ? ruleId : undefined,
  };
}

/** `workspace/executeCommand`. Bad arguments are logged and answered with null, never thrown. */
export async function executeCommand(
  context: CommandContext,
  params: ExecuteCommandParams,
): Promise<null> {
  const { connection, documents } = context;
  const [argument] = params.arguments ?? [];
  if (params.command === SHOW_DOCUMENTATION) {
    if (typeof argument !== 'string' || !/^https?:\/\//.test(argument)) {
      connection.console.warn(
        `cors: ${SHOW_DOCUMENTATION} expects a documentation URL, got ${JSON.stringify(argument)}`,
      );
      return null;
    }
    if (context.canShowDocument()) {
      try {
        await connection.window.showDocument({ uri: argument, external: true });
      } catch (error) {
        connection.console.warn(`cors: the client could not show ${argument}: ${errorText(error)}`);
      }
    } else {
      // A notification, not `window/showMessageRequest`: nothing to answer, every client shows it.
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Info,
        message: `CORS rule documentation: ${argument}`,
      });
    }
    return null;
  }
  if (params.command === APPLY_FIX_ALL) {
    const target = fixAllTarget(argument);
    const document = target === undefined ? undefined : documents.get(target.uri);
    const fileName = target === undefined ? undefined : documents.fileName(target.uri);
    if (target === undefined || document === undefined || fileName === undefined) {
      connection.console.warn(
        `cors: ${APPLY_FIX_ALL} needs the URI of an open document, got ${JSON.stringify(argument)}`,
      );
      return null;
    }
    if (target.version !== undefined && target.version !== document.version) return null;
    const { version } = document;
    const fixed = await documents.fixAll(target.uri, target.ruleId);
    if (documents.get(target.uri) !== document || document.version !== version) return null;
    if (fixed === undefined) return null;
    const edits = minimalEdits(document, fixed);
    if (edits.length === 0) return null;
    try {
      const label = target.ruleId === undefined ? FIX_ALL_TITLE : fixAllRuleTitle(target.ruleId);
      await connection.workspace.applyEdit({ label, edit: { changes: { [target.uri]: edits } } });
    } catch (error) {
      connection.console.warn(`cors: the client did not apply the fixes: ${errorText(error)}`);
    }
    return null;
  }
  connection.console.warn(`cors: unknown command ${params.command}`);
  return null;
}
