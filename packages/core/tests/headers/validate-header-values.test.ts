import { describe, it, expect } from 'vitest';
import type { ListProblem, MaxAgeVerdict } from '../../src/headers/validate-header-values.js';
import {
  MAX_AGE_CAPS,
  validateAllowCredentialsValue,
  validateHeaderListPiece,
  validateMaxAge,
  validateMethodListPiece,
} from '../../src/headers/validate-header-values.js';

describe('validateAllowCredentialsValue', () => {
  const cases: [string, ReturnType<typeof validateAllowCredentialsValue>][] = [
    ['true', { ok: true }],
    ['True', { ok: false, fixed: 'true' }],
    ['TRUE', { ok: false, fixed: 'true' }],
    // Surrounding whitespace is not part of a header value (RFC 9110 §5.5).
    [' true ', { ok: true }],
    [' True ', { ok: false, fixed: 'true' }],
    ['1', { ok: false, fixed: undefined }],
    ['yes', { ok: false, fixed: undefined }],
    ['false', { ok: false, fixed: undefined }],
    ['', { ok: false, fixed: undefined }],
  ];
  it.each(cases)('%j', (raw, expected) =>
    expect(validateAllowCredentialsValue(raw)).toEqual(expected),
  );
});

describe('validateMethodListPiece', () => {
  const cases: [string, ListProblem[]][] = [
    ['GET, POST', []],
    ['GET,POST,PUT', []],
    ['*', []],
    ['GET,,POST,', []],
    ['', [{ kind: 'empty' }]],
    ['  ', [{ kind: 'empty' }]],
    ['GET POST', [{ kind: 'separator', fixed: 'GET, POST' }]],
    ['GET;POST', [{ kind: 'separator', fixed: 'GET, POST' }]],
    ['GET; POST; PUT', [{ kind: 'separator', fixed: 'GET, POST, PUT' }]],
    ['GET, POST PUT', [{ kind: 'separator', fixed: 'GET, POST, PUT' }]],
    ['GET,POST PUT', [{ kind: 'separator', fixed: 'GET,POST,PUT' }]],
    [
      'get, post',
      [
        { kind: 'lowercase-method', method: 'get', fixed: 'GET, POST' },
        { kind: 'lowercase-method', method: 'post', fixed: 'GET, POST' },
      ],
    ],
    ['patch', [{ kind: 'lowercase-method', method: 'patch', fixed: 'PATCH' }]],
    ['GET,Patch', [{ kind: 'lowercase-method', method: 'Patch', fixed: 'GET,PATCH' }]],
    ['*, delete', [{ kind: 'lowercase-method', method: 'delete', fixed: '*, DELETE' }]],
    [
      'get post',
      [
        { kind: 'separator', fixed: 'GET, POST' },
        { kind: 'lowercase-method', method: 'get', fixed: 'GET, POST' },
        { kind: 'lowercase-method', method: 'post', fixed: 'GET, POST' },
      ],
    ],
    ['"GET"', [{ kind: 'invalid-token', token: '"GET"' }]],
    ['GET/POST', [{ kind: 'invalid-token', token: 'GET/POST' }]],
    ['GET, "PUT" x', [{ kind: 'invalid-token', token: '"PUT" x' }]],
  ];
  it.each(cases)('%j', (text, expected) => expect(validateMethodListPiece(text)).toEqual(expected));
});

describe('validateHeaderListPiece', () => {
  const cases: [string, ListProblem[]][] = [
    ['Content-Type, Authorization', []],
    ['content-type,x-api-key', []],
    ['*', []],
    ['*, Authorization', []],
    ['', [{ kind: 'empty' }]],
    ['Content-Type Authorization', [{ kind: 'separator', fixed: 'Content-Type, Authorization' }]],
    ['Content-Type;X-Foo', [{ kind: 'separator', fixed: 'Content-Type, X-Foo' }]],
    ['a,b c', [{ kind: 'separator', fixed: 'a,b,c' }]],
    ['X-Foo: bar', [{ kind: 'invalid-token', token: 'X-Foo: bar' }]],
    ['"Authorization"', [{ kind: 'invalid-token', token: '"Authorization"' }]],
    ['Content-Type, X/Y', [{ kind: 'invalid-token', token: 'X/Y' }]],
  ];
  it.each(cases)('%j', (text, expected) => expect(validateHeaderListPiece(text)).toEqual(expected));
});

describe('validateMaxAge', () => {
  const cases: [number | string, MaxAgeVerdict][] = [
    [0, { ok: true }],
    [600, { ok: true }],
    ['600', { ok: true }],
    [' 600 ', { ok: true }],
    [7200, { ok: true }],
    [7201, { ok: 'capped', browser: 'chromium', cap: 7200 }],
    ['86400', { ok: 'capped', browser: 'chromium', cap: 7200 }],
    [86401, { ok: 'capped', browser: 'both', cap: 7200 }],
    [31536000, { ok: 'capped', browser: 'both', cap: 7200 }],
    [-1, { ok: false, kind: 'negative' }],
    ['-1', { ok: false, kind: 'negative' }],
    [1.5, { ok: false, kind: 'not-integer' }],
    [Number.NaN, { ok: false, kind: 'not-integer' }],
    [Number.POSITIVE_INFINITY, { ok: false, kind: 'not-integer' }],
    ['600s', { ok: false, kind: 'not-integer', fixed: '600' }],
    ['10m', { ok: false, kind: 'not-integer', fixed: '600' }],
    ['10 min', { ok: false, kind: 'not-integer', fixed: '600' }],
    ['1h', { ok: false, kind: 'not-integer', fixed: '3600' }],
    ['2 hours', { ok: false, kind: 'not-integer', fixed: '7200' }],
    // Longer durations are clamped to Chromium's cap, so the fixed value is not reported again as capped.
    ['1d', { ok: false, kind: 'not-integer', fixed: '7200' }],
    ['10h', { ok: false, kind: 'not-integer', fixed: '7200' }],
    ['1.5', { ok: false, kind: 'not-integer' }],
    ['', { ok: false, kind: 'not-integer' }],
    ['ten', { ok: false, kind: 'not-integer' }],
    ['1y', { ok: false, kind: 'not-integer' }],
  ];
  it.each(cases)('%j', (value, expected) => expect(validateMaxAge(value)).toEqual(expected));

  it('exports the browser caps', () =>
    expect(MAX_AGE_CAPS).toEqual({ chromium: 7200, firefox: 86400 }));
});
