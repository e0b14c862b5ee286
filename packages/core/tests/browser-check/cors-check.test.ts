import { describe, it, expect } from 'vitest';
import type {
  CorsRequest,
  CorsVerdict,
  PreflightReason,
  ResponseHeaders,
} from '../../src/browser-check/cors-check.js';
import {
  checkCorsResponse,
  checkPreflightResponse,
  needsPreflight,
} from '../../src/browser-check/cors-check.js';

const PAGE = 'https://app.example.com';

function request(overrides: Partial<CorsRequest> = {}): CorsRequest {
  return { origin: PAGE, credentials: 'same-origin', method: 'GET', headers: [], ...overrides };
}

const ok: CorsVerdict = { ok: true };
const failed = (
  failure: Extract<CorsVerdict, { ok: false }>['failure'],
  hint: string,
  preflight = false,
): CorsVerdict => ({ ok: false, failure, hint, preflight });

describe('needsPreflight', () => {
  const cases: [string, Partial<CorsRequest>, PreflightReason[]][] = [
    ['plain GET', {}, []],
    ['lowercase post is normalized', { method: 'post' }, []],
    [
      'form post',
      { method: 'POST', headers: [['Content-Type', 'application/x-www-form-urlencoded']] },
      [],
    ],
    [
      'text/plain with charset',
      { method: 'POST', headers: [['Content-Type', 'text/plain;charset=UTF-8']] },
      [],
    ],
    [
      'JSON body',
      { method: 'POST', headers: [['Content-Type', 'application/json']] },
      [{ kind: 'header', name: 'content-type' }],
    ],
    ['PUT', { method: 'put' }, [{ kind: 'method', method: 'PUT' }]],
    ['patch stays lowercase', { method: 'patch' }, [{ kind: 'method', method: 'patch' }]],
    [
      'Authorization',
      { headers: [['Authorization', 'Bearer x']] },
      [{ kind: 'header', name: 'authorization' }],
    ],
    ['suffix range', { headers: [['Range', 'bytes=-500']] }, [{ kind: 'header', name: 'range' }]],
    ['range with a start', { headers: [['Range', 'bytes=500-']] }, []],
    [
      'forbidden headers are dropped',
      {
        headers: [
          ['Cookie', 'a=b'],
          ['Origin', 'https://evil.test'],
        ],
      },
      [],
    ],
    [
      'method and headers, sorted',
      {
        method: 'DELETE',
        headers: [
          ['X-Z', '1'],
          ['Authorization', 'x'],
        ],
      },
      [
        { kind: 'method', method: 'DELETE' },
        { kind: 'header', name: 'authorization' },
        { kind: 'header', name: 'x-z' },
      ],
    ],
    [
      'a repeated header, by the line its values are joined into (as Chromium and XHR send it)',
      {
        headers: [
          ['Accept', 'a'.repeat(128)],
          ['Content-Language', 'c'.repeat(70)],
          ['content-language', 'c'.repeat(70)],
        ],
      },
      [{ kind: 'header', name: 'content-language' }],
    ],
    [
      'a repeated header whose joined line is still safelisted',
      {
        headers: [
          ['Content-Language', 'de'],
          ['Content-Language', 'en'],
        ],
      },
      [],
    ],
  ];
  it.each(cases)('%s', (_label, overrides, reasons) => {
    expect(needsPreflight(request(overrides))).toEqual({ needed: reasons.length > 0, reasons });
  });
});

