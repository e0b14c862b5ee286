import { describe, expect, it } from 'vitest';
import type {
  ClientRequest,
  CorsPolicy,
  RouteRule,
  ServerSurface,
  SourceRef,
} from '../../src/index.js';
import {
  ANY_SERVER_FILE,
  checkRequestAgainstSurfaces,
  chooseNginxLocation,
  pathMatches,
  selectNginxLocations,
} from '../../src/index.js';
import { clientRequest } from '../checks/client-request-builder.js';

const at = (line: number, file = 'api/server.js'): SourceRef => ({ file, line, column: 0 });

/** The `cors` package's policy as JSON facts: `SourceRef` handles, defaults where nothing is written. */
function corsPolicy(overrides: Partial<CorsPolicy<SourceRef>> = {}): CorsPolicy<SourceRef> {
  return {
    source: { kind: 'middleware', library: 'cors' },
    at: at(5),
    origin: {
      kind: 'allow-list',
      entries: [{ kind: 'exact', value: 'http://localhost:5173', at: at(5) }],
      complete: true,
      at: at(5),
    },
    credentials: { kind: 'default', value: false },
    allowMethods: {
      kind: 'default',
      value: { pieces: [{ text: 'GET,HEAD,PUT,PATCH,POST,DELETE', at: at(5) }], complete: true },
    },
    allowHeaders: { kind: 'absent' },
    exposeHeaders: { kind: 'absent' },
    maxAge: { kind: 'absent' },
    paths: [],
    ...overrides,
  };
}

const list = (text: string, line: number) => ({
  kind: 'known' as const,
  value: { pieces: [{ text, at: at(line) }], complete: true },
  at: at(line),
});

function rule(overrides: Partial<RouteRule> = {}): RouteRule {
  return {
    match: { kind: 'route', path: '/api/orders' },
    methods: ['GET', 'POST', 'DELETE'],
    policy: corsPolicy(),
    preflight: 'answered',
    source: at(14),
    specific: true,
    ...overrides,
  };
}

function surface(routes: RouteRule[], overrides: Partial<ServerSurface> = {}): ServerSurface {
  return {
    file: 'api/server.js',
    origins: ['http://localhost:3000'],
    routes,
    responseHeaders: ['x-total-count'],
    ...overrides,
  };
}

const request = (overrides: Partial<ClientRequest<string>> = {}) =>
  clientRequest({
    url: { kind: 'known', value: 'http://localhost:3000/api/orders', at: 'url' },
    ...overrides,
  });
const withCredentials = {
  credentials: { kind: 'known', value: 'include', at: 'credentials' },
} as const;
const header = (name: string, value: string | undefined) => ({
  headers: { writes: [{ name, value, at: `header ${name}` }], complete: true },
});
const method = (value: string) => ({ method: { kind: 'known', value, at: 'method' } }) as const;
const ids = (findings: readonly { messageId: string; at: string }[]) =>
  findings.map(({ messageId, at: where }) => `${messageId}@${where}`);

describe('checkRequestAgainstSurfaces: credentials', () => {
  it('reports cookies sent to a server that does not allow credentials, naming the server rule', () => {
    const [finding, ...rest] = checkRequestAgainstSurfaces(request(withCredentials), [
      surface([rule()]),
    ]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      messageId: 'credentialsNotAllowed',
      at: 'credentials',
      data: { server: 'api/server.js:14' },
      server: at(14),
    });
  });

  it('passes when the policy allows credentials, and reports them with a wildcard origin', () => {
    const allowing = corsPolicy({ credentials: { kind: 'known', value: true, at: at(6) } });
    expect(
      checkRequestAgainstSurfaces(request(withCredentials), [
        surface([rule({ policy: allowing })]),
      ]),
    ).toEqual([]);
    const wildcard = {
      ...allowing,
      origin: { kind: 'wildcard', implicit: true, at: at(5) },
    } as const;
    expect(
      ids(
        checkRequestAgainstSurfaces(request(withCredentials), [
          surface([rule({ policy: wildcard })]),
        ]),
      ),
    ).toEqual(['credentialsWithWildcard@credentials']);
  });

  it('stays quiet about credentials it cannot read, and about requests without them', () => {
    const unknown = corsPolicy({ credentials: { kind: 'unknown', at: at(6) } });
    expect(
      checkRequestAgainstSurfaces(request(withCredentials), [surface([rule({ policy: unknown })])]),
    ).toEqual([]);
    expect(checkRequestAgainstSurfaces(request(), [surface([rule()])])).toEqual([]);
  });
});

