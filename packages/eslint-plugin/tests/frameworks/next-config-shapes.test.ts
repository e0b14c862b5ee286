/**
 * Next.js `headers()` written other than inline: assigned after the config object
 * (`nextConfig.headers = async () => […]`, exported as `{ ...nextConfig }`), a function declared
 * elsewhere and named by the config (`{ headers }`), and entries mapped over a list of sources.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import noWildcardOriginWithCredentials from '../../src/rules/no-wildcard-origin-with-credentials.js';
import validAllowOrigin from '../../src/rules/valid-allow-origin.js';

const ruleTester = new RuleTester();

const WILDCARD_WITH_CREDENTIALS =
  "[{ key: 'Access-Control-Allow-Origin', value: '*' }, { key: 'Access-Control-Allow-Credentials', value: 'true' }]";
/** The same pairs after the suggestion: the placeholder origin. */
const EXPLICIT_ORIGIN =
  "[{ key: 'Access-Control-Allow-Origin', value: '<your-app-origin>' }, { key: 'Access-Control-Allow-Credentials', value: 'true' }]";
/** A config file's text with `pairs` as the header list. */
const exportedAssignment = (pairs: string) => `
module.exports = {};
module.exports['headers'] = function () {
  return [{ source: '/api/:path*', headers: ${pairs} }];
};
`;
const namedFunction = (pairs: string) => `
async function headers() {
  return [{ source: '/api/:path*', headers: ${pairs} }];
}
const nextConfig = { headers };
export default { ...nextConfig, headers: headers };
`;
const bothSuggestions = (code: (pairs: string) => string) => [
  { messageId: 'useExplicitOrigin' as const, output: code(EXPLICIT_ORIGIN) },
];

ruleTester.run(
  'no-wildcard-origin-with-credentials (next.config shapes)',
  noWildcardOriginWithCredentials,
  {
    valid: [
      // A `headers` member that is no function, and a function returning no entry list we can read.
      `
const request = { headers: {} };
request.headers = buildHeaders;
module.exports = { headers: async () => loadHeadersFromCms() };
`,
      // An entry list returned by a function that is not the config's `headers`.
      `
async function redirects() {
  return [{ source: '/old', headers: ${WILDCARD_WITH_CREDENTIALS} }];
}
`,
    ],
    invalid: [
      {
        code: `
const nextConfig = { reactStrictMode: true };
nextConfig.headers = async () => [{ source: '/api/:path*', headers: ${WILDCARD_WITH_CREDENTIALS} }];
module.exports = { ...nextConfig };
`,
        errors: [
          {
            messageId: 'wildcardWithCredentials',
            line: 3,
            column: 115,
            endColumn: 118,
            suggestions: [
              {
                messageId: 'useExplicitOrigin',
                output: `
const nextConfig = { reactStrictMode: true };
nextConfig.headers = async () => [{ source: '/api/:path*', headers: [{ key: 'Access-Control-Allow-Origin', value: '<your-app-origin>' }, { key: 'Access-Control-Allow-Credentials', value: 'true' }] }];
module.exports = { ...nextConfig };
`,
              },
            ],
          },
        ],
      },
      {
        // module.exports['headers'], with a function expression.
        code: exportedAssignment(WILDCARD_WITH_CREDENTIALS),
        errors: [
          {
            messageId: 'wildcardWithCredentials',
            line: 4,
            column: 91,
            suggestions: bothSuggestions(exportedAssignment),
          },
        ],
      },
      {
        // A function declared apart and named by the config, in shorthand and in full: read once.
        code: namedFunction(WILDCARD_WITH_CREDENTIALS),
        errors: [
          {
            messageId: 'wildcardWithCredentials',
            line: 3,
            column: 91,
            suggestions: bothSuggestions(namedFunction),
          },
        ],
      },
    ],
  },
);

ruleTester.run('valid-allow-origin (next.config shapes)', validAllowOrigin, {
  valid: [],
  invalid: [
    {
      // One entry mapped over several sources: reported (and fixed) once, in the shared constant.
      code: `
const corsHeaders = [{ key: 'Access-Control-Allow-Origin', value: 'https://app.example.com/' }];
export default {
  async headers() {
    return ['/api/:path*', '/auth/:path*'].map((source) => ({ source, headers: corsHeaders }));
  },
};
`,
      output: `
const corsHeaders = [{ key: 'Access-Control-Allow-Origin', value: 'https://app.example.com' }];
export default {
  async headers() {
    return ['/api/:path*', '/auth/:path*'].map((source) => ({ source, headers: corsHeaders }));
  },
};
`,
      errors: [{ messageId: 'trailingSlash', line: 2, column: 67, endColumn: 93 }],
    },
  ],
});
