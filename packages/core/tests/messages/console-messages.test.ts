import { describe, it, expect } from 'vitest';
import type {
  BrowserFailure,
  ConsoleParams,
  ConsoleText,
} from '../../src/messages/console-messages.js';
import {
  consoleLine,
  consoleReason,
  matchesConsoleLine,
} from '../../src/messages/console-messages.js';

const PREFIX = "Response to preflight request doesn't pass access control check: ";

describe('consoleReason', () => {
  const cases: [BrowserFailure, ConsoleParams, boolean, ConsoleText][] = [
    [
      'wildcard-origin-with-credentials',
      {},
      false,
      {
        chrome:
          "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
        firefox:
          'Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’',
      },
    ],
    [
      'wildcard-origin-with-credentials',
      { initiator: 'XMLHttpRequest' },
      false,
      {
        chrome:
          "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.",
        firefox:
          'Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’',
      },
    ],
    [
      'missing-allow-origin',
      {},
      true,
      {
        chrome: `${PREFIX}No 'Access-Control-Allow-Origin' header is present on the requested resource.`,
        firefox: 'CORS header ‘Access-Control-Allow-Origin’ missing',
      },
    ],
    [
      'multiple-allow-origin-lines',
      { value: 'https://a.com, https://a.com' },
      false,
      {
        chrome:
          "The 'Access-Control-Allow-Origin' header contains multiple values 'https://a.com, https://a.com', but only one is allowed. Have the server send the header with a valid value.",
        firefox: 'Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed',
      },
    ],
    [
      'multiple-allow-origin-values',
      { value: 'https://a.com, https://b.com' },
      false,
      {
        chrome:
          "The 'Access-Control-Allow-Origin' header contains multiple values 'https://a.com, https://b.com', but only one is allowed. Have the server send the header with a valid value.",
        firefox:
          'CORS header ‘Access-Control-Allow-Origin’ does not match ‘https://a.com, https://b.com’',
      },
    ],
    [
      'invalid-allow-origin',
      { value: 'foo', initiator: 'XMLHttpRequest' },
      false,
      {
        chrome: "The 'Access-Control-Allow-Origin' header contains the invalid value 'foo'.",
        firefox: 'CORS header ‘Access-Control-Allow-Origin’ does not match ‘foo’',
      },
    ],
    [
      'allow-origin-mismatch',
      { value: 'https://a.com/' },
      true,
      {
        chrome: `${PREFIX}The 'Access-Control-Allow-Origin' header has a value 'https://a.com/' that is not equal to the supplied origin. Have the server send the header with a valid value.`,
        firefox: 'CORS header ‘Access-Control-Allow-Origin’ does not match ‘https://a.com/’',
      },
    ],
    [
      'invalid-allow-credentials',
      {},
      false,
      {
        chrome:
          "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'.",
        firefox: 'expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’',
      },
    ],
    [
      'preflight-invalid-status',
      { status: '401' },
      false,
      {
        chrome: `${PREFIX}It does not have HTTP ok status.`,
        firefox: 'CORS preflight response did not succeed',
      },
    ],
    [
      'preflight-redirect',
      {},
      true,
      {
        chrome: `${PREFIX}Redirect is not allowed for a preflight request.`,
        firefox: 'CORS request external redirect not allowed',
      },
    ],
    [
      'method-not-allowed',
      { method: 'PUT' },
      true,
      {
        chrome: 'Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.',
        firefox: 'Did not find method in CORS header ‘Access-Control-Allow-Methods’',
      },
    ],
    [
      'header-not-allowed',
      { header: 'x-api-key' },
      true,
      {
        chrome:
          'Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response.',
        firefox:
          'header ‘x-api-key’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response',
      },
    ],
    [
      'invalid-allow-methods-token',
      { value: 'GET POST' },
      true,
      {
        chrome:
          'Cannot parse Access-Control-Allow-Methods response header field in preflight response.',
        firefox: 'invalid token ‘GET POST’ in CORS header ‘Access-Control-Allow-Methods’',
      },
    ],
    [
      'invalid-allow-headers-token',
      { value: 'a b' },
      true,
      {
        chrome:
          'Cannot parse Access-Control-Allow-Headers response header field in preflight response.',
        firefox: 'invalid token ‘a b’ in CORS header ‘Access-Control-Allow-Headers’',
      },
    ],
    [
      'authorization-not-covered-by-wildcard',
      {},
      true,
      {
        chrome:
          'Authorization will not be covered by the wildcard symbol (*) in CORS Access-Control-Allow-Headers handling.',
        firefox:
          'When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered. To include the `Authorization` header, it must be explicitly listed in CORS header `Access-Control-Allow-Headers`',
      },
    ],
  ];
  it.each(cases)('%s %j preflight=%s', (failure, params, preflight, expected) => {
    expect(consoleReason(failure, params, { preflight })).toEqual(expected);
  });
});

