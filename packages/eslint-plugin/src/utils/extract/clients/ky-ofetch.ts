/**
 * ky and ofetch: fetch wrappers whose options are fetch's `RequestInit` plus a few of their own.
 * ky: `ky(url, options)`, `ky.get/post/put/patch/delete/head(url, options)`; `json` is sent with
 * `Content-Type: application/json`, `prefixUrl` is put before the URL.
 * ofetch: `ofetch(url, options)` and `$fetch` (imported, or Nuxt's unbound global); a plain object,
 * array or string body of a PATCH/POST/PUT/DELETE is sent as JSON with `Content-Type:
 * application/json`; `baseURL` applies to relative URLs. Both checked against the real libraries
 * in tests/clients/ky-ofetch.real.test.ts.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ClientRequest, ResponseRead, Setting } from 'cors-lint-core';
import { asciiUppercase } from 'cors-lint-core';
import { bodyKind, isGlobal, memberName, readInit, readUrl } from './request-parts.js';
import { readsOfPromise } from './response-reads.js';
import type { Init } from './request-parts.js';
import { isLibraryFactory, namesModule } from '../frameworks/libraries/module-export.js';
import type { ModuleExport } from '../frameworks/libraries/module-export.js';
import { objectProperties, resolveNode, skipTypeWrappers } from '../values/resolve.js';
import type { ScopeOf } from '../values/scope.js';
import { hasHeader, impliedContentType, joinBaseUrl } from './library-defaults.js';

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

const KY: ModuleExport = { module: 'ky', moduleIsFactory: true, namedExports: [] };
const KY_HELPERS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);
/** ky's response promise reads the body directly: `await ky(url).json()`. */
const KY_BODY_SHORTCUTS: ReadonlySet<string> = new Set([
  'json',
  'text',
  'formData',
  'arrayBuffer',
  'blob',
  'bytes',
]);

const OFETCH: ModuleExport = {
  module: 'ofetch',
  moduleIsFactory: false,
  namedExports: ['ofetch', '$fetch'],
};
/** ofetch serializes a body as JSON only for these methods (its `isPayloadMethod`). */
const OFETCH_PAYLOAD_METHODS: ReadonlySet<string> = new Set(['PATCH', 'POST', 'PUT', 'DELETE']);

export function findKyRequests(
  calls: readonly Call[],
  scopeOf: ScopeOf,
  text: string,
): ClientRequest<Node>[] {
  if (!namesModule(text, 'ky')) return [];
  return calls.flatMap((call) => {
    if (call.type !== AST_NODE_TYPES.CallExpression) return [];
    const callee = skipTypeWrappers(call.callee);
    let helper: string | undefined;
    if (!isLibraryFactory(callee, KY, scopeOf)) {
      helper = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      if (
        helper === undefined ||
        !KY_HELPERS.has(helper) ||
        !isLibraryFactory((callee as TSESTree.MemberExpression).object, KY, scopeOf)
      )
        return [];
    }
    return [readKyRequest(call, helper, scopeOf)];
  });
}

function readKyRequest(
  call: TSESTree.CallExpression,
  helper: string | undefined,
  scopeOf: ScopeOf,
): ClientRequest<Node> {
  const [input, options] = call.arguments;
  const scope = scopeOf(call);
  const init = readInit(options, scope);
  // `ky.post(url, { method: 'put' })` sends a POST: the helper's method wins.
  const method: Setting<string, Node> = helper
    ? { kind: 'known', value: asciiUppercase(helper), at: skipTypeWrappers(call.callee) }
    : init.method;
  const json = option(options, 'json', scopeOf);
  let { headers, body } = init;
  if (json) {
    body = { kind: 'json-object', at: json };
    if (!hasHeader(headers.writes, 'Content-Type')) {
      headers = {
        ...headers,
        writes: [
          ...headers.writes,
          impliedContentType(headers.complete ? 'application/json' : undefined, json),
        ],
      };
    }
  }
  const prefix = option(options, 'prefixUrl', scopeOf);
  const url = readUrl(input, scope);
  return {
    at: call,
    client: 'ky',
    url: prefix ? prefixed(prefix, url, scopeOf) : url,
    ...init,
    method,
    headers,
    body,
    uploadListeners: [],
    responseReads: [...readsOfPromise(call, scopeOf), ...shortcutReads(call)],
  };
}

