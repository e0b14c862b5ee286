import plugin from 'eslint-plugin-cors';
import { describe, expect, it } from 'vitest';
import { ruleMeta, ruleName } from '../../src/engine/rule-meta.js';

describe('ruleMeta', () => {
  it("knows every plugin rule by its full id, with the rule's documentation URL", () => {
    for (const name of Object.keys(plugin.rules)) {
      expect(ruleMeta(`cors/${name}`)?.docsUrl).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
    }
  });

  it('says which rules fix and which suggest', () => {
    expect(ruleMeta('cors/valid-allow-origin')).toMatchObject({ fixable: true });
    expect(ruleMeta('cors/no-reflected-origin-with-credentials')).toMatchObject({
      fixable: false,
      hasSuggestions: true,
    });
  });

  it('knows nothing of other rules or of bare names', () => {
    expect(ruleMeta('cors/no-such-rule')).toBeUndefined();
    expect(ruleMeta('valid-allow-origin')).toBeUndefined();
    expect(ruleMeta('')).toBeUndefined();
  });
});

describe('ruleName', () => {
  it('strips the plugin prefix only', () => {
    expect(ruleName('cors/no-null-origin')).toBe('no-null-origin');
    expect(ruleName('no-null-origin')).toBe('no-null-origin');
  });
});