describe('checkRequestAgainstSurfaces: request headers', () => {
  it('lets the cors package reflect any requested header when allowedHeaders is unset', () => {
    expect(
      checkRequestAgainstSurfaces(request(header('Authorization', undefined)), [surface([rule()])]),
    ).toEqual([]);
  });

  it('reports a header missing from an explicit list, and not a listed one (names compare case-insensitively)', () => {
    const policy = corsPolicy({ allowHeaders: list('Content-Type, X-Api-Key', 7) });
    expect(
      ids(
        checkRequestAgainstSurfaces(request(header('Authorization', 'Bearer t')), [
          surface([rule({ policy })]),
        ]),
      ),
    ).toEqual(['headerNotAllowed@header Authorization']);
    expect(
      checkRequestAgainstSurfaces(request(header('x-api-key', 'k')), [surface([rule({ policy })])]),
    ).toEqual([]);
  });

  it('needs no allowance for safelisted headers, and cannot judge a Content-Type of unknown value', () => {
    const policy = corsPolicy({ allowHeaders: list('X-Api-Key', 7) });
    expect(
      checkRequestAgainstSurfaces(request(header('Content-Type', 'text/plain')), [
        surface([rule({ policy })]),
      ]),
    ).toEqual([]);
    expect(
      checkRequestAgainstSurfaces(request(header('Content-Type', undefined)), [
        surface([rule({ policy })]),
      ]),
    ).toEqual([]);
    expect(
      ids(
        checkRequestAgainstSurfaces(request(header('Content-Type', 'application/json')), [
          surface([rule({ policy })]),
        ]),
      ),
    ).toEqual(['headerNotAllowed@header Content-Type']);
  });

  it("lets '*' cover every header but Authorization, and nothing with credentials", () => {
    const policy = corsPolicy({
      allowHeaders: list('*', 7),
      credentials: { kind: 'known', value: true, at: at(6) },
    });
    const noCredentials = corsPolicy({ allowHeaders: list('*', 7) });
    expect(
      checkRequestAgainstSurfaces(request(header('X-Api-Key', 'k')), [
        surface([rule({ policy: noCredentials })]),
      ]),
    ).toEqual([]);
    expect(
      ids(
        checkRequestAgainstSurfaces(request(header('Authorization', 'Bearer t')), [
          surface([rule({ policy: noCredentials })]),
        ]),
      ),
    ).toEqual(['headerNotAllowed@header Authorization']);
    expect(
      ids(
        checkRequestAgainstSurfaces(request({ ...header('X-Api-Key', 'k'), ...withCredentials }), [
          surface([rule({ policy })]),
        ]),
      ),
    ).toEqual(['headerNotAllowed@header X-Api-Key']);
  });

  it('allows no header on hand-set CORS headers without Access-Control-Allow-Headers', () => {
    const policy = {
      ...corsPolicy(),
      source: { kind: 'response-headers' },
      origin: { kind: 'fixed', value: 'http://localhost:5173', at: at(9) },
    } as const;
    expect(
      ids(
        checkRequestAgainstSurfaces(request(header('X-Api-Key', 'k')), [
          surface([rule({ policy })]),
        ]),
      ),
    ).toEqual(['headerNotAllowed@header X-Api-Key']);
  });
});

describe('checkRequestAgainstSurfaces: methods and preflights', () => {
  it('reports a method the policy does not list, at the method option', () => {
    const policy = corsPolicy({ allowMethods: list('GET, POST', 8) });
    const findings = checkRequestAgainstSurfaces(request(method('DELETE')), [
      surface([rule({ policy })]),
    ]);
    expect(findings).toMatchObject([
      {
        messageId: 'methodNotAllowed',
        at: 'method',
        data: { method: 'DELETE', allowed: 'GET, POST', server: 'api/server.js:14' },
      },
    ]);
    expect(
      checkRequestAgainstSurfaces(request(method('post')), [surface([rule({ policy })])]),
    ).toEqual([]);
  });

  it('reports a preflighted request to a route that does not answer OPTIONS, and not a simple one', () => {
    expect(
      ids(
        checkRequestAgainstSurfaces(request(method('DELETE')), [
          surface([rule({ preflight: 'not-answered' })]),
        ]),
      ),
    ).toEqual(['preflightNotAnswered@method']);
    expect(
      ids(
        checkRequestAgainstSurfaces(request(header('X-Api-Key', 'k')), [
          surface([rule({ preflight: 'not-answered' })]),
        ]),
      ),
    ).toEqual(['preflightNotAnswered@header X-Api-Key']);
    expect(
      checkRequestAgainstSurfaces(request(), [surface([rule({ preflight: 'not-answered' })])]),
    ).toEqual([]);
    expect(
      checkRequestAgainstSurfaces(request(method('DELETE')), [
        surface([rule({ preflight: 'unknown' })]),
      ]),
    ).toEqual([]);
  });
});

