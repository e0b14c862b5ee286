/**
 * Sits between stdin and vscode-jsonrpc's reader and keeps the message framing intact. The reader
 * trusts `Content-Length`: one that lies (too large, too small) leaves it reading the next message
 * as the rest of this one, then headers out of a JSON body, and it never finds its way back: the
 * server stops answering, silently.
 *
 * This guard re-frames every message. A body can never contain the start of another frame
 * (`Content-Length: <digits>` then CR LF: JSON allows no raw line break inside a string, and that
 * text is not JSON outside one), so finding one inside a body means the length was too large; bytes
 * after a body that do not start a header mean it was too small. Either way the guard finds the real
 * body (it must parse as JSON) and passes it on with its true length, or drops it, then carries on at
 * the next frame; each repair is reported once, with what was wrong.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { MAX_HEADER_BYTES } from '../limits.js';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const FRAME_STARTS = [
  Buffer.from('Content-Length:', 'ascii'),
  Buffer.from('content-length:', 'ascii'),
];
const HEADER_NAME_CHAR = /[A-Za-z0-9-]/;

export class FramingGuard extends Transform {
  readonly #report: (message: string) => void;
  #buffer: Buffer = Buffer.alloc(0);
  /**
   * What \`#buffer\` is a view of, when it is one, and how much of it is written: input is appended
   * into its spare room, and a full store is replaced by one twice as large, so a message read in
   * many chunks (a 5 MB \`didOpen\` comes in 64 KB ones) is copied a few times, not once per chunk.
   */
  #store: Buffer | undefined;
  #stored = 0;
  /** The header block and length of the frame whose body is being read. */
  #frame: { header: Buffer; length: number } | undefined;
  /** How far the body of `#frame` has been searched for a swallowed frame start. */
  #scanned = 0;

  constructor(report: (message: string) => void) {
    super();
    this.#report = report;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#append(chunk);
    try {
      this.#drain();
    } catch (error) {
      // Never let a framing bug take the input down: drop what is buffered and start over.
      this.#report(
        `dropped ${this.#buffer.length} bytes of input after an error in the message framing: ${String(error)}`,
      );
      this.#buffer = Buffer.alloc(0);
      this.#store = undefined;
      this.#frame = undefined;
    }
    done();
  }

  #append(chunk: Buffer): void {
    const buffer = this.#buffer;
    if (buffer.length === 0) {
      // Nothing waits in the store: it goes, and the memory a large message took with it.
      this.#store = undefined;
      this.#buffer = chunk;
      return;
    }
    const store = this.#store;
    const start = store === undefined ? -1 : buffer.byteOffset - store.byteOffset;
    // \`#buffer\` ends where the store's written part ends: the chunk goes into the room after it.
    if (
      store !== undefined &&
      buffer.buffer === store.buffer &&
      start >= 0 &&
      start + buffer.length === this.#stored &&
      store.length - this.#stored >= chunk.length
    ) {
      chunk.copy(store, this.#stored);
      this.#stored += chunk.length;
      this.#buffer = store.subarray(start, this.#stored);
      return;
    }
    const grown = Buffer.allocUnsafe(Math.max(2 * (buffer.length + chunk.length), 64 * 1024));
    buffer.copy(grown, 0);
    chunk.copy(grown, buffer.length);
    this.#store = grown;
    this.#stored = buffer.length + chunk.length;
    this.#buffer = grown.subarray(0, this.#stored);
  }

  #drain(): void {
    for (;;) {
      if (this.#frame === undefined) {
        if (!this.#readHeader()) return;
      } else if (!this.#readBody(this.#frame)) {
        return;
      }
    }
  }

  /** Reads a header block into `#frame`; false when more input is needed. */
  #readHeader(): boolean {
    const buffer = this.#buffer;
    if (buffer.length === 0) return false;
    if (startsHeader(buffer) === false)
      return this.#skipTo(
        frameStart(buffer, 1, buffer.length),
        'bytes that are not a message header',
      );
    const end = buffer.indexOf(HEADER_END);
    if (end === -1) {
      if (buffer.length <= MAX_HEADER_BYTES) return false;
      return this.#skipTo(frameStart(buffer, 1, buffer.length), 'a header block that never ends');
    }
    const length = contentLength(buffer.subarray(0, end).toString('ascii'));
    if (length === undefined)
      return this.#skipTo(
        frameStart(buffer, 1, buffer.length),
        'a header block without a valid Content-Length',
      );
    this.#frame = { header: buffer.subarray(0, end + HEADER_END.length), length };
    this.#buffer = buffer.subarray(end + HEADER_END.length);
    this.#scanned = 0;
    return true;
  }

  /** Reads the body of `frame` and passes it on; false when more input is needed. */
  #readBody(frame: { header: Buffer; length: number }): boolean {
    const buffer = this.#buffer;
    // Another frame starting inside this body: the length claimed too much.
    const inBody = Math.min(buffer.length, frame.length);
    const swallowed = frameStart(buffer, Math.max(0, this.#scanned - 32), inBody);
    if (swallowed !== -1) {
      this.#frame = undefined;
      this.#buffer = buffer.subarray(swallowed);
      this.#repair(
        buffer.subarray(0, swallowed),
        `a message claimed Content-Length ${frame.length}, but the next message started after ${swallowed} bytes`,
      );
      return true;
    }
    this.#scanned = inBody;
    if (buffer.length < frame.length) return false;
    const rest = buffer.subarray(frame.length);
    if (rest.length > 0 && startsHeader(rest) === false) {
      // The length claimed too little: the body goes on until the next frame, or the end of the input so far.
      const next = frameStart(buffer, frame.length, buffer.length);
      const body = buffer.subarray(0, next === -1 ? buffer.length : next);
      if (next === -1 && !isJson(body)) return false;
      this.#frame = undefined;
      this.#buffer = buffer.subarray(body.length);
      this.#repair(
        body,
        `a message claimed Content-Length ${frame.length}, but its body went on for ${body.length} bytes`,
      );
      return true;
    }
    this.#frame = undefined;
    this.#buffer = rest;
    this.push(Buffer.concat([frame.header, buffer.subarray(0, frame.length)]));
    return true;
  }

  /** Passes `body` on with its true length if it is a message, else drops it; reports either way. */
  #repair(body: Buffer, what: string): void {
    const trimmed = trimEnd(body);
    if (isJson(trimmed)) {
      this.#report(`${what}; read it with its real length (${trimmed.length}).`);
      this.push(
        Buffer.concat([Buffer.from(`Content-Length: ${trimmed.length}\r\n\r\n`, 'ascii'), trimmed]),
      );
    } else {
      this.#report(`${what}; its ${body.length} bytes are not a message and were dropped.`);
    }
  }

  /** Drops the bytes before `index` (all but a possible partial frame start when -1). */
  #skipTo(index: number, what: string): boolean {
    const buffer = this.#buffer;
    // Without a frame start, the last bytes are kept: they may be the beginning of one.
    const keep = index === -1 ? Math.max(0, buffer.length - 40) : index;
    if (keep > 0) this.#report(`skipped ${keep} bytes of input: ${what}.`);
    this.#buffer = buffer.subarray(keep);
    return index !== -1;
  }
}

