import rule from '../../src/rules/no-permissive-origin.js';
import { djangoRuleTester } from '../helpers/django-rule-tester.js';

djangoRuleTester().run('no-permissive-origin (django-settings)', rule, {
  valid: [
    'CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\n',
    'CORS_ALLOW_ALL_ORIGINS = False\n',
  ],
  invalid: [
    {
      code: 'CORS_ALLOW_ALL_ORIGINS = True\n',
      errors: [
        {
          messageId: 'permissiveOrigin',
          line: 1,
          column: 26,
          endColumn: 30,
          suggestions: [
            { messageId: 'useAllowList', output: "CORS_ALLOWED_ORIGINS = ['<your-app-origin>']\n" },
          ],
        },
      ],
    },
  ],
});
