/** Value grammar of the Access-Control-* response headers as written in configuration (Fetch §http-new-header-syntax). */

import { asciiUppercase, trimOws } from '../fetch/ascii.js';
import { isHttpToken } from '../fetch/header-names.js';

export type ListProblem =
  | { kind: 'separator'; fixed: string }
  | { kind: 'lowercase-method'; method: string; fixed: string }
  | { kind: 'invalid-token'; token: string }
  | { kind: 'empty' };

// Fetch §http-new-header-syntax: `Access-Control-Allow-Credentials = %s"true"`, case-sensitive.
export function validateAllowCredentialsValue(
  raw: string,
): { ok: true } | { ok: false; fixed: string | undefined } {
  // Header values are sent without surrounding whitespace (RFC 9110 §5.5), so padding is harmless.
  const value = trimOws(raw);
  if (value === 'true') return { ok: true };
  // Only a differently cased `true` shows the intent for sure; `1` or `yes` might mean anything.
  return { ok: false, fixed: value.toLowerCase() === 'true' ? 'true' : undefined };
}

/** One piece of an `Access-Control-Allow-Methods` value. Methods are case-sensitive (Fetch §methods). */
export function validateMethodListPiece(text: string): ListProblem[] {
  return validateListPiece(text, true);
}

/** One piece of an `Access-Control-Allow-Headers` / `-Expose-Headers` value; names are case-insensitive. */
export function validateHeaderListPiece(text: string): ListProblem[] {
  return validateListPiece(text, false);
}

function validateListPiece(text: string, methods: boolean): ListProblem[] {
  if (text.trim() === '') return [{ kind: 'empty' }];
  const tokens: string[] = [];
  const invalid: string[] = [];
  let badSeparator = false;
  for (const rawItem of text.split(',')) {
    const item = trimOws(rawItem);
    // `#rule` lists ignore empty items (`a,,b`).
    if (item === '') continue;
    if (isHttpToken(item)) {
      tokens.push(item);
      continue;
    }
    // `GET POST` or `GET;POST` is one invalid token to a browser, but the intent is plain.
    const parts = item.split(/[\s;]+/).filter((part) => part !== '');
    if (parts.length > 1 && parts.every(isHttpToken)) {
      badSeparator = true;
      tokens.push(...parts);
    } else {
      invalid.push(item);
    }
  }
  if (invalid.length > 0) return invalid.map((token) => ({ kind: 'invalid-token', token }));

  const normalized = methods ? tokens.map(asciiUppercase) : tokens;
  const fixed = normalized.join(joinerOf(text));
  const problems: ListProblem[] = [];
  if (badSeparator) problems.push({ kind: 'separator', fixed });
  if (methods) {
    for (const method of tokens)
      if (asciiUppercase(method) !== method)
        problems.push({ kind: 'lowercase-method', method, fixed });
  }
  return problems;
}

/** Keeps the writer's comma style: `a,b` stays tight, otherwise `a, b`. */
function joinerOf(text: string): string {
  return text.includes(',') && !/,[ \t]/.test(text) ? ',' : ', ';
}

// Fetch §cors-preflight-fetch max-age is browser-capped: Chromium preflight_result.cc kMaxTimeout, Firefox nsCORSListenerProxy.cpp.
export const MAX_AGE_CAPS = Object.freeze({ chromium: 7200, firefox: 86400 } as const);

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };
// `600s`, `10 min`, `1h`, `2 days`: durations written for humans where seconds are required.
const DURATION = /^(\d+)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)$/i;

export type MaxAgeVerdict =
  | { ok: true }
  | { ok: false; kind: 'not-integer' | 'negative'; fixed?: string }
  | { ok: 'capped'; browser: 'chromium' | 'both'; cap: number };

/**
 * `Access-Control-Max-Age = delta-seconds` (Fetch §http-new-header-syntax). When capped, `cap` is
 * the largest value every browser honours (Chromium's 7200), so suggesting it is never capped again.
 */
export function validateMaxAge(value: number | string): MaxAgeVerdict {
  let seconds: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || !Number.isInteger(value))
      return { ok: false, kind: 'not-integer' };
    seconds = value;
  } else {
    const text = String(value).trim();
    if (/^-\d+$/.test(text)) return { ok: false, kind: 'negative' };
    if (!/^\d+$/.test(text)) {
      const duration = DURATION.exec(text);
      const factor = duration
        ? UNIT_SECONDS[(duration[2] ?? '').charAt(0).toLowerCase()]
        : undefined;
      if (duration === null || factor === undefined) return { ok: false, kind: 'not-integer' };
      // Clamped to the cap every browser honours: a longer fixed value would be reported again as capped (`maxAgeAboveCap`).
      return {
        ok: false,
        kind: 'not-integer',
        fixed: String(Math.min(Number(duration[1]) * factor, MAX_AGE_CAPS.chromium)),
      };
    }
    seconds = Number(text);
  }
  if (seconds < 0) return { ok: false, kind: 'negative' };
  if (seconds > MAX_AGE_CAPS.firefox)
    return { ok: 'capped', browser: 'both', cap: MAX_AGE_CAPS.chromium };
  if (seconds > MAX_AGE_CAPS.chromium)
    return { ok: 'capped', browser: 'chromium', cap: MAX_AGE_CAPS.chromium };
  return { ok: true };
}
