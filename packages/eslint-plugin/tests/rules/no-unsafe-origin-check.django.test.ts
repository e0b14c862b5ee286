import rule from '../../src/rules/no-unsafe-origin-check.js';
import { djangoRuleTester } from '../helpers/django-rule-tester.js';

djangoRuleTester().run('no-unsafe-origin-check (django-settings)', rule, {
  valid: [
    // `re.match` anchors at the start: no `^` is needed. `\Z` anchors the end.
    'CORS_ALLOWED_ORIGIN_REGEXES = [r"https://[a-z0-9-]+\\.example\\.com$", r"^https://app\\.example\\.com\\Z"]\n',
    // An interpolated host with no known value: unknown, not wrong.
    'CORS_ALLOWED_ORIGIN_REGEXES = [rf"^{CLIENT_HOST}$"]\n',
  ],
  invalid: [
    {
      // Verified on 3.14: `Origin: https://a.example.com.evil.net` is reflected.
      code: 'CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://\\w+\\.example\\.com"]\n',
      errors: [
        {
          messageId: 'missingEndAnchor',
          line: 1,
          column: 32,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'addAnchors',
              data: { fixed: "r'^https://\\w+\\.example\\.com$'" },
              output: "CORS_ALLOWED_ORIGIN_REGEXES = [r'^https://\\w+\\.example\\.com$']\n",
            },
          ],
        },
      ],
    },
    {
      // The old name; an unescaped dot.
      code: 'CORS_ORIGIN_REGEX_WHITELIST = [r"^https://app.example\\.com$"]\n',
      errors: [
        {
          messageId: 'unescapedDot',
          line: 1,
          column: 32,
          suggestions: [
            {
              messageId: 'escapeDots',
              data: { fixed: "r'^https://app\\.example\\.com$'" },
              output: "CORS_ORIGIN_REGEX_WHITELIST = [r'^https://app\\.example\\.com$']\n",
            },
          ],
        },
      ],
    },
    {
      // The default of an environment lookup is what runs when the variable is unset.
      code: 'import os\nCORS_ALLOWED_ORIGIN_REGEXES = [os.environ.get("ORIGIN_RE", r"^https://app\\.example\\.com")]\n',
      errors: [
        {
          messageId: 'missingEndAnchor',
          line: 2,
          column: 60,
          suggestions: [
            {
              messageId: 'addAnchors',
              output:
                'import os\nCORS_ALLOWED_ORIGIN_REGEXES = [os.environ.get("ORIGIN_RE", r\'^https://app\\.example\\.com$\')]\n',
            },
          ],
        },
      ],
    },
    {
      // An f-string's value is known but it is not a literal to rewrite: reported, with no suggestion.
      code: 'HOST = "example.com"\nCORS_ALLOWED_ORIGIN_REGEXES = [f"^https://{HOST}"]\n',
      errors: [
        {
          messageId: 'unescapedDot',
          line: 2,
          column: 32,
          data: { pattern: 'f"^https://{HOST}"', example: 'https://examplexcom' },
          suggestions: [],
        },
        {
          messageId: 'missingEndAnchor',
          line: 2,
          column: 32,
          data: { pattern: 'f"^https://{HOST}"', example: 'https://example.com.attacker.test' },
          suggestions: [],
        },
      ],
    },
  ],
});