/** True: `buffer` starts with a header name and colon; false: it cannot; undefined: too short to tell. */
function startsHeader(buffer: Buffer): boolean | undefined {
  for (let i = 0; i < buffer.length && i < 64; i++) {
    const char = String.fromCharCode(buffer[i]!);
    if (char === ':') return i > 0;
    if (!HEADER_NAME_CHAR.test(char)) return false;
  }
  return buffer.length < 64 ? undefined : false;
}

/** Where a frame starts (`Content-Length: <digits>` CR LF) in `buffer[from, to)`, or -1. */
function frameStart(buffer: Buffer, from: number, to: number): number {
  let best = -1;
  for (const needle of FRAME_STARTS) {
    let at = buffer.indexOf(needle, from);
    while (at !== -1 && at < to) {
      if (
        /^\s*\d+\r\n/.test(
          buffer.subarray(at + needle.length, at + needle.length + 24).toString('ascii'),
        )
      ) {
        if (best === -1 || at < best) best = at;
        break;
      }
      at = buffer.indexOf(needle, at + 1);
    }
  }
  return best;
}

function contentLength(header: string): number | undefined {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d+$/.test(value)) return undefined;
    length = Number(value);
  }
  return length;
}

function isJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

function trimEnd(body: Buffer): Buffer {
  let end = body.length;
  while (
    end > 0 &&
    (body[end - 1] === 0x20 ||
      body[end - 1] === 0x0a ||
      body[end - 1] === 0x0d ||
      body[end - 1] === 0x09)
  )
    end--;
  return body.subarray(0, end);
}
