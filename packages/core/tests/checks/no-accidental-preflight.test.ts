import { describe, expect, it } from 'vitest';
import type { RequestHeaderWrite } from '../../src/index.js';
import { clientRequest } from './client-request-builder.js';
import {
  browserEffect,
  checkAccidentalPreflight,
  consoleReason,
  mayBeCorsSafelistedRequestHeader,
  messagesFor,
} from '../../src/index.js';

const request = clientRequest;

const headers = (...writes: RequestHeaderWrite<string>[]) => ({
  headers: { writes, complete: true },
});
const write = (name: string, value: string | undefined, at = name): RequestHeaderWrite<string> => ({
  name,
  value,
  at,
});
const remove = (name: string, at = name) => ({
  messageId: 'removeHeader',
  data: { name },
  fix: { kind: 'remove', at },
});
const post = { kind: 'known', value: 'POST', at: 'method' } as const;

describe('mayBeCorsSafelistedRequestHeader', () => {
  it('is true for the five names whose value decides, in any case', () => {
    expect(
      ['Accept', 'accept-language', 'Content-Language', 'CONTENT-TYPE', 'Range'].map(
        mayBeCorsSafelistedRequestHeader,
      ),
    ).toEqual([true, true, true, true, true]);
    expect(
      ['Authorization', 'X-Requested-With', 'Cache-Control'].map(mayBeCorsSafelistedRequestHeader),
    ).toEqual([false, false, false]);
  });
});