describe('checkRequestAgainstSurfaces: a refused preflight', () => {
  const refused = (allowOrigin: boolean, statuses = [403]) =>
    surface([rule({ preflight: 'not-answered', preflightRefusal: { statuses, allowOrigin } })]);

  it('reports a refusal that carries Access-Control-Allow-Origin by its status', () => {
    expect(checkRequestAgainstSurfaces(request(method('DELETE')), [refused(true)])).toEqual([
      {
        messageId: 'preflightRefused',
        at: 'method',
        data: { server: 'api/server.js:14', method: 'DELETE', status: '403' },
        server: at(14),
      },
    ]);
    expect(
      checkRequestAgainstSurfaces(request(method('DELETE')), [refused(true, [403, 405])])[0]?.data,
    ).toEqual({ server: 'api/server.js:14', method: 'DELETE', status: '403 or 405' });
  });

  it('reports a refusal without Access-Control-Allow-Origin as unanswered, and a simple request not at all', () => {
    expect(ids(checkRequestAgainstSurfaces(request(method('DELETE')), [refused(false)]))).toEqual([
      'preflightNotAnswered@method',
    ]);
    expect(checkRequestAgainstSurfaces(request(), [refused(true)])).toEqual([]);
    // A refusal noted on a rule whose preflight is answered after all says nothing.
    expect(
      checkRequestAgainstSurfaces(request(method('DELETE')), [
        surface([rule({ preflightRefusal: { statuses: [403], allowOrigin: true } })]),
      ]),
    ).toEqual([]);
  });

  it('suggests removing the one header that makes a simple request preflight', () => {
    const json = request({ ...method('POST'), ...header('Content-Type', 'application/json') });
    for (const allowOrigin of [true, false])
      expect(
        checkRequestAgainstSurfaces(json, [refused(allowOrigin)]).map(
          ({ messageId, suggestions }) => ({ messageId, suggestions }),
        ),
      ).toEqual([
        {
          messageId: allowOrigin ? 'preflightRefused' : 'preflightNotAnswered',
          suggestions: [
            {
              messageId: 'removePreflightHeader',
              data: { header: 'Content-Type' },
              fix: { kind: 'remove', at: 'header Content-Type' },
            },
          ],
        },
      ]);
  });

  it('suggests nothing where the method, a second header or an implied header preflights too', () => {
    const suggestions = (overrides: Partial<ClientRequest<string>>) =>
      checkRequestAgainstSurfaces(request(overrides), [refused(true)]).map(
        (finding) => finding.suggestions,
      );
    expect(
      suggestions({ ...method('DELETE'), ...header('Content-Type', 'application/json') }),
    ).toEqual([undefined]);
    expect(
      suggestions({
        headers: {
          writes: [
            { name: 'Content-Type', value: 'application/json', at: 'type' },
            { name: 'X-Api-Key', value: 'k', at: 'key' },
          ],
          complete: true,
        },
      }),
    ).toEqual([undefined]);
    expect(
      suggestions({
        headers: {
          writes: [
            {
              name: 'Content-Type',
              value: 'application/json',
              at: 'type',
              implied: 'library-default',
            },
          ],
          complete: true,
        },
      }),
    ).toEqual([undefined]);
    // The server refuses the POST itself too (`limit_except GET`): no header removal makes it pass.
    expect(
      checkRequestAgainstSurfaces(
        request({ ...method('POST'), ...header('Content-Type', 'application/json') }),
        [
          surface([
            rule({
              preflight: 'not-answered',
              preflightRefusal: { statuses: [403], allowOrigin: true, methods: ['GET', 'HEAD'] },
            }),
          ]),
        ],
      ).map(({ messageId, suggestions }) => [messageId, suggestions]),
    ).toEqual([['preflightRefused', undefined]]);
  });
});

describe('checkRequestAgainstSurfaces: exposed headers', () => {
  const read = { headersRead: [{ name: 'X-Total-Count', at: 'read' }] };

  it('reports a read of a header the server writes and does not expose', () => {
    expect(ids(checkRequestAgainstSurfaces(request(), [surface([rule()])], read))).toEqual([
      'headerNotExposedByServer@read',
    ]);
    const exposing = corsPolicy({ exposeHeaders: list('X-Total-Count', 9) });
    expect(
      checkRequestAgainstSurfaces(request(), [surface([rule({ policy: exposing })])], read),
    ).toEqual([]);
  });

  it('stays quiet about headers the server never writes, and safelisted ones', () => {
    expect(
      checkRequestAgainstSurfaces(request(), [surface([rule()], { responseHeaders: [] })], read),
    ).toEqual([]);
    expect(
      checkRequestAgainstSurfaces(
        request(),
        [surface([rule()], { responseHeaders: ['content-type'] })],
        { headersRead: [{ name: 'Content-Type', at: 'read' }] },
      ),
    ).toEqual([]);
  });
});

