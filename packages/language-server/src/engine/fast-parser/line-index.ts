/**
 * Offsets to ESLint positions (1-based lines, 0-based columns, UTF-16 units). Line breaks are the
 * ones ESLint and TypeScript both count: `\r\n`, `\n`, `\r`, U+2028 and U+2029.
 */
export interface Position {
  line: number;
  column: number;
}

export interface SourceLocation {
  start: Position;
  end: Position;
}

export class LineIndex {
  /** Offset at which each line starts; the first is 0. */
  readonly #starts: number[] = [0];

  constructor(text: string) {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 0x0d) {
        if (text.charCodeAt(index + 1) === 0x0a) index++;
        this.#starts.push(index + 1);
      } else if (code === 0x0a || code === 0x2028 || code === 0x2029) {
        this.#starts.push(index + 1);
      }
    }
  }

  position(offset: number): Position {
    const starts = this.#starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! };
  }

  location(start: number, end: number): SourceLocation {
    return { start: this.position(start), end: this.position(end) };
  }
}
