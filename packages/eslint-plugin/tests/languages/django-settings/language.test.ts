import type { Linter as LinterType } from 'eslint';
import { Linter } from 'eslint';
import { Linter as Linter9 } from 'eslint-v9';
import { describe, expect, it } from 'vitest';
import plugin from '../../../src/index.js';

const config = [
  {
    files: ['**/*.py'],
    plugins: { cors: plugin },
    language: 'cors/django-settings',
    rules: {
      'cors/valid-django-allowed-origins': 'error',
      'cors/no-reflected-origin-with-credentials': 'error',
    },
  },
] as unknown as LinterType.Config[];

const text = `# é😀 settings
CORS_ALLOWED_ORIGINS = ["https://app.example.com:443"]
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = True
`;

describe.each([
  ['ESLint 10', Linter],
  ['ESLint 9', Linter9 as unknown as typeof Linter],
])('the cors/django-settings language on %s', (_, LinterClass) => {
  const lint = (code: string, options: LinterType.LintOptions = {}) =>
    new LinterClass({ configType: 'flat' }).verify(code, config, {
      filename: 'proj/settings.py',
      ...options,
    });

  it('reports the plugin rules with 1-based lines and UTF-16 columns, and applies fixes', () => {
    expect(
      lint(text).map(({ ruleId, line, column, endColumn }) => ({
        ruleId,
        line,
        column,
        endColumn,
      })),
    ).toEqual([
      { ruleId: 'cors/valid-django-allowed-origins', line: 2, column: 25, endColumn: 54 },
      { ruleId: 'cors/no-reflected-origin-with-credentials', line: 3, column: 26, endColumn: 30 },
    ]);
    const fixed = new LinterClass({ configType: 'flat' }).verifyAndFix(text, config, {
      filename: 'proj/settings.py',
    });
    expect(fixed.output).toBe(text.replace(':443"', '"'));
  });

  it('honours eslint-disable-next-line, eslint-disable-line and inline config in # comments', () => {
    const disabled = `# eslint-disable-next-line cors/valid-django-allowed-origins -- legacy
CORS_ALLOWED_ORIGINS = ["https://a.example:443"]
CORS_ALLOWED_ORIGINS += ["https://b.example:443"]  # eslint-disable-line cors/valid-django-allowed-origins
CORS_ALLOWED_ORIGIN_REGEXES = []
`;
    expect(lint(disabled)).toEqual([]);
    expect(
      lint(
        '# eslint cors/valid-django-allowed-origins: off\nCORS_ALLOWED_ORIGINS = ["https://a.example:443"]\n',
      ),
    ).toEqual([]);
    expect(
      lint(
        '# eslint cors/valid-django-allowed-origins: warn\nCORS_ALLOWED_ORIGINS = ["https://a.example:443"]\n',
      ).map((message) => message.severity),
    ).toEqual([1]);
  });

  it('reports an unused disable directive where asked', () => {
    const messages = lint(
      '# eslint-disable-next-line cors/valid-django-allowed-origins\nCORS_ALLOWED_ORIGINS = ["https://a.example"]\n',
      { reportUnusedDisableDirectives: 'error' } as unknown as LinterType.LintOptions,
    );
    expect(messages.map(({ line, message }) => ({ line, message }))).toEqual([
      {
        line: 1,
        message:
          "Unused eslint-disable directive (no problems were reported from 'cors/valid-django-allowed-origins').",
      },
    ]);
  });

  it('shows a Python syntax error once, as a fatal parsing error with its position', () => {
    expect(lint('CORS_ALLOWED_ORIGINS = [\n    "https://a.example",\n')).toEqual([
      expect.objectContaining({
        fatal: true,
        message: 'Parsing error: unexpected end of file',
        line: 3,
        column: 1,
      }),
    ]);
    expect(lint('X = "unterminated\nCORS_ALLOW_ALL_ORIGINS = True\n')).toEqual([
      expect.objectContaining({
        fatal: true,
        message: 'Parsing error: unterminated string literal',
        line: 1,
        column: 5,
      }),
    ]);
  });

  it('lints a module without django-cors-headers to nothing', () => {
    expect(lint('DEBUG = True\nALLOWED_HOSTS = ["*"]\n')).toEqual([]);
  });
});
