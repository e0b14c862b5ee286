/**
 * A whole-document rewrite as the smallest single replacement: the text outside the common prefix
 * and suffix is untouched, so the cursor, folds and undo history there survive.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver/node';

export function minimalEdits(document: TextDocument, newText: string): TextEdit[] {
  const oldText = document.getText();
  if (oldText === newText) return [];
  const shorter = Math.min(oldText.length, newText.length);

  let prefix = 0;
  while (prefix < shorter && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  prefix = backOffFromPairs(oldText, prefix);
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) ===
      newText.charCodeAt(newText.length - 1 - suffix)
  )
    suffix++;
  // The suffix boundary, too, must fall between two characters of the old text (and of the new one:
  // the same characters follow it in both).
  while (suffix > 0 && splitsPair(oldText, oldText.length - suffix)) suffix--;

  const start = document.positionAt(prefix);
  const end = document.positionAt(oldText.length - suffix);
  return [{ range: { start, end }, newText: newText.slice(prefix, newText.length - suffix) }];
}

/**
 * Surrogate pairs are one character, and a position inside a CRLF has no LSP meaning (clients
 * treat CRLF as one line break): a boundary never sits inside either.
 */
function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  const inSurrogatePair =
    before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  const inCrlf = before === 0x0d && after === 0x0a;
  return inSurrogatePair || inCrlf;
}

function backOffFromPairs(text: string, offset: number): number {
  return splitsPair(text, offset) ? offset - 1 : offset;
}
