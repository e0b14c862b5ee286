import { describe, expect, it } from 'vitest';
import type {
  CorsPolicy,
  ExpressRegistration,
  HandlerRole,
  ListValue,
  Setting,
} from '../../src/index.js';
import {
  checkExpressPreflight,
  checkFastifyPreflight,
  checkRawHandlerPreflight,
  checkRouteModulePreflight,
  routeNeedsPreflight,
  unnamedWildcardFix,
} from '../../src/index.js';

type H = string;
const absent: Setting<ListValue<H>, H> = { kind: 'absent' };
const listed = (...names: string[]): Setting<ListValue<H>, H> => ({
  kind: 'known',
  value: { pieces: names.map((text) => ({ text, at: text })), complete: true },
  at: 'allowedHeaders',
});

function corsPolicy(allowHeaders: Setting<ListValue<H>, H> = absent): CorsPolicy<H> {
  return {
    source: { kind: 'middleware', library: 'cors' },
    at: 'cors()',
    origin: { kind: 'fixed', value: 'https://app.example.com', at: 'origin' },
    credentials: { kind: 'default', value: false },
    allowMethods: { kind: 'absent' },
    allowHeaders,
    exposeHeaders: { kind: 'absent' },
    maxAge: { kind: 'absent' },
    paths: [],
  };
}
const cors = (allowHeaders: Setting<ListValue<H>, H> = absent): HandlerRole<H> => ({
  kind: 'cors',
  policy: corsPolicy(allowHeaders),
  at: 'cors()',
});
const route = (
  verb: string,
  path: string | undefined,
  ...handlers: HandlerRole<H>[]
): ExpressRegistration<H> => ({
  verb,
  path: path === undefined ? { kind: 'none' } : { kind: 'known', value: path, at: `'${path}'` },
  handlers,
  at: `app.${verb}`,
});

describe('routeNeedsPreflight', () => {
  it.each([
    ['PUT', absent, true],
    ['patch', absent, true],
    ['GET', absent, false],
    ['POST', listed('Accept', 'Content-Language'), false],
    ['POST', listed('Content-Type'), true],
    ['GET', listed('X-Api-Key'), true],
    ['GET', listed('*'), false],
  ] as const)('%s with %j → %s', (method, headers, expected) => {
    expect(routeNeedsPreflight(method, headers)).toBe(expected);
  });
});

describe('unnamedWildcardFix', () => {
  it.each([
    ['*', '/{*splat}'],
    ['/*', '/{*splat}'],
    ['/api/*', '/api/{*splat}'],
    ['/files/*.json', null],
    ['/{*splat}', undefined],
    ['/api/*rest', undefined],
  ] as const)('%s → %s', (path, fixed) => {
    expect(unnamedWildcardFix(path)).toBe(fixed);
  });
});