describe('checkCorsResponse', () => {
  const include = { credentials: 'include' as const };
  const cases: [string, Partial<CorsRequest>, ResponseHeaders, CorsVerdict][] = [
    ['exact origin', {}, [['Access-Control-Allow-Origin', PAGE]], ok],
    ['header names are case-insensitive', {}, [['access-control-allow-origin', PAGE]], ok],
    ['surrounding whitespace is stripped', {}, [['Access-Control-Allow-Origin', ` ${PAGE}\t`]], ok],
    ['wildcard without credentials', {}, [['Access-Control-Allow-Origin', '*']], ok],
    ['wildcard with omit', { credentials: 'omit' }, [['Access-Control-Allow-Origin', '*']], ok],
    ['missing', {}, [['Content-Type', 'text/plain']], failed('missing-allow-origin', '')],
    [
      'two lines, even identical',
      {},
      [
        ['Access-Control-Allow-Origin', PAGE],
        ['access-control-allow-origin', PAGE],
      ],
      failed('multiple-allow-origin-lines', `${PAGE}, ${PAGE}`),
    ],
    [
      'comma list in one line',
      {},
      [['Access-Control-Allow-Origin', `${PAGE}, https://b.com`]],
      failed('multiple-allow-origin-values', `${PAGE}, https://b.com`),
    ],
    [
      'space list in one line',
      {},
      [['Access-Control-Allow-Origin', `${PAGE} https://b.com`]],
      failed('multiple-allow-origin-values', `${PAGE} https://b.com`),
    ],
    [
      'trailing slash is a mismatch',
      {},
      [['Access-Control-Allow-Origin', `${PAGE}/`]],
      failed('allow-origin-mismatch', `${PAGE}/`),
    ],
    [
      'other port is a mismatch',
      { origin: 'http://localhost:5173' },
      [['Access-Control-Allow-Origin', 'http://localhost:3000']],
      failed('allow-origin-mismatch', 'http://localhost:3000'),
    ],
    [
      'other scheme is a mismatch',
      {},
      [['Access-Control-Allow-Origin', 'http://app.example.com']],
      failed('allow-origin-mismatch', 'http://app.example.com'),
    ],
    [
      'uppercase is a mismatch',
      {},
      [['Access-Control-Allow-Origin', 'https://App.example.com']],
      failed('allow-origin-mismatch', 'https://App.example.com'),
    ],
    [
      'wildcard subdomain is a mismatch',
      {},
      [['Access-Control-Allow-Origin', 'https://*.example.com']],
      failed('allow-origin-mismatch', 'https://*.example.com'),
    ],
    [
      'null for a real origin is a mismatch',
      {},
      [['Access-Control-Allow-Origin', 'null']],
      failed('allow-origin-mismatch', 'null'),
    ],
    [
      'garbage is invalid',
      {},
      [['Access-Control-Allow-Origin', 'foo']],
      failed('invalid-allow-origin', 'foo'),
    ],
    [
      'empty value is invalid',
      {},
      [['Access-Control-Allow-Origin', '']],
      failed('invalid-allow-origin', ''),
    ],
    [
      'https:// without host is invalid',
      {},
      [['Access-Control-Allow-Origin', 'https://']],
      failed('invalid-allow-origin', 'https://'),
    ],
    [
      'a scheme-like host parses as a URL: mismatch',
      {},
      [['Access-Control-Allow-Origin', 'localhost:3000']],
      failed('allow-origin-mismatch', 'localhost:3000'),
    ],
    [
      'null matches an opaque origin',
      { origin: 'null' },
      [['Access-Control-Allow-Origin', 'null']],
      ok,
    ],
    [
      'wildcard with credentials',
      include,
      [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Allow-Credentials', 'true'],
      ],
      failed('wildcard-origin-with-credentials', '*'),
    ],
    [
      'credentials allowed',
      include,
      [
        ['Access-Control-Allow-Origin', PAGE],
        ['Access-Control-Allow-Credentials', 'true'],
      ],
      ok,
    ],
    [
      'credentials header missing',
      include,
      [['Access-Control-Allow-Origin', PAGE]],
      failed('invalid-allow-credentials', ''),
    ],
    [
      'credentials True',
      include,
      [
        ['Access-Control-Allow-Origin', PAGE],
        ['Access-Control-Allow-Credentials', 'True'],
      ],
      failed('invalid-allow-credentials', 'True'),
    ],
    [
      'credentials twice',
      include,
      [
        ['Access-Control-Allow-Origin', PAGE],
        ['Access-Control-Allow-Credentials', 'true'],
        ['Access-Control-Allow-Credentials', 'true'],
      ],
      failed('invalid-allow-credentials', 'true, true'),
    ],
    [
      'credentials header ignored without include',
      {},
      [
        ['Access-Control-Allow-Origin', PAGE],
        ['Access-Control-Allow-Credentials', 'yes'],
      ],
      ok,
    ],
  ];
  it.each(cases)('%s', (_label, overrides, headers, expected) => {
    expect(checkCorsResponse(request(overrides), { status: 200, headers })).toEqual(expected);
  });

  it('passes any status on an actual response', () => {
    expect(
      checkCorsResponse(request(), {
        status: 500,
        headers: [['Access-Control-Allow-Origin', '*']],
      }),
    ).toEqual(ok);
  });

  it('requires an ok status on a preflight, after the CORS check', () => {
    const acao: ResponseHeaders = [['Access-Control-Allow-Origin', '*']];
    expect(
      checkCorsResponse(request(), { status: 204, headers: acao }, { preflight: true }),
    ).toEqual(ok);
    expect(
      checkCorsResponse(request(), { status: 401, headers: acao }, { preflight: true }),
    ).toEqual(failed('preflight-invalid-status', '401', true));
    expect(checkCorsResponse(request(), { status: 404, headers: [] }, { preflight: true })).toEqual(
      failed('missing-allow-origin', '', true),
    );
  });
});

