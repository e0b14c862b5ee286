import rule from '../../src/rules/no-reflected-origin-with-credentials.js';
import { djangoRuleTester } from '../helpers/django-rule-tester.js';

const ruleTester = djangoRuleTester();

ruleTester.run('no-reflected-origin-with-credentials (django-settings)', rule, {
  valid: [
    // Allow-all without credentials sends '*': no-permissive-origin's business.
    'CORS_ALLOW_ALL_ORIGINS = True\n',
    'CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\nCORS_ALLOW_CREDENTIALS = True\n',
    // The new name wins over the old alias: allow-all is off (verified on django-cors-headers 3.14).
    'CORS_ALLOW_ALL_ORIGINS = False\nCORS_ORIGIN_ALLOW_ALL = True\nCORS_ALLOW_CREDENTIALS = True\n',
    // Unknown stays unknown: no default to judge.
    'import os\nCORS_ALLOW_ALL_ORIGINS = os.environ.get("CORS_ALLOW_ALL")\nCORS_ALLOW_CREDENTIALS = True\n',
    // Exclusive branches never meet.
    'if DEBUG:\n    CORS_ALLOW_ALL_ORIGINS = True\nelse:\n    CORS_ALLOW_CREDENTIALS = True\n',
  ],
  invalid: [
    {
      code: 'CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n',
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 1,
          column: 26,
          endColumn: 30,
          data: {
            how: "`CORS_ALLOW_ALL_ORIGINS = True` echoes every request's origin when credentials are on",
          },
          suggestions: [
            {
              messageId: 'useAllowList',
              data: { origin: "'<your-app-origin>'" },
              output:
                "CORS_ALLOWED_ORIGINS = ['<your-app-origin>']\nCORS_ALLOW_CREDENTIALS = True\n",
            },
          ],
        },
      ],
    },
    {
      // The old name, through an environment default: the value when the variable is unset.
      code: 'import environ\nenv = environ.Env()\nCORS_ORIGIN_ALLOW_ALL = env.bool("CORS_ALL", default=True)\nCORS_ALLOW_CREDENTIALS = True\n',
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 3,
          column: 54,
          data: {
            how: "`CORS_ORIGIN_ALLOW_ALL = True` echoes every request's origin when credentials are on",
          },
          suggestions: [
            {
              messageId: 'useAllowList',
              data: { origin: "'<your-app-origin>'" },
              output:
                "import environ\nenv = environ.Env()\nCORS_ALLOWED_ORIGINS = ['<your-app-origin>']\nCORS_ALLOW_CREDENTIALS = True\n",
            },
          ],
        },
      ],
    },
    {
      // One branch of an if: that configuration leaks.
      code: 'CORS_ALLOW_CREDENTIALS = True\nif DEBUG:\n    CORS_ALLOW_ALL_ORIGINS = True\nelse:\n    CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\n',
      errors: [{ messageId: 'reflectedWithCredentials', line: 3, column: 30, suggestions: [] }],
    },
  ],
});
