import { describe, it, expect } from 'vitest';
import {
  CORS_NON_WILDCARD_REQUEST_HEADER_NAMES,
  corsUnsafeRequestHeaderNames,
  isCorsSafelistedRequestHeader,
  isForbiddenRequestHeader,
} from '../../src/fetch/request-headers.js';

describe('isCorsSafelistedRequestHeader', () => {
  const cases: [string, string, boolean][] = [
    ['Accept', 'application/json', true],
    ['accept', '*/*', true],
    ['Accept', 'text/html; q="0.9"', false],
    ['Accept', 'a@b', false],
    ['Accept', 'x\ty', true],
    ['Accept', 'x\ny', false],
    ['Accept', 'a\x7f', false],
    ['Accept', 'a'.repeat(128), true],
    ['Accept', 'a'.repeat(129), false],
    ['Accept-Language', 'en-US,en;q=0.9', true],
    ['Accept-Language', 'de_DE', false],
    ['Content-Language', 'fr, *', true],
    ['Content-Language', 'fr/ca', false],
    ['Content-Type', 'text/plain', true],
    ['content-type', 'text/plain;charset=UTF-8', true],
    ['Content-Type', 'TEXT/PLAIN', true],
    ['Content-Type', ' multipart/form-data; boundary=abc ', true],
    ['Content-Type', 'application/x-www-form-urlencoded', true],
    ['Content-Type', 'application/json', false],
    ['Content-Type', 'application/csp-report', false],
    ['Content-Type', 'text/plain, application/json', false],
    ['Content-Type', 'text/plain; charset="utf-8"', false], // `"` is a CORS-unsafe byte
    ['Content-Type', 'text', false],
    ['Content-Type', 'text/', false],
    ['Content-Type', '/plain', false],
    ['Range', 'bytes=256-', true],
    ['Range', 'bytes=127-255', true],
    ['Range', 'Bytes=0-0', true],
    ['Range', 'bytes=-500', false],
    ['Range', 'bytes=0-1,5-6', false],
    ['Range', 'bytes=5-1', false],
    ['Range', 'bytes = 0-1', false],
    ['Range', 'items=0-1', false],
    ['Range', 'bytes=-', false],
    ['Authorization', 'Bearer x', false],
    ['X-Requested-With', 'XMLHttpRequest', false],
    ['Cache-Control', 'no-cache', false],
    ['Accept', 'caf\u00e9', true],
    ['Accept', '\u20ac', false],
  ];
  it.each(cases)('%s: %j → %s', (name, value, expected) =>
    expect(isCorsSafelistedRequestHeader(name, value)).toBe(expected),
  );
});

describe('isForbiddenRequestHeader', () => {
  const cases: [string, string | undefined, boolean][] = [
    ['Cookie', undefined, true],
    ['origin', undefined, true],
    ['Referer', undefined, true],
    ['HOST', undefined, true],
    ['DNT', undefined, true],
    ['Content-Length', undefined, true],
    ['Proxy-Authorization', undefined, true],
    ['proxy-anything', undefined, true],
    ['Sec-Fetch-Mode', undefined, true],
    ['sec-ch-ua', undefined, true],
    ['Authorization', undefined, false],
    ['Content-Type', undefined, false],
    ['Accept', undefined, false],
    ['X-HTTP-Method-Override', 'TRACE', true],
    ['x-http-method', 'GET, connect', true],
    ['X-Method-Override', ' track ', true],
    ['X-HTTP-Method-Override', 'PATCH', false],
    ['X-HTTP-Method-Override', undefined, false],
    ['X-Other', 'TRACE', false],
  ];
  it.each(cases)('%s: %j → %s', (name, value, expected) =>
    expect(isForbiddenRequestHeader(name, value)).toBe(expected),
  );
});

describe('corsUnsafeRequestHeaderNames', () => {
  const cases: [string, [string, string][], string[]][] = [
    ['no headers', [], []],
    [
      'only safelisted',
      [
        ['Accept', 'application/json'],
        ['Content-Type', 'text/plain'],
      ],
      [],
    ],
    [
      'lowercased, sorted, unique',
      [
        ['X-B', '1'],
        ['Authorization', 'x'],
        ['x-b', '2'],
        ['Content-Type', 'application/json'],
      ],
      ['authorization', 'content-type', 'x-b'],
    ],
    [
      'forbidden headers are dropped by Headers',
      [
        ['Cookie', 'a=b'],
        ['Origin', 'https://x.test'],
        ['X-A', '1'],
      ],
      ['x-a'],
    ],
    [
      'distinct safelisted headers of 128 bytes each are fine',
      [
        ['Accept', 'a'.repeat(128)],
        ['Accept-Language', 'b'.repeat(128)],
        ['Content-Language', 'c'.repeat(128)],
      ],
      [],
    ],
    [
      'a repeated header is judged by the line its values are joined into',
      [
        ['Accept-Language', 'b'.repeat(70)],
        ['accept-language', 'b'.repeat(70)],
        ['Accept', 'a'],
      ],
      ['accept-language'],
    ],
    [
      'a repeated header whose joined line is safelisted is fine',
      [
        ['Content-Language', 'de'],
        ['Content-Language', 'en'],
      ],
      [],
    ],
    [
      'a safelisted value stays safe next to an unsafe header',
      [
        ['X-Big', 'x'.repeat(2000)],
        ['Accept', 'a'],
      ],
      ['x-big'],
    ],
  ];
  it.each(cases)('%s', (_label, headers, expected) =>
    expect(corsUnsafeRequestHeaderNames(headers)).toEqual(expected),
  );

  it('names Authorization as the only non-wildcard name', () => {
    expect([...CORS_NON_WILDCARD_REQUEST_HEADER_NAMES]).toEqual(['authorization']);
  });
});
