/**
 * The per-rule checks, table-driven through one helper each: policy in, findings (message, place,
 * fix intent, suggestion intents) out. Handles are strings, so what is asserted is where a finding
 * points, not how an adapter renders it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, RuleName } from '../../src/index.js';
import {
  PLACEHOLDER_ORIGIN,
  checkAllowOriginValues,
  checkHeaderValues,
  checkIneffectiveWildcard,
  checkNullOrigin,
  checkPermissiveOrigin,
  checkReflectedOriginWithCredentials,
  checkWildcardOriginWithCredentials,
  messagesFor,
} from '../../src/index.js';
import type { TestPolicy } from './policy-builder.js';
import { headers, known, list, middleware, origin } from './policy-builder.js';

/** Every finding the cases produce, to check its data against its message template at the end. */
const produced: { rule: RuleName; finding: Finding<string> }[] = [];
let currentRule: RuleName = 'no-wildcard-origin-with-credentials';

/** What a reader checks in a finding: id, place, fix and suggestions in short form. */
function summary(findings: Finding<string>[]) {
  produced.push(...findings.map((finding) => ({ rule: currentRule, finding })));
  return findings.map((finding) => ({
    messageId: finding.messageId,
    at: finding.at,
    ...(finding.fix ? { fix: finding.fix } : {}),
    ...(finding.suggestions?.length
      ? { suggestions: finding.suggestions.map((s) => ({ messageId: s.messageId, fix: s.fix })) }
      : {}),
  }));
}

const withCredentials = { credentials: known<boolean | string>(true, 'credentials-prop') };
const placeholderList = [{ kind: 'exact', value: PLACEHOLDER_ORIGIN }] as const;

type TestOrigin = TestPolicy['origin'];
type AllowList = Extract<TestOrigin, { kind: 'allow-list' }>;
type TestEntry = AllowList['entries'][number];
const allowList = (...entries: TestEntry[]): AllowList => ({
  kind: 'allow-list',
  entries,
  complete: true,
  at: 'o',
});
const exact = (at: string): TestEntry => ({ kind: 'exact', value: 'https://b.example.com', at });
const pattern = (at: string): TestEntry => ({
  kind: 'pattern',
  source: '^https:\\/\\/[a-z]+\\.example\\.com$',
  flags: '',
  at,
});
/** `/^https?:/`, as the plugin's regex reader marks it: every origin of these schemes passes. */
const everyOrigin = (
  at: string,
  schemes: readonly ('http' | 'https')[] = ['https', 'http'],
): TestEntry => ({
  kind: 'pattern',
  source: '^https?:',
  flags: '',
  at,
  matchesEveryOriginOf: schemes,
});

describe('checkWildcardOriginWithCredentials', () => {
  beforeAll(() => {
    currentRule = 'no-wildcard-origin-with-credentials';
  });
  const cases: [string, TestPolicy, ReturnType<typeof summary>][] = [
    ['default origin, no credentials', middleware(), []],
    [
      'explicit * with credentials: false',
      middleware({
        ...origin({ kind: 'wildcard', implicit: false, at: 'origin-prop' }),
        credentials: known<boolean | string>(false, 'c'),
      }),
      [],
    ],
    [
      'credentials given as the string "true" to middleware (not sent)',
      middleware({ credentials: known<boolean | string>('true', 'c') }),
      [],
    ],
    ['unknown credentials', middleware({ credentials: { kind: 'unknown', at: 'c' } }), []],
    [
      'implicit default origin points at credentials',
      middleware(withCredentials),
      [
        {
          messageId: 'wildcardWithCredentials',
          at: 'credentials-prop',
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              fix: { kind: 'set-origins', at: 'call', entries: placeholderList },
            },
          ],
        },
      ],
    ],
    [
      'explicit origin * points at the origin',
      middleware({
        ...withCredentials,
        ...origin({ kind: 'wildcard', implicit: false, at: 'origin-prop' }),
      }),
      [
        {
          messageId: 'wildcardWithCredentials',
          at: 'origin-prop',
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              fix: { kind: 'set-origins', at: 'origin-prop', entries: placeholderList },
            },
          ],
        },
      ],
    ],
    [
      'hand-set headers: replaces the value with one origin',
      headers({
        ...origin({ kind: 'wildcard', implicit: false, at: 'acao' }),
        credentials: known<boolean | string>('true', 'acac'),
      }),
      [
        {
          messageId: 'wildcardWithCredentials',
          at: 'acao',
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              fix: { kind: 'replace-value', at: 'acao', value: PLACEHOLDER_ORIGIN },
            },
          ],
        },
      ],
    ],
    [
      'hand-set ACAC "True" is not credentials',
      headers({
        ...origin({ kind: 'wildcard', implicit: false, at: 'acao' }),
        credentials: known<boolean | string>('True', 'acac'),
      }),
      [],
    ],
  ];
  it.each(cases)('%s', (_name, policy, expected) => {
    expect(summary(checkWildcardOriginWithCredentials(policy))).toEqual(expected);
  });

  it('says when the wildcard is a library default', () => {
    const [finding] = checkWildcardOriginWithCredentials(middleware(withCredentials));
    expect(finding?.data.defaultOrigin).toBe(' (the default origin of `cors()`)');
  });
});