describe('checkRequestAgainstSurfaces: which server answers', () => {
  it('treats relative URLs, app origins and proxied prefixes as same-origin', () => {
    const failing = [surface([rule()])];
    expect(
      checkRequestAgainstSurfaces(
        request({ url: { kind: 'known', value: '/api/orders', at: 'url' }, ...withCredentials }),
        failing,
      ),
    ).toEqual([]);
    expect(
      checkRequestAgainstSurfaces(request(withCredentials), failing, {
        appOrigins: ['http://localhost:3000'],
      }),
    ).toEqual([]);
    const viaDevServer = request({
      url: { kind: 'known', value: 'http://localhost:5173/api/orders', at: 'url' },
      ...withCredentials,
    });
    expect(
      checkRequestAgainstSurfaces(viaDevServer, [surface([rule()], { origins: [] })], {
        proxied: [{ origin: 'http://localhost:5173', prefix: '/api' }],
      }),
    ).toEqual([]);
    expect(
      checkRequestAgainstSurfaces(viaDevServer, [surface([rule()], { origins: [] })]),
    ).not.toEqual([]);
  });

  it('judges nothing it cannot read: an unknown URL, an unknown or absent policy, a path no rule covers', () => {
    expect(
      checkRequestAgainstSurfaces(
        request({ url: { kind: 'unknown', at: 'url' }, ...withCredentials }),
        [surface([rule()])],
      ),
    ).toEqual([]);
    expect(
      checkRequestAgainstSurfaces(request(withCredentials), [
        surface([rule({ policy: 'unknown' })]),
      ]),
    ).toEqual([]);
    expect(
      checkRequestAgainstSurfaces(request(withCredentials), [surface([rule({ policy: 'none' })])]),
    ).toEqual([]);
    expect(
      checkRequestAgainstSurfaces(
        request({
          url: { kind: 'known', value: 'http://localhost:3000/health', at: 'url' },
          ...withCredentials,
        }),
        [surface([rule()])],
      ),
    ).toEqual([]);
  });

  it('reports only when every candidate server or rule fails', () => {
    const allowing = rule({
      policy: corsPolicy({ credentials: { kind: 'known', value: true, at: at(6) } }),
      source: at(3, 'other/server.js'),
    });
    const unknownOrigin = { origins: [] };
    const prodUrl = request({
      url: { kind: 'known', value: 'https://api.example.com/api/orders', at: 'url' },
      ...withCredentials,
    });
    expect(
      checkRequestAgainstSurfaces(prodUrl, [
        surface([rule()], unknownOrigin),
        surface([allowing], { ...unknownOrigin, file: 'other/server.js' }),
      ]),
    ).toEqual([]);
    expect(
      ids(
        checkRequestAgainstSurfaces(prodUrl, [
          surface([rule()], unknownOrigin),
          surface([rule({ source: at(4, 'b.js') })], unknownOrigin),
        ]),
      ),
    ).toEqual(['credentialsNotAllowed@credentials']);
    // Two rules of one server for the path: the route's own and an app-wide one that allows credentials.
    expect(
      checkRequestAgainstSurfaces(request(withCredentials), [
        surface([rule(), { ...allowing, match: { kind: 'any' }, methods: 'any', specific: false }]),
      ]),
    ).toEqual([]);
  });

  it('keeps a finding of the first candidate only while every later candidate fails the same thing', () => {
    const unknownOrigin = { origins: [] };
    const prodUrl = request({
      url: { kind: 'known', value: 'https://api.example.com/api/orders', at: 'url' },
      method: { kind: 'known', value: 'PUT', at: 'method' },
      ...withCredentials,
    });
    const credentialsAllowed = corsPolicy({
      credentials: { kind: 'known', value: true, at: at(6) },
    });
    const putRule = (policy: CorsPolicy<SourceRef>, file: string) =>
      rule({ methods: ['PUT'], policy, source: at(2, file) });
    const getOnly = list('GET,POST', 7);
    // a.js fails both; b.js only the method; c.js only the method: the method is what every one fails.
    const servers = [
      surface([putRule(corsPolicy({ allowMethods: getOnly }), 'a.js')], {
        ...unknownOrigin,
        file: 'a.js',
      }),
      surface([putRule({ ...credentialsAllowed, allowMethods: getOnly }, 'b.js')], {
        ...unknownOrigin,
        file: 'b.js',
      }),
      surface([putRule({ ...credentialsAllowed, allowMethods: getOnly }, 'c.js')], {
        ...unknownOrigin,
        file: 'c.js',
      }),
    ];
    const consulted = new Set<string>();
    expect(ids(checkRequestAgainstSurfaces(prodUrl, servers, { consulted }))).toEqual([
      'methodNotAllowed@method',
    ]);
    // The verdict read every candidate, so an edit of any of them re-lints the client.
    expect([...consulted].sort()).toEqual(['a.js', 'b.js', 'c.js']);
    // A first candidate that passes settles it, whatever the others fail.
    const passing = surface([putRule(credentialsAllowed, 'd.js')], {
      ...unknownOrigin,
      file: 'd.js',
    });
    expect(checkRequestAgainstSurfaces(prodUrl, [passing, ...servers])).toEqual([]);
  });

  it('answers every request for its own method, path and servers when it asks the same list again', () => {
    const servers = [surface([rule({ methods: ['GET'] })])];
    const get = request(withCredentials);
    const deleteRequest = request({
      ...withCredentials,
      method: { kind: 'known', value: 'DELETE', at: 'method' },
    });
    expect(ids(checkRequestAgainstSurfaces(get, servers))).toEqual([
      'credentialsNotAllowed@credentials',
    ]);
    // The same list, another method: no rule of the server answers DELETE, so nothing is judged.
    expect(checkRequestAgainstSurfaces(deleteRequest, servers)).toEqual([]);
    const consulted = new Set<string>();
    expect(ids(checkRequestAgainstSurfaces(get, servers, { consulted }))).toEqual([
      'credentialsNotAllowed@credentials',
    ]);
    expect([...consulted]).toEqual(['api/server.js']);
    // A new list (a server file changed): its rules, not the old list's.
    const allowing = [
      surface([
        rule({
          methods: ['GET'],
          policy: corsPolicy({ credentials: { kind: 'known', value: true, at: at(6) } }),
        }),
      ]),
    ];
    expect(checkRequestAgainstSurfaces(get, allowing)).toEqual([]);
  });

  it('takes the server reached at the URL origin; without one, only a server with its own route for the path', () => {
    const elsewhere = surface([rule()], { origins: ['http://localhost:4000'] });
    expect(
      checkRequestAgainstSurfaces(request(withCredentials), [
        elsewhere,
        surface([rule({ policy: 'unknown' })]),
      ]),
    ).toEqual([]);
    const catchAll = surface([rule({ match: { kind: 'any' }, methods: 'any', specific: false })], {
      origins: [],
    });
    const prodUrl = request({
      url: { kind: 'known', value: 'https://api.example.com/api/orders', at: 'url' },
      ...withCredentials,
    });
    expect(checkRequestAgainstSurfaces(prodUrl, [catchAll])).toEqual([]);
  });

  it('matches the start of a template URL against the routes that can continue it', () => {
    const partial = request({
      url: { kind: 'known', value: 'http://localhost:3000/api/orders/', at: 'url' },
      ...withCredentials,
    });
    const byId = [surface([rule({ match: { kind: 'route', path: '/api/orders/:id' } })])];
    expect(ids(checkRequestAgainstSurfaces(partial, byId, { urlComplete: false }))).toEqual([
      'credentialsNotAllowed@credentials',
    ]);
    expect(checkRequestAgainstSurfaces(partial, byId, { urlComplete: true })).toEqual([]);
  });
});

