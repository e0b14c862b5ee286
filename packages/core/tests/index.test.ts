import { describe, it, expect } from 'vitest';
import * as core from '../src/index.js';

describe('public API', () => {
  const functions = [
    'isCorsSafelistedMethod',
    'isForbiddenMethod',
    'normalizeMethod',
    'isHttpToken',
    'parseHeaderList',
    'isCorsSafelistedRequestHeader',
    'corsUnsafeRequestHeaderNames',
    'isForbiddenRequestHeader',
    'isCorsSafelistedResponseHeader',
    'canonicalCorsHeaderName',
    'parseOrigin',
    'serializeOrigin',
    'validateAllowOriginValue',
    'classifyOriginSubstringCheck',
    'validateAllowCredentialsValue',
    'validateMethodListPiece',
    'validateHeaderListPiece',
    'validateMaxAge',
    'needsPreflight',
    'checkCorsResponse',
    'checkPreflightResponse',
    'consoleReason',
    'consoleLine',
    'matchesConsoleLine',
    'sendsCredentials',
    'settingHandle',
  ];
  it.each(functions)('exports %s', (name) =>
    expect(typeof (core as Record<string, unknown>)[name]).toBe('function'),
  );

  it('exports the tables and constants', () => {
    expect(core.ACAO).toBe('Access-Control-Allow-Origin');
    expect(core.CORS_SAFELISTED_METHODS.has('GET')).toBe(true);
    expect(core.MAX_AGE_CAPS.chromium).toBe(7200);
    expect(core.DEFAULT_PORTS['https']).toBe('443');
    expect(typeof core.PLACEHOLDER_ORIGIN).toBe('string');
  });
});

describe('never throws on odd input', () => {
  // Deterministic pseudo-random strings over the characters that matter to the parsers.
  const alphabet = [
    'a',
    'Z',
    '0',
    '9',
    '.',
    '-',
    '_',
    '*',
    ':',
    '/',
    '?',
    '#',
    '@',
    '[',
    ']',
    ',',
    ';',
    ' ',
    '\t',
    '\n',
    '"',
    '=',
    '%',
    'é',
    '\u212A',
    '\u0000',
    'https://',
    'x.com',
    'bytes=',
  ];
  let seed = 42;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const inputs = Array.from({ length: 400 }, () =>
    Array.from({ length: next() % 8 }, () => alphabet[next() % alphabet.length]).join(''),
  );

  it('handles every input', () => {
    for (const text of inputs) {
      expect(() => {
        core.isCorsSafelistedMethod(text);
        core.isForbiddenMethod(text);
        core.normalizeMethod(text);
        core.parseHeaderList(text);
        core.isCorsSafelistedRequestHeader('Content-Type', text);
        core.isCorsSafelistedRequestHeader('Range', text);
        core.isForbiddenRequestHeader(text, text);
        core.corsUnsafeRequestHeaderNames([[text, text]]);
        core.canonicalCorsHeaderName(text);
        core.parseOrigin(text);
        core.validateAllowOriginValue(text);
        for (const method of ['includes', 'indexOf', 'startsWith', 'endsWith'] as const) {
          core.classifyOriginSubstringCheck('origin', method, text);
          core.classifyOriginSubstringCheck('hostname', method, text);
        }
        core.validateAllowCredentialsValue(text);
        core.validateMethodListPiece(text);
        core.validateHeaderListPiece(text);
        core.validateMaxAge(text);
        const request = {
          origin: text,
          credentials: 'include' as const,
          method: text,
          headers: [[text, text]] as const,
        };
        const response = {
          status: 200,
          headers: [
            ['Access-Control-Allow-Origin', text],
            ['Access-Control-Allow-Methods', text],
            ['Access-Control-Allow-Headers', text],
          ] as const,
        };
        core.needsPreflight(request);
        core.checkCorsResponse(request, response);
        core.checkPreflightResponse(request, response);
        core.consoleLine('allow-origin-mismatch', { value: text });
        core.matchesConsoleLine('header-not-allowed', 'chrome', text);
      }).not.toThrow();
    }
  });

  it('keeps every validateAllowOriginValue fix valid', () => {
    for (const text of inputs) {
      for (const problem of core.validateAllowOriginValue(text)) {
        if ('fixed' in problem)
          expect(
            core.validateAllowOriginValue(problem.fixed),
            `${JSON.stringify(text)} → ${problem.fixed}`,
          ).toEqual([]);
      }
    }
  });
});
