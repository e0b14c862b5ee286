import rule from '../../src/rules/require-django-cors-middleware.js';
import { djangoRuleTester } from '../helpers/django-rule-tester.js';

const apps = 'INSTALLED_APPS = ["django.contrib.contenttypes", "corsheaders"]\n';

djangoRuleTester().run('require-django-cors-middleware', rule, {
  valid: [
    // The order the README asks for (verified: a preflight to `/api/items` gets 200 with the CORS headers).
    `${apps}MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "corsheaders.middleware.CorsMiddleware",\n    "django.middleware.common.CommonMiddleware",\n]\n`,
    // After Session/Security is fine: they answer nothing themselves.
    `${apps}MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware", "corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware"]\n`,
    // Inserted first after the list was written.
    `${apps}MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]\nMIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")\n`,
    // Concatenation with a list from elsewhere: the order is not known.
    `${apps}from .base import BASE_MIDDLEWARE\nMIDDLEWARE = BASE_MIDDLEWARE + ["corsheaders.middleware.CorsMiddleware"]\n`,
    // django-cors-headers is not configured here.
    'MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]\n',
    // A list with unknown parts may hold it.
    `${apps}MIDDLEWARE = [*BASE, "django.middleware.common.CommonMiddleware"]\n`,
    // Verified (whitenoise 6.0, Chromium): WhiteNoise answers static files with its own
    // `Access-Control-Allow-Origin: *` unless WHITENOISE_ALLOW_ALL_ORIGINS is False; a GET passes.
    `${apps}MIDDLEWARE = ["whitenoise.middleware.WhiteNoiseMiddleware", "corsheaders.middleware.CorsMiddleware"]\n`,
    `${apps}MIDDLEWARE = ["whitenoise.middleware.WhiteNoiseMiddleware", "corsheaders.middleware.CorsMiddleware"]\nWHITENOISE_ALLOW_ALL_ORIGINS = True\n`,
    // False on one branch only, or from the environment: it may still send `*`.
    `${apps}MIDDLEWARE = ["whitenoise.middleware.WhiteNoiseMiddleware", "corsheaders.middleware.CorsMiddleware"]\nif DEBUG:\n    WHITENOISE_ALLOW_ALL_ORIGINS = False\n`,
    `${apps}import os\nMIDDLEWARE = ["whitenoise.middleware.WhiteNoiseMiddleware", "corsheaders.middleware.CorsMiddleware"]\nWHITENOISE_ALLOW_ALL_ORIGINS = os.environ["WN_ALL"]\n`,
  ],
  invalid: [
    {
      // Verified on 3.14: OPTIONS /api/items → 301 Location: /api/items/ without CORS headers.
      code: `${apps}MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "django.middleware.common.CommonMiddleware",\n    "corsheaders.middleware.CorsMiddleware",\n]\n`,
      errors: [
        {
          messageId: 'afterCommonMiddleware',
          line: 5,
          column: 5,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'moveMiddleware',
              data: { middleware: 'CommonMiddleware' },
              output: `${apps}MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "corsheaders.middleware.CorsMiddleware",\n    "django.middleware.common.CommonMiddleware",\n]\n`,
            },
          ],
        },
      ],
    },
    {
      // `+=` and `.append` put it last. Without its `*` (False), WhiteNoise's answers have no CORS headers.
      code: `${apps}WHITENOISE_ALLOW_ALL_ORIGINS = False\nMIDDLEWARE = ["whitenoise.middleware.WhiteNoiseMiddleware"]\nMIDDLEWARE += ["corsheaders.middleware.CorsMiddleware"]\n`,
      errors: [
        {
          messageId: 'afterWhiteNoiseMiddleware',
          line: 4,
          column: 16,
          // The two lists are separate statements: moving across them is left to the user.
          suggestions: [],
        },
      ],
    },
    {
      code: `${apps}MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]\nMIDDLEWARE.append("corsheaders.middleware.CorsMiddleware")\n`,
      errors: [{ messageId: 'afterCommonMiddleware', line: 3, column: 19, suggestions: [] }],
    },
    {
      // Verified on 3.14: no CORS header at all; `manage.py check` says nothing.
      code: `${apps}MIDDLEWARE = [\n    "django.middleware.common.CommonMiddleware",\n]\n`,
      errors: [
        {
          messageId: 'missingMiddleware',
          line: 2,
          column: 14,
          data: { setting: "'corsheaders' is in INSTALLED_APPS" },
          suggestions: [
            {
              messageId: 'addMiddleware',
              output: `${apps}MIDDLEWARE = [\n    "corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware",\n]\n`,
            },
          ],
        },
      ],
    },
    {
      // Configured by a setting alone.
      code: 'CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\nMIDDLEWARE = ("django.middleware.common.CommonMiddleware",)\n',
      errors: [
        {
          messageId: 'missingMiddleware',
          line: 2,
          column: 14,
          data: { setting: 'CORS_ALLOWED_ORIGINS is set' },
          suggestions: [
            {
              messageId: 'addMiddleware',
              output:
                'CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\nMIDDLEWARE = ("corsheaders.middleware.CorsMiddleware", "django.middleware.common.CommonMiddleware",)\n',
            },
          ],
        },
      ],
    },
  ],
});