describe('checkReflectedOriginWithCredentials', () => {
  beforeAll(() => {
    currentRule = 'no-reflected-origin-with-credentials';
  });
  const cases: [string, TestPolicy, string[]][] = [
    [
      'origin: true with credentials',
      middleware({
        ...withCredentials,
        ...origin({ kind: 'reflect-any', via: 'option-true', at: 'o' }),
      }),
      ['reflectedWithCredentials@o'],
    ],
    [
      'approving function with credentials',
      middleware({
        ...withCredentials,
        ...origin({ kind: 'reflect-any', via: 'function', at: 'o' }),
      }),
      ['reflectedWithCredentials@o'],
    ],
    [
      'reflection without credentials',
      middleware(origin({ kind: 'reflect-any', via: 'option-true', at: 'o' })),
      [],
    ],
    [
      'checked origin with credentials',
      middleware({ ...withCredentials, ...origin({ kind: 'checked', at: 'o' }) }),
      [],
    ],
    [
      'allow-list with credentials',
      middleware({
        ...withCredentials,
        ...origin({ kind: 'allow-list', entries: [], complete: true, at: 'o' }),
      }),
      [],
    ],
    [
      'request header copied by hand',
      headers({
        ...origin({ kind: 'reflect-any', via: 'request-header', at: 'acao' }),
        credentials: known<boolean | string>('true', 'acac'),
      }),
      ['reflectedWithCredentials@acao'],
    ],
    [
      'query value copied by hand',
      headers({
        ...origin({ kind: 'reflect-any', via: 'request-data', source: 'req.query', at: 'acao' }),
        credentials: known<boolean | string>('true', 'acac'),
      }),
      ['reflectedWithCredentials@acao'],
    ],
    [
      'allow-list with a pattern every origin passes',
      middleware({ ...withCredentials, ...origin(allowList(everyOrigin('any'), exact('b'))) }),
      ['reflectedWithCredentials@any'],
    ],
    [
      'allow-list whose patterns each name a host',
      middleware({ ...withCredentials, ...origin(allowList(pattern('p'), exact('b'))) }),
      [],
    ],
  ];
  it.each(cases)('%s', (_name, policy, expected) => {
    expect(
      summary(checkReflectedOriginWithCredentials(policy)) &&
        checkReflectedOriginWithCredentials(policy).map((f) => `${f.messageId}@${f.at}`),
    ).toEqual(expected);
  });

  it('offers an allow-list for middleware and one fixed origin for headers', () => {
    const [forMiddleware] = checkReflectedOriginWithCredentials(
      middleware({
        ...withCredentials,
        ...origin({ kind: 'reflect-any', via: 'option-true', at: 'o' }),
      }),
    );
    expect(forMiddleware?.suggestions?.map((s) => s.fix.kind)).toEqual(['set-origins']);
    const [forHeaders] = checkReflectedOriginWithCredentials(
      headers({
        ...origin({ kind: 'reflect-any', via: 'request-header', at: 'acao' }),
        credentials: known<boolean | string>('true', 'acac'),
      }),
    );
    expect(forHeaders?.suggestions?.map((s) => s.fix.kind)).toEqual(['replace-value']);
    expect(forHeaders?.data.how).toMatch(/copied from the request's Origin header/);
    const [fromQuery] = checkReflectedOriginWithCredentials(
      headers({
        ...origin({ kind: 'reflect-any', via: 'request-data', source: 'req.query', at: 'acao' }),
        credentials: known<boolean | string>('true', 'acac'),
      }),
    );
    expect(fromQuery?.data.how).toBe(
      'Access-Control-Allow-Origin is taken from req.query, which the requesting page chooses',
    );
  });

  it('replaces a pattern every origin passes: the whole setting when it is all of it, else that entry', () => {
    const suggestionsFor = (setting: TestOrigin) =>
      checkReflectedOriginWithCredentials(middleware({ ...withCredentials, ...origin(setting) }))[0]
        ?.suggestions;
    expect(suggestionsFor(allowList(everyOrigin('any')))?.map((s) => s.fix)).toEqual([
      { kind: 'set-origins', at: 'o', entries: placeholderList },
    ]);
    expect(suggestionsFor(allowList(everyOrigin('any'), exact('b')))?.[0]?.fix).toEqual({
      kind: 'replace-entry',
      at: 'any',
      entries: placeholderList,
    });
    // A list with entries we could not read keeps them: only the pattern is replaced.
    expect(suggestionsFor({ ...allowList(everyOrigin('any')), complete: false })?.[0]?.fix).toEqual(
      { kind: 'replace-entry', at: 'any', entries: placeholderList },
    );
    // Two such patterns: replacing one leaves the other, so no list is offered.
    expect(suggestionsFor(allowList(everyOrigin('one'), everyOrigin('two')))).toEqual([]);
  });

  it('says which origins the pattern lets through', () => {
    const how = (schemes: readonly ('http' | 'https')[]) =>
      checkReflectedOriginWithCredentials(
        middleware({ ...withCredentials, ...origin(allowList(everyOrigin('any', schemes))) }),
      )[0]?.data.how;
    expect(how(['https', 'http'])).toBe('`/^https?:/` matches every origin');
    expect(how(['https'])).toBe('`/^https?:/` matches every https origin');
  });
});

describe('checkNullOrigin', () => {
  beforeAll(() => {
    currentRule = 'no-null-origin';
  });
  const cases: [string, TestPolicy, ReturnType<typeof summary>][] = [
    [
      'fixed null',
      middleware(origin({ kind: 'fixed', value: 'null', at: 'o' })),
      [
        {
          messageId: 'nullOrigin',
          at: 'o',
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              fix: { kind: 'set-origins', at: 'o', entries: placeholderList },
            },
          ],
        },
      ],
    ],
    [
      'null in a list',
      middleware(
        origin({
          kind: 'allow-list',
          entries: [
            { kind: 'exact', value: 'https://a.com', at: 'e0' },
            { kind: 'exact', value: 'null', at: 'e1' },
          ],
          complete: true,
          at: 'o',
        }),
      ),
      [
        {
          messageId: 'nullOrigin',
          at: 'e1',
          suggestions: [{ messageId: 'removeNullEntry', fix: { kind: 'remove', at: 'e1' } }],
        },
      ],
    ],
    [
      'hand-set null',
      headers(origin({ kind: 'fixed', value: 'null', at: 'acao' })),
      [
        {
          messageId: 'nullOrigin',
          at: 'acao',
          suggestions: [
            {
              messageId: 'useExplicitOrigin',
              fix: { kind: 'replace-value', at: 'acao', value: PLACEHOLDER_ORIGIN },
            },
          ],
        },
      ],
    ],
    [
      'the word null inside an origin',
      middleware(origin({ kind: 'fixed', value: 'https://null.example', at: 'o' })),
      [],
    ],
    ['wildcard', middleware(), []],
  ];
  it.each(cases)('%s', (_name, policy, expected) => {
    expect(summary(checkNullOrigin(policy))).toEqual(expected);
  });
});

