import { describe, it, expect } from 'vitest';
import type { AllowOriginProblem } from '../../src/origin/validate-allow-origin.js';
import { validateAllowOriginValue } from '../../src/origin/validate-allow-origin.js';

const fixable = (
  fixed: string,
  ...kinds: ('no-scheme' | 'uppercase' | 'default-port' | 'trailing-slash' | 'path')[]
): AllowOriginProblem[] => kinds.map((kind) => ({ kind, fixed }));

describe('validateAllowOriginValue', () => {
  const cases: [string, AllowOriginProblem[]][] = [
    // Fine as they are (other checks judge `*` and `null`).
    ['*', []],
    ['null', []],
    ['https://example.com', []],
    ['http://localhost:3000', []],
    ['http://[::1]:8080', []],
    [' https://example.com ', []],

    // One fixable problem.
    ['https://a.com/', fixable('https://a.com', 'trailing-slash')],
    ['https://a.com/app', fixable('https://a.com', 'path')],
    ['https://a.com/app/', fixable('https://a.com', 'path')],
    ['https://a.com?x=1', fixable('https://a.com', 'path')],
    ['https://a.com#top', fixable('https://a.com', 'path')],
    ['http://localhost:3000/', fixable('http://localhost:3000', 'trailing-slash')],
    ['HTTPS://App.Example.com', fixable('https://app.example.com', 'uppercase')],
    ['https://Example.com', fixable('https://example.com', 'uppercase')],
    ['https://a.com:443', fixable('https://a.com', 'default-port')],
    ['http://a.com:80', fixable('http://a.com', 'default-port')],
    ['wss://a.com:443', fixable('wss://a.com', 'default-port')],
    ['example.com', fixable('https://example.com', 'no-scheme')],
    ['localhost:3000', fixable('https://localhost:3000', 'no-scheme')],
    ['127.0.0.1:5173', fixable('https://127.0.0.1:5173', 'no-scheme')],
    ['//example.com', fixable('https://example.com', 'no-scheme')],

    // Several problems: each reported, each with the fully normalized origin.
    ['HTTPS://A.com/', fixable('https://a.com', 'uppercase', 'trailing-slash')],
    ['https://A.com:443/app', fixable('https://a.com', 'uppercase', 'default-port', 'path')],
    ['Example.com/', fixable('https://example.com', 'no-scheme', 'uppercase', 'trailing-slash')],
    ['http://localhost:80/', fixable('http://localhost', 'default-port', 'trailing-slash')],

    // Lists of origins.
    [
      'https://a.com https://b.com',
      [{ kind: 'multiple', origins: ['https://a.com', 'https://b.com'] }],
    ],
    [
      'https://a.com, https://b.com',
      [{ kind: 'multiple', origins: ['https://a.com', 'https://b.com'] }],
    ],
    [
      'https://a.com,https://b.com/',
      [{ kind: 'multiple', origins: ['https://a.com', 'https://b.com/'] }],
    ],
    ['a.com b.com', [{ kind: 'multiple', origins: ['a.com', 'b.com'] }]],

    // Wildcard subdomains.
    [
      'https://*.example.com',
      [{ kind: 'wildcard-subdomain', scheme: 'https', suffix: 'example.com' }],
    ],
    [
      'HTTPS://*.Example.com/',
      [{ kind: 'wildcard-subdomain', scheme: 'https', suffix: 'example.com' }],
    ],
    [
      'http://*.example.com:8080',
      [{ kind: 'wildcard-subdomain', scheme: 'http', suffix: 'example.com', port: '8080' }],
    ],
    [
      'https://*.example.com:443',
      [{ kind: 'wildcard-subdomain', scheme: 'https', suffix: 'example.com' }],
    ],
    ['*.example.com', [{ kind: 'wildcard-subdomain', scheme: 'https', suffix: 'example.com' }]],

    // Garbage.
    ['', [{ kind: 'invalid' }]],
    ['foo', [{ kind: 'invalid' }]],
    ['true', [{ kind: 'invalid' }]],
    ['NULL', [{ kind: 'invalid' }]],
    ['https://', [{ kind: 'invalid' }]],
    ['https://a..com', [{ kind: 'invalid' }]],
    ['https://user:pw@a.com', [{ kind: 'invalid' }]],
    ['https://a.com:', [{ kind: 'invalid' }]],
    ['https://a.com:99999', [{ kind: 'invalid' }]],
    ['https://a*.com', [{ kind: 'invalid' }]],
    ['https://*', [{ kind: 'invalid' }]],
    ['foo bar', [{ kind: 'invalid' }]],
    ['https://a.com, *', [{ kind: 'invalid' }]],
    ['/api', [{ kind: 'invalid' }]],
  ];
  it.each(cases)('%j', (value, expected) =>
    expect(validateAllowOriginValue(value)).toEqual(expected),
  );

  it('never throws and always gives a parseable fix', () => {
    const inputs = [
      'https://A.com:443//',
      'x://',
      ':',
      '://a',
      'https://[::1',
      'https://[::1]:443/',
      '\u0000',
      'é.com',
      'https://a.com/\n',
    ];
    for (const input of inputs) {
      const problems = validateAllowOriginValue(input);
      for (const problem of problems) {
        if ('fixed' in problem) expect(validateAllowOriginValue(problem.fixed)).toEqual([]);
      }
    }
  });
});
