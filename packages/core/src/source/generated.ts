/**
 * Whether a source file looks generated or minified rather than written by hand: a pure function of
 * its path, size and text, shared by the CLI (which skips such files) and the language server
 * (which does not lint them).
 */

/** Minified code: lines this long on average (hand-written code averages under 40 characters). */
const MINIFIED_MEAN_LINE = 300;
/** ...or any single line this long, past this much text. */
const MINIFIED_LONGEST_LINE = 5000;
const SMALL_ENOUGH_TO_LINT_ANYWAY = 16 * 1024;

/** What the minified-line heuristic reads of a text: its length, line count and longest line. */
export interface LineShape {
  /** In UTF-16 code units, line breaks included. */
  readonly length: number;
  /** Lines, the last one counted only when the text does not end with a line break. */
  readonly lines: number;
  /** The longest line's length, line break excluded. */
  readonly longest: number;
}

/** The shape of `text`, lines broken at LF. */
export function lineShape(text: string): LineShape {
  let lines = 0;
  let longest = 0;
  let start = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', start)) {
    longest = Math.max(longest, index - start);
    start = index + 1;
    lines++;
  }
  // The last line, unless the text ends with a line break.
  if (start < text.length) {
    longest = Math.max(longest, text.length - start);
    lines++;
  }
  return { length: text.length, lines, longest };
}

/**
 * Why a file looks generated or minified, or `undefined` when it looks written by hand. `size` is in
 * bytes and compared with `maxBytes`; `text` may be left out when only the size and name are known,
 * or given as its `LineShape` by a caller that keeps it cheaper than a scan of the text (the
 * language server, per keystroke of a large document).
 */
export function generatedReason(
  filePath: string,
  size: number,
  text: string | LineShape | undefined,
  maxBytes: number,
): string | undefined {
  if (size > maxBytes)
    return `${(size / 1024 / 1024).toFixed(1)} MB, over the ${(maxBytes / 1024 / 1024).toFixed(1)} MB limit for hand-written code`;
  if (/\.min\.[cm]?[jt]sx?$/i.test(filePath)) return 'a minified file (.min.)';
  if (text === undefined || text.length < SMALL_ENOUGH_TO_LINT_ANYWAY) return undefined;
  const { length, lines, longest } = typeof text === 'string' ? lineShape(text) : text;
  if (length / lines > MINIFIED_MEAN_LINE)
    return `minified (lines of ${Math.round(length / lines)} characters on average)`;
  if (longest > MINIFIED_LONGEST_LINE && length / lines > MINIFIED_MEAN_LINE / 4)
    return `minified (a line of ${longest} characters)`;
  return undefined;
}
