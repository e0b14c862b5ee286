/**
 * Reads of values an attacker's page controls in a cross-origin request: the query string, path
 * parameters, the body, the URL, and the `Origin` / `Referer` headers (a page cannot set `Host` or
 * a custom header without a preflight, and cookies are the victim's). Any of them copied into
 * `Access-Control-Allow-Origin` is a reflection, whatever its name.
 *
 * Recognised on the handler's request object under the names frameworks give it (`req`, `request`,
 * `ctx`, `context`, `event`, `c`): Express/Koa/Fastify (`req.query.x`, `ctx.query`, `req.body`,
 * `req.get('Referer')`), Lambda (`event.queryStringParameters`), hono (`c.req.query('x')`), web
 * standard (`request.headers.get('origin')`, `new URL(request.url).searchParams.get('x')`), and
 * what Node's parsers make of them (`url.parse(req.url, true).query.x`, `querystring.parse(…)`,
 * `new URLSearchParams(…)`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { skipTypeWrappers, staticString } from './resolve.js';
import type { ScopeOf } from './scope.js';
import type { ModuleExport } from '../frameworks/libraries/module-export.js';
import { isLibraryFactory } from '../frameworks/libraries/module-export.js';

/** How request-sources names the request's Origin header, the one source that is the origin itself. */
export const ORIGIN_HEADER_SOURCE = 'the Origin header';

const REQUEST_NAMES = /^(?:req|request|ctx|context|event|evt|c|incomingRequest|httpRequest)$/;
/** Properties of a request that hold attacker-chosen data. */
const ATTACKER_FIELDS = new Set([
  'query',
  'params',
  'body',
  'url',
  'originalUrl',
  'path',
  'search',
  'searchParams',
  'queryStringParameters',
  'multiValueQueryStringParameters',
  'pathParameters',
  'nextUrl',
  'rawQuery',
]);
/** Properties that lead from a framework's context to its request (`ctx.request`, `c.req`). */
const REQUEST_HOPS = new Set(['request', 'req']);
/** Request headers an attacker's page sets without a preflight. */
const ATTACKER_HEADERS = new Set(['origin', 'referer', 'referrer']);
/** Getter methods on a request: `req.get('Referer')`, `c.req.header('Origin')`, `c.req.query('q')`. */
const HEADER_GETTERS = new Set(['get', 'header', 'getHeader']);
const FIELD_GETTERS = new Set(['query', 'param', 'queries']);
/**
 * Modules whose `parse` makes its result of its first argument only: Node's legacy `url.parse` and
 * `querystring.parse`, and the `qs` package.
 */
const PARSER_MODULES = ['url', 'node:url', 'querystring', 'node:querystring', 'qs'];
/** `parse` under any local name (`import { parse } from 'node:url'`, `const { parse } = require('qs')`). */
const PARSE_FUNCTIONS: readonly ModuleExport[] = PARSER_MODULES.map((module) => ({
  module,
  moduleIsFactory: false,
  namedExports: ['parse'],
}));
/** The module object (`import url from 'node:url'`, `import * as qs`, `require('url')`), whose `.parse` is called. */
const PARSER_OBJECTS: readonly ModuleExport[] = PARSER_MODULES.map((module) => ({
  module,
  moduleIsFactory: true,
  namedExports: [],
}));
/** Web constructors of the same kind: `new URL(req.url)`, `new URLSearchParams(req.url.split('?')[1])`. */
const PARSING_CONSTRUCTORS = new Set(['URL', 'URLSearchParams']);

/** A description of the request data `node` reads (`req.query`, `the Referer header`), or undefined. */
export function requestSourceOf(node: TSESTree.Node, scopeOf: ScopeOf): string | undefined {
  const bare = skipTypeWrappers(node);
  if (bare.type === AST_NODE_TYPES.MemberExpression) return memberSource(bare, scopeOf);
  if (bare.type === AST_NODE_TYPES.CallExpression)
    return parsedSource(bare, scopeOf) ?? callSource(bare, scopeOf);
  if (bare.type === AST_NODE_TYPES.NewExpression) return urlOfRequest(bare, scopeOf);
  return undefined;
}

