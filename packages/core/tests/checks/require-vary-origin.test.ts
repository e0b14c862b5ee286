import { describe, expect, it } from 'vitest';
import type { OriginSetting, VaryWrite } from '../../src/index.js';
import { browserEffect, checkVaryOrigin, mayVaryOnOrigin, messagesFor } from '../../src/index.js';
import { headers, middleware, origin } from './policy-builder.js';

const vary = (at: string, mode: 'set' | 'append', text?: string): VaryWrite<string> => ({
  at,
  mode,
  value: text === undefined ? undefined : { pieces: [{ text, at: `${at}:value` }], complete: true },
});
const reflected = headers(origin({ kind: 'reflect-any', via: 'request-header', at: 'acao' }));
const allowList = middleware(
  origin({ kind: 'allow-list', entries: [], complete: true, at: 'opt' }),
);
const none = { sameResponse: [], later: [], varyOriginElsewhere: false };

describe('checkVaryOrigin', () => {
  it('reports a request-dependent hand-set origin without Vary, with an append fix', () => {
    expect(checkVaryOrigin(reflected, none)).toEqual([
      {
        messageId: 'missingVaryOrigin',
        data: {},
        at: 'acao',
        fix: { kind: 'append-vary', at: 'acao', field: 'Origin' },
      },
    ]);
    expect(checkVaryOrigin(headers(origin({ kind: 'checked', at: 'acao' })), none)).toHaveLength(1);
  });

  it('replays the response’s Vary writes in order', () => {
    expect(
      checkVaryOrigin(reflected, {
        ...none,
        sameResponse: [vary('v1', 'set', 'Accept-Encoding'), vary('v2', 'append', 'origin')],
      }),
    ).toEqual([]);
    expect(
      checkVaryOrigin(reflected, {
        ...none,
        sameResponse: [vary('v1', 'append', 'Origin'), vary('v2', 'set', 'Accept-Encoding')],
      }),
    ).toEqual([
      {
        messageId: 'varyWithoutOrigin',
        data: {},
        at: 'v2',
        fix: { kind: 'add-list-item', at: 'v2:value', item: 'Origin' },
      },
    ]);
    expect(checkVaryOrigin(reflected, { ...none, sameResponse: [vary('v1', 'set', '*')] })).toEqual(
      [],
    );
    expect(checkVaryOrigin(reflected, { ...none, sameResponse: [vary('v1', 'set')] })).toEqual([]);
  });

  it('trusts a Vary: Origin it cannot place on the response', () => {
    expect(checkVaryOrigin(reflected, { ...none, varyOriginElsewhere: true })).toEqual([]);
  });

  it('does not report middleware, which adds Vary itself, unless a later handler replaces it', () => {
    expect(checkVaryOrigin(allowList, none)).toEqual([]);
    expect(
      checkVaryOrigin(allowList, {
        ...none,
        later: [[vary('v', 'append', 'Accept-Encoding')], [vary('w', 'set', 'Origin, Accept')]],
      }),
    ).toEqual([]);
    expect(
      checkVaryOrigin(allowList, {
        ...none,
        later: [[vary('v', 'set', 'Accept-Encoding'), vary('w', 'append', 'Accept')]],
      }),
    ).toEqual([
      {
        messageId: 'varyOverwritten',
        data: {},
        at: 'v',
        fix: { kind: 'add-list-item', at: 'v:value', item: 'Origin' },
      },
    ]);
  });

  it('ignores origins that do not depend on the request, and unknown ones', () => {
    for (const setting of [
      // Taken from the query: it varies per URL, which caches key on already.
      { kind: 'reflect-any', via: 'request-data', source: 'req.query', at: 'o' },
      { kind: 'wildcard', implicit: false, at: 'o' },
      { kind: 'fixed', value: 'https://app.example.com', at: 'o' },
      { kind: 'unknown', at: 'o' },
    ] as const) {
      expect(
        checkVaryOrigin(headers(origin(setting)), {
          ...none,
          later: [[vary('v', 'set', 'Accept')]],
        }),
      ).toEqual([]);
    }
  });

  it('predicts the cache mix-up a second same-site origin sees, quoting the console as a condition', () => {
    for (const id of [
      'missingVaryOrigin',
      'varyWithoutOrigin',
      'varyOverwritten',
      'missingVaryOriginAlwaysSent',
      'varyWithoutOriginAlwaysSent',
      'varyOverwrittenAlwaysSent',
    ] as const) {
      expect(browserEffect('require-vary-origin', id)).toEqual({
        kind: 'cached-for-another-origin',
        failure: 'allow-origin-mismatch',
      });
      expect(messagesFor('require-vary-origin')[id]).toContain(
        `Chrome reports "The 'Access-Control-Allow-Origin' header has a value '<the first origin>' that is not equal to the supplied origin.`,
      );
    }
  });

  it('predicts a cached answer without the header for one allowed origin, quoting the missing header', () => {
    for (const id of [
      'missingVaryOriginOneOrigin',
      'varyWithoutOriginOneOrigin',
      'varyOverwrittenOneOrigin',
    ] as const) {
      expect(browserEffect('require-vary-origin', id)).toEqual({
        kind: 'cached-without-allow-origin',
        failure: 'missing-allow-origin',
      });
      const text = messagesFor('require-vary-origin')[id];
      expect(text).toContain(
        `Chrome reports "No 'Access-Control-Allow-Origin' header is present on the requested resource." and Firefox "CORS header ‘Access-Control-Allow-Origin’ missing"`,
      );
      expect(text).toContain("only when the Origin is '{{value}}'");
      expect(text).not.toContain('not equal to the supplied origin');
    }
  });

  it('tells both stories, and when each happens, for several origins with no header for the rest', () => {
    for (const id of ['missingVaryOrigin', 'varyWithoutOrigin', 'varyOverwritten'] as const) {
      const text = messagesFor('require-vary-origin')[id];
      expect(text).toContain(
        `When the cached response was made for another allowed origin, Chrome reports "The 'Access-Control-Allow-Origin' header has a value '<the first origin>' that is not equal to the supplied origin.`,
      );
      expect(text).toContain(
        `When it was made for a request that got no Access-Control-Allow-Origin (a page load, an \`<img>\`, an origin not allowed), Chrome reports "No 'Access-Control-Allow-Origin' header is present on the requested resource." and Firefox "CORS header ‘Access-Control-Allow-Origin’ missing"`,
      );
    }
  });

  it('picks the message by what the cache can hold for the shape of the origin', () => {
    const oneExact = {
      kind: 'allow-list',
      entries: [{ kind: 'exact', value: 'https://app.example.com', at: 'e' }],
      complete: true,
      at: 'o',
    } as const;
    const cases: [string, OriginSetting<string>, string, Record<string, string>][] = [
      ['a reflected origin', { kind: 'reflect-any', via: 'request-header', at: 'o' }, '', {}],
      ['a list of one exact origin', oneExact, 'OneOrigin', { value: 'https://app.example.com' }],
      [
        'a list of two',
        {
          ...oneExact,
          entries: [...oneExact.entries, { kind: 'exact', value: 'https://b.example', at: 'f' }],
        },
        '',
        {},
      ],
      [
        'a list of one pattern',
        { ...oneExact, entries: [{ kind: 'pattern', source: 'x', flags: '', at: 'p' }] },
        '',
        {},
      ],
      ['an incomplete list of one', { ...oneExact, complete: false }, '', {}],
      ['a check of unknown values', { kind: 'checked', at: 'o' }, '', {}],
      [
        'a check against one origin',
        { kind: 'checked', admitsOnly: 'https://www.trusted.com', at: 'o' },
        'OneOrigin',
        { value: 'https://www.trusted.com' },
      ],
      [
        'a check with a fallback value',
        { kind: 'checked', admitsOnly: 'https://www.trusted.com', otherwiseSent: true, at: 'o' },
        'AlwaysSent',
        {},
      ],
    ];
    for (const [name, setting, suffix, data] of cases) {
      const [missing] = checkVaryOrigin(headers(origin(setting)), none);
      expect(missing, name).toMatchObject({ messageId: `missingVaryOrigin${suffix}`, data });
      const [replaced] = checkVaryOrigin(headers(origin(setting)), {
        ...none,
        sameResponse: [vary('v', 'set', 'Accept')],
      });
      expect(replaced, name).toMatchObject({ messageId: `varyWithoutOrigin${suffix}`, data });
      const [overwritten] = checkVaryOrigin(middleware(origin(setting)), {
        ...none,
        later: [[vary('v', 'set', 'Accept')]],
      });
      expect(overwritten, name).toMatchObject({ messageId: `varyOverwritten${suffix}`, data });
    }
  });
});

describe('mayVaryOnOrigin', () => {
  it.each([
    ['an unreadable value', undefined, true],
    ['Origin', 'Origin', true],
    ['origin among others, any case', 'Accept-Encoding, ORIGIN', true],
    ['the wildcard', '*', true],
    ['other fields only', 'Accept-Encoding, Cookie', false],
    ['a field that only contains the word', 'X-Origin-Hint', false],
  ])('%s: %s', (_name, text, expected) => {
    expect(mayVaryOnOrigin(vary('v', 'append', text))).toBe(expected);
  });
});