describe('pathMatches', () => {
  it.each([
    [{ kind: 'route', path: '/orders/:id' }, '/orders/7', 'yes'],
    [{ kind: 'route', path: '/orders/:id' }, '/orders/7/items', 'no'],
    [{ kind: 'route', path: '/files/{*rest}' }, '/files/a/b', 'yes'],
    [{ kind: 'route', path: '/files/*' }, '/files/a/b', 'yes'],
    [{ kind: 'route', path: '/Orders/' }, '/orders', 'yes'],
    [{ kind: 'route', path: '/orders/:id?' }, '/orders', 'maybe'],
    [{ kind: 'prefix', path: '/api/' }, '/api/orders', 'yes'],
    [{ kind: 'prefix', path: '/api' }, '/apis', 'no'],
    [{ kind: 'regex', source: '^/api/.*$', flags: '' }, '/api/x', 'yes'],
    [{ kind: 'regex', source: '^/api/.*$', flags: '' }, '/web', 'no'],
    [{ kind: 'regex', source: '(', flags: '' }, '/web', 'maybe'],
    [{ kind: 'any' }, '/anything', 'yes'],
  ] as const)('%o against %s: %s', (matcher, path, expected) => {
    expect(pathMatches(matcher, path, false)).toBe(expected);
  });
});

