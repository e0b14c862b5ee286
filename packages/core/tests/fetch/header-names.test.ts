import { describe, it, expect } from 'vitest';
import { isHttpToken, parseHeaderList } from '../../src/fetch/header-names.js';

describe('isHttpToken', () => {
  const cases: [string, boolean][] = [
    ['Content-Type', true],
    ['x-api_key', true],
    ["!#$%&'*+-.^_`|~", true],
    ['*', true],
    ['', false],
    ['GET POST', false],
    ['a/b', false],
    ['"GET"', false],
    ['a:b', false],
    ['a,b', false],
    ['é', false],
    ['a\tb', false],
  ];
  it.each(cases)('%j → %s', (text, expected) => expect(isHttpToken(text)).toBe(expected));
});

describe('parseHeaderList', () => {
  const cases: [string, { items: string[]; invalid: string[] }][] = [
    ['', { items: [], invalid: [] }],
    ['GET', { items: ['GET'], invalid: [] }],
    ['GET,POST', { items: ['GET', 'POST'], invalid: [] }],
    [' GET ,\tPOST , PUT ', { items: ['GET', 'POST', 'PUT'], invalid: [] }],
    ['GET,,POST,', { items: ['GET', 'POST'], invalid: [] }],
    [',', { items: [], invalid: [] }],
    ['GET POST', { items: ['GET POST'], invalid: ['GET POST'] }],
    ['Content-Type, "X-Foo"', { items: ['Content-Type', '"X-Foo"'], invalid: ['"X-Foo"'] }],
    ['*, Authorization', { items: ['*', 'Authorization'], invalid: [] }],
  ];
  it.each(cases)('%j', (value, expected) => expect(parseHeaderList(value)).toEqual(expected));
});
