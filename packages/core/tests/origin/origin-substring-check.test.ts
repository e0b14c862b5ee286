import { describe, it, expect } from 'vitest';
import type { SubstringMethod, SubstringSubject } from '../../src/origin/origin-substring-check.js';
import {
  classifyOriginSubstringCheck,
  safeReplacementForSubstringCheck,
} from '../../src/origin/origin-substring-check.js';
import { parseOrigin } from '../../src/origin/origin.js';

type Expected =
  'safe' | ['no-dot-boundary' | 'no-end-boundary' | 'substring' | 'shared-hosting', string];

function passes(method: SubstringMethod, value: string, argument: string): boolean {
  if (method === 'startsWith') return value.startsWith(argument);
  if (method === 'endsWith') return value.endsWith(argument);
  if (method === 'indexOf') return value.indexOf(argument) !== -1;
  return value.includes(argument);
}

describe('classifyOriginSubstringCheck', () => {
  const cases: [SubstringSubject, SubstringMethod, string, Expected][] = [
    // Contains checks.
    ['origin', 'includes', 'example.com', ['substring', 'https://example.com.attacker.test']],
    ['origin', 'indexOf', 'example.com', ['substring', 'https://example.com.attacker.test']],
    [
      'origin',
      'includes',
      'https://example.com',
      ['substring', 'https://example.com.attacker.test'],
    ],
    [
      'origin',
      'includes',
      '.example.com',
      ['substring', 'https://attacker.example.com.attacker.test'],
    ],
    ['origin', 'includes', 'localhost', ['substring', 'https://localhost.attacker.test']],
    ['origin', 'includes', '', ['substring', 'https://attacker.test']],
    ['hostname', 'includes', 'example.com', ['substring', 'example.com.attacker.test']],
    ['hostname', 'indexOf', '.example.com', ['substring', 'attacker.example.com.attacker.test']],
    // Nothing on another host contains a full origin with a port; only other ports of that host do.
    ['origin', 'includes', 'https://example.com:3000', 'safe'],

    // Prefix checks.
    [
      'origin',
      'startsWith',
      'https://example.com',
      ['no-end-boundary', 'https://example.com.attacker.test'],
    ],
    ['origin', 'startsWith', 'https://app.', ['no-end-boundary', 'https://app.attacker.test']],
    ['origin', 'startsWith', 'https://', ['no-end-boundary', 'https://attacker.test']],
    ['origin', 'startsWith', 'http', ['no-end-boundary', 'http://attacker.test']],
    [
      'origin',
      'startsWith',
      'http://localhost',
      ['no-end-boundary', 'http://localhost.attacker.test'],
    ],
    ['origin', 'startsWith', 'https://example.com:', 'safe'],
    ['origin', 'startsWith', 'http://localhost:', 'safe'],
    ['origin', 'startsWith', 'https://example.com/', 'safe'],
    ['hostname', 'startsWith', 'example.com', ['no-end-boundary', 'example.com.attacker.test']],
    ['hostname', 'startsWith', 'app.', ['no-end-boundary', 'app.attacker.test']],

    // Suffix checks.
    ['origin', 'endsWith', 'example.com', ['no-dot-boundary', 'https://attackerexample.com']],
    ['origin', 'endsWith', '-example.com', ['no-dot-boundary', 'https://attacker-example.com']],
    [
      'origin',
      'endsWith',
      'example.com:8443',
      ['no-dot-boundary', 'https://attackerexample.com:8443'],
    ],
    ['origin', 'endsWith', ':3000', ['no-dot-boundary', 'https://attacker.test:3000']],
    ['origin', 'endsWith', '.example.com', 'safe'],
    ['origin', 'endsWith', 'https://example.com', 'safe'],
    ['origin', 'endsWith', '//example.com', 'safe'],
    ['origin', 'endsWith', 'example.com/', 'safe'],
    ['hostname', 'endsWith', 'example.com', ['no-dot-boundary', 'attackerexample.com']],
    ['hostname', 'endsWith', '.example.com', 'safe'],
    // A dot-led suffix that is a shared hosting domain: every customer's site passes.
    ['origin', 'endsWith', '.onrender.com', ['shared-hosting', 'https://attacker.onrender.com']],
    ['origin', 'endsWith', '.Vercel.app', ['shared-hosting', 'https://attacker.vercel.app']],
    ['hostname', 'endsWith', '.up.railway.app', ['shared-hosting', 'attacker.up.railway.app']],
    // The project's own name on it, and its subdomains, are the project's.
    ['origin', 'endsWith', '//myapp.onrender.com', 'safe'],
    ['hostname', 'endsWith', '.myapp.netlify.app', 'safe'],
    [
      'origin',
      'endsWith',
      'myapp.netlify.app',
      ['no-dot-boundary', 'https://attackermyapp.netlify.app'],
    ],
  ];

  it.each(cases)('%s.%s(%j)', (subject, method, argument, expected) => {
    const verdict = classifyOriginSubstringCheck(subject, method, argument);
    if (expected === 'safe') {
      expect(verdict).toEqual({ safe: true });
      return;
    }
    if (expected[0] === 'shared-hosting')
      expect(verdict).toEqual({
        safe: false,
        reason: expected[0],
        domain: argument.slice(1).toLowerCase(),
        attackerExample: expected[1],
      });
    else
      expect(verdict).toEqual({ safe: false, reason: expected[0], attackerExample: expected[1] });
  });

  it.each(cases.filter(([, , , expected]) => expected !== 'safe'))(
    '%s.%s(%j): the attacker example really passes',
    (subject, method, argument) => {
      const verdict = classifyOriginSubstringCheck(subject, method, argument);
      if (verdict.safe) throw new Error('expected unsafe');
      expect(passes(method, verdict.attackerExample, argument.toLowerCase())).toBe(true);
      if (subject === 'origin') expect(parseOrigin(verdict.attackerExample)).toBeDefined();
      else expect(verdict.attackerExample).toMatch(/^(?:[a-z0-9_-]+\.)*[a-z0-9_-]+$/);
      expect(verdict.attackerExample).not.toBe(argument);
    },
  );
});

