/**
 * The rules shared with JavaScript, on nginx configurations: core's checks run unchanged on the
 * policies the nginx extractor builds (design note §C.1, first table), each case from §C.
 */
import noDuplicateAllowOrigin from '../../src/rules/no-duplicate-allow-origin.js';
import noIneffectiveWildcard from '../../src/rules/no-ineffective-wildcard.js';
import noNullOrigin from '../../src/rules/no-null-origin.js';
import noReflectedOriginWithCredentials from '../../src/rules/no-reflected-origin-with-credentials.js';
import noUnsafeOriginCheck from '../../src/rules/no-unsafe-origin-check.js';
import noWildcardOriginWithCredentials from '../../src/rules/no-wildcard-origin-with-credentials.js';
import requireVaryOrigin from '../../src/rules/require-vary-origin.js';
import validAllowOrigin from '../../src/rules/valid-allow-origin.js';
import validHeaderValues from '../../src/rules/valid-header-values.js';
import { conf, nginxRuleTester } from '../helpers/nginx-rule-tester.js';

const ruleTester = nginxRuleTester();
const REFLECTED =
  "Access-Control-Allow-Origin is copied from the request's Origin header with no check";

ruleTester.run('no-wildcard-origin-with-credentials (nginx)', noWildcardOriginWithCredentials, {
  valid: ['location / { add_header Access-Control-Allow-Origin * always; }\n'],
  invalid: [
    {
      code: 'location /api/ {\n    add_header Access-Control-Allow-Origin * always;\n    add_header Access-Control-Allow-Credentials true always;\n}\n',
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          line: 2,
          column: 44,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              data: { origin: "'<your-app-origin>'" },
              output:
                'location /api/ {\n    add_header Access-Control-Allow-Origin <your-app-origin> always;\n    add_header Access-Control-Allow-Credentials true always;\n}\n',
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-reflected-origin-with-credentials (nginx)', noReflectedOriginWithCredentials, {
  valid: [
    // /t7/: a map with default "" sends the origin only for its keys.
    conf`
      map $http_origin $cors { default ""; "https://app.example.com" $http_origin; }
      server { location / { add_header Access-Control-Allow-Origin $cors always; add_header Access-Control-Allow-Credentials true always; add_header Vary Origin always; } }
    `,
    // Checked by an `if` on another variable: some check we cannot enumerate.
    conf`
      location / {
          if ($cors_ok = 'yes') { add_header Access-Control-Allow-Origin $http_origin always; add_header Access-Control-Allow-Credentials true always; }
      }
    `,
    // A map in another file: unknown, never taken for a reflection.
    'location / { add_header Access-Control-Allow-Origin $cors_origin always; add_header Access-Control-Allow-Credentials true always; }\n',
  ],
  invalid: [
    {
      // /t6/: evil.example and null are reflected with credentials (§C5).
      code: 'location /t6/ {\n    add_header Access-Control-Allow-Origin $http_origin always;\n    add_header Access-Control-Allow-Credentials true always;\n}\n',
      settings: { cors: { appOrigins: ['https://app.example.com'] } },
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 2,
          column: 44,
          endColumn: 56,
          data: { how: REFLECTED },
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              data: { origin: "'https://app.example.com'" },
              output:
                'location /t6/ {\n    add_header Access-Control-Allow-Origin https://app.example.com always;\n    add_header Access-Control-Allow-Credentials true always;\n}\n',
            },
          ],
        },
      ],
    },
    {
      // A map whose default is $http_origin lets every origin through.
      code: 'map $http_origin $cors {\n    default $http_origin;\n    "https://app.example.com" $http_origin;\n}\nserver {\n    add_header Access-Control-Allow-Origin $cors always;\n    add_header Access-Control-Allow-Credentials "true" always;\n}\n',
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 6,
          column: 44,
          endColumn: 49,
          data: { how: REFLECTED },
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              output:
                'map $http_origin $cors {\n    default $http_origin;\n    "https://app.example.com" $http_origin;\n}\nserver {\n    add_header Access-Control-Allow-Origin <your-app-origin> always;\n    add_header Access-Control-Allow-Credentials "true" always;\n}\n',
            },
          ],
        },
      ],
    },
    {
      // `set` from the origin with no check around it.
      code: 'location / {\n    set $cors $http_origin;\n    add_header Access-Control-Allow-Origin $cors always;\n    add_header Access-Control-Allow-Credentials true always;\n}\n',
      errors: [
        {
          messageId: 'reflectedWithCredentials',
          line: 3,
          column: 44,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              output:
                'location / {\n    set $cors $http_origin;\n    add_header Access-Control-Allow-Origin <your-app-origin> always;\n    add_header Access-Control-Allow-Credentials true always;\n}\n',
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-null-origin (nginx)', noNullOrigin, {
  valid: [
    'location / { add_header Access-Control-Allow-Origin https://app.example.com always; }\n',
  ],
  invalid: [
    {
      code: 'location / { add_header Access-Control-Allow-Origin null always; }\n',
      errors: [
        {
          messageId: 'nullOrigin',
          line: 1,
          column: 53,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              output:
                'location / { add_header Access-Control-Allow-Origin <your-app-origin> always; }\n',
            },
          ],
        },
      ],
    },
    {
      // A map key `null` that maps to the origin.
      code: 'map $http_origin $cors {\n    default "";\n    null $http_origin;\n}\nserver { add_header Access-Control-Allow-Origin $cors always; add_header Vary Origin always; }\n',
      errors: [
        {
          messageId: 'nullOrigin',
          line: 3,
          column: 5,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'removeNullEntry',
              output:
                'map $http_origin $cors {\n    default "";\n}\nserver { add_header Access-Control-Allow-Origin $cors always; add_header Vary Origin always; }\n',
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-unsafe-origin-check (nginx)', noUnsafeOriginCheck, {
  valid: [
    // /t7/: anchored, dots escaped.
    'map $http_origin $cors { default ""; "~^https://([a-z0-9-]+\\.)?example\\.com$" $http_origin; }\nserver { add_header Access-Control-Allow-Origin $cors always; }\n',
    // An `if` that tests the origin with a safe pattern.
    'location / { if ($http_origin ~* "^https://(app|admin)\\.example\\.com$") { add_header Access-Control-Allow-Origin $http_origin always; } }\n',
  ],
  invalid: [
    {
      // /t7u/: reflected https://example.com.evil.net and https://notexample.com (§C6).
      code: 'map $http_origin $cors {\n    default "";\n    "~example.com" $http_origin;\n}\nserver { add_header Access-Control-Allow-Origin $cors always; }\n',
      errors: [
        {
          messageId: 'unescapedDot',
          line: 3,
          column: 5,
          endColumn: 19,
          data: { pattern: '~example.com', example: 'an origin of their choosing' },
          suggestions: [
            {
              messageId: 'escapeDotsAndAnchor',
              data: { fixed: '"~^https:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com$"' },
              output:
                'map $http_origin $cors {\n    default "";\n    "~^https:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com$" $http_origin;\n}\nserver { add_header Access-Control-Allow-Origin $cors always; }\n',
            },
          ],
        },
        {
          messageId: 'missingEndAnchor',
          line: 3,
          column: 5,
          suggestions: [
            {
              messageId: 'escapeDotsAndAnchor',
              output:
                'map $http_origin $cors {\n    default "";\n    "~^https:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com$" $http_origin;\n}\nserver { add_header Access-Control-Allow-Origin $cors always; }\n',
            },
          ],
        },
        {
          messageId: 'missingStartAnchor',
          line: 3,
          column: 5,
          suggestions: [
            {
              messageId: 'escapeDotsAndAnchor',
              output:
                'map $http_origin $cors {\n    default "";\n    "~^https:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com$" $http_origin;\n}\nserver { add_header Access-Control-Allow-Origin $cors always; }\n',
            },
          ],
        },
      ],
    },
    {
      // An unquoted case-insensitive key: the repair keeps its `~*` and stays unquoted.
      code: 'map $http_origin $cors {\n    default "";\n    ~*^https://b\\.example\\.com $http_origin;\n}\nserver { add_header Access-Control-Allow-Origin $cors always; }\n',
      errors: [
        {
          messageId: 'missingEndAnchor',
          line: 3,
          column: 5,
          endColumn: 31,
          data: {
            pattern: '~*^https://b\\.example\\.com',
            example: 'https://b.example.com.attacker.test',
          },
          suggestions: [
            {
              messageId: 'addAnchors',
              data: { fixed: '~*^https://b\\.example\\.com$' },
              output:
                'map $http_origin $cors {\n    default "";\n    ~*^https://b\\.example\\.com$ $http_origin;\n}\nserver { add_header Access-Control-Allow-Origin $cors always; }\n',
            },
          ],
        },
      ],
    },
    {
      // An unquoted `if` operand has the condition's `)` glued to it: the report and the repair stop before it.
      code: 'location / {\n    if ($http_origin ~ ^https://x.vercel\\.app$) {\n        add_header Access-Control-Allow-Origin $http_origin always;\n    }\n}\n',
      errors: [
        {
          messageId: 'unescapedDot',
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 47,
          data: { pattern: '^https://x.vercel\\.app$', example: 'https://xxvercel.app' },
          suggestions: [
            {
              messageId: 'escapeDots',
              data: { fixed: '^https://x\\.vercel\\.app$' },
              output:
                'location / {\n    if ($http_origin ~ ^https://x\\.vercel\\.app$) {\n        add_header Access-Control-Allow-Origin $http_origin always;\n    }\n}\n',
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('valid-allow-origin (nginx)', validAllowOrigin, {
  valid: [
    'location / { add_header Access-Control-Allow-Origin "https://app.example.com" always; }\n',
  ],
  invalid: [
    {
      code: 'location / { add_header Access-Control-Allow-Origin "https://app.example.com/" always; }\n',
      errors: [{ messageId: 'trailingSlash', line: 1, column: 53, endColumn: 79 }],
      output:
        'location / { add_header Access-Control-Allow-Origin "https://app.example.com" always; }\n',
    },
  ],
});

ruleTester.run('valid-header-values (nginx)', validHeaderValues, {
  valid: [
    'location / { add_header Access-Control-Allow-Methods "GET, PUT" always; add_header Access-Control-Max-Age 600; }\n',
  ],
  invalid: [
    {
      code: 'location / { add_header Access-Control-Allow-Origin "https://app.example.com" always; add_header Access-Control-Allow-Credentials True always; }\n',
      errors: [
        {
          messageId: 'credentialsNotTrue',
          line: 1,
          column: 131,
          endColumn: 135,
          suggestions: [
            {
              messageId: 'useTrue',
              output:
                'location / { add_header Access-Control-Allow-Origin "https://app.example.com" always; add_header Access-Control-Allow-Credentials true always; }\n',
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-ineffective-wildcard (nginx)', noIneffectiveWildcard, {
  valid: [
    'location / { add_header Access-Control-Allow-Origin * always; add_header Access-Control-Allow-Headers "*"; }\n',
  ],
  invalid: [
    {
      code: 'location / { add_header Access-Control-Allow-Origin https://app.example.com always; add_header Access-Control-Allow-Credentials true always; add_header Access-Control-Allow-Headers "*"; }\n',
      errors: [
        {
          messageId: 'wildcardHeadersWithCredentials',
          line: 1,
          column: 182,
          endColumn: 185,
          suggestions: [
            {
              messageId: 'listHeaders',
              output:
                'location / { add_header Access-Control-Allow-Origin https://app.example.com always; add_header Access-Control-Allow-Credentials true always; add_header Access-Control-Allow-Headers "Content-Type, Authorization"; }\n',
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-vary-origin (nginx)', requireVaryOrigin, {
  valid: [
    // /t7/: Vary: Origin beside the map's value.
    'map $http_origin $cors { default ""; "https://app.example.com" $http_origin; }\nserver { location / { add_header Access-Control-Allow-Origin $cors always; add_header Vary Origin always; } }\n',
    // A fixed origin needs no Vary.
    'location / { add_header Access-Control-Allow-Origin https://app.example.com always; }\n',
  ],
  invalid: [
    {
      // nginx adds no Vary itself (§C5).
      code: 'location /t6/ {\n    add_header Access-Control-Allow-Origin $http_origin always;\n}\n',
      output:
        'location /t6/ {\n    add_header Access-Control-Allow-Origin $http_origin always;\n    add_header Vary Origin always;\n}\n',
      errors: [{ messageId: 'missingVaryOrigin', line: 2, column: 44, endColumn: 56 }],
    },
  ],
});

ruleTester.run('no-duplicate-allow-origin (nginx)', noDuplicateAllowOrigin, {
  valid: [
    // The `if` replaces the location's lines: one line on each response.
    'location / { add_header Access-Control-Allow-Origin https://a.example always; if ($request_method = OPTIONS) { add_header Access-Control-Allow-Origin https://a.example always; return 204; } }\n',
    // more_set_headers replaces.
    'location / { add_header Access-Control-Allow-Origin https://a.example always; more_set_headers "Access-Control-Allow-Origin: https://a.example"; }\n',
  ],
  invalid: [
    {
      code: 'location / {\n    add_header Access-Control-Allow-Origin https://a.example always;\n    add_header Access-Control-Allow-Origin https://b.example always;\n}\n',
      errors: [
        {
          messageId: 'duplicateAllowOrigin',
          line: 3,
          column: 5,
          data: { value: 'https://a.example, https://b.example', earlier: 'add_header', line: '2' },
          suggestions: [
            {
              messageId: 'removeAppended',
              output:
                'location / {\n    add_header Access-Control-Allow-Origin https://a.example always;\n}\n',
            },
          ],
        },
      ],
    },
  ],
});
