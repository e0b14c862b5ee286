/**
 * ESLint's positions in an LSP document. ESLint strips a leading BOM before it counts, and it breaks
 * lines at U+2028 and U+2029 as well as CR/LF, which LSP does not; so its (line, column) and offsets
 * are mapped through its own line table onto the document's text. Both count UTF-16 code units.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';

const BOM = '\uFEFF';

export interface EslintLineTable {
  /** 1 when the document starts with a BOM: ESLint's offset 0 is the document's offset 1. */
  readonly bomLength: number;
  /** Document offsets where ESLint's lines start and end (line break excluded), 0-based by line. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly text: string;
}

/**
 * ESLint's line breaks (its `astUtils.createGlobalLinebreakMatcher`: CR LF, CR, LF, U+2028, U+2029),
 * found by a loop over the character codes: a regular expression's `matchAll` allocates a match per
 * line, which took half a second on a 5 MB document, on the server's message loop.
 */
function buildTable(text: string): EslintLineTable {
  const bomLength = text.startsWith(BOM) ? 1 : 0;
  const starts = [bomLength];
  const ends: number[] = [];
  const length = text.length;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code > 0x0d && code !== 0x2028 && code !== 0x2029) continue;
    if (code === 0x0d) {
      ends.push(index);
      if (text.charCodeAt(index + 1) === 0x0a) index++;
      starts.push(index + 1);
    } else if (code === 0x0a || code === 0x2028 || code === 0x2029) {
      ends.push(index);
      starts.push(index + 1);
    }
  }
  ends.push(length);
  return { bomLength, starts, ends, text };
}

// Documents are updated in place, so the table is checked against the current text.
const tables = new WeakMap<TextDocument, EslintLineTable>();

export function eslintLineTable(document: TextDocument): EslintLineTable {
  const text = document.getText();
  const cached = tables.get(document);
  if (cached?.text === text) return cached;
  const table = buildTable(text);
  tables.set(document, table);
  return table;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Between the two halves of a surrogate pair: a range must not cut a character in two. */
function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/**
 * The document offset of ESLint's 1-based (line, column), clamped into the document: a line past
 * the end is the end, a column past its line is the line's end, NaN or missing is the start.
 * `side` says which way to leave a surrogate pair: a range start moves back, an end forward.
 */
export function offsetOfEslintPosition(
  table: EslintLineTable,
  line: number | undefined,
  column: number | undefined,
  side: 'start' | 'end',
): number {
  const lineIndex = toIndex(line);
  if (lineIndex >= table.starts.length) return table.text.length;
  const start = table.starts[lineIndex] ?? table.bomLength;
  const end = table.ends[lineIndex] ?? table.text.length;
  const offset = Math.min(start + toIndex(column), end);
  if (!splitsSurrogatePair(table.text, offset)) return offset;
  return side === 'start' ? offset - 1 : offset + 1;
}

/** 1-based to 0-based; anything that is not a finite number counts as the first. */
function toIndex(oneBased: number | undefined): number {
  return typeof oneBased === 'number' && Number.isFinite(oneBased)
    ? Math.max(0, Math.floor(oneBased) - 1)
    : 0;
}

/** ESLint's `[start, end)` offsets (BOM not counted) as document offsets; undefined unless it is a valid range. */
export function documentRange(
  table: EslintLineTable,
  range: readonly unknown[] | undefined,
): [number, number] | undefined {
  const [start, end] = range ?? [];
  if (!Number.isInteger(start) || !Number.isInteger(end)) return undefined;
  const from = (start as number) + table.bomLength;
  const to = (end as number) + table.bomLength;
  if (from < table.bomLength || from > to || to > table.text.length) return undefined;
  return [from, to];
}
