import rule from '../../src/rules/valid-django-allowed-origins.js';
import { djangoRuleTester } from '../helpers/django-rule-tester.js';

const list = (entry: string) =>
  `CORS_ALLOWED_ORIGINS = [\n    "https://app.example.com",\n    ${entry},\n]\n`;

djangoRuleTester().run('valid-django-allowed-origins', rule, {
  valid: [
    'CORS_ALLOWED_ORIGINS = ["https://app.example.com", "http://localhost:3000", "http://127.0.0.1:8000"]\n',
    // 'null' is no-null-origin's.
    'CORS_ALLOWED_ORIGINS = ["null"]\n',
    // Environment defaults that are fine; unknown values are not judged.
    'CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=["https://app.example.com"])\n',
    'CORS_ALLOWED_ORIGINS = os.environ["CORS_ALLOWED_ORIGINS"].split(",")\n',
    // A tuple with its comma is a tuple.
    'CORS_ALLOWED_ORIGINS = ("https://app.example.com",)\n',
  ],
  invalid: [
    {
      // Verified on 3.14: `Origin: https://app.example.com` gets no ACAO; only the literal `https://*.example.com` matches.
      code: list('"https://*.example.com"'),
      errors: [{ messageId: 'wildcardHost', line: 3, column: 5, endColumn: 28 }],
    },
    {
      code: list('"https://app.example.com:443"'),
      output: list('"https://app.example.com"'),
      errors: [
        {
          messageId: 'defaultPort',
          line: 3,
          column: 5,
          data: { value: 'https://app.example.com:443', fixed: 'https://app.example.com' },
        },
      ],
    },
    {
      code: list('"https://Admin.Example.com"'),
      output: list('"https://admin.example.com"'),
      errors: [{ messageId: 'uppercase', line: 3, column: 5 }],
    },
    {
      // Verified on 3.14: runserver refuses (E014); a WSGI server still matches, ignoring the path.
      code: list("'https://admin.example.com/'"),
      output: list("'https://admin.example.com'"),
      errors: [
        {
          messageId: 'path',
          line: 3,
          column: 5,
          data: { value: 'https://admin.example.com/', fixed: 'https://admin.example.com' },
        },
      ],
    },
    {
      code: list('"https://admin.example.com/app"'),
      output: list('"https://admin.example.com"'),
      errors: [{ messageId: 'path', line: 3, column: 5 }],
    },
    {
      // Verified on 3.14: `Origin: null` → `Access-Control-Allow-Origin: null`.
      code: list('"admin.example.com"'),
      errors: [
        {
          messageId: 'noScheme',
          line: 3,
          column: 5,
          suggestions: [
            {
              messageId: 'useOrigin',
              data: { fixed: 'https://admin.example.com' },
              output: list('"https://admin.example.com"'),
            },
            {
              messageId: 'useOrigin',
              data: { fixed: 'http://admin.example.com' },
              output: list('"http://admin.example.com"'),
            },
          ],
        },
      ],
    },
    {
      // urlsplit reads `localhost:3000` as scheme `localhost`: never matches, but is not `null`'s twin.
      code: list('"localhost:3000"'),
      errors: [
        {
          messageId: 'invalidOrigin',
          line: 3,
          column: 5,
          suggestions: [
            { messageId: 'useOrigin', output: list('"http://localhost:3000"') },
            { messageId: 'useOrigin', output: list('"https://localhost:3000"') },
          ],
        },
      ],
    },
    {
      // Verified on 3.14: a string (or a tuple without its comma) is iterated per character; `Origin: null` is allowed.
      code: 'CORS_ALLOWED_ORIGINS = ("https://app.example.com")\n',
      errors: [
        {
          messageId: 'notAList',
          line: 1,
          column: 25,
          data: { setting: 'CORS_ALLOWED_ORIGINS' },
          suggestions: [
            {
              messageId: 'useList',
              output: 'CORS_ALLOWED_ORIGINS = (["https://app.example.com"])\n',
            },
          ],
        },
      ],
    },
    {
      // The old name, with an environment default that is wrong.
      code: 'CORS_ORIGIN_WHITELIST = env.list("ORIGINS", default=["https://app.example.com:443"])\n',
      output: 'CORS_ORIGIN_WHITELIST = env.list("ORIGINS", default=["https://app.example.com"])\n',
      errors: [{ messageId: 'defaultPort', line: 1, column: 54 }],
    },
  ],
});
