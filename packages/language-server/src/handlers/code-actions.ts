import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver/node';
import { FIX_ALL_KIND, toCodeActions, wants } from '../convert/to-code-actions.js';
import {
  DIAGNOSTIC_SOURCE,
  readDiagnosticData,
  type DiagnosticData,
} from '../convert/to-diagnostic.js';
import type { DocumentLinter } from '../documents.js';

function isCorsDiagnostic(diagnostic: Diagnostic): boolean {
  return (
    diagnostic.source === DIAGNOSTIC_SOURCE &&
    typeof diagnostic.data === 'object' &&
    diagnostic.data !== null
  );
}

/**
 * `textDocument/codeAction`: the actions are rebuilt from the diagnostics the client sends back
 * (their `data` carries fixes and the version they were computed for) and the current text.
 *
 * Fix-all asked for by kind (fix on save, the Source Action menu) is computed from the document's
 * current text in the lint worker, whatever was published: a save right after typing asks before
 * that version's lint has published anything, and the diagnostics the client holds are for the
 * version before, so going by them fixed nothing.
 */
export async function codeActions(
  documents: DocumentLinter,
  params: CodeActionParams,
): Promise<CodeAction[]> {
  const { uri } = params.textDocument;
  const document = documents.get(uri);
  if (document === undefined || documents.fileName(uri) === undefined) return [];
  const only = params.context.only;
  const diagnostics = params.context.diagnostics.filter(isCorsDiagnostic);
  if (only !== undefined && wants(only, FIX_ALL_KIND)) {
    const { version } = document;
    const fixAllText = await documents.fixAll(uri);
    // The document may have changed meanwhile: the actions are for this text.
    if (documents.get(uri)?.version !== version) return [];
    return toCodeActions(document, diagnostics, { only, fixAllText });
  }
  if (diagnostics.length === 0) return [];
  // The quick-fix menu and the light bulb ask at every cursor move: they get fix-all and per-rule
  // fix-all as commands, resolved (linted again, from the current text) only when chosen.
  const fixable = diagnostics.some((diagnostic) => {
    const data = diagnostic.data as DiagnosticData;
    return data.version === document.version && data.fix !== undefined;
  });
  const fixableByRule = fixable
    ? countFixable(documents.publishedDiagnostics(uri), document.version)
    : undefined;
  return toCodeActions(document, diagnostics, {
    only,
    fixAllByCommand: fixable,
    fixableByRule,
    textOf: (other) => documents.get(other)?.getText() ?? diskText(other),
  });
}

/** The text of a `file:` URI on disk; undefined when it is not a file or cannot be read. */
function diskText(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return readFileSync(fileURLToPath(uri), 'utf8');
  } catch {
    return undefined;
  }
}

/** Fixable problems per rule among `published`, if they are for `version` (else none are known). */
function countFixable(published: readonly Diagnostic[], version: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const diagnostic of published) {
    const data = readDiagnosticData(diagnostic.data);
    if (data?.version === version && data.fix !== undefined)
      counts.set(data.ruleId, (counts.get(data.ruleId) ?? 0) + 1);
  }
  return counts;
}
