/**
 * A file's bytes as source text, or why it is not audited. Byte order marks name the encoding
 * (UTF-8, UTF-16 LE/BE); without one the text must be valid UTF-8, as Node and every bundler read
 * source. The encoding is kept so that `--fix` writes the file back the way it was.
 */
export type SourceEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

export type Source = { readonly kind: 'text'; readonly text: string; readonly encoding: SourceEncoding } | { readonly kind: 'unreadable'; readonly reason: string };

/** How many leading bytes decide "binary": a NUL there means it is not source text. */
const SNIFFED_BYTES = 8192;

export function decodeSource(bytes: Uint8Array): Source {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decoded(bytes.subarray(3), 'utf-8', 'utf8-bom');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded(bytes.subarray(2), 'utf-16le', 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded(bytes.subarray(2), 'utf-16be', 'utf16be');
  if (bytes.subarray(0, SNIFFED_BYTES).includes(0)) return { kind: 'unreadable', reason: 'a binary file, not source text (it contains NUL bytes)' };
  return decoded(bytes, 'utf-8', 'utf8');
}

function decoded(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be', encoding: SourceEncoding): Source {
  try {
    return { kind: 'text', text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes), encoding };
  } catch {
    const name = label.toUpperCase();
    return { kind: 'unreadable', reason: encoding === 'utf8' ? 'not valid UTF-8; other encodings without a byte order mark are not supported (save it as UTF-8)' : `not valid ${name} although it starts with a ${name} byte order mark` };
  }
}

/** The bytes to write back for fixed text, in the file's own encoding and with its byte order mark. */
export function encodeSource(text: string, encoding: SourceEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const body = Buffer.from(text, 'utf16le');
      body.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
    }
  }
}

/** Files this large are bundles or generated data, not code anyone writes CORS settings in by hand. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
/** Minified code: lines this long on average (hand-written code averages under 40 characters). */
const MINIFIED_MEAN_LINE = 300;
/** ...or any single line this long, past this much text. */
const MINIFIED_LONGEST_LINE = 5000;
const SMALL_ENOUGH_TO_LINT_ANYWAY = 16 * 1024;

/** Why a file looks generated or minified, or `undefined` when it looks written by hand. */
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