describe('checkRequestAgainstSurfaces: the server files consulted', () => {
  it('names the files of the candidate rules, any server for an uncovered cross-origin request, none for same-origin', () => {
    const other = surface(
      [rule({ match: { kind: 'route', path: '/items' }, source: at(3, 'other/server.js') })],
      { file: 'other/server.js', origins: ['http://localhost:4000'] },
    );
    const servers = [surface([rule()]), other];
    const consulted = new Set<string>();
    checkRequestAgainstSurfaces(request(withCredentials), servers, { consulted });
    expect([...consulted]).toEqual(['api/server.js']);

    const uncovered = new Set<string>();
    checkRequestAgainstSurfaces(
      request({ url: { kind: 'known', value: 'http://localhost:3000/nowhere', at: 'url' } }),
      servers,
      { consulted: uncovered },
    );
    expect([...uncovered]).toEqual([ANY_SERVER_FILE]);

    const sameOrigin = new Set<string>();
    checkRequestAgainstSurfaces(
      request({ url: { kind: 'known', value: '/api/orders', at: 'url' } }),
      servers,
      { consulted: sameOrigin },
    );
    expect([...sameOrigin]).toEqual([]);
  });
});

describe('checkRequestAgainstSurfaces: the server-side edit (serverFix)', () => {
  const fixOf = (policy: CorsPolicy<SourceRef>, overrides: Partial<ClientRequest<string>>) =>
    checkRequestAgainstSurfaces(request(overrides), [surface([rule({ policy })])]).map(
      ({ messageId, serverFix }) => ({ messageId, serverFix }),
    );

  it('allows credentials where the server lists its origins: an option added, or `false` replaced', () => {
    expect(fixOf(corsPolicy(), withCredentials)).toEqual([
      {
        messageId: 'credentialsNotAllowed',
        serverFix: {
          messageId: 'allowCredentialsOnServer',
          data: { server: 'api/server.js:14' },
          policy: at(5),
          fix: { kind: 'add-setting', at: at(5), setting: 'credentials', value: true },
        },
      },
    ]);
    const off = corsPolicy({ credentials: { kind: 'known', value: false, at: at(7) } });
    expect(fixOf(off, withCredentials)[0]?.serverFix?.fix).toEqual({
      kind: 'replace-value',
      at: at(7),
      value: true,
    });
  });

  it('never proposes credentials for a wildcard or a reflected origin: that would be a hole, not a fix', () => {
    const wildcard = corsPolicy({ origin: { kind: 'wildcard', implicit: false, at: at(5) } });
    const reflecting = corsPolicy({
      origin: { kind: 'reflect-any', via: 'option-true', at: at(5) },
    });
    const withPattern = corsPolicy({
      origin: {
        kind: 'allow-list',
        entries: [{ kind: 'pattern', source: '^http://localhost', flags: '', at: at(5) }],
        complete: true,
        at: at(5),
      },
    });
    for (const policy of [wildcard, reflecting, withPattern]) {
      const findings = fixOf(policy, withCredentials);
      expect(findings.map(({ messageId }) => messageId)).toEqual(['credentialsNotAllowed']);
      expect(findings[0]?.serverFix).toBeUndefined();
    }
    const wildcardWithCredentials = corsPolicy({
      origin: { kind: 'wildcard', implicit: false, at: at(5) },
      credentials: { kind: 'known', value: true, at: at(6) },
    });
    expect(fixOf(wildcardWithCredentials, withCredentials)).toEqual([
      { messageId: 'credentialsWithWildcard', serverFix: undefined },
    ]);
  });

  it('adds a header or a method after the last entry of the list the server writes', () => {
    const policy = corsPolicy({
      allowHeaders: list('Content-Type', 8),
      allowMethods: list('GET, POST', 9),
    });
    expect(fixOf(policy, header('Authorization', 'Bearer x'))[0]?.serverFix).toMatchObject({
      messageId: 'allowHeaderOnServer',
      data: { server: 'api/server.js:14', header: 'Authorization' },
      fix: { kind: 'add-list-item', at: at(8), item: 'Authorization' },
    });
    expect(fixOf(policy, method('DELETE'))[0]?.serverFix).toMatchObject({
      messageId: 'allowMethodOnServer',
      fix: { kind: 'add-list-item', at: at(9), item: 'DELETE' },
    });
  });

  it('adds an OPTIONS route beside an Express route whose own cors() never sees the preflight', () => {
    const findings = checkRequestAgainstSurfaces(request(method('PUT')), [
      surface([rule({ methods: ['PUT'], preflight: 'not-answered', source: at(25) })]),
    ]);
    expect(findings.map(({ serverFix }) => serverFix?.fix)).toEqual([
      { kind: 'add-preflight-handler', framework: 'express', at: at(25), like: at(5) },
    ]);
  });
});

