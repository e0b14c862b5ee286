import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { readAppOrigins } from '../../src/utils/app-origins.js';

/** The helper reads only `settings` from the rule context. */
const contextWith = (settings: unknown) =>
  ({ settings }) as unknown as TSESLint.RuleContext<string, readonly unknown[]>;

describe('readAppOrigins', () => {
  it('reads settings.cors.appOrigins when the rule has no option', () => {
    expect(
      readAppOrigins(
        contextWith({ cors: { appOrigins: ['https://app.example.com', 'http://localhost:3000'] } }),
        undefined,
      ),
    ).toEqual(['https://app.example.com', 'http://localhost:3000']);
  });

  it('lets the option override the setting, even an empty one', () => {
    const context = contextWith({ cors: { appOrigins: ['https://app.example.com'] } });
    expect(readAppOrigins(context, ['https://admin.example.com'])).toEqual([
      'https://admin.example.com',
    ]);
    expect(readAppOrigins(context, [])).toEqual([]);
  });

  it('reads URLs that are just an origin as that origin, skips the rest and drops duplicates', () => {
    const origins = [
      'https://app.example.com/',
      'https://app.example.com/path',
      'HTTPS://APP.EXAMPLE.COM',
      'https://app.example.com:443',
      'null',
      'app.example.com',
      42,
      null,
      'http://[::1]:8080',
      'http://[::1]:8080',
    ];
    expect(readAppOrigins(contextWith({}), origins)).toEqual([
      'https://app.example.com',
      'http://[::1]:8080',
    ]);
  });

  it('treats missing or malformed settings as no app origins, without throwing', () => {
    for (const settings of [
      undefined,
      null,
      {},
      { cors: null },
      { cors: 'x' },
      { cors: { appOrigins: 'https://app.example.com' } },
      { cors: { appOrigins: { a: 1 } } },
    ]) {
      expect(readAppOrigins(contextWith(settings), undefined)).toEqual([]);
    }
  });
});
