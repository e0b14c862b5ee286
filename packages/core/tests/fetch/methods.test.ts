import { describe, it, expect } from 'vitest';
import {
  isCorsSafelistedMethod,
  isForbiddenMethod,
  normalizeMethod,
} from '../../src/fetch/methods.js';

describe('isCorsSafelistedMethod', () => {
  const cases: [string, boolean][] = [
    ['GET', true],
    ['HEAD', true],
    ['POST', true],
    ['get', false],
    ['Post', false],
    ['PUT', false],
    ['PATCH', false],
    ['OPTIONS', false],
    ['', false],
  ];
  it.each(cases)('%s → %s', (method, expected) =>
    expect(isCorsSafelistedMethod(method)).toBe(expected),
  );
});

describe('isForbiddenMethod', () => {
  const cases: [string, boolean][] = [
    ['CONNECT', true],
    ['connect', true],
    ['Trace', true],
    ['track', true],
    ['GET', false],
    ['TRACKS', false],
    // U+212A KELVIN SIGN must not case-fold to `K`.
    ['TRAC\u212A', false],
  ];
  it.each(cases)('%s → %s', (method, expected) => expect(isForbiddenMethod(method)).toBe(expected));
});

describe('normalizeMethod', () => {
  const cases: [string, string][] = [
    ['get', 'GET'],
    ['Delete', 'DELETE'],
    ['options', 'OPTIONS'],
    ['put', 'PUT'],
    ['patch', 'patch'],
    ['Patch', 'Patch'],
    ['PATCH', 'PATCH'],
    ['propfind', 'propfind'],
  ];
  it.each(cases)('%s → %s', (method, expected) => expect(normalizeMethod(method)).toBe(expected));
});
