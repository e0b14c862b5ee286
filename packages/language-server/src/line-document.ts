import type { LineShape } from 'cors-lint-core';
import type {
  Position,
  Range,
  TextDocument,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-textdocument';

/**
 * An open document whose edits cost what the edit touches, not what the document holds.
 *
 * `vscode-languageserver-textdocument`'s `TextDocument.update` keeps the text as one string: each
 * edit builds a new string from two slices and the inserted text, then reads a character of it,
 * which makes V8 copy the whole text into a flat string. On a 5 MB bundle that is 50–200 ms per
 * keystroke on the server's message loop (bench/README.md, "No document blocks another"), so a
 * hover on another file waits behind the keystrokes. Here the text is kept as its lines: an edit
 * replaces the lines it touches, and the line starts after it are recomputed only when a position
 * past it is asked for. The whole text is joined only when someone asks for it (a lint, a fix),
 * once per version.
 *
 * Positions, offsets and their clamping follow `TextDocument` exactly (LSP line breaks: CR LF, CR,
 * LF; a character past the end of a line is the end of its content), so it serves wherever a
 * `TextDocument` is expected.
 */
export class LineDocument implements TextDocument {
  readonly uri: string;
  readonly languageId: string;
  #version: number;
  /** Each line with its line break; the last one has none (and may be empty). Never empty itself. */
  #lines: string[];
  /** Where each line starts; right up to `#startsValidTo` (included), stale after it. */
  #starts: number[] = [0];
  #startsValidTo = 0;
  #length: number;
  /** The whole text, joined once per version when asked for. */
  #text: string | undefined;

  constructor(uri: string, languageId: string, version: number, text: string) {
    this.uri = uri;
    this.languageId = languageId;
    this.#version = version;
    this.#lines = splitLines(text, true);
    this.#length = text.length;
    this.#text = text;
  }

  get version(): number {
    return this.#version;
  }

  get lineCount(): number {
    return this.#lines.length;
  }

  /** The text's length in UTF-16 code units, without joining it. */
  get length(): number {
    return this.#length;
  }

  /** What core's minified-line heuristic reads (`LineShape`), from the lines, without the text. */
  shape(): LineShape {
    const lines = this.#lines;
    let longest = 0;
    for (const line of lines) longest = Math.max(longest, contentLength(line));
    // As core counts: a last line only when the text does not end with a line break.
    return {
      length: this.#length,
      lines: lines[lines.length - 1] === '' ? lines.length - 1 : lines.length,
      longest,
    };
  }

  getText(range?: Range): string {
    if (range !== undefined)
      return this.#slice(this.offsetAt(range.start), this.offsetAt(range.end));
    this.#text ??= this.#lines.join('');
    return this.#text;
  }

  offsetAt(position: Position): number {
    const { line, character } = this.#clamp(position);
    return this.#start(line) + character;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(Math.min(offset, this.#length), 0);
    this.#start(this.#lines.length - 1);
    const starts = this.#starts;
    let low = 0;
    let high = this.#lines.length;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (starts[middle]! > clamped) high = middle;
      else low = middle + 1;
    }
    const line = low - 1;
    return {
      line,
      character: Math.min(clamped - starts[line]!, contentLength(this.#lines[line]!)),
    };
  }

  getLineRange(line: number): Range {
    const lines = this.#lines;
    if (line >= lines.length) {
      const last = lines.length - 1;
      return {
        start: { line: last, character: 0 },
        end: { line: last, character: lines[last]!.length },
      };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { start: { line, character: 0 }, end: { line, character: contentLength(lines[line]!) } };
  }

  getEOLCharacters(line: number): string {
    const text = this.#lines[line];
    return text === undefined ? '' : text.slice(contentLength(text));
  }

  /** Applies `changes` in order (as `TextDocument.update` does) and takes `version`. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) this.#replace(change.range, change.text);
      else this.#replaceAll(change.text);
    }
    this.#version = version;
  }

  #replaceAll(text: string): void {
    this.#lines = splitLines(text, true);
    this.#length = text.length;
    this.#text = text;
    this.#starts = [0];
    this.#startsValidTo = 0;
  }

  #replace(range: Range, text: string): void {
    const ordered = isBefore(range.end, range.start)
      ? { start: range.end, end: range.start }
      : range;
    let start = this.#clamp(ordered.start);
    const end = this.#clamp(ordered.end);
    const lines = this.#lines;
    const lastLine = end.line === lines.length - 1;
    let region =
      lines[start.line]!.slice(0, start.character) + text + lines[end.line]!.slice(end.character);
    // A lone CR ending the line before, and an LF the region now starts with, make one line break.
    if (
      start.line > 0 &&
      start.character === 0 &&
      region.startsWith('\n') &&
      lines[start.line - 1]!.endsWith('\r')
    ) {
      region = lines[start.line - 1]! + region;
      start = { line: start.line - 1, character: 0 };
    }
    let removed = 0;
    for (let index = start.line; index <= end.line; index++) removed += lines[index]!.length;
    // The region ends with the last replaced line's own line break (unchanged), or is the last line.
    const added = splitLines(region, lastLine);
    const count = end.line - start.line + 1;
    if (added.length < 10_000) lines.splice(start.line, count, ...added);
    else this.#lines = lines.slice(0, start.line).concat(added, lines.slice(end.line + 1));
    this.#length += region.length - removed;
    this.#text = undefined;
    this.#startsValidTo = Math.min(this.#startsValidTo, start.line);
  }

  /** The start of line `index`, bringing the stale starts up to it. */
  #start(index: number): number {
    const starts = this.#starts;
    const lines = this.#lines;
    for (let line = this.#startsValidTo + 1; line <= index; line++)
      starts[line] = starts[line - 1]! + lines[line - 1]!.length;
    if (index > this.#startsValidTo) this.#startsValidTo = index;
    if (starts.length > lines.length) starts.length = lines.length;
    return starts[index]!;
  }

  /** A position inside the text, as `TextDocument.offsetAt` clamps it. */
  #clamp(position: Position): Position {
    const lines = this.#lines;
    if (position.line >= lines.length)
      return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
    if (position.line < 0) return { line: 0, character: 0 };
    if (position.character <= 0) return { line: position.line, character: 0 };
    return {
      line: position.line,
      character: Math.min(position.character, contentLength(lines[position.line]!)),
    };
  }

  /** `substring`'s semantics, as `TextDocument.getText(range)` has them: a reversed range is read forwards. */
  #slice(start: number, end: number): string {
    const from = Math.min(start, end);
    const to = Math.max(start, end);
    if (to === from) return '';
    if (this.#text !== undefined) return this.#text.slice(from, to);
    const first = this.positionAt(from).line;
    const parts: string[] = [];
    let line = first;
    let lineStart = this.#starts[first]!;
    while (lineStart < to && line < this.#lines.length) {
      const text = this.#lines[line]!;
      parts.push(text.slice(Math.max(0, from - lineStart), to - lineStart));
      lineStart += text.length;
      line++;
    }
    return parts.join('');
  }
}

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * `text` cut after each line break. The rest after the last break is a line of its own when
 * `keepRest` (the document's last line, even empty); else the text must end with a break.
 */
function splitLines(text: string, keepRest: boolean): string[] {
  const lines: string[] = [];
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(text); match !== null; match = LINE_BREAK.exec(text)) {
    const end = match.index + match[0].length;
    lines.push(text.slice(start, end));
    start = end;
  }
  if (keepRest || start < text.length) lines.push(text.slice(start));
  return lines;
}

/** The line's length without its line break. */
function contentLength(line: string): number {
  if (line.endsWith('\r\n')) return line.length - 2;
  if (line.endsWith('\n') || line.endsWith('\r')) return line.length - 1;
  return line.length;
}

const isBefore = (a: Position, b: Position): boolean =>
  a.line < b.line || (a.line === b.line && a.character < b.character);
