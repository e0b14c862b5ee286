import { describe, expect, it } from 'vitest';
import type { VaryWrite } from '../../src/index.js';
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
    for (const id of ['missingVaryOrigin', 'varyWithoutOrigin', 'varyOverwritten'] as const) {
      expect(browserEffect('require-vary-origin', id)).toEqual({
        kind: 'cached-for-another-origin',
        failure: 'allow-origin-mismatch',
      });
      expect(messagesFor('require-vary-origin')[id]).toContain(
        'that is not equal to the supplied origin',
      );
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
