import { describe, expect, it } from 'vitest';
import type { ClientRequest } from '../../src/index.js';
import { clientRequest } from './client-request-builder.js';
import {
  checkForbiddenRequestHeader,
  checkInvalidNoCorsRequest,
  checkOpaqueResponseRead,
  isCrossOriginUrl,
  isNoCorsSafelistedRequestHeader,
} from '../../src/index.js';

const request = (overrides: Partial<ClientRequest<string>>): ClientRequest<string> =>
  clientRequest({ mode: { kind: 'known', value: 'no-cors', at: 'mode' }, ...overrides });

describe('isCrossOriginUrl', () => {
  it('treats every absolute http(s) URL as cross-origin without app origins', () => {
    expect(isCrossOriginUrl('https://api.example.com/items')).toBe(true);
    expect(isCrossOriginUrl('http://localhost:3000')).toBe(true);
  });
  it('compares origins with the app origins, default ports left out', () => {
    expect(isCrossOriginUrl('https://app.example.com:443/api', ['https://app.example.com'])).toBe(
      false,
    );
    expect(isCrossOriginUrl('HTTPS://App.Example.com/api', ['https://app.example.com'])).toBe(
      false,
    );
    expect(isCrossOriginUrl('https://api.example.com/api', ['https://app.example.com'])).toBe(true);
  });
  it('treats relative URLs as same-origin and other schemes as unknown', () => {
    expect(isCrossOriginUrl('/api/items')).toBe(false);
    expect(isCrossOriginUrl('items.json')).toBe(false);
    expect(isCrossOriginUrl('//cdn.example.com/x')).toBeUndefined();
    expect(isCrossOriginUrl('data:text/plain,hi')).toBeUndefined();
  });
});

describe('no-cors safelist', () => {
  it('keeps only Accept, Accept-Language, Content-Language and a safelisted Content-Type', () => {
    expect(isNoCorsSafelistedRequestHeader('Content-Type', 'text/plain;charset=UTF-8')).toBe(true);
    expect(isNoCorsSafelistedRequestHeader('Content-Type', 'application/json')).toBe(false);
    expect(isNoCorsSafelistedRequestHeader('Range', 'bytes=0-10')).toBe(false);
    expect(isNoCorsSafelistedRequestHeader('Authorization', 'Bearer x')).toBe(false);
  });
});

describe('checkOpaqueResponseRead', () => {
  const reads = [
    { member: 'type', at: 'type' },
    { member: 'status', at: 'status' },
  ];
  it('reports every read but type on a cross-origin no-cors response', () => {
    expect(checkOpaqueResponseRead(request({ responseReads: reads }))).toEqual([
      {
        messageId: 'opaqueResponseRead',
        data: { member: 'status', sees: '0' },
        at: 'status',
        suggestions: [{ messageId: 'removeNoCors', fix: { kind: 'remove', at: 'mode' } }],
      },
    ]);
  });
  it('stays silent for the app origin, unknown URLs and unknown modes', () => {
    expect(
      checkOpaqueResponseRead(request({ responseReads: reads }), {
        appOrigins: ['https://api.example.com'],
      }),
    ).toEqual([]);
    expect(
      checkOpaqueResponseRead(
        request({ responseReads: reads, url: { kind: 'unknown', at: 'url' } }),
      ),
    ).toEqual([]);
    expect(
      checkOpaqueResponseRead(
        request({ responseReads: reads, mode: { kind: 'unknown', at: 'mode' } }),
      ),
    ).toEqual([]);
  });
});

describe('checkInvalidNoCorsRequest', () => {
  it('reports a method no-cors rejects, normalized as fetch sends it', () => {
    const findings = checkInvalidNoCorsRequest(
      request({ method: { kind: 'known', value: 'delete', at: 'method' } }),
    );
    expect(findings.map((finding) => [finding.messageId, finding.data])).toEqual([
      ['unsupportedMethod', { method: 'DELETE' }],
    ]);
    expect(
      checkInvalidNoCorsRequest(
        request({ method: { kind: 'known', value: 'post', at: 'method' } }),
      ),
    ).toEqual([]);
  });
  it('reports dropped headers but neither forbidden ones nor unknown values', () => {
    const writes = [
      { name: 'X-Api-Key', value: undefined, at: 'key' },
      { name: 'Content-Type', value: undefined, at: 'type' },
      { name: 'Accept', value: 'text/html', at: 'accept' },
      { name: 'Cookie', value: 'a=b', at: 'cookie' },
    ];
    expect(
      checkInvalidNoCorsRequest(request({ headers: { writes, complete: true } })).map(
        (finding) => finding.at,
      ),
    ).toEqual(['key']);
  });
  it('reports stream bodies and nothing outside no-cors', () => {
    expect(
      checkInvalidNoCorsRequest(request({ body: { kind: 'stream', at: 'body' } })).map(
        (finding) => finding.messageId,
      ),
    ).toEqual(['streamBody']);
    expect(
      checkInvalidNoCorsRequest(
        request({
          mode: { kind: 'absent' },
          method: { kind: 'known', value: 'PUT', at: 'method' },
        }),
      ),
    ).toEqual([]);
  });
});

describe('checkForbiddenRequestHeader', () => {
  it('removes forbidden headers and response CORS headers', () => {
    const writes = [
      { name: 'Proxy-Authorization', value: 'x', at: 'proxy' },
      { name: 'access-control-allow-origin', value: '*', at: 'acao' },
      { name: 'X-Method-Override', value: 'GET', at: 'override' },
      { name: 'Authorization', value: 'Bearer x', at: 'auth' },
    ];
    expect(
      checkForbiddenRequestHeader(
        request({ mode: { kind: 'absent' }, headers: { writes, complete: true } }),
      ),
    ).toEqual([
      {
        messageId: 'forbiddenHeader',
        data: { header: 'Proxy-Authorization' },
        at: 'proxy',
        fix: { kind: 'remove', at: 'proxy' },
        suggestions: [
          {
            messageId: 'removeRequestHeader',
            data: { header: 'Proxy-Authorization' },
            fix: { kind: 'remove', at: 'proxy' },
          },
        ],
      },
      {
        messageId: 'responseHeaderOnRequest',
        data: { header: 'Access-Control-Allow-Origin' },
        at: 'acao',
        fix: { kind: 'remove', at: 'acao' },
        suggestions: [
          {
            messageId: 'removeRequestHeader',
            data: { header: 'Access-Control-Allow-Origin' },
            fix: { kind: 'remove', at: 'acao' },
          },
        ],
      },
    ]);
    // The suggestion is the autofix's own intent, so an adapter can tell it repeats the fix.
    const [first] = checkForbiddenRequestHeader(
      request({ mode: { kind: 'absent' }, headers: { writes, complete: true } }),
    );
    expect(first?.suggestions?.[0]?.fix).toBe(first?.fix);
  });
});
