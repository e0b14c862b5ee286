/**
 * Python string literals as written (`r"\d"`, `b'x'`, `'''…'''`, `f"{x}"`): prefix, quote, body and
 * the decoded value, following the lexical rules of the Python reference (§2.4.1).
 */

export interface StringToken {
  readonly prefix: string;
  /** `'`, `"`, `'''` or `"""`. */
  readonly quote: string;
  /** Offset of the body in the token text. */
  readonly bodyStart: number;
  readonly body: string;
  /** False when the closing quote is missing (the parser recovers silently from that). */
  readonly terminated: boolean;
  readonly raw: boolean;
  readonly bytes: boolean;
  readonly format: boolean;
}

const PREFIX = /^[rRbBuUfF]{0,2}/;

export function readStringToken(text: string): StringToken {
  const prefix = PREFIX.exec(text)?.[0] ?? '';
  const rest = text.slice(prefix.length);
  const q = rest[0] ?? '"';
  const quote = rest.startsWith(q.repeat(3)) ? q.repeat(3) : q;
  const bodyStart = prefix.length + quote.length;
  const lower = prefix.toLowerCase();
  const raw = lower.includes('r');
  let terminated = text.length >= bodyStart + quote.length && text.endsWith(quote);
  if (terminated && quote.length === 1) {
    // The closing quote must not be escaped: count the backslashes before it.
    let slashes = 0;
    for (let i = text.length - 2; i >= bodyStart && text[i] === '\\'; i--) slashes++;
    if (slashes % 2 === 1) terminated = false;
  }
  if (text.length < bodyStart + quote.length) terminated = false;
  const body = text.slice(bodyStart, terminated ? text.length - quote.length : text.length);
  return {
    prefix,
    quote,
    bodyStart,
    body,
    terminated,
    raw,
    bytes: lower.includes('b'),
    format: lower.includes('f'),
  };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\n': '',
};

/**
 * The value of a (piece of a) string body. Returns null when the value cannot be known here
 * (`\N{…}` names a Unicode character by its name, which needs the Unicode database).
 */
export function decodeStringBody(body: string, raw: boolean, bytes: boolean): string | null {
  if (raw || !body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\' || i + 1 >= body.length) {
      out += ch;
      continue;
    }
    const next = body[i + 1]!;
    if (next === '\r' && body[i + 2] === '\n') {
      i += 2;
      continue;
    }
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      i++;
      continue;
    }
    if (/[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      out += String.fromCodePoint(parseInt(digits, 8));
      i += digits.length;
      continue;
    }
    const hexLength =
      next === 'x' ? 2 : !bytes && next === 'u' ? 4 : !bytes && next === 'U' ? 8 : 0;
    if (hexLength > 0) {
      const digits = body.slice(i + 2, i + 2 + hexLength);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(digits)) return null;
      out += String.fromCodePoint(parseInt(digits, 16));
      i += 1 + hexLength;
      continue;
    }
    if (!bytes && next === 'N') return null;
    // An unknown escape keeps its backslash.
    out += ch;
  }
  return out;
}