describe('consoleLine', () => {
  it('wraps the reasons in each browser envelope', () => {
    const line = consoleLine('wildcard-origin-with-credentials', {
      url: 'http://127.0.0.2:4000/data',
      pageOrigin: 'http://127.0.0.1:3000',
    });
    expect(line.chrome).toBe(
      "Access to fetch at 'http://127.0.0.2:4000/data' from origin 'http://127.0.0.1:3000' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
    );
    expect(line.firefox).toBe(
      'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ‘http://127.0.0.2:4000/data’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).',
    );
  });

  it('adds the status code where Firefox does, and … for unknown parts', () => {
    const line = consoleLine('missing-allow-origin', {
      status: '200',
      initiator: 'XMLHttpRequest',
    });
    expect(line.chrome).toBe(
      "Access to XMLHttpRequest at '…' from origin '…' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    );
    expect(line.firefox).toBe(
      'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at …. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.',
    );
  });

  it('uses the warning envelopes for the Authorization deprecation', () => {
    const line = consoleLine('authorization-not-covered-by-wildcard', {
      url: 'https://api.test/x',
    });
    expect(line.chrome).toBe(
      'Authorization will not be covered by the wildcard symbol (*) in CORS Access-Control-Allow-Headers handling.',
    );
    expect(line.firefox).toBe(
      'Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at https://api.test/x soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered. To include the `Authorization` header, it must be explicitly listed in CORS header `Access-Control-Allow-Headers`).',
    );
  });
});

describe('matchesConsoleLine', () => {
  const oracleLine =
    "Access to fetch at 'http://127.0.0.2:4000/data' from origin 'http://127.0.0.1:3000' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.";
  const preflightLine =
    "Access to fetch at 'http://127.0.0.2:4000/items/1' from origin 'http://127.0.0.1:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.";

  const cases: [BrowserFailure, 'chrome' | 'firefox', string, boolean][] = [
    ['wildcard-origin-with-credentials', 'chrome', oracleLine, true],
    // Exactly as wrapped in browser-oracle.md.
    [
      'wildcard-origin-with-credentials',
      'chrome',
      "Access to fetch at 'http://127.0.0.2:4000/data' from origin 'http://127.0.0.1:3000' has been blocked by\n  CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the\n  wildcard '*' when the request's credentials mode is 'include'.",
      true,
    ],
    ['allow-origin-mismatch', 'chrome', oracleLine, false],
    ['missing-allow-origin', 'chrome', preflightLine, true],
    [
      'missing-allow-origin',
      'chrome',
      `${preflightLine} If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.`,
      true,
    ],
    [
      'header-not-allowed',
      'chrome',
      "Access to fetch at 'x' from origin 'y' has been blocked by CORS policy: Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response.",
      true,
    ],
    // Method/header failures never carry the preflight prefix.
    [
      'method-not-allowed',
      'chrome',
      `Access to fetch at 'x' from origin 'y' has been blocked by CORS policy: ${PREFIX}Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.`,
      false,
    ],
    [
      'method-not-allowed',
      'chrome',
      "Access to fetch at 'x' from origin 'y' has been blocked by CORS policy: Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.",
      true,
    ],
    [
      'preflight-invalid-status',
      'chrome',
      `Access to fetch at 'x' from origin 'y' has been blocked by CORS policy: ${PREFIX}It does not have HTTP ok status.`,
      true,
    ],
    [
      'preflight-invalid-status',
      'chrome',
      "Access to fetch at 'x' from origin 'y' has been blocked by CORS policy: It does not have HTTP ok status.",
      false,
    ],
    [
      'allow-origin-mismatch',
      'chrome',
      "Access to fetch at 'x' from origin 'y' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'https://a.com/' that is not equal to the supplied origin. Have the server send the header with a valid value, or, if an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.",
      true,
    ],
    [
      'multiple-allow-origin-lines',
      'chrome',
      "Access to XMLHttpRequest at 'x' from origin 'y' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains multiple values 'a, b', but only one is allowed.",
      true,
    ],
    [
      'multiple-allow-origin-values',
      'chrome',
      "Access blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains multiple values 'a, b', but only one is allowed.",
      true,
    ],
    [
      'authorization-not-covered-by-wildcard',
      'chrome',
      'Authorization will not be covered by the wildcard symbol (*) in CORS Access-Control-Allow-Headers handling.',
      true,
    ],
    [
      'authorization-not-covered-by-wildcard',
      'chrome',
      '"Authorization" will not be covered by the wildcard symbol (*)in CORS "Access-Control-Allow-Headers" handling.',
      true,
    ],
    [
      'wildcard-origin-with-credentials',
      'firefox',
      'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ‘https://api.test/’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).',
      true,
    ],
    [
      'wildcard-origin-with-credentials',
      'firefox',
      "(Reason: Credential is not supported if the CORS header 'Access-Control-Allow-Origin' is '*')",
      true,
    ],
    [
      'missing-allow-origin',
      'firefox',
      'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.test/. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 404.',
      true,
    ],
    [
      'multiple-allow-origin-lines',
      'firefox',
      'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.test/. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing).',
      false,
    ],
    [
      'allow-origin-mismatch',
      'firefox',
      '(Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘https://a.com/’).',
      true,
    ],
    [
      'header-not-allowed',
      'firefox',
      '(Reason: missing token ‘x-foo’ in CORS header ‘Access-Control-Allow-Headers’ from CORS preflight channel).',
      true,
    ],
    [
      'preflight-invalid-status',
      'firefox',
      '(Reason: CORS preflight channel did not succeed).',
      true,
    ],
  ];
  it.each(cases)('%s / %s: %s', (failure, browser, line, expected) =>
    expect(matchesConsoleLine(failure, browser, line)).toBe(expected),
  );

  it('accepts every line consoleLine produces', () => {
    const failures: BrowserFailure[] = [
      'missing-allow-origin',
      'multiple-allow-origin-values',
      'multiple-allow-origin-lines',
      'invalid-allow-origin',
      'allow-origin-mismatch',
      'wildcard-origin-with-credentials',
      'invalid-allow-credentials',
      'preflight-invalid-status',
      'preflight-redirect',
      'method-not-allowed',
      'header-not-allowed',
      'invalid-allow-methods-token',
      'invalid-allow-headers-token',
      'authorization-not-covered-by-wildcard',
    ];
    const params: ConsoleParams = {
      value: 'v',
      method: 'PUT',
      header: 'x-foo',
      status: '500',
      url: 'https://api.test/',
      pageOrigin: 'https://app.test',
    };
    for (const failure of failures) {
      for (const preflight of [false, true]) {
        for (const initiator of ['fetch', 'XMLHttpRequest'] as const) {
          const line = consoleLine(failure, { ...params, initiator }, { preflight });
          expect(matchesConsoleLine(failure, 'chrome', line.chrome), `${failure} chrome`).toBe(
            true,
          );
          expect(matchesConsoleLine(failure, 'firefox', line.firefox), `${failure} firefox`).toBe(
            true,
          );
        }
      }
    }
  });
});
