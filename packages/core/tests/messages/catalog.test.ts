import { describe, expect, it } from 'vitest';
import type { BrowserEffect } from '../../src/index.js';
import { browserEffect, consoleReason, messagesFor, ruleMessages } from '../../src/index.js';

const entries = Object.entries(ruleMessages).flatMap(([rule, specs]) => Object.entries(specs).map(([id, spec]) => ({ rule, id, text: spec.text, effect: 'effect' in spec ? (spec.effect as BrowserEffect) : undefined })));

describe('rule message catalog', () => {
  it('gives every message that quotes a console line the failure it quotes', () => {
    for (const { rule, id, text, effect } of entries.filter((entry) => entry.text.includes('Chrome: "'))) {
      expect(effect?.kind, `${rule}/${id}`).toMatch(/^(blocked|warning)$/);
      const failure = effect?.kind === 'blocked' || effect?.kind === 'warning' ? effect.failure : undefined;
      // The quoted Chrome text is that failure's reason, whatever the values.
      const reason = consoleReason(failure!, { value: '{{value}}', method: '{{method}}', header: '{{header}}' }).chrome;
      const skeleton = (s: string) => s.replace(/\{\{\s*\w+\s*\}\}|'[^']*'|\S*\{\{\w+\}\}\S*/g, '…').slice(0, 40);
      expect(skeleton(text.split('Chrome: "')[1] ?? ''), `${rule}/${id}`).toBe(skeleton(reason));
    }
  });

  it('marks the silent effects that have no console message', () => {
    for (const { rule, id, effect } of entries.filter((entry) => entry.text.includes('(no console message)'))) {
      expect(effect?.kind, `${rule}/${id}`).toMatch(/^(hidden-headers|preflight-not-cached|preflight-cached-briefly)$/);
    }
  });

  it('gives security findings and suggestion titles no browser effect', () => {
    expect(browserEffect('no-reflected-origin-with-credentials', 'reflectedWithCredentials')).toBeUndefined();
    expect(browserEffect('no-null-origin', 'nullOrigin')).toBeUndefined();
    expect(browserEffect('no-unsafe-origin-check', 'unescapedDot')).toBeUndefined();
    expect(browserEffect('no-wildcard-origin-with-credentials', 'useExplicitOrigin')).toBeUndefined();
  });

  it('predicts the blocking failures and the Authorization warning', () => {
    expect(browserEffect('no-wildcard-origin-with-credentials', 'wildcardWithCredentials')).toEqual({ kind: 'blocked', failure: 'wildcard-origin-with-credentials' });
    expect(browserEffect('valid-allow-origin', 'trailingSlash')).toEqual({ kind: 'blocked', failure: 'allow-origin-mismatch' });
    // Checked in Chromium 156: a DevTools deprecation issue, no console line.
    expect(browserEffect('no-ineffective-wildcard', 'authorizationNotCovered')).toEqual({
      kind: 'warning',
      failure: 'authorization-not-covered-by-wildcard',
      chromiumIssue: 'DeprecationIssue AuthorizationCoveredByWildcard',
    });
    expect(browserEffect('valid-header-values', 'maxAgeNotInteger')).toEqual({ kind: 'preflight-cached-briefly' });
    expect(browserEffect('valid-header-values', 'maxAgeNegative')).toEqual({ kind: 'preflight-not-cached' });
    expect(browserEffect('no-such-rule', 'x')).toBeUndefined();
  });

  it('predicts what the client rules leave the page (checked in Chromium by the oracle)', () => {
    expect(browserEffect('no-opaque-response-read', 'opaqueResponseRead')).toEqual({ kind: 'opaque-read' });
    expect(browserEffect('no-invalid-no-cors-request', 'unsupportedMethod')).toEqual({ kind: 'throws' });
    expect(browserEffect('no-invalid-no-cors-request', 'droppedHeader')).toEqual({ kind: 'header-dropped' });
    expect(browserEffect('no-forbidden-request-header', 'forbiddenHeader')).toEqual({ kind: 'header-dropped' });
    expect(browserEffect('no-forbidden-request-header', 'responseHeaderOnRequest')).toEqual({ kind: 'preflight' });
    expect(browserEffect('no-accidental-preflight', 'requestedWith')).toEqual({ kind: 'preflight' });
    expect(browserEffect('no-invalid-no-cors-request', 'removeNoCors')).toBeUndefined();
  });

  it('exposes templates as ESLint meta.messages', () => {
    expect(messagesFor('no-null-origin').removeNullEntry).toBe("Remove 'null' from the allowed origins");
  });
});
