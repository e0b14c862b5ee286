import { describe, expect, it } from 'vitest';
import { browserEffect, checkExposedHeaders } from '../../src/index.js';
import { headers, known, list, middleware, origin } from './policy-builder.js';

const write = (name: string) => ({ name, at: `write:${name}` });

describe('checkExposedHeaders', () => {
  it('reports a custom header the policy does not expose, suggesting to create the option', () => {
    expect(checkExposedHeaders(middleware(), [write('X-Total-Count')])).toEqual([
      {
        messageId: 'headerNotExposed',
        data: { header: 'X-Total-Count' },
        at: 'write:X-Total-Count',
        suggestions: [
          {
            messageId: 'exposeHeader',
            data: { header: 'X-Total-Count' },
            fix: {
              kind: 'add-list-setting',
              at: 'call',
              setting: 'exposeHeaders',
              items: ['X-Total-Count'],
            },
          },
        ],
      },
    ]);
  });

  it('adds to the last piece of an existing list', () => {
    const [finding] = checkExposedHeaders(
      middleware({ exposeHeaders: list('opt', ['X-Request-Id', 'p1'], ['ETag', 'p2']) }),
      [write('X-Page')],
    );
    expect(finding?.suggestions?.[0]?.fix).toEqual({
      kind: 'add-list-item',
      at: 'p2',
      item: 'X-Page',
    });
  });

  it('writes the header beside the hand-set Access-Control-Allow-Origin', () => {
    const policy = headers(origin({ kind: 'fixed', value: 'https://app.example.com', at: 'acao' }));
    const [finding] = checkExposedHeaders(policy, [write('X-Page')]);
    expect(finding?.suggestions?.[0]?.fix).toEqual({
      kind: 'add-list-setting',
      at: 'acao',
      setting: 'exposeHeaders',
      items: ['X-Page'],
    });
  });

  it('skips safelisted, forbidden, CORS and browser-only headers, listed names (any case) and repeats', () => {
    const policy = middleware({ exposeHeaders: list('opt', ['x-total-count', 'p']) });
    const names = [
      'Content-Type',
      'cache-control',
      'Set-Cookie',
      'Access-Control-Allow-Origin',
      'Vary',
      'Strict-Transport-Security',
      'X-Total-Count',
    ];
    expect(checkExposedHeaders(policy, names.map(write))).toEqual([]);
    expect(checkExposedHeaders(middleware(), [write('X-Page'), write('x-page')])).toHaveLength(1);
  });

  it("treats '*' as every name only without credentials", () => {
    const wildcard = list('opt', ['*', 'p']);
    expect(checkExposedHeaders(middleware({ exposeHeaders: wildcard }), [write('ETag')])).toEqual(
      [],
    );
    expect(
      checkExposedHeaders(middleware({ exposeHeaders: wildcard, credentials: known(true, 'c') }), [
        write('X-Page'),
      ]),
    ).toHaveLength(1);
  });

  it('does not guess: unknown or incomplete lists, disabled CORS, hand-set headers without an origin', () => {
    expect(
      checkExposedHeaders(middleware({ exposeHeaders: { kind: 'unknown', at: 'opt' } }), [
        write('ETag'),
      ]),
    ).toEqual([]);
    expect(
      checkExposedHeaders(
        middleware({ exposeHeaders: known({ pieces: [], complete: false }, 'opt') }),
        [write('ETag')],
      ),
    ).toEqual([]);
    expect(
      checkExposedHeaders(middleware(origin({ kind: 'disabled', at: 'o' })), [write('ETag')]),
    ).toEqual([]);
    expect(checkExposedHeaders(headers(), [write('ETag')])).toEqual([]);
  });

  it('predicts hidden headers, and suggestions have no effect', () => {
    expect(browserEffect('require-exposed-headers', 'headerNotExposed')).toEqual({
      kind: 'hidden-headers',
    });
    expect(browserEffect('require-exposed-headers', 'exposeHeader')).toBeUndefined();
  });

  it('reports headers browsers and caches read by themselves only with a script reading them, or with all', () => {
    const hidden = [
      'ETag',
      'Content-Range',
      'Link',
      'Location',
      'Content-Disposition',
      'Service-Worker-Allowed',
      'X-Accel-Buffering',
    ].map(write);
    expect(checkExposedHeaders(middleware(), hidden)).toEqual([]);
    expect(
      checkExposedHeaders(middleware(), hidden, { readByScripts: new Set(['etag', 'link']) }).map(
        (finding) => finding.data?.['header'],
      ),
    ).toEqual(['ETag', 'Link']);
    expect(checkExposedHeaders(middleware(), hidden, { all: true })).toHaveLength(hidden.length);
    // A header only scripts want is reported without evidence.
    expect(checkExposedHeaders(middleware(), [write('X-Request-Id')])).toHaveLength(1);
  });
});
