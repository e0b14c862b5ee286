import { describe, expect, it } from 'vitest';
import { manifestUsesPlugin } from '../src/duplicates.js';

describe('manifestUsesPlugin', () => {
  it('finds eslint-plugin-cors in any dependency field', () => {
    for (const field of [
      'dependencies',
      'devDependencies',
      'peerDependencies',
      'optionalDependencies',
    ]) {
      expect(
        manifestUsesPlugin(JSON.stringify({ [field]: { 'eslint-plugin-cors': '^0.1.0' } })),
      ).toBe(true);
    }
  });

  it('is false when the plugin is not a dependency', () => {
    expect(
      manifestUsesPlugin(JSON.stringify({ dependencies: { cors: '^2.8.5', eslint: '^10.0.0' } })),
    ).toBe(false);
    expect(
      manifestUsesPlugin(
        JSON.stringify({ name: 'eslint-plugin-cors', keywords: ['eslint-plugin-cors'] }),
      ),
    ).toBe(false);
    expect(manifestUsesPlugin('{}')).toBe(false);
  });

  it('never throws on what a workspace may contain', () => {
    expect(manifestUsesPlugin('')).toBe(false);
    expect(manifestUsesPlugin('{ "devDependencies": ')).toBe(false);
    expect(manifestUsesPlugin('null')).toBe(false);
    expect(manifestUsesPlugin('["eslint-plugin-cors"]')).toBe(false);
    expect(manifestUsesPlugin(JSON.stringify({ devDependencies: ['eslint-plugin-cors'] }))).toBe(
      false,
    );
    expect(manifestUsesPlugin(JSON.stringify({ dependencies: null }))).toBe(false);
  });

  it('ignores inherited keys', () => {
    expect(manifestUsesPlugin(JSON.stringify({ dependencies: { toString: '1' } }))).toBe(false);
  });
});
