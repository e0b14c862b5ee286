import rule from '../../src/rules/no-ineffective-wildcard.js';
import { djangoRuleTester } from '../helpers/django-rule-tester.js';

const head = 'CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\nCORS_ALLOW_CREDENTIALS = True\n';

djangoRuleTester().run('no-ineffective-wildcard (django-settings)', rule, {
  valid: ['CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\nCORS_ALLOW_HEADERS = ["*"]\n'],
  invalid: [
    {
      // Verified on 3.14: sent literally `*` with `Access-Control-Allow-Credentials: true`.
      code: `${head}CORS_ALLOW_HEADERS = ["*"]\nCORS_ALLOW_METHODS = ["*"]\nCORS_EXPOSE_HEADERS = ["*"]\n`,
      errors: [
        {
          messageId: 'wildcardHeadersWithCredentials',
          line: 3,
          column: 23,
          suggestions: [
            {
              messageId: 'useDefaultHeaders',
              output: `${head}CORS_ALLOW_METHODS = ["*"]\nCORS_EXPOSE_HEADERS = ["*"]\n`,
            },
          ],
        },
        {
          messageId: 'wildcardMethodsWithCredentials',
          line: 4,
          column: 23,
          suggestions: [
            {
              messageId: 'listMethods',
              output: `${head}CORS_ALLOW_HEADERS = ["*"]\nCORS_ALLOW_METHODS = ["DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT"]\nCORS_EXPOSE_HEADERS = ["*"]\n`,
            },
          ],
        },
        { messageId: 'wildcardExposeWithCredentials', line: 5, column: 24 },
      ],
    },
  ],
});
