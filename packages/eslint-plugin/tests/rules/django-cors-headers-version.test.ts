/**
 * Verdicts that depend on the django-cors-headers version (core `djangoCorsFacts`): the 3.5.0 rename
 * (older versions read only the old names) and the 4.0.0 default of CORS_ALLOW_HEADERS (named in the
 * message). Each case runs on both sides of the change: through `settings.cors.django.corsHeadersVersion`,
 * through a pin next to the settings module, and with neither (the newest facts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DJANGO_CORS_DEFAULT_HEADERS_3, DJANGO_CORS_DEFAULT_HEADERS_4 } from 'cors-lint-core';
import noDead from '../../src/rules/no-dead-django-cors-setting.js';
import noReflected from '../../src/rules/no-reflected-origin-with-credentials.js';
import validOrigins from '../../src/rules/valid-django-allowed-origins.js';
import { djangoRuleTester } from '../helpers/django-rule-tester.js';

const version = (corsHeadersVersion: string) => ({
  cors: { django: { corsHeadersVersion } },
});

/** A project folder with `files`, and the path of its settings module (not written: rules read the text given). */
function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-django-pin-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return path.join(root, 'app', 'settings.py');
}
const pinned34 = project({ 'requirements.txt': 'Django==3.2.25\ndjango-cors-headers==3.4.0\n' });
const pinned314 = project({ 'requirements.txt': 'django-cors-headers==3.14.0  # LTS\n' });

/** What `["x-api-key"]` drops, as the message names it. */
const DROPPED = { missing: 'content-type, authorization, x-csrftoken', header: 'content-type' };

const ALLOW_ALL_WITH_CREDENTIALS = 'CORS_ALLOW_ALL_ORIGINS = True\nCORS_ALLOW_CREDENTIALS = True\n';
const reflectedError = (how: string, column: number) => ({
  messageId: 'reflectedWithCredentials' as const,
  line: 1,
  column,
  data: { how },
  suggestions: [
    {
      messageId: 'useAllowList' as const,
      data: { origin: "'<your-app-origin>'" },
      output: ALLOW_ALL_WITH_CREDENTIALS.replace(
        /^CORS_\w+ = True/,
        "CORS_ALLOWED_ORIGINS = ['<your-app-origin>']",
      ),
    },
  ],
});

djangoRuleTester().run(
  'no-reflected-origin-with-credentials: before and after 3.5.0',
  noReflected,
  {
    valid: [
      // 3.4 ignores CORS_ALLOW_ALL_ORIGINS: every cross-origin request is refused, nothing is reflected.
      { code: ALLOW_ALL_WITH_CREDENTIALS, settings: version('3.4.0') },
      { code: ALLOW_ALL_WITH_CREDENTIALS, filename: pinned34 },
    ],
    invalid: [
      {
        code: ALLOW_ALL_WITH_CREDENTIALS,
        settings: version('3.5.0'),
        errors: [
          reflectedError(
            "`CORS_ALLOW_ALL_ORIGINS = True` echoes every request's origin when credentials are on",
            26,
          ),
        ],
      },
      {
        code: ALLOW_ALL_WITH_CREDENTIALS,
        filename: pinned314,
        errors: [
          reflectedError(
            "`CORS_ALLOW_ALL_ORIGINS = True` echoes every request's origin when credentials are on",
            26,
          ),
        ],
      },
      {
        // The old name is what 3.4 reads.
        code: 'CORS_ORIGIN_ALLOW_ALL = True\nCORS_ALLOW_CREDENTIALS = True\n',
        settings: version('3.4.0'),
        errors: [
          {
            messageId: 'reflectedWithCredentials',
            line: 1,
            column: 25,
            data: {
              how: "`CORS_ORIGIN_ALLOW_ALL = True` echoes every request's origin when credentials are on",
            },
            suggestions: [
              {
                messageId: 'useAllowList',
                output:
                  "CORS_ALLOWED_ORIGINS = ['<your-app-origin>']\nCORS_ALLOW_CREDENTIALS = True\n",
              },
            ],
          },
        ],
      },
      {
        // Where both are set, 3.4 reads the old name (the new one would win from 3.5.0 on).
        code: 'CORS_ALLOW_ALL_ORIGINS = False\nCORS_ORIGIN_ALLOW_ALL = True\nCORS_ALLOW_CREDENTIALS = True\n',
        settings: version('3.4.0'),
        errors: [
          {
            messageId: 'reflectedWithCredentials',
            line: 2,
            column: 25,
            suggestions: [
              {
                messageId: 'useAllowList',
                output:
                  "CORS_ALLOW_ALL_ORIGINS = False\nCORS_ALLOWED_ORIGINS = ['<your-app-origin>']\nCORS_ALLOW_CREDENTIALS = True\n",
              },
            ],
          },
        ],
      },
    ],
  },
);

