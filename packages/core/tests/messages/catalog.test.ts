import { describe, expect, it } from 'vitest';
import type { BrowserEffect, MessageSpec } from '../../src/index.js';
import {
  browserEffect,
  consoleReason,
  FIRST_SENTENCE_MAX,
  firstSentence,
  isSecurityFinding,
  messagesFor,
  ruleMessages,
  securityAttack,
} from '../../src/index.js';

const entries = Object.entries(ruleMessages).flatMap(([rule, specs]) =>
  Object.entries(specs).map(([id, spec]) => ({
    rule,
    id,
    text: spec.text,
    effect: 'effect' in spec ? (spec.effect as BrowserEffect) : undefined,
  })),
);

/**
 * The longest value each placeholder realistically takes, so a first sentence that fits here fits in
 * use. Values bounded by the standard or by the code are at their longest (a 40-character origin, a
 * 30-character header name); code and prose the user wrote (`how`, `check`, `earlier`, …) have no
 * bound, so they get long values and have to stay out of the first sentence.
 */
const LONGEST: Record<string, string> = {
  value: 'https://dashboard.staging.example.co.uk', // 40: an origin, a header value
  fixed: 'https://dashboard.staging.example.co.uk',
  defaultOrigin: ' (the default origin of `fastify.register(cors, …)`)',
  origin: "'https://dashboard.staging.example.co.uk', …", // suggestion titles name the first app origin
  list: "['https://app.example.com', 'https://admin.example.com']",
  header: 'X-Request-Correlation-Identity', // 30
  name: 'X-Request-Correlation-Identity',
  token: 'X-Request Correlation',
  method: 'PROPPATCH',
  upper: 'PROPPATCH',
  methods: 'GET, HEAD, PUT, PATCH, POST, DELETE, OPTIONS',
  allowed: 'GET, HEAD, PUT, PATCH, POST, DELETE, OPTIONS',
  path: '/api/v1/organisations/:orgId/members/:id',
  server: 'packages/api/src/server.ts:148', // the server rule a contract finding names: file:line, root-relative
  app: 'services/api/src/server.ts:148', // where the app behind nginx sets CORS: file:line, root-relative
  where: 'packages/runtime/src/next/api-handler/index.ts:97', // the other file that sets a route's CORS headers, root-relative
  route: 'apps/nextjs-app-router/src/app/api/makeswift/[...makeswift]/route.ts:59', // a route module that exports a handler, root-relative
  hook: 'preValidation',
  major: '5',
  line: '1024',
  library: '@fastify/cors',
  domain: 'azurestaticapps.net',
  browser: "Chromium's",
  cap: '7200',
  body: 'URLSearchParams',
  member: 'arrayBuffer',
  sees: 'a promise rejected with a SyntaxError (the body is empty)',
  sent: 'multipart/form-data with the boundary that separates the parts',
  why: ' as written: its value is over 128 bytes or holds a character such as a quote, a bracket or `@`',
  example: 'https://dashboard.staging.example.co.uk.attacker.example',
  pattern: '/^https:\\/\\/(dashboard|admin|api)\\.staging\\.example\\.co\\.uk(:\\d+)?$/',
  check: "new URL(origin).hostname.endsWith('dashboard.staging.example.co.uk')",
  entry: 'https://*example.com', // a wildcard entry: the code's own wildcard prefix, then example.com
  earlier: 'fastify.register(fastifyCors, …)', // the earlier write's call, not its arguments
  how: 'Taking Access-Control-Allow-Origin from the `origin` query parameter, which the requesting page chooses,',
  setting: 'CORS_ALLOWED_ORIGIN_REGEXES', // the longest django-cors-headers setting name
  alias: 'CORS_ORIGIN_REGEX_WHITELIST',
  // A django-cors-headers version the lint assumes: as a user may write it in settings.
  version: '3.4.10',
  renamedIn: '3.5.0',
  missing: 'content-type, authorization, x-csrftoken', // every header a replaced CORS_ALLOW_HEADERS can drop
  defaults:
    'accept, accept-encoding, authorization, content-type, dnt, origin, user-agent, x-csrftoken, x-requested-with',
  middleware: 'WhiteNoiseMiddleware',
  regex: '^(?:api|v1|v2|internal)/(?:[a-z0-9_-]+/)*[a-z0-9_-]*$',
  because:
    'it listens on 127.0.0.1 and runs the programs its requests name (`child_process.spawn`)',
  // nginx
  headers:
    'Access-Control-Allow-Origin, Access-Control-Allow-Credentials, Access-Control-Allow-Methods',
  place: 'A nested location',
  count: '12',
  location: 'location ~* ^/api/v1/(users|teams)/',
  more: ' and 12 more',
  codes: '500 502 503 504',
  status: '403 or 405', // the statuses a refused preflight may get (nginx limit_except)
  uri: '/errors/50x.html',
  target: 'location = /errors/50x.html',
  pass: 'proxy_pass',
  hide: 'proxy_hide_header',
};