describe('checkAllowOriginValues', () => {
  beforeAll(() => {
    currentRule = 'valid-allow-origin';
  });
  const fixed = (value: string, source: 'm' | 'h' = 'm') =>
    (source === 'm' ? middleware : headers)(origin({ kind: 'fixed', value, at: 'o' }));
  const entry = (value: string) =>
    middleware(
      origin({
        kind: 'allow-list',
        entries: [{ kind: 'exact', value, at: 'e' }],
        complete: true,
        at: 'o',
      }),
    );
  const cases: [string, TestPolicy, ReturnType<typeof summary>][] = [
    ['valid origin', fixed('https://app.example.com'), []],
    ['* and null belong to other rules', fixed('*'), []],
    [
      'a list a single-origin library sends as it is',
      middleware({
        source: { kind: 'middleware', library: '@koa/cors', singleOrigin: true },
        origin: { kind: 'fixed', value: 'https://a.com, https://b.com', at: 'o', lines: 2 },
      }),
      [{ messageId: 'listNotSupported', at: 'o' }],
    ],
    [
      'a one-entry list is one value',
      middleware({ origin: { kind: 'fixed', value: 'https://a.com', at: 'o', lines: 1 } }),
      [],
    ],
    [
      "'*' as a list entry allows nothing: removing it keeps behaviour",
      entry('*'),
      [
        {
          messageId: 'wildcardEntry',
          at: 'e',
          suggestions: [{ messageId: 'removeWildcardEntry', fix: { kind: 'remove', at: 'e' } }],
        },
      ],
    ],
    [
      'trailing slash is fixed',
      fixed('https://a.com/'),
      [
        {
          messageId: 'trailingSlash',
          at: 'o',
          fix: { kind: 'replace-value', at: 'o', value: 'https://a.com' },
        },
      ],
    ],
    [
      'path is fixed',
      entry('https://a.com/app'),
      [
        {
          messageId: 'path',
          at: 'e',
          fix: { kind: 'replace-value', at: 'e', value: 'https://a.com' },
        },
      ],
    ],
    [
      'uppercase with slash: one report, fully normalised',
      fixed('HTTPS://A.com/'),
      [
        {
          messageId: 'trailingSlash',
          at: 'o',
          fix: { kind: 'replace-value', at: 'o', value: 'https://a.com' },
        },
      ],
    ],
    [
      'default port',
      fixed('https://a.com:443'),
      [
        {
          messageId: 'defaultPort',
          at: 'o',
          fix: { kind: 'replace-value', at: 'o', value: 'https://a.com' },
        },
      ],
    ],
    [
      'no scheme: both schemes suggested, https first',
      fixed('a.com'),
      [
        {
          messageId: 'noScheme',
          at: 'o',
          suggestions: [
            {
              messageId: 'useOrigin',
              fix: { kind: 'replace-value', at: 'o', value: 'https://a.com' },
            },
            {
              messageId: 'useOrigin',
              fix: { kind: 'replace-value', at: 'o', value: 'http://a.com' },
            },
          ],
        },
      ],
    ],
    [
      'no scheme on a development host: http first',
      fixed('localhost:3000'),
      [
        {
          messageId: 'noScheme',
          at: 'o',
          suggestions: [
            {
              messageId: 'useOrigin',
              fix: { kind: 'replace-value', at: 'o', value: 'http://localhost:3000' },
            },
            {
              messageId: 'useOrigin',
              fix: { kind: 'replace-value', at: 'o', value: 'https://localhost:3000' },
            },
          ],
        },
      ],
    ],
    [
      'several origins in a middleware option: suggest a list',
      fixed('https://a.com, https://b.com'),
      [
        {
          messageId: 'multiple',
          at: 'o',
          suggestions: [
            {
              messageId: 'useOriginList',
              fix: {
                kind: 'set-origins',
                at: 'o',
                entries: [
                  { kind: 'exact', value: 'https://a.com' },
                  { kind: 'exact', value: 'https://b.com' },
                ],
              },
            },
          ],
        },
      ],
    ],
    [
      'several origins in a raw header: no list to offer',
      fixed('https://a.com https://b.com', 'h'),
      [{ messageId: 'multiple', at: 'o' }],
    ],
    [
      'wildcard subdomain in a list entry: suggest a pattern',
      entry('https://*.example.com'),
      [
        {
          messageId: 'wildcardSubdomain',
          at: 'e',
          suggestions: [
            {
              messageId: 'usePattern',
              fix: {
                kind: 'replace-entry',
                at: 'e',
                entries: [
                  {
                    kind: 'pattern',
                    source: '^https:\\/\\/(?:[a-z0-9-]+\\.)+example\\.com$',
                    flags: '',
                  },
                ],
              },
            },
          ],
        },
      ],
    ],
  ];
  it.each(cases)('%s', (_name, policy, expected) => {
    expect(summary(checkAllowOriginValues(policy))).toEqual(expected);
  });

  it('suggests a subdomain pattern that accepts subdomains and rejects look-alikes', () => {
    const [finding] = checkAllowOriginValues(entry('https://*.example.com'));
    const fix = finding?.suggestions?.[0]?.fix;
    expect(fix?.kind).toBe('replace-entry');
    const pattern = fix?.kind === 'replace-entry' ? fix.entries[0] : undefined;
    const regex = pattern?.kind === 'pattern' ? new RegExp(pattern.source, pattern.flags) : /$^/;
    expect(['https://app.example.com', 'https://a.b.example.com'].every((o) => regex.test(o))).toBe(
      true,
    );
    expect(
      [
        'https://example.com.attacker.test',
        'https://attackerexample.com',
        'http://app.example.com',
      ].some((o) => regex.test(o)),
    ).toBe(false);
  });
});