describe('checkAccidentalPreflight: preflights that buy nothing (default)', () => {
  it('reports a Content-Type on a body-less GET or HEAD, with the drop suggestion', () => {
    expect(
      checkAccidentalPreflight(request(headers(write('Content-Type', 'application/json')))),
    ).toEqual([
      {
        messageId: 'contentTypeWithoutBody',
        data: { method: 'GET', value: 'application/json', header: 'content-type' },
        at: 'Content-Type',
        suggestions: [remove('Content-Type')],
      },
    ]);
    const head = checkAccidentalPreflight(
      request({
        method: { kind: 'known', value: 'head', at: 'method' },
        ...headers(write('content-type', 'application/json')),
      }),
    );
    expect(head.map((finding) => [finding.messageId, finding.data['method']])).toEqual([
      ['contentTypeWithoutBody', 'HEAD'],
    ]);
  });

  it('leaves a safelisted Content-Type on a GET alone: it does not preflight', () => {
    expect(checkAccidentalPreflight(request(headers(write('Content-Type', 'text/plain'))))).toEqual(
      [],
    );
  });

  it('reports X-Requested-With whatever its value, known or not', () => {
    expect(
      checkAccidentalPreflight(request(headers(write('X-Requested-With', undefined)))),
    ).toEqual([
      {
        messageId: 'requestedWith',
        data: { name: 'X-Requested-With', header: 'x-requested-with' },
        at: 'X-Requested-With',
        suggestions: [remove('X-Requested-With')],
      },
    ]);
  });

  it('reports a Content-Type that replaces the type the browser gives a FormData or URLSearchParams body', () => {
    const form = checkAccidentalPreflight(
      request({
        method: post,
        body: { kind: 'form-data', at: 'body' },
        ...headers(write('Content-Type', 'application/json')),
      }),
    );
    expect(form).toEqual([
      {
        messageId: 'contentTypeReplacesBodyType',
        data: {
          body: 'FormData',
          sent: 'multipart/form-data with the boundary that separates the parts',
          value: 'application/json',
          header: 'content-type',
        },
        at: 'Content-Type',
        suggestions: [remove('Content-Type')],
      },
    ]);
    const params = checkAccidentalPreflight(
      request({
        method: post,
        body: { kind: 'url-search-params', at: 'body' },
        ...headers(write('Content-Type', 'application/x-www-form-urlencoded; charset="utf-8"')),
      }),
    );
    expect(params.map((finding) => [finding.messageId, finding.data['sent']])).toEqual([
      ['contentTypeReplacesBodyType', 'application/x-www-form-urlencoded;charset=UTF-8'],
    ]);
  });

  it('suggests text/plain for a string body sent as another text type, or as text/plain made unsafe', () => {
    const csv = checkAccidentalPreflight(
      request({
        method: post,
        body: { kind: 'string', at: 'body' },
        ...headers(write('Content-Type', 'text/csv')),
      }),
    );
    expect(csv).toEqual([
      {
        messageId: 'unsafeTextType',
        data: { value: 'text/csv', why: '', header: 'content-type' },
        at: 'Content-Type',
        suggestions: [
          {
            messageId: 'useTextPlain',
            fix: { kind: 'replace-value', at: 'Content-Type', value: 'text/plain' },
          },
        ],
      },
    ]);
    const quoted = checkAccidentalPreflight(
      request({
        method: post,
        body: { kind: 'string', at: 'body' },
        ...headers(write('Content-Type', 'text/plain; charset="utf-8"')),
      }),
    );
    expect(quoted.map((finding) => finding.data['why'])).toEqual([
      ' as written: its value is over 128 bytes or holds a character such as a quote, a bracket or `@`',
    ]);
    const long = checkAccidentalPreflight(
      request({
        method: post,
        body: { kind: 'string', at: 'body' },
        ...headers(write('Content-Type', `text/plain;x=${'a'.repeat(120)}`)),
      }),
    );
    expect(long.map((finding) => finding.messageId)).toEqual(['unsafeTextType']);
  });

  it('leaves deliberate API calls to `all`: JSON and XML on a string body, any type on other bodies, other headers, methods', () => {
    const deliberate = [
      request({
        method: post,
        body: { kind: 'string', at: 'body' },
        ...headers(write('Content-Type', 'application/json')),
      }),
      request({
        method: post,
        body: { kind: 'string', at: 'body' },
        ...headers(write('Content-Type', 'application/vnd.api+json')),
      }),
      request({
        method: post,
        body: { kind: 'string', at: 'body' },
        ...headers(write('Content-Type', 'application/xml')),
      }),
      request({
        method: post,
        body: { kind: 'blob', at: 'body' },
        ...headers(write('Content-Type', 'text/csv')),
      }),
      request({
        method: post,
        body: { kind: 'unknown' },
        ...headers(write('Content-Type', 'text/csv')),
      }),
      request(headers(write('Authorization', undefined))),
      request({ method: { kind: 'known', value: 'DELETE', at: 'method' } }),
      request({ client: 'xhr', uploadListeners: ['listener'] }),
    ];
    for (const each of deliberate) expect(checkAccidentalPreflight(each)).toEqual([]);
  });

  it("reports axios's own JSON Content-Type only with `all`, without a suggestion", () => {
    const axios = request({
      client: 'axios',
      method: post,
      body: { kind: 'json-object', at: 'body' },
      headers: {
        writes: [
          {
            name: 'Content-Type',
            value: 'application/json',
            at: 'call',
            implied: 'library-default',
          },
        ],
        complete: true,
      },
    });
    expect(checkAccidentalPreflight(axios)).toEqual([]);
    expect(checkAccidentalPreflight(axios, { all: true })).toEqual([
      {
        messageId: 'preflightContentType',
        data: { value: 'application/json', header: 'content-type' },
        at: 'call',
      },
    ]);
    // On a GET too: the library put it there, not the code.
    const get = request({
      client: 'axios',
      headers: {
        writes: [
          {
            name: 'Content-Type',
            value: 'application/json',
            at: 'call',
            implied: 'library-default',
          },
        ],
        complete: true,
      },
    });
    expect(checkAccidentalPreflight(get)).toEqual([]);
  });

  it("reports an axios instance's default header at the default, and the suggestion removes the default", () => {
    const instance = request({
      client: 'axios',
      headers: {
        writes: [
          {
            name: 'X-Requested-With',
            value: 'XMLHttpRequest',
            at: 'defaults-property',
            implied: 'instance-default',
          },
        ],
        complete: true,
      },
    });
    expect(checkAccidentalPreflight(instance)).toEqual([
      {
        messageId: 'requestedWith',
        data: { name: 'X-Requested-With', header: 'x-requested-with' },
        at: 'defaults-property',
        suggestions: [remove('X-Requested-With', 'defaults-property')],
      },
    ]);
  });
});