/** `url.parse(req.url, true)`: every part of the parsed result (`.query.origin`) is the request's. */
function parsedSource(call: TSESTree.CallExpression, scopeOf: ScopeOf): string | undefined {
  const callee = skipTypeWrappers(call.callee);
  const member = callee.type === AST_NODE_TYPES.MemberExpression ? callee : undefined;
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : member
        ? propertyName(member, scopeOf)
        : undefined;
  const [first] = call.arguments;
  if (name !== 'parse' || !first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  // `url.parse(req.url ?? '')`: the fallback only stands in for a missing URL.
  const parsed = skipTypeWrappers(first);
  const inner = requestSourceOf(
    parsed.type === AST_NODE_TYPES.LogicalExpression && parsed.operator !== '&&'
      ? parsed.left
      : parsed,
    scopeOf,
  );
  if (!inner || inner.endsWith(' header')) return undefined;
  const isParser = member
    ? PARSER_OBJECTS.some((module) => isLibraryFactory(member.object, module, scopeOf))
    : PARSE_FUNCTIONS.some((parse) => isLibraryFactory(callee, parse, scopeOf));
  return isParser ? inner : undefined;
}

function memberSource(member: TSESTree.MemberExpression, scopeOf: ScopeOf): string | undefined {
  const name = propertyName(member, scopeOf);
  const object = skipTypeWrappers(member.object);
  // `req.query`, `ctx.request.body`, `event.queryStringParameters` and anything read below them.
  if (name !== undefined && ATTACKER_FIELDS.has(name) && isRequestObject(object))
    return `${textOf(object)}.${name}`;
  // `req.headers.referer`, `event.headers['Origin']`.
  if (
    name !== undefined &&
    ATTACKER_HEADERS.has(name.toLowerCase()) &&
    object.type === AST_NODE_TYPES.MemberExpression &&
    isHeadersOfRequest(object, scopeOf)
  )
    return `the ${capitalise(name)} header`;
  if (
    object.type === AST_NODE_TYPES.MemberExpression ||
    object.type === AST_NODE_TYPES.CallExpression ||
    object.type === AST_NODE_TYPES.NewExpression
  ) {
    const inner = requestSourceOf(object, scopeOf);
    // A field of attacker data is attacker data (`req.query.origin`), but not the request's headers in general.
    if (inner && !inner.endsWith(' header')) return inner;
  }
  return undefined;
}

function callSource(call: TSESTree.CallExpression, scopeOf: ScopeOf): string | undefined {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = propertyName(callee, scopeOf);
  const [first] = call.arguments;
  const argument =
    first && first.type !== AST_NODE_TYPES.SpreadElement
      ? staticString(first, scopeOf(first))?.toLowerCase()
      : undefined;
  const object = skipTypeWrappers(callee.object);
  if (method === undefined) return undefined;
  // `req.get('Referer')`, `request.headers.get('origin')`.
  if (
    HEADER_GETTERS.has(method) &&
    argument !== undefined &&
    ATTACKER_HEADERS.has(argument) &&
    (isRequestObject(object) ||
      (object.type === AST_NODE_TYPES.MemberExpression && isHeadersOfRequest(object, scopeOf)))
  ) {
    return `the ${capitalise(argument)} header`;
  }
  // `c.req.query('origin')`, `url.searchParams.get('origin')`.
  if (FIELD_GETTERS.has(method) && isRequestObject(object)) return `${textOf(object)}.${method}()`;
  if (method === 'get' || method === 'getAll') {
    const inner = requestSourceOf(object, scopeOf);
    if (inner && !inner.endsWith(' header')) return inner;
  }
  return undefined;
}

/** `new URL(req.url)`: every part of it (searchParams, hostname) is the attacker's. */
function urlOfRequest(expression: TSESTree.NewExpression, scopeOf: ScopeOf): string | undefined {
  if (
    expression.callee.type !== AST_NODE_TYPES.Identifier ||
    !PARSING_CONSTRUCTORS.has(expression.callee.name)
  )
    return undefined;
  const [first] = expression.arguments;
  return first && first.type !== AST_NODE_TYPES.SpreadElement
    ? requestSourceOf(first, scopeOf)
    : undefined;
}

/** `req`, `ctx.request`, `c.req`: a request under a framework's usual name. */
function isRequestObject(node: TSESTree.Node): boolean {
  const bare = skipTypeWrappers(node);
  if (bare.type === AST_NODE_TYPES.Identifier) return REQUEST_NAMES.test(bare.name);
  if (
    bare.type === AST_NODE_TYPES.MemberExpression &&
    !bare.computed &&
    bare.property.type === AST_NODE_TYPES.Identifier &&
    REQUEST_HOPS.has(bare.property.name)
  ) {
    return isRequestObject(bare.object);
  }
  return false;
}

function isHeadersOfRequest(member: TSESTree.MemberExpression, scopeOf: ScopeOf): boolean {
  const name = propertyName(member, scopeOf);
  return (
    (name === 'headers' || name === 'header' || name === 'multiValueHeaders') &&
    isRequestObject(member.object)
  );
}

function propertyName(member: TSESTree.MemberExpression, scopeOf: ScopeOf): string | undefined {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier)
    return member.property.name;
  return staticString(member.property, scopeOf(member.property));
}

function textOf(node: TSESTree.Node): string {
  const bare = skipTypeWrappers(node);
  if (bare.type === AST_NODE_TYPES.Identifier) return bare.name;
  if (
    bare.type === AST_NODE_TYPES.MemberExpression &&
    !bare.computed &&
    bare.property.type === AST_NODE_TYPES.Identifier
  )
    return `${textOf(bare.object)}.${bare.property.name}`;
  return 'the request';
}

function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();
}