describe('checkHeaderValues', () => {
  beforeAll(() => {
    currentRule = 'valid-header-values';
  });
  const cases: [string, TestPolicy, ReturnType<typeof summary>][] = [
    [
      'well-formed values',
      headers({
        credentials: known<boolean | string>('true', 'c'),
        allowMethods: list('m', ['GET, PUT', 'p']),
        maxAge: known<number | string>(600, 'a'),
      }),
      [],
    ],
    [
      'credentials True: suggestion, not fix',
      headers({ credentials: known<boolean | string>('True', 'c') }),
      [
        {
          messageId: 'credentialsNotTrue',
          at: 'c',
          suggestions: [
            { messageId: 'useTrue', fix: { kind: 'replace-value', at: 'c', value: 'true' } },
          ],
        },
      ],
    ],
    [
      'credentials 1: no certain fix',
      headers({ credentials: known<boolean | string>('1', 'c') }),
      [{ messageId: 'credentialsNotTrue', at: 'c' }],
    ],
    [
      'middleware credentials string',
      middleware({ credentials: known<boolean | string>('true', 'c') }),
      [
        {
          messageId: 'credentialsNotBoolean',
          at: 'c',
          suggestions: [
            { messageId: 'useTrue', fix: { kind: 'replace-value', at: 'c', value: true } },
          ],
        },
      ],
    ],
    [
      'space-separated methods are fixed',
      middleware({ allowMethods: list('m', ['GET PUT', 'p']) }),
      [
        {
          messageId: 'methodsSeparator',
          at: 'p',
          fix: { kind: 'replace-value', at: 'p', value: 'GET, PUT' },
        },
      ],
    ],
    [
      'separator and case fixed together',
      middleware({ allowMethods: list('m', ['get put', 'p']) }),
      [
        {
          messageId: 'methodsSeparator',
          at: 'p',
          fix: { kind: 'replace-value', at: 'p', value: 'GET, PUT' },
        },
      ],
    ],
    [
      'lowercase method in an array element',
      middleware({ allowMethods: list('m', ['GET', 'p0'], ['patch', 'p1']) }),
      [
        {
          messageId: 'lowercaseMethod',
          at: 'p1',
          fix: { kind: 'replace-value', at: 'p1', value: 'PATCH' },
        },
      ],
    ],
    [
      'header list with spaces',
      headers({ allowHeaders: list('h', ['Content-Type Authorization', 'p']) }),
      [
        {
          messageId: 'headersSeparator',
          at: 'p',
          fix: { kind: 'replace-value', at: 'p', value: 'Content-Type, Authorization' },
        },
      ],
    ],
    [
      'expose list with spaces',
      headers({ exposeHeaders: list('x', ['ETag Link', 'p']) }),
      [
        {
          messageId: 'exposeSeparator',
          at: 'p',
          fix: { kind: 'replace-value', at: 'p', value: 'ETag, Link' },
        },
      ],
    ],
    [
      'max-age in minutes',
      headers({ maxAge: known<number | string>('10m', 'a') }),
      [
        {
          messageId: 'maxAgeNotInteger',
          at: 'a',
          fix: { kind: 'replace-value', at: 'a', value: '600' },
        },
      ],
    ],
    [
      'negative max-age',
      middleware({ maxAge: known<number | string>(-1, 'a') }),
      [{ messageId: 'maxAgeNegative', at: 'a' }],
    ],
    [
      'max-age above the Chromium cap',
      middleware({ maxAge: known<number | string>(86400, 'a') }),
      [
        {
          messageId: 'maxAgeCapped',
          at: 'a',
          suggestions: [
            { messageId: 'useMaxAge', fix: { kind: 'replace-value', at: 'a', value: 7200 } },
          ],
        },
      ],
    ],
  ];
  it.each(cases)('%s', (_name, policy, expected) => {
    expect(summary(checkHeaderValues(policy, { maxAgeAboveCap: true }))).toEqual(expected);
  });

  it('leaves a max-age above the cap alone by default: it works, the browser caches for less', () => {
    expect(checkHeaderValues(middleware({ maxAge: known<number | string>(86400, 'a') }))).toEqual(
      [],
    );
  });

  it("takes Access-Control-Allow-Credentials 'false' as meant, not as a broken 'true'", () => {
    expect(
      checkHeaderValues(headers({ credentials: known<boolean | string>('false', 'c') })),
    ).toEqual([]);
    expect(
      checkHeaderValues(headers({ credentials: known<boolean | string>('False', 'c') })),
    ).toEqual([]);
  });

  it('names an uppercase method in the lowercase message', () => {
    const [finding] = checkHeaderValues(middleware({ allowMethods: list('m', ['patch', 'p']) }));
    expect(finding?.data).toEqual({ method: 'patch', upper: 'PATCH' });
  });
});