describe('checkPreflightResponse', () => {
  const base: ResponseHeaders = [['Access-Control-Allow-Origin', PAGE]];
  const withCreds: ResponseHeaders = [...base, ['Access-Control-Allow-Credentials', 'true']];
  const json: [string, string] = ['Content-Type', 'application/json'];
  const auth: [string, string] = ['Authorization', 'Bearer t'];
  const cases: [string, Partial<CorsRequest>, number, ResponseHeaders, CorsVerdict][] = [
    [
      'PUT allowed',
      { method: 'PUT' },
      204,
      [...base, ['Access-Control-Allow-Methods', 'GET, PUT']],
      ok,
    ],
    [
      'lowercase put in the script is normalized',
      { method: 'put' },
      204,
      [...base, ['Access-Control-Allow-Methods', 'PUT']],
      ok,
    ],
    [
      'lowercase put in Allow-Methods never matches in Chromium',
      { method: 'PUT' },
      204,
      [...base, ['Access-Control-Allow-Methods', 'get, put']],
      failed('method-not-allowed', 'PUT', true),
    ],
    [
      'patch from script matches PATCH in Chromium',
      { method: 'patch' },
      204,
      [...base, ['Access-Control-Allow-Methods', 'PATCH']],
      ok,
    ],
    [
      'patch from script fails against lowercase patch in Chromium',
      { method: 'patch' },
      204,
      [...base, ['Access-Control-Allow-Methods', 'patch']],
      failed('method-not-allowed', 'patch', true),
    ],
    [
      'method missing from list',
      { method: 'DELETE' },
      204,
      [...base, ['Access-Control-Allow-Methods', 'GET, POST']],
      failed('method-not-allowed', 'DELETE', true),
    ],
    [
      'no Allow-Methods at all',
      { method: 'DELETE' },
      204,
      base,
      failed('method-not-allowed', 'DELETE', true),
    ],
    [
      'safelisted methods need no listing',
      { method: 'POST', headers: [json] },
      204,
      [
        ...base,
        ['Access-Control-Allow-Methods', 'PUT'],
        ['Access-Control-Allow-Headers', 'Content-Type'],
      ],
      ok,
    ],
    [
      '* methods without credentials',
      { method: 'DELETE' },
      204,
      [...base, ['Access-Control-Allow-Methods', '*']],
      ok,
    ],
    [
      '* methods with credentials is literal',
      { method: 'DELETE', credentials: 'include' },
      204,
      [...withCreds, ['Access-Control-Allow-Methods', '*']],
      failed('method-not-allowed', 'DELETE', true),
    ],
    [
      'space-separated methods do not parse',
      { method: 'PUT' },
      204,
      [...base, ['Access-Control-Allow-Methods', 'GET PUT']],
      failed('invalid-allow-methods-token', 'GET PUT', true),
    ],
    [
      'headers listed in another case',
      { method: 'POST', headers: [json, ['X-Api-Key', 'k']] },
      204,
      [...base, ['Access-Control-Allow-Headers', 'content-type, X-API-KEY']],
      ok,
    ],
    [
      'header missing',
      { method: 'POST', headers: [json, ['X-Api-Key', 'k']] },
      204,
      [...base, ['Access-Control-Allow-Headers', 'Content-Type']],
      failed('header-not-allowed', 'x-api-key', true),
    ],
    [
      'first missing header in sorted order',
      {
        headers: [
          ['X-B', '1'],
          ['X-A', '1'],
        ],
      },
      204,
      base,
      failed('header-not-allowed', 'x-a', true),
    ],
    [
      'space-separated headers do not parse',
      { headers: [json] },
      204,
      [...base, ['Access-Control-Allow-Headers', 'Content-Type Authorization']],
      failed('invalid-allow-headers-token', 'Content-Type Authorization', true),
    ],
    [
      'methods are parsed before headers',
      { method: 'PUT', headers: [json] },
      204,
      [...base, ['Access-Control-Allow-Methods', '"PUT"'], ['Access-Control-Allow-Headers', 'a b']],
      failed('invalid-allow-methods-token', '"PUT"', true),
    ],
    [
      '* headers without credentials',
      { headers: [json, ['X-Foo', '1']] },
      204,
      [...base, ['Access-Control-Allow-Headers', '*']],
      ok,
    ],
    [
      '* headers with credentials is literal',
      { credentials: 'include', headers: [json] },
      204,
      [...withCreds, ['Access-Control-Allow-Headers', '*']],
      failed('header-not-allowed', 'content-type', true),
    ],
    [
      'Authorization is not covered by *',
      { headers: [auth, json] },
      204,
      [...base, ['Access-Control-Allow-Headers', '*']],
      failed('authorization-not-covered-by-wildcard', 'authorization', true),
    ],
    [
      '* plus explicit Authorization',
      { headers: [auth, json] },
      204,
      [...base, ['Access-Control-Allow-Headers', '*, Authorization']],
      ok,
    ],
    [
      'Authorization not listed',
      { headers: [auth] },
      204,
      [...base, ['Access-Control-Allow-Headers', 'Content-Type']],
      failed('header-not-allowed', 'authorization', true),
    ],
    [
      'credentialed preflight needs ACAC',
      { credentials: 'include', method: 'PUT' },
      204,
      [...base, ['Access-Control-Allow-Methods', 'PUT']],
      failed('invalid-allow-credentials', '', true),
    ],
    [
      'credentialed preflight with wildcard origin',
      { credentials: 'include', method: 'PUT' },
      204,
      [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Allow-Methods', 'PUT'],
      ],
      failed('wildcard-origin-with-credentials', '*', true),
    ],
    [
      'CORS check comes before the status',
      { method: 'PUT' },
      404,
      [['Allow', 'GET']],
      failed('missing-allow-origin', '', true),
    ],
    [
      'not an ok status',
      { method: 'PUT' },
      405,
      [...base, ['Access-Control-Allow-Methods', 'PUT']],
      failed('preflight-invalid-status', '405', true),
    ],
    [
      'redirect',
      { method: 'PUT' },
      301,
      [...base, ['Location', 'https://api.example.com/items/']],
      failed('preflight-redirect', 'https://api.example.com/items/', true),
    ],
    [
      '3xx without Location is just a bad status',
      { method: 'PUT' },
      304,
      base,
      failed('preflight-invalid-status', '304', true),
    ],
  ];
  it.each(cases)('%s', (_label, overrides, status, headers, expected) => {
    expect(checkPreflightResponse(request(overrides), { status, headers })).toEqual(expected);
  });

  it('lets * cover Authorization like current browsers when asked', () => {
    const verdict = checkPreflightResponse(
      request({ headers: [auth] }),
      { status: 200, headers: [...base, ['Access-Control-Allow-Headers', '*']] },
      { legacyAuthorizationWildcard: true },
    );
    expect(verdict).toEqual(ok);
  });
});
