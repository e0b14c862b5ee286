import rule from '../../src/rules/no-null-origin.js';
import { djangoRuleTester } from '../helpers/django-rule-tester.js';

djangoRuleTester().run('no-null-origin (django-settings)', rule, {
  valid: ['CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\n', 'CORS_ALLOWED_ORIGINS = []\n'],
  invalid: [
    {
      // Verified on django-cors-headers 3.14: `Origin: null` → `Access-Control-Allow-Origin: null`.
      code: 'CORS_ALLOWED_ORIGINS = [\n    "https://app.example.com",\n    "null",\n]\n',
      errors: [
        {
          messageId: 'nullOrigin',
          line: 3,
          column: 5,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'removeNullEntry',
              output: 'CORS_ALLOWED_ORIGINS = [\n    "https://app.example.com",\n]\n',
            },
          ],
        },
      ],
    },
    {
      // The old name, grown with `+=`.
      code: 'CORS_ORIGIN_WHITELIST = ("https://app.example.com",)\nCORS_ORIGIN_WHITELIST += ("null",)\n',
      errors: [
        {
          messageId: 'nullOrigin',
          line: 2,
          column: 27,
          suggestions: [
            {
              messageId: 'removeNullEntry',
              output:
                'CORS_ORIGIN_WHITELIST = ("https://app.example.com",)\nCORS_ORIGIN_WHITELIST += ()\n',
            },
          ],
        },
      ],
    },
  ],
});