djangoRuleTester().run('no-dead-django-cors-setting: before and after 3.5.0 and 4.0.0', noDead, {
  valid: [
    { code: 'CORS_ALLOW_ALL_ORIGINS = True\n', settings: version('3.5.0') },
    { code: 'CORS_ALLOW_ALL_ORIGINS = True\n', filename: pinned314 },
    { code: 'CORS_ORIGIN_ALLOW_ALL = True\n', settings: version('3.4.0') },
  ],
  invalid: [
    {
      code: 'CORS_ALLOW_ALL_ORIGINS = True\n',
      settings: version('3.4.0'),
      errors: [
        {
          messageId: 'newNameIgnored',
          line: 1,
          column: 1,
          endColumn: 23,
          data: {
            setting: 'CORS_ALLOW_ALL_ORIGINS',
            alias: 'CORS_ORIGIN_ALLOW_ALL',
            version: '3.4.0',
            renamedIn: '3.5.0',
          },
          suggestions: [],
        },
      ],
    },
    {
      // From the pin: every new name written, each at its target.
      code: 'CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\nCORS_ALLOWED_ORIGIN_REGEXES += [r"^https://\\w+\\.example\\.com$"]\n',
      filename: pinned34,
      errors: [
        {
          messageId: 'newNameIgnored',
          line: 1,
          column: 1,
          endColumn: 21,
          data: {
            setting: 'CORS_ALLOWED_ORIGINS',
            alias: 'CORS_ORIGIN_WHITELIST',
            version: '3.4.0',
            renamedIn: '3.5.0',
          },
        },
        {
          messageId: 'newNameIgnored',
          line: 2,
          column: 1,
          endColumn: 28,
          data: {
            setting: 'CORS_ALLOWED_ORIGIN_REGEXES',
            alias: 'CORS_ORIGIN_REGEX_WHITELIST',
            version: '3.4.0',
            renamedIn: '3.5.0',
          },
        },
      ],
    },
    {
      // Both names: from 3.5.0 the old one is dead, before it the new one.
      code: 'CORS_ALLOW_ALL_ORIGINS = False\nCORS_ORIGIN_ALLOW_ALL = True\n',
      settings: version('3.5.0'),
      errors: [
        {
          messageId: 'aliasShadowed',
          line: 2,
          column: 1,
          suggestions: [{ messageId: 'removeAlias', output: 'CORS_ALLOW_ALL_ORIGINS = False\n' }],
        },
      ],
    },
    {
      code: 'CORS_ALLOW_ALL_ORIGINS = False\nCORS_ORIGIN_ALLOW_ALL = True\n',
      settings: version('3.4.0'),
      errors: [{ messageId: 'newNameIgnored', line: 1, column: 1, endColumn: 23 }],
    },
    {
      // The message names the version's default list: nine names before 4.0.0, six from it.
      code: 'CORS_ALLOW_HEADERS = ["x-api-key"]\n',
      settings: version('3.14.0'),
      errors: [
        {
          messageId: 'allowHeadersDropDefaults',
          line: 1,
          column: 22,
          endColumn: 35,
          data: { ...DROPPED, defaults: DJANGO_CORS_DEFAULT_HEADERS_3.join(', ') },
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
      code: 'CORS_ALLOW_HEADERS = ["x-api-key"]\n',
      settings: version('4.0.0'),
      errors: [
        {
          messageId: 'allowHeadersDropDefaults',
          line: 1,
          column: 22,
          data: { ...DROPPED, defaults: DJANGO_CORS_DEFAULT_HEADERS_4.join(', ') },
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
  ],
});

djangoRuleTester().run('valid-django-allowed-origins: before and after 3.5.0', validOrigins, {
  valid: [
    // 3.4 never reads CORS_ALLOWED_ORIGINS (no-dead-django-cors-setting says so): its entries are not judged.
    { code: 'CORS_ALLOWED_ORIGINS = ["https://*.example.com"]\n', settings: version('3.4.0') },
  ],
  invalid: [
    {
      code: 'CORS_ALLOWED_ORIGINS = ["https://*.example.com"]\n',
      settings: version('3.5.0'),
      errors: [{ messageId: 'wildcardHost', line: 1, column: 25, endColumn: 48 }],
    },
    {
      code: 'CORS_ORIGIN_WHITELIST = ["https://*.example.com"]\n',
      settings: version('3.4.0'),
      errors: [{ messageId: 'wildcardHost', line: 1, column: 26, endColumn: 49 }],
    },
  ],
});
