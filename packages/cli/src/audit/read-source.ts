/**
 * A file's bytes as source text, or why it is not audited. Byte order marks name the encoding
 * (UTF-8, UTF-16 LE/BE); without one the text must be valid UTF-8, as Node and every bundler read
 * source. The encoding is kept so that `--fix` writes the file back the way it was.
 */
export type SourceEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

export type Source =
  | { readonly kind: 'text'; readonly text: string; readonly encoding: SourceEncoding }
  | { readonly kind: 'unreadable'; readonly reason: string };

/** How many leading bytes decide "binary": a NUL there means it is not source text. */
const SNIFFED_BYTES = 8192;

export function decodeSource(bytes: Uint8Array): Source {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decoded(bytes.subarray(3), 'utf-8', 'utf8-bom');
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return decoded(bytes.subarray(2), 'utf-16le', 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return decoded(bytes.subarray(2), 'utf-16be', 'utf16be');
  if (bytes.subarray(0, SNIFFED_BYTES).includes(0))
    return { kind: 'unreadable', reason: 'a binary file, not source text (it contains NUL bytes)' };
  return decoded(bytes, 'utf-8', 'utf8');
}

function decoded(
  bytes: Uint8Array,
  label: 'utf-8' | 'utf-16le' | 'utf-16be',
  encoding: SourceEncoding,
): Source {
  try {
    return {
      kind: 'text',
      text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes),
      encoding,
    };
  } catch {
    const name = label.toUpperCase();
    return {
      kind: 'unreadable',
      reason:
        encoding === 'utf8'
          ? 'not valid UTF-8; other encodings without a byte order mark are not supported (save it as UTF-8)'
          : `not valid ${name} although it starts with a ${name} byte order mark`,
    };
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
