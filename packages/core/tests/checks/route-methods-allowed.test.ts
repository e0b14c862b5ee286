// checkRouteMethodsAllowed: routes whose method the answering policy's Access-Control-Allow-Methods lacks.
import { describe, expect, it } from 'vitest';
import type { CorsPolicy, ListValue, Setting } from '../../src/index.js';
import { checkRouteMethodsAllowed } from '../../src/index.js';

type H = string;
const written = (...pieces: string[]): Setting<ListValue<H>, H> => ({
  kind: 'known',
  value: { pieces: pieces.map((text) => ({ text, at: `'${text}'` })), complete: true },
  at: 'methods',
});
const byDefault = (text: string): Setting<ListValue<H>, H> => ({
  kind: 'default',
  value: { pieces: [{ text, at: 'register(cors)' }], complete: true },
});

function policy(
  allowMethods: Setting<ListValue<H>, H>,
  changes: Partial<CorsPolicy<H>> = {},
): CorsPolicy<H> {
  return {
    source: { kind: 'middleware', library: 'cors' },
    at: 'cors()',
    origin: { kind: 'fixed', value: 'https://app.example.com', at: 'origin' },
    credentials: { kind: 'default', value: false },
    allowMethods,
    allowHeaders: { kind: 'absent' },
    exposeHeaders: { kind: 'absent' },
    maxAge: { kind: 'absent' },
    paths: [],
    ...changes,
  };
}
const routes = (...methods: string[]) =>
  methods.map((method) => ({ method, at: `app.${method.toLowerCase()}` }));

describe('checkRouteMethodsAllowed', () => {
  it('reports a preflighted method missing from a written list, suggesting to add it to the last piece', () => {
    expect(
      checkRouteMethodsAllowed(
        policy(written('GET', 'POST')),
        routes('GET', 'POST', 'HEAD', 'DELETE'),
      ),
    ).toEqual([
      {
        messageId: 'methodNotAllowed',
        data: { method: 'DELETE', allowed: 'GET, POST' },
        at: 'app.delete',
        suggestions: [
          {
            messageId: 'addMethod',
            data: { method: 'DELETE' },
            fix: { kind: 'add-list-item', at: "'POST'", item: 'DELETE' },
          },
        ],
      },
    ]);
  });

  it('suggests writing a library default out with the missing method added', () => {
    expect(checkRouteMethodsAllowed(policy(byDefault('GET,HEAD,POST')), routes('PUT'))).toEqual([
      {
        messageId: 'methodNotAllowed',
        data: { method: 'PUT', allowed: 'GET, HEAD, POST by default' },
        at: 'app.put',
        suggestions: [
          {
            messageId: 'setMethods',
            data: { methods: 'GET, HEAD, POST, PUT' },
            fix: {
              kind: 'add-list-setting',
              at: 'cors()',
              setting: 'allowMethods',
              items: ['GET', 'HEAD', 'POST', 'PUT'],
            },
          },
        ],
      },
    ]);
  });

  it.each([
    ['a listed method', policy(written('GET, PUT')), 'PUT'],
    ["'*' without credentials", policy(written('*')), 'PATCH'],
    [
      "'*' with credentials (no-ineffective-wildcard's case)",
      policy(written('*'), { credentials: { kind: 'known', value: true, at: 'credentials' } }),
      'PATCH',
    ],
    ["a lowercase entry (valid-header-values' case)", policy(written('get', 'put')), 'PUT'],
    [
      'an incomplete list',
      policy({
        kind: 'known',
        value: { pieces: [{ text: 'GET', at: 'GET' }], complete: false },
        at: 'methods',
      }),
      'DELETE',
    ],
    ['an unparsable list', policy(written('GET POST')), 'DELETE'],
    ['an unknown setting', policy({ kind: 'unknown', at: 'methods' }), 'DELETE'],
    ['an absent setting', policy({ kind: 'absent' }), 'DELETE'],
    [
      'a disabled policy',
      policy(written('GET'), { origin: { kind: 'disabled', at: 'origin' } }),
      'DELETE',
    ],
    ['an OPTIONS route', policy(written('GET')), 'OPTIONS'],
  ])('stays quiet for %s', (_name, given, method) => {
    expect(checkRouteMethodsAllowed(given, routes(method))).toEqual([]);
  });
});