function filled(text: string): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = LONGEST[name];
    if (value === undefined) throw new Error(`no realistic value for {{${name}}}`);
    return value;
  });
}

describe('first sentences', () => {
  it('ends a sentence at ". " or the end, never inside code or a console quote, never at ":"', () => {
    expect(firstSentence('One: still one. Two.')).toBe('One: still one.');
    expect(firstSentence('Use `a. b` here. Then.')).toBe('Use `a. b` here.');
    expect(firstSentence('It throws "TypeError: x. y" (see). Next.')).toBe(
      'It throws "TypeError: x. y" (see).',
    );
    expect(firstSentence('No end')).toBe('No end');
    expect(firstSentence('Ends here.')).toBe('Ends here.');
    expect(firstSentence('Version 1.2 is out. Next.')).toBe('Version 1.2 is out.');
  });

  // The Problems panel and a CI log show about this much: it has to say what breaks.
  it(`keeps every catalog message's first sentence within ${FIRST_SENTENCE_MAX} characters, placeholders filled`, () => {
    const tooLong = entries
      .map(({ rule, id, text }) => ({ at: `${rule}/${id}`, sentence: firstSentence(filled(text)) }))
      .filter(({ sentence }) => sentence.length > FIRST_SENTENCE_MAX)
      .map(({ at, sentence }) => `${at} (${sentence.length}): ${sentence}`);
    expect(tooLong).toEqual([]);
  });

  it('keeps the console quotes after the first sentence', () => {
    for (const { rule, id, text } of entries.filter((entry) => entry.text.includes('Chrome'))) {
      expect(firstSentence(text), `${rule}/${id}`).not.toMatch(/Chrome|Firefox/);
    }
  });
});

describe('rule message catalog', () => {
  it('gives every message that quotes a console line the failure it quotes', () => {
    for (const { rule, id, text, effect } of entries.filter((entry) =>
      entry.text.includes('Chrome: "'),
    )) {
      expect(effect?.kind, `${rule}/${id}`).toMatch(/^(blocked|warning)$/);
      const failure =
        effect?.kind === 'blocked' || effect?.kind === 'warning' ? effect.failure : undefined;
      // The quoted Chrome text is that failure's reason, whatever the values.
      const reason = consoleReason(failure!, {
        value: '{{value}}',
        method: '{{method}}',
        header: '{{header}}',
      }).chrome;
      const skeleton = (s: string) =>
        s.replace(/\{\{\s*\w+\s*\}\}|'[^']*'|\S*\{\{\w+\}\}\S*/g, '…').slice(0, 40);
      expect(skeleton(text.split('Chrome: "')[1] ?? ''), `${rule}/${id}`).toBe(skeleton(reason));
    }
  });

  it('marks the silent effects that have no console message', () => {
    for (const { rule, id, effect } of entries.filter((entry) =>
      entry.text.includes('(no console message)'),
    )) {
      expect(effect?.kind, `${rule}/${id}`).toMatch(
        /^(hidden-headers|preflight-not-cached|preflight-cached-briefly)$/,
      );
    }
  });

  it('gives security findings and suggestion titles no browser effect', () => {
    expect(
      browserEffect('no-reflected-origin-with-credentials', 'reflectedWithCredentials'),
    ).toBeUndefined();
    expect(browserEffect('no-null-origin', 'nullOrigin')).toBeUndefined();
    expect(browserEffect('no-unsafe-origin-check', 'unescapedDot')).toBeUndefined();
    expect(
      browserEffect('no-wildcard-origin-with-credentials', 'useExplicitOrigin'),
    ).toBeUndefined();
  });

  it('predicts the blocking failures and the Authorization warning', () => {
    expect(browserEffect('no-wildcard-origin-with-credentials', 'wildcardWithCredentials')).toEqual(
      { kind: 'blocked', failure: 'wildcard-origin-with-credentials' },
    );
    expect(browserEffect('valid-allow-origin', 'trailingSlash')).toEqual({
      kind: 'blocked',
      failure: 'allow-origin-mismatch',
    });
    // Checked in Chromium 156: a DevTools deprecation issue, no console line.
    expect(browserEffect('no-ineffective-wildcard', 'authorizationNotCovered')).toEqual({
      kind: 'warning',
      failure: 'authorization-not-covered-by-wildcard',
      chromiumIssue: 'DeprecationIssue AuthorizationCoveredByWildcard',
    });
    expect(browserEffect('valid-header-values', 'maxAgeNotInteger')).toEqual({
      kind: 'preflight-cached-briefly',
    });
    expect(browserEffect('valid-header-values', 'maxAgeNegative')).toEqual({
      kind: 'preflight-not-cached',
    });
    expect(browserEffect('no-such-rule', 'x')).toBeUndefined();
  });

  it('predicts what the client rules leave the page (checked in Chromium by the oracle)', () => {
    expect(browserEffect('no-opaque-response-read', 'opaqueResponseRead')).toEqual({
      kind: 'opaque-read',
    });
    expect(browserEffect('no-invalid-no-cors-request', 'unsupportedMethod')).toEqual({
      kind: 'throws',
    });
    expect(browserEffect('no-invalid-no-cors-request', 'droppedHeader')).toEqual({
      kind: 'header-dropped',
    });
    expect(browserEffect('no-forbidden-request-header', 'forbiddenHeader')).toEqual({
      kind: 'header-dropped',
    });
    expect(browserEffect('no-forbidden-request-header', 'responseHeaderOnRequest')).toEqual({
      kind: 'preflight',
    });
    expect(browserEffect('no-accidental-preflight', 'requestedWith')).toEqual({
      kind: 'preflight',
    });
    expect(browserEffect('no-invalid-no-cors-request', 'removeNoCors')).toBeUndefined();
  });

  it('exposes templates as ESLint meta.messages', () => {
    expect(messagesFor('no-null-origin').removeNullEntry).toBe(
      "Remove 'null' from the allowed origins",
    );
  });
});