describe('safeReplacementForSubstringCheck', () => {
  it.each([
    ['origin', 'https://example.com', { kind: 'exact', value: 'https://example.com' }],
    [
      'origin',
      'HTTP://App.Example.test:8080',
      { kind: 'exact', value: 'http://app.example.test:8080' },
    ],
    [
      'origin',
      'example.com',
      { kind: 'domain', pattern: '^https?:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com(?::\\d+)?$' },
    ],
    [
      'origin',
      '.example.com',
      { kind: 'domain', pattern: '^https?:\\/\\/(?:[a-z0-9-]+\\.)*example\\.com(?::\\d+)?$' },
    ],
    ['origin', 'https://example', { kind: 'exact', value: 'https://example' }],
    ['hostname', 'example.com', { kind: 'domain', pattern: '^(?:[a-z0-9-]+\\.)*example\\.com$' }],
    ['origin', 'localhost', undefined],
    ['origin', 'exa mple', undefined],
    // A pattern for the subdomains of a shared hosting domain would let every customer through: none.
    ['origin', '.onrender.com', undefined],
    ['origin', 'netlify.app', undefined],
    ['hostname', 'github.io', undefined],
    [
      'hostname',
      'myapp.github.io',
      { kind: 'domain', pattern: '^(?:[a-z0-9-]+\\.)*myapp\\.github\\.io$' },
    ],
  ] as const)('%s %s', (subject, argument, expected) => {
    expect(safeReplacementForSubstringCheck(subject, argument)).toEqual(expected);
  });

  it.each([
    [
      'origin',
      'endsWith',
      'example.com',
      ['https://example.com', 'http://api.example.com', 'https://a.b.example.com:8443'],
    ],
    ['origin', 'includes', 'example.com', ['https://example.com']],
    ['hostname', 'endsWith', 'example.com', ['example.com', 'api.example.com']],
  ] as const)(
    'the %s %s(%s) replacement rejects the attacker and keeps the intended origins',
    (subject, method, argument, intended) => {
      const verdict = classifyOriginSubstringCheck(subject, method, argument);
      const replacement = safeReplacementForSubstringCheck(subject, argument);
      expect(verdict.safe).toBe(false);
      expect(replacement?.kind).toBe('domain');
      const pattern = new RegExp(replacement?.kind === 'domain' ? replacement.pattern : '$^');
      if (!verdict.safe) expect(pattern.test(verdict.attackerExample)).toBe(false);
      for (const origin of intended) expect(pattern.test(origin)).toBe(true);
    },
  );
});
