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

/**
 * Why a file looks generated or minified, or `undefined` when it looks written by hand. `size` is in
 * bytes and compared with `maxBytes`; `text` may be left out when only the size and name are known.
 */
export function generatedReason(filePath: string, size: number, text: string | undefined, maxBytes: number): string | undefined {
  if (size > maxBytes) return `${(size / 1024 / 1024).toFixed(1)} MB, over the ${(maxBytes / 1024 / 1024).toFixed(1)} MB limit for hand-written code`;
  if (/\.min\.[cm]?[jt]sx?$/i.test(filePath)) return 'a minified file (.min.)';
  if (text === undefined || text.length < SMALL_ENOUGH_TO_LINT_ANYWAY) return undefined;
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
  if (text.length / lines > MINIFIED_MEAN_LINE) return `minified (lines of ${Math.round(text.length / lines)} characters on average)`;
  if (longest > MINIFIED_LONGEST_LINE && text.length / lines > MINIFIED_MEAN_LINE / 4) return `minified (a line of ${longest} characters)`;
  return undefined;
}
