import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver/node';
import { toCodeActions } from '../convert/to-code-actions.js';
import type { DiagnosticData } from '../convert/to-diagnostic.js';
import type { DocumentLinter } from '../documents.js';

export const FIX_ALL_KIND = 'source.fixAll.cors';

/** Does a `context.only` list (absent: everything) ask for kind `kind`? LSP kinds are hierarchical. */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  return only === undefined || only.some((requested) => requested === '' || kind === requested || kind.startsWith(`${requested}.`));
}

function isCorsDiagnostic(diagnostic: Diagnostic): boolean {
  return diagnostic.source === 'cors' && typeof diagnostic.data === 'object' && diagnostic.data !== null;
}

/**
 * `textDocument/codeAction`: the actions are rebuilt from the diagnostics the client sends back
 * (their `data` carries fixes and the version they were computed for) and the current text.
 * Only the fix-all action lints again, and only when its kind is asked for explicitly and
 * something is fixable.
 */
export async function codeActions(documents: DocumentLinter, params: CodeActionParams): Promise<CodeAction[]> {
  const { uri } = params.textDocument;
  const document = documents.get(uri);
  const fileName = documents.fileName(uri);
  if (document === undefined || fileName === undefined) return [];
  const only = params.context.only;
  let diagnostics = params.context.diagnostics.filter(isCorsDiagnostic);
  // A source action requested on its own (e.g. fix-all on save) usually comes without diagnostics:
  // take the ones the server published for this very version.
  if (diagnostics.length === 0 && only !== undefined && wants(only, FIX_ALL_KIND)) diagnostics = documents.currentDiagnostics(uri);
  if (diagnostics.length === 0) return [];

  let fixAllText: string | undefined;
  const fixable = diagnostics.some((diagnostic) => {
    const data = diagnostic.data as DiagnosticData;
    return data.version === document.version && data.fix !== undefined;
  });
  // The light bulb (no `only`) asks at every cursor move: it gets fix-all as a command, resolved
  // when chosen. Only an explicit request for the source action (fix on save) lints again here.
  if (only === undefined) return toCodeActions(document, diagnostics, { only, fixAllByCommand: fixable });
  if (fixable && wants(only, FIX_ALL_KIND)) {
    const { version } = document;
    fixAllText = await documents.fixAll(uri);
    // The document may have changed meanwhile: the actions are for this text.
    if (documents.get(uri)?.version !== version) return [];
  }
  return toCodeActions(document, diagnostics, { only, fixAllText });
}
