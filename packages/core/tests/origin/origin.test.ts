import { describe, it, expect } from 'vitest';
import { DEFAULT_PORTS, parseOrigin, serializeOrigin } from '../../src/origin/origin.js';

describe('parseOrigin', () => {
  const valid: [string, { scheme: string; host: string; port: string | undefined }][] = [
    ['https://example.com', { scheme: 'https', host: 'example.com', port: undefined }],
    ['http://localhost:3000', { scheme: 'http', host: 'localhost', port: '3000' }],
    ['http://127.0.0.1:8080', { scheme: 'http', host: '127.0.0.1', port: '8080' }],
    ['http://[::1]:5173', { scheme: 'http', host: '[::1]', port: '5173' }],
    [
      'https://xn--bcher-kva.example',
      { scheme: 'https', host: 'xn--bcher-kva.example', port: undefined },
    ],
    [
      'https://my_host.example.com',
      { scheme: 'https', host: 'my_host.example.com', port: undefined },
    ],
    ['chrome-extension://abcdef', { scheme: 'chrome-extension', host: 'abcdef', port: undefined }],
    ['http://example.com:443', { scheme: 'http', host: 'example.com', port: '443' }],
    ['https://example.com:65535', { scheme: 'https', host: 'example.com', port: '65535' }],
  ];
  it.each(valid)('parses %s', (text, expected) => expect(parseOrigin(text)).toEqual(expected));

  const invalid = [
    'null',
    '*',
    '',
    'example.com',
    'https://',
    'https://example.com/',
    'https://example.com/app',
    'https://example.com?x=1',
    'HTTPS://example.com',
    'https://Example.com',
    'https://example.com:443',
    'http://example.com:80',
    'https://example.com:65536',
    'https://example.com:08080',
    'https://example.com:',
    'https://user@example.com',
    'https://*.example.com',
    'https://a..com',
    ' https://example.com',
    'https://example.com, https://b.com',
  ];
  it.each(invalid)('rejects %j', (text) => expect(parseOrigin(text)).toBeUndefined());
});

describe('serializeOrigin', () => {
  const cases: [{ scheme: string; host: string; port: string | undefined }, string][] = [
    [{ scheme: 'https', host: 'a.com', port: undefined }, 'https://a.com'],
    [{ scheme: 'https', host: 'a.com', port: '8443' }, 'https://a.com:8443'],
    [{ scheme: 'https', host: 'a.com', port: '443' }, 'https://a.com'],
    [{ scheme: 'ws', host: 'a.com', port: '80' }, 'ws://a.com'],
    [{ scheme: 'http', host: 'a.com', port: '443' }, 'http://a.com:443'],
  ];
  it.each(cases)('%j → %s', (origin, expected) => expect(serializeOrigin(origin)).toBe(expected));

  it('round-trips parseOrigin', () => {
    for (const text of ['https://a.com', 'http://localhost:3000', 'http://[::1]:8080']) {
      const origin = parseOrigin(text);
      expect(origin && serializeOrigin(origin)).toBe(text);
    }
  });

  it('knows the default ports of the CORS schemes', () => {
    expect(DEFAULT_PORTS).toEqual({ http: '80', https: '443', ws: '80', wss: '443' });
  });
});