describe('checkIneffectiveWildcard', () => {
  beforeAll(() => {
    currentRule = 'no-ineffective-wildcard';
  });
  const run = (policy: TestPolicy, usesAuthorization = false) =>
    summary(checkIneffectiveWildcard(policy, { usesAuthorization }));
  const cases: [string, TestPolicy, boolean, ReturnType<typeof summary>][] = [
    [
      'wildcards without credentials',
      middleware({ allowMethods: list('m', ['*', 'p']), allowHeaders: list('h', ['*', 'q']) }),
      false,
      [],
    ],
    [
      'methods * with credentials',
      middleware({ ...withCredentials, allowMethods: list('m', ['*', 'p']) }),
      false,
      [
        {
          messageId: 'wildcardMethodsWithCredentials',
          at: 'p',
          suggestions: [
            {
              messageId: 'listMethods',
              fix: { kind: 'replace-value', at: 'p', value: 'GET, HEAD, PUT, PATCH, POST, DELETE' },
            },
          ],
        },
      ],
    ],
    [
      'middleware headers * with credentials: remove to reflect',
      middleware({ ...withCredentials, allowHeaders: list('h', ['*', 'p']) }),
      false,
      [
        {
          messageId: 'wildcardHeadersWithCredentials',
          at: 'p',
          suggestions: [{ messageId: 'reflectHeaders', fix: { kind: 'remove', at: 'h' } }],
        },
      ],
    ],
    [
      'hand-set headers * with credentials: list them',
      headers({
        credentials: known<boolean | string>('true', 'c'),
        allowHeaders: list('h', ['*', 'p']),
      }),
      false,
      [
        {
          messageId: 'wildcardHeadersWithCredentials',
          at: 'p',
          suggestions: [
            {
              messageId: 'listHeaders',
              fix: { kind: 'replace-value', at: 'p', value: 'Content-Type, Authorization' },
            },
          ],
        },
      ],
    ],
    [
      'expose * with credentials',
      middleware({ ...withCredentials, exposeHeaders: list('x', ['*', 'p']) }),
      false,
      [{ messageId: 'wildcardExposeWithCredentials', at: 'p' }],
    ],
    [
      'headers * and the file uses Authorization',
      middleware({ allowHeaders: list('h', ['*', 'p']) }),
      true,
      [
        {
          messageId: 'authorizationNotCovered',
          at: 'p',
          suggestions: [
            {
              messageId: 'addAuthorization',
              fix: { kind: 'add-list-item', at: 'p', item: 'Authorization' },
            },
          ],
        },
      ],
    ],
    [
      'headers * with Authorization listed',
      middleware({ allowHeaders: list('h', ['*, Authorization', 'p']) }),
      true,
      [],
    ],
    [
      'headers * and no Authorization use',
      middleware({ allowHeaders: list('h', ['*', 'p']) }),
      false,
      [],
    ],
  ];
  it.each(cases)('%s', (_name, policy, usesAuthorization, expected) => {
    expect(run(policy, usesAuthorization)).toEqual(expected);
  });
});

