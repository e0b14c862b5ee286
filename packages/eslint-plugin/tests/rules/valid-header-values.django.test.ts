import rule from '../../src/rules/valid-header-values.js';
import { djangoRuleTester } from '../helpers/django-rule-tester.js';

djangoRuleTester().run('valid-header-values (django-settings)', rule, {
  valid: [
    'CORS_ALLOW_METHODS = ["GET", "POST", "PUT"]\n',
    'from corsheaders.defaults import default_methods\nCORS_ALLOW_METHODS = (*default_methods, "POKE")\n',
  ],
  invalid: [
    {
      // Verified on 3.14: sent as written, `Access-Control-Allow-Methods: get, post, put`; a PUT preflight fails.
      code: 'CORS_ALLOW_METHODS = ["get", "PUT"]\n',
      output: 'CORS_ALLOW_METHODS = ["GET", "PUT"]\n',
      errors: [
        {
          messageId: 'lowercaseMethod',
          line: 1,
          column: 23,
          endColumn: 28,
          data: { method: 'get', upper: 'GET' },
        },
      ],
    },
  ],
});
