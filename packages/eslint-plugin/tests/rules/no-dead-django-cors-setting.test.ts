import rule from '../../src/rules/no-dead-django-cors-setting.js';
import { djangoRuleTester } from '../helpers/django-rule-tester.js';

djangoRuleTester().run('no-dead-django-cors-setting', rule, {
  valid: [
    'CORS_URLS_REGEX = r"^/api/.*$"\n',
    'CORS_URLS_REGEX = r"^.*$"\n',
    'CORS_URLS_REGEX = r"^(/api|/v2)/"\n',
    // `.` and `\w`-free classes may match the slash; unknown stays unknown.
    'CORS_URLS_REGEX = r"^.*api/"\n',
    'CORS_URLS_REGEX = os.environ.get("CORS_URLS_REGEX")\n',
    // Only the new name.
    'CORS_ALLOW_ALL_ORIGINS = True\n',
    // Exclusive branches: the old name is read where the new one is unset.
    'if LEGACY:\n    CORS_ORIGIN_ALLOW_ALL = True\nelse:\n    CORS_ALLOW_ALL_ORIGINS = True\n',
    // Defaults kept by spreading them.
    'from corsheaders.defaults import default_headers\nCORS_ALLOW_HEADERS = (*default_headers, "x-api-key")\n',
    'CORS_ALLOW_HEADERS = ["content-type", "authorization", "x-csrftoken", "x-api-key"]\n',
  ],
  invalid: [
    {
      // Verified on 3.14: `r"api/.*$"` → no ACAO, not even Vary.
      code: 'CORS_URLS_REGEX = r"api/.*$"\n',
      errors: [
        {
          messageId: 'urlsRegexNeverMatches',
          line: 1,
          column: 19,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'addLeadingSlash',
              data: { fixed: '^/api/.*$' },
              output: 'CORS_URLS_REGEX = r"^/api/.*$"\n',
            },
          ],
        },
      ],
    },
    {
      // The form seen in a real settings file.
      code: 'CORS_URLS_REGEX = r"^api/v\\d+/.*$"\n',
      errors: [
        {
          messageId: 'urlsRegexNeverMatches',
          line: 1,
          column: 19,
          suggestions: [
            { messageId: 'addLeadingSlash', output: 'CORS_URLS_REGEX = r"^/api/v\\d+/.*$"\n' },
          ],
        },
      ],
    },
    {
      // Verified on 3.14: allow-all False + old allow-all True → no CORS at all (the new name wins).
      code: 'CORS_ALLOW_ALL_ORIGINS = False\nCORS_ORIGIN_ALLOW_ALL = True\n',
      errors: [
        {
          messageId: 'aliasShadowed',
          line: 2,
          column: 1,
          endColumn: 22,
          data: { alias: 'CORS_ORIGIN_ALLOW_ALL', setting: 'CORS_ALLOW_ALL_ORIGINS' },
          suggestions: [{ messageId: 'removeAlias', output: 'CORS_ALLOW_ALL_ORIGINS = False\n' }],
        },
      ],
    },
    {
      code: 'CORS_ORIGIN_WHITELIST = ["https://old.example.com"]\nCORS_ALLOWED_ORIGINS = ["https://app.example.com"]\n',
      errors: [
        {
          messageId: 'aliasShadowed',
          line: 1,
          column: 1,
          suggestions: [
            {
              messageId: 'removeAlias',
              output: 'CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\n',
            },
          ],
        },
      ],
    },
    {
      // Verified on 3.14: `Access-Control-Allow-Headers: x-api-key`; a JSON or Authorization preflight fails.
      code: 'CORS_ALLOW_HEADERS = ["x-api-key"]\n',
      errors: [
        {
          messageId: 'allowHeadersDropDefaults',
          line: 1,
          column: 22,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'addDefaultHeaders',
              output:
                'CORS_ALLOW_HEADERS = ["x-api-key", "content-type", "authorization", "x-csrftoken"]\n',
            },
          ],
        },
      ],
    },
    {
      code: "CORS_ALLOW_HEADERS = ('Content-Type', 'x-api-key')\n",
      errors: [
        {
          messageId: 'allowHeadersDropDefaults',
          line: 1,
          column: 22,
          suggestions: [
            {
              messageId: 'addDefaultHeaders',
              output:
                "CORS_ALLOW_HEADERS = ('Content-Type', 'x-api-key', 'authorization', 'x-csrftoken')\n",
            },
          ],
        },
      ],
    },
  ],
});
