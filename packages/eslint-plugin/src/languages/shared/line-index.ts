/**
 * Offsets → 1-based lines and 0-based UTF-16 columns in one text, for the parsers of the plugin's
 * text languages. Each language says what ends a line with the same pattern its SourceCode hands to
 * plugin-kit, so the parser's positions and ESLint's line table agree.
 */
import type { Position, SourceLocation } from './tree.js';

export class LineIndex {
  readonly #starts: number[] = [0];

  /** `lineEnding` matches one line break (`/\r?\n/u`); a line starts after each match. */
  constructor(text: string, lineEnding: RegExp) {
    const breaks = new RegExp(lineEnding.source, `${lineEnding.flags.replace('g', '')}g`);
    for (const match of text.matchAll(breaks)) this.#starts.push(match.index + match[0].length);
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.#starts[low]! };
  }

  loc(start: number, end: number): SourceLocation {
    return { start: this.position(start), end: this.position(end) };
  }
}