describe('checkAccidentalPreflight: which requests', () => {
  const accidental = headers(write('X-Requested-With', 'XMLHttpRequest'));

  it('reports only cross-origin URLs, against the app origins when given', () => {
    expect(
      checkAccidentalPreflight(
        request({ ...accidental, url: { kind: 'known', value: '/api/items', at: 'url' } }),
      ),
    ).toEqual([]);
    expect(
      checkAccidentalPreflight(request({ ...accidental, url: { kind: 'unknown', at: 'url' } })),
    ).toEqual([]);
    expect(
      checkAccidentalPreflight(
        request({ ...accidental, url: { kind: 'known', value: '//cdn.example.com/x', at: 'url' } }),
      ),
    ).toEqual([]);
    expect(
      checkAccidentalPreflight(request(accidental), { appOrigins: ['https://api.example.com'] }),
    ).toEqual([]);
    expect(
      checkAccidentalPreflight(request(accidental), { appOrigins: ['https://app.example.com'] }),
    ).toHaveLength(1);
  });

  it("reports mode 'cors' or no mode; not 'no-cors', 'same-origin' or an unknown mode", () => {
    expect(
      checkAccidentalPreflight(
        request({ ...accidental, mode: { kind: 'known', value: 'cors', at: 'mode' } }),
      ),
    ).toHaveLength(1);
    for (const value of ['no-cors', 'same-origin'])
      expect(
        checkAccidentalPreflight(
          request({ ...accidental, mode: { kind: 'known', value, at: 'mode' } }),
        ),
      ).toEqual([]);
    expect(
      checkAccidentalPreflight(request({ ...accidental, mode: { kind: 'unknown', at: 'mode' } })),
    ).toEqual([]);
  });

  it('skips what cannot be told: a Content-Type of unknown value, an unknown method or body, a forbidden header', () => {
    expect(
      checkAccidentalPreflight(request(headers(write('Content-Type', undefined))), { all: true }),
    ).toEqual([]);
    expect(
      checkAccidentalPreflight(
        request({
          method: { kind: 'unknown', at: 'method' },
          ...headers(write('Content-Type', 'application/json')),
        }),
      ),
    ).toEqual([]);
    expect(
      checkAccidentalPreflight(
        request({
          body: { kind: 'unknown' },
          ...headers(write('Content-Type', 'application/json')),
        }),
      ),
    ).toEqual([]);
    // Dropped by the browser, so it never reaches a preflight (no-forbidden-request-header reports it).
    expect(
      checkAccidentalPreflight(request(headers(write('Proxy-Authorization', 'x'))), { all: true }),
    ).toEqual([]);
  });
});