describe('checkPermissiveOrigin', () => {
  beforeAll(() => {
    currentRule = 'no-permissive-origin';
  });
  const cases: [string, TestPolicy, string[]][] = [
    ['cors() default', middleware(), ['permissiveOrigin@call']],
    [
      'explicit *',
      middleware(origin({ kind: 'wildcard', implicit: false, at: 'o' })),
      ['permissiveOrigin@o'],
    ],
    [
      'origin: true',
      middleware(origin({ kind: 'reflect-any', via: 'option-true', at: 'o' })),
      ['permissiveOrigin@o'],
    ],
    [
      'hand-set reflection',
      headers(origin({ kind: 'reflect-any', via: 'request-header', at: 'acao' })),
      ['permissiveOrigin@acao'],
    ],
    [
      'origin taken from the query',
      headers(
        origin({ kind: 'reflect-any', via: 'request-data', source: 'req.query', at: 'acao' }),
      ),
      ['permissiveOrigin@acao'],
    ],
    ['with credentials the credential rules report instead', middleware(withCredentials), []],
    [
      'allow-list',
      middleware(origin({ kind: 'allow-list', entries: [], complete: true, at: 'o' })),
      [],
    ],
    [
      'allow-list with a pattern every origin passes',
      middleware(origin(allowList(exact('b'), everyOrigin('any')))),
      ['permissiveOrigin@any'],
    ],
    [
      'the same with credentials: the credential rules report it',
      middleware({ ...withCredentials, ...origin(allowList(everyOrigin('any'))) }),
      [],
    ],
    ['unknown', middleware(origin({ kind: 'unknown', at: 'o' })), []],
  ];
  it.each(cases)('%s', (_name, policy, expected) => {
    expect(
      summary(checkPermissiveOrigin(policy)) &&
        checkPermissiveOrigin(policy).map((f) => `${f.messageId}@${f.at}`),
    ).toEqual(expected);
  });

  it('names the call the user wrote, with its module when the name does not say it', () => {
    const how = (appliedAs?: { call: string; from?: string }) =>
      checkPermissiveOrigin(
        middleware({
          source: {
            kind: 'middleware',
            library: '@fastify/cors',
            ...(appliedAs ? { appliedAs } : {}),
          },
        }),
      )[0]?.data.how;
    expect(how({ call: 'fastify.register(cors, …)' })).toBe(
      "`fastify.register(cors, …)` without an `origin` option (its default is '*')",
    );
    expect(how({ call: 'cors()', from: 'hono/cors' })).toBe(
      "`cors()` from hono/cors without an `origin` option (its default is '*')",
    );
    // An extractor that does not say: the library's name.
    expect(how()).toBe("`@fastify/cors()` without an `origin` option (its default is '*')");
  });
});

describe('message catalog', () => {
  const placeholders = (text: string) =>
    [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]);

  it('receives every placeholder its template uses, from every finding and suggestion above', () => {
    expect(produced.length).toBeGreaterThan(30);
    const missing: string[] = [];
    for (const { rule, finding } of produced) {
      const templates = messagesFor(rule) as Record<string, string>;
      const check = (messageId: string, data: Readonly<Record<string, string>> | undefined) => {
        const template = templates[messageId];
        if (template === undefined) missing.push(`${rule}: no message ${messageId}`);
        for (const name of placeholders(template ?? ''))
          if (data?.[name!] === undefined) missing.push(`${rule}/${messageId}: {{${name}}}`);
      };
      check(finding.messageId, finding.data);
      for (const suggestion of finding.suggestions ?? [])
        check(suggestion.messageId, suggestion.data);
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
