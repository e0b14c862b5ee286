import plugin from 'eslint-plugin-cors';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../src/protocol/settings.js';

describe('normalizeSettings', () => {
  it('gives the defaults for a client without a cors section, without complaint', () => {
    for (const raw of [null, undefined, {}]) {
      expect(normalizeSettings(raw)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    }
    expect(DEFAULT_SETTINGS).toEqual({
      enable: true,
      run: 'onType',
      rules: {},
      config: 'recommended',
      appOrigins: [],
      timeBudget: 10_000,
      projectIndex: true,
      django: { corsHeadersVersion: undefined },
    });
  });

  it('keeps every valid value', () => {
    const raw = {
      enable: false,
      run: 'onSave',
      config: 'strict',
      rules: { 'cors/no-null-origin': 'warn' },
      appOrigins: ['https://app.example.com'],
      timeBudget: 2500,
      projectIndex: false,
      django: { corsHeadersVersion: '3.14.0' },
    };
    expect(normalizeSettings(raw)).toEqual({ settings: raw, problems: [] });
  });

  it('replaces values of the wrong type by their defaults and names each problem', () => {
    const { settings, problems } = normalizeSettings({
      enable: 'yes',
      run: 'always',
      config: 42,
      rules: ['no-null-origin'],
      appOrigins: { a: 1 },
      timeBudget: 5,
      projectIndex: 'no',
      django: 'yes',
    });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(8);
    expect(problems[0]).toBe('cors.enable must be true or false, got "yes"');
    expect(problems[1]).toBe("cors.run must be one of 'onType', 'onSave', got \"always\"");
    expect(problems[2]).toContain('cors.config');
    expect(problems[3]).toContain('cors.rules must be an object');
    expect(problems[4]).toContain('cors.appOrigins must be an array');
    expect(problems[5]).toBe(
      'cors.timeBudget must be a number of milliseconds, at least 100, got number 5',
    );
    expect(problems[6]).toBe('cors.projectIndex must be true or false, got "no"');
    expect(problems[7]).toBe('cors.django must be an object, got "yes"');
  });

  it.each([
    ['a string', '{"enable": false}'],
    ['a number', 7],
    ['an array', [{ enable: false }]],
    ['true', true],
  ])('refuses a whole section that is %s', (_, raw) => {
    const { settings, problems } = normalizeSettings(raw);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^cors settings must be an object/);
  });

  it('drops unknown keys with a problem, but ignores the settings the VS Code extension handles itself', () => {
    const { settings, problems } = normalizeSettings({
      enabled: false,
      trace: { server: 'verbose' },
      codeAction: {},
      typeAware: true,
    });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toEqual(['unknown setting cors.enabled ignored']);
  });

  it('never throws, even on a hostile object', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    const { settings, problems } = normalizeSettings(hostile);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems[0]).toMatch(/could not be read \(Error: boom\)/);
    const getter = Object.defineProperty({}, 'enable', {
      enumerable: true,
      get: () => {
        throw new TypeError('no');
      },
    });
    expect(normalizeSettings(getter).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('returns fresh objects: changing the result never changes the defaults', () => {
    const { settings } = normalizeSettings(null);
    settings.rules['cors/no-null-origin'] = 'off';
    settings.appOrigins.push('https://a.example');
    expect(DEFAULT_SETTINGS.rules).toEqual({});
    expect(DEFAULT_SETTINGS.appOrigins).toEqual([]);
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });
});

describe('normalizeSettings: rules', () => {
  const rules = (raw: unknown) => normalizeSettings({ rules: raw });

  it('accepts rule names with or without cors/ and keys them by rule id', () => {
    expect(
      rules({
        'no-null-origin': 'off',
        'cors/valid-allow-origin': 'info',
        ' no-permissive-origin ': 'error',
      }),
    ).toEqual({
      settings: {
        ...DEFAULT_SETTINGS,
        rules: {
          'cors/no-null-origin': 'off',
          'cors/valid-allow-origin': 'info',
          'cors/no-permissive-origin': 'error',
        },
      },
      problems: [],
    });
  });

  it("reads ESLint's spellings of a severity: any case, numbers and the array form", () => {
    const { settings, problems } = rules({
      'no-null-origin': 'WARN',
      'valid-allow-origin': 0,
      'valid-header-values': 2,
      'no-permissive-origin': ['error', { allowPaths: [] }],
    });
    expect(problems).toEqual([]);
    expect(settings.rules).toEqual({
      'cors/no-null-origin': 'warn',
      'cors/valid-allow-origin': 'off',
      'cors/valid-header-values': 'error',
      'cors/no-permissive-origin': 'error',
    });
  });

  it('drops unknown rules and bad severities, keeping the rest', () => {
    const { settings, problems } = rules({
      'no-such-rule': 'off',
      'eslint/no-console': 'off',
      'no-null-origin': 'loud',
      'valid-allow-origin': 3,
      'no-permissive-origin': null,
      'valid-header-values': 'warn',
    });
    expect(settings.rules).toEqual({ 'cors/valid-header-values': 'warn' });
    expect(problems).toEqual([
      'cors.rules["no-such-rule"]: there is no rule cors/no-such-rule',
      'cors.rules["eslint/no-console"]: there is no rule cors/eslint/no-console',
      `cors.rules["no-null-origin"] must be one of 'off', 'warn', 'error', 'info', got "loud"`,
      `cors.rules["valid-allow-origin"] must be one of 'off', 'warn', 'error', 'info', got number 3`,
      `cors.rules["no-permissive-origin"] must be one of 'off', 'warn', 'error', 'info', got null`,
    ]);
  });

  it('expands wildcards to the matching rules; exact names win whatever their order', () => {
    const { settings, problems } = rules({
      'no-null-origin': 'error',
      'cors/*': 'warn',
      'valid-*': 'info',
      'zzz-*': 'off',
    });
    expect(problems).toEqual(['cors.rules["zzz-*"] matches no cors rule']);
    expect(settings.rules['cors/no-null-origin']).toBe('error');
    expect(settings.rules['cors/valid-allow-origin']).toBe('info');
    expect(settings.rules['cors/valid-header-values']).toBe('info');
    expect(settings.rules['cors/no-permissive-origin']).toBe('warn');
    // `cors/*` reached every rule of the plugin.
    expect(Object.keys(settings.rules).sort()).toEqual(
      Object.keys(plugin.rules)
        .map((name) => `cors/${name}`)
        .sort(),
    );
  });

  it('is not fooled by keys that look like object internals', () => {
    const { settings, problems } = rules(JSON.parse('{"__proto__": "off", "constructor": "off"}'));
    expect(settings.rules).toEqual({});
    expect(Object.getPrototypeOf(settings.rules)).toBe(Object.prototype);
    expect(problems).toHaveLength(2);
  });
});

describe('normalizeSettings: django.corsHeadersVersion', () => {
  const version = (raw: unknown) => normalizeSettings({ django: { corsHeadersVersion: raw } });

  it('keeps a version of one to three numbers, trimmed', () => {
    for (const [raw, kept] of [
      ['3.14.0', '3.14.0'],
      ['4.3', '4.3'],
      ['4', '4'],
      [' 3.5.0 ', '3.5.0'],
    ]) {
      expect(version(raw)).toEqual({
        settings: { ...DEFAULT_SETTINGS, django: { corsHeadersVersion: kept } },
        problems: [],
      });
    }
  });

  it("reads an editor's unset value (empty string, null) as no version, without complaint", () => {
    for (const raw of ['', null]) {
      const { settings, problems } = version(raw);
      expect(settings.django.corsHeadersVersion).toBeUndefined();
      expect(problems).toEqual([]);
    }
  });

  it('drops what is not a version, and unknown keys, with a problem each', () => {
    expect(version('==4.3.1').problems).toEqual([
      'cors.django.corsHeadersVersion must be a version such as "3.14.0", got "==4.3.1"',
    ]);
    expect(version(4.3).problems).toEqual([
      'cors.django.corsHeadersVersion must be a version such as "3.14.0", got number 4.3',
    ]);
    const { settings, problems } = normalizeSettings({
      django: { corsHeadersVersion: '4.3.0', settingsModule: 'app.settings' },
    });
    expect(settings.django.corsHeadersVersion).toBe('4.3.0');
    expect(problems).toEqual(['unknown setting cors.django.settingsModule ignored']);
  });
});

describe('normalizeSettings: appOrigins', () => {
  const origins = (raw: unknown) => normalizeSettings({ appOrigins: raw });

  it('keeps serialized origins and normalises URLs that are just an origin', () => {
    const { settings, problems } = origins([
      'https://app.example.com',
      ' https://App.Example.com/ ',
      'http://localhost:3000',
      'https://example.com:443',
      'http://[::1]:8080',
    ]);
    expect(problems).toEqual([]);
    expect(settings.appOrigins).toEqual([
      'https://app.example.com',
      'http://localhost:3000',
      'https://example.com',
      'http://[::1]:8080',
    ]);
  });

  it('accepts a single origin given as a string', () => {
    expect(origins('https://app.example.com').settings.appOrigins).toEqual([
      'https://app.example.com',
    ]);
  });

  it('drops entries that are not origins, with a problem each', () => {
    const { settings, problems } = origins([
      'https://ok.example',
      'https://example.com/app',
      'null',
      '*',
      'example.com',
      42,
      'file:///tmp/x',
      'https://u:p@example.com',
    ]);
    expect(settings.appOrigins).toEqual(['https://ok.example']);
    expect(problems).toHaveLength(7);
    expect(problems[0]).toBe(
      'cors.appOrigins: "https://example.com/app" is not an origin (scheme://host[:port])',
    );
    expect(problems[4]).toBe('cors.appOrigins: number 42 is not an origin (scheme://host[:port])');
  });
});
