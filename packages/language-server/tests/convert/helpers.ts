import type { Linter } from 'eslint';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';

export const URI = 'file:///project/server.ts';

export function documentOf(text: string, version = 1): TextDocument {
  return TextDocument.create(URI, 'typescript', version, text);
}

/** A LintMessage as ESLint would give it, with the fields a test does not care about filled in. */
export function lintMessage(fields: Partial<Linter.LintMessage>): Linter.LintMessage {
  return {
    ruleId: 'cors/valid-allow-origin',
    messageId: 'trailingSlash',
    severity: 2,
    message: 'Something is wrong. Chrome: "c" Firefox: "f"',
    line: 1,
    column: 1,
    ...fields,
  };
}

export function applyEdits(document: TextDocument, edits: TextEdit[]): string {
  return TextDocument.applyEdits(document, edits);
}

export function editsOf(edit: WorkspaceEdit | undefined): TextEdit[] {
  return edit?.changes?.[URI] ?? [];
}