describe('selectNginxLocations', () => {
  const location = (modifier: '' | '=' | '^~' | '~' | '~*', path: string) => ({
    nginx: { modifier, path },
    name: `${modifier} ${path}`.trim(),
  });
  const names = (found: readonly { name: string }[]) => found.map(({ name }) => name);
  const locations = [
    location('', '/'),
    location('', '/api/'),
    location('^~', '/static/'),
    location('~*', '\\.(png|jpg)$'),
    location('=', '/api/health'),
    location('~', '^/api/v(?P<major>\\d+)/'),
  ];

  it('chooses as nginx does: exact, then ^~ prefixes, then the first matching regex, then the longest prefix', () => {
    expect(names(selectNginxLocations(locations, '/api/health'))).toEqual(['= /api/health']);
    expect(names(selectNginxLocations(locations, '/static/a.png'))).toEqual(['^~ /static/']);
    expect(names(selectNginxLocations(locations, '/api/a.PNG'))).toEqual(['~* \\.(png|jpg)$']);
    expect(names(selectNginxLocations(locations, '/api/v2/orders'))).toEqual([
      '~ ^/api/v(?P<major>\\d+)/',
    ]);
    expect(names(selectNginxLocations(locations, '/api/orders?page=2'))).toEqual(['/api/']);
    expect(names(selectNginxLocations(locations, '/about'))).toEqual(['/']);
    expect(selectNginxLocations([location('', '/api/')], '/other')).toEqual([]);
  });

  it('tells no location (the server answers) from a choice a regex JavaScript cannot read hides', () => {
    expect(chooseNginxLocation([location('', '/api/')], '/other')).toBeNull();
    expect(
      chooseNginxLocation([location('', '/'), location('~', '^/(?<!x)(*FAIL)')], '/a'),
    ).toBeUndefined();
    // An exact match is chosen before any regex is read.
    expect(chooseNginxLocation([location('~', '(*FAIL)'), location('=', '/a')], '/a')?.name).toBe(
      '= /a',
    );
  });

  it('with only the start of a path known, adds every location the rest may still reach', () => {
    expect(names(selectNginxLocations(locations, '/api/', true))).toEqual([
      '/api/',
      '~* \\.(png|jpg)$',
      '= /api/health',
      '~ ^/api/v(?P<major>\\d+)/',
    ]);
  });
});

