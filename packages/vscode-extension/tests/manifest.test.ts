/**
 * The settings the extension contributes (package.json `contributes.configuration`) against what the
 * language server reads: VS Code sends the `cors` section as nested objects (`cors.django.corsHeadersVersion`
 * arrives as `{ django: { corsHeadersVersion } }`), and the server must accept every default and every
 * value the settings editor lets through, and refuse what it refuses.
 */
import fs from 'node:fs';
import { normalizeSettings, DEFAULT_SETTINGS } from 'cors-language-server/protocol';
import { describe, expect, it } from 'vitest';

interface Property {
  readonly type?: string | string[];
  readonly default?: unknown;
  readonly pattern?: string;
  readonly scope?: string;
}

const manifest = JSON.parse(
  fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { contributes: { configuration: { properties: Record<string, Property> } } };
const properties = manifest.contributes.configuration.properties;

/** The `cors` section as VS Code hands it to the server: dotted keys below `cors.` become nested objects. */
function section(values: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const parts = key.replace(/^cors\./, '').split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = value;
  }
  return root;
}

describe('contributes.configuration', () => {
  it("gives the server every setting's default without a problem, and the server's defaults", () => {
    const defaults = Object.fromEntries(
      Object.entries(properties).map(([key, property]) => [key, property.default]),
    );
    const { settings, problems } = normalizeSettings(section(defaults));
    expect(problems).toEqual([]);
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });

  describe('cors.django.corsHeadersVersion', () => {
    const property = properties['cors.django.corsHeadersVersion'];
    const pattern = new RegExp(property?.pattern ?? '(?!)');
    const serverReads = (value: string) =>
      normalizeSettings(section({ 'cors.django.corsHeadersVersion': value }));

    it('is a per-folder string setting, empty by default (the project pin applies)', () => {
      expect(property).toMatchObject({ type: 'string', default: '', scope: 'resource' });
      expect(serverReads('').settings.django.corsHeadersVersion).toBeUndefined();
    });

    it('reaches the server as django.corsHeadersVersion', () => {
      const { settings, problems } = serverReads('3.14.0');
      expect(problems).toEqual([]);
      expect(settings.django).toEqual({ corsHeadersVersion: '3.14.0' });
    });

    it.each([
      ['3.14.0', true],
      ['4.3', true],
      ['4', true],
      [' 3.5.0 ', true],
      ['==4.3.1', false],
      ['^4.3', false],
      ['v4.3.0', false],
      ['4.3.0.1', false],
      ['latest', false],
    ])('the settings editor and the server agree on %j (a version: %s)', (value, valid) => {
      expect(pattern.test(value)).toBe(valid);
      const { settings, problems } = serverReads(value);
      expect(problems).toHaveLength(valid ? 0 : 1);
      expect(settings.django.corsHeadersVersion).toBe(valid ? value.trim() : undefined);
    });
  });
});
