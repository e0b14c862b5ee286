import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { hoverFor } from '../convert/hover.js';
import type { DocumentLinter } from '../documents.js';

/** `textDocument/hover` over the diagnostics last published for the document. */
export function hover(documents: DocumentLinter, params: HoverParams): Hover | null {
  const document = documents.get(params.textDocument.uri);
  if (document === undefined) return null;
  return hoverFor(
    document,
    params.position,
    documents.publishedDiagnostics(params.textDocument.uri),
  );
}