describe('checkRequestAgainstSurfaces: nginx in front of an app', () => {
  const nginxAt = (line: number) => at(line, 'deploy/nginx.conf');
  /** A policy of hand-written `add_header`s. */
  const headersPolicy = (overrides: Partial<CorsPolicy<SourceRef>> = {}): CorsPolicy<SourceRef> =>
    corsPolicy({
      source: { kind: 'response-headers' },
      credentials: { kind: 'absent' },
      allowMethods: { kind: 'absent' },
      ...overrides,
    });
  const nginxRule = (path: string, overrides: Partial<RouteRule> = {}): RouteRule => ({
    match: { kind: 'prefix', path },
    methods: 'any',
    policy: 'none',
    preflight: 'unknown',
    source: nginxAt(4),
    specific: path !== '/',
    nginx: { modifier: '', path },
    ...overrides,
  });
  const nginx = (routes: RouteRule[]) =>
    surface(routes, {
      file: 'deploy/nginx.conf',
      origins: ['http://localhost:8080'],
      responseHeaders: [],
      selection: 'nginx-location',
    });
  const viaNginx = (overrides: Partial<ClientRequest<string>> = {}) =>
    request({
      url: { kind: 'known', value: 'http://localhost:8080/api/orders', at: 'url' },
      ...overrides,
    });

  it("checks the preflight against the headers nginx's OPTIONS branch answers with, naming the location", () => {
    const routes = [
      nginxRule('/'),
      nginxRule('/api/', {
        policy: headersPolicy(),
        preflight: 'answered',
        preflightPolicy: headersPolicy({ allowHeaders: list('Content-Type', 9) }),
        source: nginxAt(7),
      }),
    ];
    const found = checkRequestAgainstSurfaces(viaNginx(header('Authorization', 'Bearer t')), [
      nginx(routes),
    ]);
    expect(found.map(({ messageId, at: where, data }) => [messageId, where, data])).toEqual([
      [
        'headerNotAllowed',
        'header Authorization',
        { server: 'deploy/nginx.conf:7', header: 'Authorization' },
      ],
    ]);
    const allowing = nginxRule('/api/', {
      policy: headersPolicy(),
      preflight: 'answered',
      preflightPolicy: headersPolicy({ allowHeaders: list('Content-Type, Authorization', 9) }),
    });
    expect(
      checkRequestAgainstSurfaces(viaNginx(header('Authorization', 'Bearer t')), [
        nginx([nginxRule('/'), allowing]),
      ]),
    ).toEqual([]);
  });

  it('reports a preflight nginx answers without CORS headers, and only for requests that preflight', () => {
    const routes = [
      nginxRule('/api/', {
        policy: headersPolicy(),
        preflight: 'answered',
        preflightPolicy: headersPolicy({ origin: { kind: 'disabled', at: nginxAt(9) } }),
      }),
    ];
    expect(ids(checkRequestAgainstSurfaces(viaNginx(method('PUT')), [nginx(routes)]))).toEqual([
      'preflightNotAnswered@method',
    ]);
    expect(checkRequestAgainstSurfaces(viaNginx(), [nginx(routes)])).toEqual([]);
  });

  it('hands a proxied location without CORS headers to the upstream app, through its path rewrite', () => {
    const app = surface(
      [
        rule({
          match: { kind: 'route', path: '/v1/orders' },
          policy: corsPolicy({ allowHeaders: list('Content-Type', 8) }),
        }),
      ],
      { origins: ['http://127.0.0.1:3000'] },
    );
    const proxied = nginxRule('/api/', {
      forwardsTo: {
        origins: ['http://127.0.0.1:3000'],
        replacePrefix: { from: '/api/', to: '/v1/' },
      },
    });
    const found = checkRequestAgainstSurfaces(viaNginx(header('Authorization', 'Bearer t')), [
      nginx([nginxRule('/'), proxied]),
      app,
    ]);
    expect(found.map(({ messageId, data }) => [messageId, data['server']])).toEqual([
      ['headerNotAllowed', 'api/server.js:14'],
    ]);
    // An upstream whose rules do not cover the rewritten path: nginx's own `none` stands, and nothing is said.
    const elsewhere = nginxRule('/api/', {
      forwardsTo: {
        origins: ['http://127.0.0.1:3000'],
        replacePrefix: { from: '/api/', to: '/v9/' },
      },
    });
    expect(
      checkRequestAgainstSurfaces(viaNginx(header('Authorization', 'Bearer t')), [
        nginx([elsewhere]),
        app,
      ]),
    ).toEqual([]);
  });

  it('reports a preflight refused by a proxied location without CORS headers at that location', () => {
    const app = surface([rule({ match: { kind: 'route', path: '/api/orders' }, methods: 'any' })], {
      origins: ['http://127.0.0.1:3000'],
    });
    // `limit_except GET POST { deny all; }` in front of an app whose cors() would answer the preflight.
    const refusing = nginxRule('/api/', {
      preflight: 'not-answered',
      preflightRefusal: { statuses: [403], allowOrigin: false, methods: ['GET', 'HEAD', 'POST'] },
      forwardsTo: { origins: ['http://127.0.0.1:3000'] },
      source: nginxAt(12),
    });
    const json = { ...method('POST'), ...header('Content-Type', 'application/json') };
    expect(
      checkRequestAgainstSurfaces(viaNginx(json), [nginx([refusing]), app]).map(
        ({ messageId, data, server, suggestions }) => ({ messageId, data, server, suggestions }),
      ),
    ).toEqual([
      {
        messageId: 'preflightNotAnswered',
        data: { server: 'deploy/nginx.conf:12', method: 'POST' },
        server: nginxAt(12),
        suggestions: [
          {
            messageId: 'removePreflightHeader',
            data: { header: 'Content-Type' },
            fix: { kind: 'remove', at: 'header Content-Type' },
          },
        ],
      },
    ]);
    // What reaches the app is still judged by the app: its credentials, named at its own line.
    expect(
      checkRequestAgainstSurfaces(viaNginx(withCredentials), [nginx([refusing]), app]).map(
        ({ messageId, data }) => [messageId, data['server']],
      ),
    ).toEqual([['credentialsNotAllowed', 'api/server.js:14']]);
    // The same location letting OPTIONS through: the app's cors() answers, nothing is said.
    const passing = nginxRule('/api/', { forwardsTo: { origins: ['http://127.0.0.1:3000'] } });
    expect(checkRequestAgainstSurfaces(viaNginx(json), [nginx([passing]), app])).toEqual([]);
  });

  it('keeps a server known only at its own names out of requests to other origins', () => {
    const routes = [
      nginxRule('/api/', {
        policy: headersPolicy({ allowHeaders: list('Content-Type', 9) }),
        preflight: 'answered',
      }),
    ];
    const named = surface(routes, {
      file: 'deploy/nginx.conf',
      origins: ['https://api.example.com'],
      onlyAtOrigins: true,
      selection: 'nginx-location',
    });
    const thirdParty = request({
      url: { kind: 'known', value: 'https://api.stripe.com/api/charges', at: 'url' },
      ...header('Authorization', 'Bearer t'),
    });
    expect(checkRequestAgainstSurfaces(thirdParty, [named])).toEqual([]);
    const ours = request({
      url: { kind: 'known', value: 'https://api.example.com/api/charges', at: 'url' },
      ...header('Authorization', 'Bearer t'),
    });
    expect(ids(checkRequestAgainstSurfaces(ours, [named]))).toEqual([
      'headerNotAllowed@header Authorization',
    ]);
  });
});