describe('checkExpressPreflight', () => {
  it('reports a route-level cors() on PUT with nothing answering OPTIONS, suggesting an OPTIONS route', () => {
    const findings = checkExpressPreflight({
      major: 5,
      registrations: [
        route('use', undefined, { kind: 'no-cors', answersOptions: false }),
        route('put', '/x', cors(), { kind: 'no-cors', answersOptions: true }),
      ],
    });
    expect(findings).toEqual([
      {
        messageId: 'routeLevelCors',
        data: { method: 'PUT', path: '/x' },
        at: 'cors()',
        suggestions: [
          {
            messageId: 'addOptionsRoute',
            data: { path: '/x' },
            fix: {
              kind: 'add-preflight-handler',
              framework: 'express',
              at: 'app.put',
              like: 'cors()',
            },
          },
        ],
      },
    ]);
  });

  it.each([
    ['app-level cors()', route('use', undefined, cors())],
    ['cors() on a covering mount path', route('use', '/api', cors())],
    ['an OPTIONS route for the path', route('options', '/api/x', cors())],
    ['a parameterised OPTIONS route', route('options', '/api/:id', cors())],
    ['hand-set headers in use', route('use', undefined, { kind: 'sets-cors-headers' })],
    ['unknown middleware', route('use', undefined, { kind: 'unknown' })],
  ])('stays quiet with %s', (_name, other) => {
    expect(
      checkExpressPreflight({
        major: undefined,
        registrations: [other, route('delete', '/api/x', cors())],
      }),
    ).toEqual([]);
  });

  it('reports GET only when the policy lists non-safelisted headers', () => {
    expect(
      checkExpressPreflight({ major: undefined, registrations: [route('get', '/x', cors())] }),
    ).toEqual([]);
    expect(
      checkExpressPreflight({
        major: undefined,
        registrations: [route('get', '/x', cors(listed('Authorization')))],
      }),
    ).toHaveLength(1);
  });

  it('names unnamed wildcards only from Express 5 on, with an autofix when the rewrite is known', () => {
    const registrations = [route('options', '*', cors()), route('all', '/files/*.json', cors())];
    expect(checkExpressPreflight({ major: 4, registrations })).toEqual([]);
    expect(checkExpressPreflight({ major: undefined, registrations })).toEqual([]);
    expect(checkExpressPreflight({ major: 5, registrations })).toEqual([
      {
        messageId: 'express5UnnamedWildcard',
        data: { path: '*', fixed: '/{*splat}', major: '5' },
        at: "'*'",
        fix: { kind: 'replace-value', at: "'*'", value: '/{*splat}' },
      },
      {
        messageId: 'express5UnnamedWildcard',
        data: { path: '/files/*.json', fixed: '', major: '5' },
        at: "'/files/*.json'",
      },
    ]);
  });

  it('reports preflightContinue only when nothing after it may answer OPTIONS', () => {
    const continuing: HandlerRole<H> = {
      kind: 'cors',
      policy: corsPolicy(),
      at: 'cors()',
      preflightContinue: 'preflightContinue: true',
    };
    const staticFiles: HandlerRole<H> = { kind: 'no-cors', answersOptions: false };
    expect(
      checkExpressPreflight({
        major: 5,
        registrations: [route('use', undefined, continuing), route('use', undefined, staticFiles)],
      }),
    ).toEqual([
      {
        messageId: 'preflightContinueWithoutAnswer',
        data: {},
        at: 'preflightContinue: true',
        suggestions: [
          {
            messageId: 'removePreflightContinue',
            fix: { kind: 'remove', at: 'preflightContinue: true' },
          },
        ],
      },
    ]);
    expect(
      checkExpressPreflight({
        major: 5,
        registrations: [route('use', undefined, continuing), route('get', '/x', staticFiles)],
      }),
    ).toEqual([]);
    expect(
      checkExpressPreflight({
        major: 5,
        registrations: [
          route('use', undefined, continuing),
          route('use', undefined, { kind: 'no-cors', answersOptions: true }),
        ],
      }),
    ).toEqual([]);
  });
});

describe('raw handlers, route modules, Fastify', () => {
  it('reports a raw handler only when its CORS headers are confined to method branches and no branch is OPTIONS', () => {
    const handler = {
      at: 'handler',
      methods: [{ method: 'PATCH', at: "'PATCH'" }],
      corsHeadersOnlyInMethodBranches: true,
      allowHeaders: absent,
    };
    expect(checkRawHandlerPreflight(handler).map((f) => f.messageId)).toEqual([
      'handlerWithoutOptions',
    ]);
    expect(
      checkRawHandlerPreflight({ ...handler, corsHeadersOnlyInMethodBranches: false }),
    ).toEqual([]);
    expect(
      checkRawHandlerPreflight({
        ...handler,
        methods: [...handler.methods, { method: 'OPTIONS', at: "'OPTIONS'" }],
      }),
    ).toEqual([]);
    expect(
      checkRawHandlerPreflight({ ...handler, methods: [{ method: 'GET', at: "'GET'" }] }),
    ).toEqual([]);
  });

  it('reports a route module exporting PUT without OPTIONS', () => {
    expect(
      checkRouteModulePreflight({
        at: 'module',
        exports: [
          { method: 'GET', at: 'GET' },
          { method: 'PUT', at: 'PUT' },
        ],
        allowHeaders: absent,
      }).map((f) => f.data),
    ).toEqual([{ method: 'PUT' }]);
    expect(
      checkRouteModulePreflight({
        at: 'module',
        exports: [
          { method: 'PUT', at: 'PUT' },
          { method: 'OPTIONS', at: 'OPTIONS' },
        ],
        allowHeaders: absent,
      }),
    ).toEqual([]);
  });

  it('reports a Fastify hook with preflighted routes unless something may answer OPTIONS', () => {
    const app = {
      corsHook: { name: 'onRequest', at: 'hook' },
      routes: [
        {
          method: 'DELETE',
          path: { kind: 'known', value: '/x', at: "'/x'" } as const,
          at: 'route',
        },
      ],
      mayAnswerOptions: false,
      allowHeaders: absent,
    };
    expect(checkFastifyPreflight(app).map((f) => f.data)).toEqual([
      { method: 'DELETE', path: '/x', hook: 'onRequest' },
    ]);
    expect(checkFastifyPreflight({ ...app, mayAnswerOptions: true })).toEqual([]);
  });
});
