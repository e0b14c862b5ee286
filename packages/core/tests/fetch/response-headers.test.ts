import { describe, it, expect } from 'vitest';
import {
  ACAC,
  ACAH,
  ACAM,
  ACAO,
  ACEH,
  ACMA,
  FORBIDDEN_RESPONSE_HEADER_NAMES,
  canonicalCorsHeaderName,
  isCorsSafelistedResponseHeader,
} from '../../src/fetch/response-headers.js';

describe('header name constants', () => {
  it('spell the CORS headers canonically', () => {
    expect([ACAO, ACAC, ACAM, ACAH, ACEH, ACMA]).toEqual([
      'Access-Control-Allow-Origin',
      'Access-Control-Allow-Credentials',
      'Access-Control-Allow-Methods',
      'Access-Control-Allow-Headers',
      'Access-Control-Expose-Headers',
      'Access-Control-Max-Age',
    ]);
  });
});

describe('isCorsSafelistedResponseHeader', () => {
  const cases: [string, boolean][] = [
    ['Cache-Control', true],
    ['content-language', true],
    ['Content-Length', true],
    ['CONTENT-TYPE', true],
    ['Expires', true],
    ['Last-Modified', true],
    ['Pragma', true],
    ['ETag', false],
    ['Location', false],
    ['X-Total-Count', false],
    ['Content-Disposition', false],
    ['Set-Cookie', false],
  ];
  it.each(cases)('%s → %s', (name, expected) =>
    expect(isCorsSafelistedResponseHeader(name)).toBe(expected),
  );

  it('forbids Set-Cookie and Set-Cookie2', () => {
    expect([...FORBIDDEN_RESPONSE_HEADER_NAMES].sort()).toEqual(['set-cookie', 'set-cookie2']);
  });
});

describe('canonicalCorsHeaderName', () => {
  const cases: [string, string | undefined][] = [
    ['access-control-allow-origin', ACAO],
    ['ACCESS-CONTROL-ALLOW-CREDENTIALS', ACAC],
    ['Access-Control-Allow-Methods', ACAM],
    ['access-control-allow-headers', ACAH],
    ['access-control-expose-headers', ACEH],
    ['Access-control-max-age', ACMA],
    ['Access-Control-Request-Method', undefined],
    ['Content-Type', undefined],
    ['access-control-allow-origin ', undefined],
    ['', undefined],
  ];
  it.each(cases)('%j → %s', (name, expected) =>
    expect(canonicalCorsHeaderName(name)).toBe(expected),
  );
});