describe('security findings', () => {
  const specs = Object.entries(ruleMessages as Record<string, Record<string, MessageSpec>>).flatMap(
    ([rule, messages]) => Object.entries(messages).map(([id, spec]) => ({ rule, id, spec })),
  );

  it('are the messages about other sites reading what they should not, and only those', () => {
    expect(
      specs.filter(({ spec }) => spec.security).map(({ rule, id }) => `${rule}/${id}`),
    ).toEqual([
      'no-reflected-origin-with-credentials/reflectedWithCredentials',
      'no-null-origin/nullOrigin',
      'no-unsafe-origin-check/unescapedDot',
      'no-unsafe-origin-check/missingStartAnchor',
      'no-unsafe-origin-check/missingEndAnchor',
      'no-unsafe-origin-check/substringCheck',
      'no-unsafe-origin-check/sharedHostingDomain',
      'no-unsafe-origin-check/wildcardRest',
      'no-unsafe-origin-check/dynamicRegExp',
      'no-permissive-local-server/permissiveLocalServer',
      'no-permissive-origin/permissiveOrigin',
    ]);
  });

  it('have no browser effect: the browser allows them', () => {
    for (const { rule, id, spec } of specs.filter(({ spec }) => spec.security)) {
      expect(spec.effect, `${rule}/${id}`).toBeUndefined();
      expect(isSecurityFinding(rule, id)).toBe(true);
    }
    expect(
      isSecurityFinding('no-wildcard-origin-with-credentials', 'wildcardWithCredentials'),
    ).toBe(false);
    expect(isSecurityFinding('no-such-rule', 'nullOrigin')).toBe(false);
  });

  it("open their own rule's attack; a failure opens another rule's only where it names one", () => {
    for (const { rule, id, spec } of specs)
      expect(securityAttack(rule, id), `${rule}/${id}`).toBe(
        spec.security ? rule : spec.opensAttackOf,
      );
    expect(
      specs
        .filter(({ spec }) => spec.opensAttackOf !== undefined)
        .map(({ rule, id, spec }) => `${rule}/${id} → ${spec.opensAttackOf}`),
    ).toEqual([
      'valid-django-allowed-origins/noScheme → no-null-origin',
      'valid-django-allowed-origins/notAList → no-null-origin',
    ]);
    for (const { spec } of specs.filter(({ spec }) => spec.opensAttackOf !== undefined)) {
      expect(
        spec.effect,
        'a security finding has no effect; opensAttackOf is for failures',
      ).toBeDefined();
      expect(
        specs.some(({ rule, spec: other }) => rule === spec.opensAttackOf && other.security),
      ).toBe(true);
    }
    expect(securityAttack('no-such-rule', 'nullOrigin')).toBeUndefined();
  });
});
