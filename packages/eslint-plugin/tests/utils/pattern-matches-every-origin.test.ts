import { describe, expect, it } from 'vitest';
import { schemesMatchingEveryOrigin } from '../../src/utils/extract/values/pattern-matches-every-origin.js';

const verdict = (pattern: RegExp) => schemesMatchingEveryOrigin(pattern.source, pattern.flags);

describe('schemesMatchingEveryOrigin', () => {
  it.each([
    [/.*/, ['https', 'http']],
    [/./, ['https', 'http']],
    [/^/, ['https', 'http']],
    [/$/, ['https', 'http']],
    [/[a-z]/, ['https', 'http']],
    [/^https?:/, ['https', 'http']],
    [/^http/, ['https', 'http']],
    [/:\/\//, ['https', 'http']],
    [/^https:\/\/.*$/, ['https']],
    [/^https:\/\/.+$/, ['https']],
    [/^https:\/\/[^/]+$/, ['https']],
    [/^https?:\/\/[^/]*$/, ['https', 'http']],
    [/^https:\/\/[\w.-]+$/, ['https']],
    [/^https:\/\/[a-z]/, ['https']],
    [/^https:\/\/(?:[a-z0-9-]+\.)*.*$/, ['https']],
    [/^HTTPS:\/\/.*$/i, ['https']],
    [/https/, ['https']],
    [/^(?:https:\/\/.*|http:\/\/localhost)$/, ['https']],
    [/^https:\/\/(?:[a-z0-9-]+\.)+[a-z]+$/, ['https']],
    [new RegExp('^https://.*$', 'v'), ['https']],
  ])('%s matches every origin of %j', (pattern, schemes) => {
    expect(verdict(pattern)).toEqual(schemes);
  });

  it.each([
    /^https:\/\/example\.com$/,
    /^https:\/\/(?:[a-z0-9-]+\.)*example\.com$/,
    /example\.com/,
    /^https:\/\/.*\.example\.com$/,
    /\.com$/,
    /^https:\/\/[a-z]+$/, // a host without a dot is no registrable domain
    /^https:\/\/[A-Z.]+$/, // origins are lowercase
    /^https:\/\/[a-y.]+$/, // not every letter
    /^https:\/\/localhost(?::\d+)?$/,
    /^https?:$/, // matches no origin at all
    /^https:\/\/(?=.*)/, // a lookahead: not modelled, so not claimed
    /(a)\1/,
    /^https:\/\/\b/,
  ])('%s does not', (pattern) => {
    expect(verdict(pattern)).toEqual([]);
  });

  it('gives up on patterns it cannot parse', () => {
    expect(schemesMatchingEveryOrigin('(', '')).toEqual([]);
  });

  it('keeps large bounded repetitions cheap', () => {
    expect(verdict(/^https:\/\/(?:[a-z]{1,63}\.){1,20}[a-z]{2,63}$/)).toEqual([]);
    expect(verdict(/^https:\/\/[^/]{1,253}$/)).toEqual([]);
  });
});