/** ky puts `prefixUrl` (with a slash added) before the input, absolute or not. */
function prefixed(
  prefixUrl: TSESTree.Property,
  url: Setting<string, Node>,
  scopeOf: ScopeOf,
): Setting<string, Node> {
  const prefix = readUrl(prefixUrl.value, scopeOf(prefixUrl));
  if (prefix.kind === 'known' && url.kind === 'known')
    return { kind: 'known', value: `${prefix.value.replace(/\/?$/, '/')}${url.value}`, at: url.at };
  return {
    kind: 'unknown',
    at: url.kind === 'known' || url.kind === 'unknown' ? url.at : prefixUrl,
  };
}

function shortcutReads(call: TSESTree.CallExpression): ResponseRead<Node>[] {
  const parent = call.parent;
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== call) return [];
  const member = memberName(parent);
  return member !== undefined && KY_BODY_SHORTCUTS.has(member) ? [{ member, at: parent }] : [];
}

export function findOfetchRequests(
  calls: readonly Call[],
  scopeOf: ScopeOf,
  text: string,
): ClientRequest<Node>[] {
  if (!text.includes('ofetch') && !text.includes('$fetch')) return [];
  const moduleNamed = namesModule(text, 'ofetch');
  return calls.flatMap((call) => {
    if (call.type !== AST_NODE_TYPES.CallExpression) return [];
    const callee = skipTypeWrappers(call.callee);
    const isOfetch =
      isGlobal(callee, '$fetch', scopeOf(call)) ||
      (moduleNamed && isLibraryFactory(callee, OFETCH, scopeOf));
    return isOfetch ? [readOfetchRequest(call, scopeOf)] : [];
  });
}

function readOfetchRequest(call: TSESTree.CallExpression, scopeOf: ScopeOf): ClientRequest<Node> {
  const [input, options] = call.arguments;
  const scope = scopeOf(call);
  const init = readInit(options, scope);
  const base = option(options, 'baseURL', scopeOf);
  return {
    at: call,
    client: 'ofetch',
    url: joinBaseUrl(
      base ? readUrl(base.value, scopeOf(base)) : { kind: 'absent' },
      readUrl(input, scope),
    ),
    ...init,
    ...ofetchBody(init, scopeOf),
    uploadListeners: [],
    // ofetch resolves to the parsed body, not a Response.
    responseReads: [],
  };
}

/** ofetch sends a plain object or array as JSON, and with a JSON-serializable body (strings too) writes `application/json` unless a Content-Type is set. */
function ofetchBody(init: Init, scopeOf: ScopeOf): Pick<ClientRequest<Node>, 'body' | 'headers'> {
  const property = init.body.at;
  if (property?.type !== AST_NODE_TYPES.Property) return { body: init.body, headers: init.headers };
  const kind = bodyKind(property.value, scopeOf(property));
  const body = { kind, at: property };
  const method =
    init.method.kind === 'known'
      ? asciiUppercase(init.method.value)
      : init.method.kind === 'absent'
        ? 'GET'
        : undefined;
  if (method === undefined) return { body, headers: { ...init.headers, complete: false } };
  const serialized = kind === 'json-object' || kind === 'string';
  if (
    !serialized ||
    !OFETCH_PAYLOAD_METHODS.has(method) ||
    hasHeader(init.headers.writes, 'Content-Type')
  )
    return { body, headers: init.headers };
  const implied = impliedContentType(
    init.headers.complete ? 'application/json' : undefined,
    property,
  );
  return { body, headers: { ...init.headers, writes: [...init.headers.writes, implied] } };
}

/** A property of an options object literal (or a same-file constant holding one). */
function option(
  options: Node | undefined,
  name: string,
  scopeOf: ScopeOf,
): TSESTree.Property | undefined {
  if (!options || options.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const object = resolveNode(options, scopeOf(options));
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  return objectProperties(object, scopeOf(object)).properties.get(name)?.property;
}