describe('checkAccidentalPreflight: every preflight (`all`)', () => {
  it('names the method, at the method', () => {
    expect(
      checkAccidentalPreflight(
        request({ method: { kind: 'known', value: 'patch', at: 'method' } }),
        { all: true },
      ),
    ).toEqual([{ messageId: 'preflightMethod', data: { method: 'patch' }, at: 'method' }]);
    expect(
      checkAccidentalPreflight(
        request({ method: { kind: 'known', value: 'delete', at: 'method' } }),
        { all: true },
      ),
    ).toEqual([{ messageId: 'preflightMethod', data: { method: 'DELETE' }, at: 'method' }]);
  });

  it('names each non-safelisted header at its write, and keeps the suggestion where one applies', () => {
    const findings = checkAccidentalPreflight(
      request({
        method: post,
        body: { kind: 'string', at: 'body' },
        ...headers(
          write('Authorization', undefined),
          write('Accept', 'application/json'),
          write('Content-Type', 'application/json'),
          write('X-Requested-With', 'XMLHttpRequest'),
        ),
      }),
      { all: true },
    );
    expect(findings).toEqual([
      {
        messageId: 'preflightHeader',
        data: { name: 'Authorization', header: 'authorization' },
        at: 'Authorization',
      },
      {
        messageId: 'preflightContentType',
        data: { value: 'application/json', header: 'content-type' },
        at: 'Content-Type',
      },
      {
        messageId: 'requestedWith',
        data: { name: 'X-Requested-With', header: 'x-requested-with' },
        at: 'X-Requested-With',
        suggestions: [remove('X-Requested-With')],
      },
    ]);
  });

  it('reports a header set twice whose joined line is not safelisted, at the request', () => {
    // Measured in Chromium 156: two 70-byte Content-Language values preflight (one 142-byte line).
    const twice = request(
      headers(
        write('Accept', 'a'.repeat(100)),
        write('Content-Language', 'c'.repeat(70), 'cl1'),
        write('Content-Language', 'c'.repeat(70), 'cl2'),
      ),
    );
    expect(checkAccidentalPreflight(twice)).toEqual([]);
    expect(checkAccidentalPreflight(twice, { all: true })).toEqual([
      {
        messageId: 'repeatedHeader',
        data: { name: 'Content-Language', header: 'content-language' },
        at: 'call',
      },
    ]);
    // One value of 128 bytes does not.
    expect(
      checkAccidentalPreflight(request(headers(write('Content-Language', 'c'.repeat(128)))), {
        all: true,
      }),
    ).toEqual([]);
  });

  it('reports XHR upload listeners and a stream body, which preflight even a simple request', () => {
    const xhr = request({
      client: 'xhr',
      method: post,
      uploadListeners: ['onprogress', 'addEventListener'],
    });
    expect(checkAccidentalPreflight(xhr, { all: true })).toEqual([
      { messageId: 'uploadListener', data: {}, at: 'onprogress' },
      { messageId: 'uploadListener', data: {}, at: 'addEventListener' },
    ]);
    const stream = request({ method: post, body: { kind: 'stream', at: 'body' } });
    expect(checkAccidentalPreflight(stream, { all: true })).toEqual([
      { messageId: 'streamBody', data: {}, at: 'body' },
    ]);
  });

  it('reports nothing for a simple request', () => {
    const simple = request({
      method: post,
      body: { kind: 'form-data', at: 'body' },
      ...headers(write('Accept', 'application/json'), write('Content-Language', 'en')),
    });
    expect(checkAccidentalPreflight(simple, { all: true })).toEqual([]);
  });
});

describe('no-accidental-preflight messages', () => {
  const messages: Record<string, string> = messagesFor('no-accidental-preflight');
  const quoted = (failure: Parameters<typeof consoleReason>[0]) => {
    const reason = consoleReason(failure, { header: '{{header}}', method: '{{method}}' });
    return `Chrome reports "${reason.chrome}" and Firefox "${reason.firefox}".`;
  };

  it('quote what Chrome and Firefox print when the server refuses the header, the method or the preflight', () => {
    for (const id of [
      'contentTypeWithoutBody',
      'requestedWith',
      'contentTypeReplacesBodyType',
      'unsafeTextType',
      'preflightContentType',
      'preflightHeader',
      'repeatedHeader',
    ]) {
      expect(messages[id], id).toContain(
        `When the server does not allow the header, ${quoted('header-not-allowed')}`,
      );
    }
    expect(messages['preflightMethod']).toContain(
      `When the server does not allow the method, ${quoted('method-not-allowed')}`,
    );
    for (const id of ['uploadListener', 'streamBody'])
      expect(messages[id], id).toContain(
        `When the server does not answer OPTIONS, ${quoted('preflight-invalid-status')}`,
      );
  });

  it('say what a preflight costs; suggestion titles have no browser effect', () => {
    for (const [id, text] of Object.entries(messages)) {
      if (['removeHeader', 'useTextPlain'].includes(id))
        expect(browserEffect('no-accidental-preflight', id), id).toBeUndefined();
      else
        expect(text, id).toContain(
          'an extra round trip before every such request unless Access-Control-Max-Age lets it cache the answer',
        );
    }
  });
});
