/**
 * Is an object of `Access-Control-*` keys really sent as a response's headers? An object is only
 * taken for response headers where the code sends it: to a header setter (`res.set(obj)`,
 * `res.writeHead(200, obj)`), to `new Headers(obj)`, as the `headers` of a response
 * (`new Response(body, { headers })`, a Lambda result), one entry at a time by a loop
 * (`for (const [k, v] of Object.entries(obj)) headers.set(k, v)`, `Object.keys(obj).forEach(…)`,
 * `for (const k in obj)`), or through a constant, a spread or a function result that ends up there. The same object in a test assertion
 * (`assert.deepStrictEqual(res.headers, {...})`) or a request init (`fetch(url, { headers })`) is not,
 * nor is a `new Headers(obj)` that is a request's headers.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calledMethodName, isFunctionNode } from '../values/resolve.js';
import type { ScopeOf } from '../values/scope.js';
import { findVariable } from '../values/find-variable.js';
import { forEachChild } from '../values/ast-children.js';

type Node = TSESTree.Node;

/** Methods taking an object of response headers. */
export const OBJECT_HEADER_SETTERS = new Set([
  'set',
  'header',
  'headers',
  'setHeaders',
  'writeHead',
]);

/** Methods taking a header's name and value: `res.setHeader(name, value)`, `headers.set(name, value)`. */
export const NAME_VALUE_SETTERS = new Set(['setHeader', 'set', 'header', 'append', 'appendHeader']);

/** Callees whose init object describes a request, not a response. */
const REQUEST_FUNCTIONS = new Set(['fetch', 'Request', 'axios', 'ky', 'got', 'ofetch', '$fetch']);
const REQUEST_CLIENTS = new Set([
  'axios',
  'ky',
  'got',
  'http',
  'https',
  'superagent',
  'request',
  'instance',
  'client',
  'api',
]);

const MAX_HOPS = 4;

export function isSentAsResponseHeaders(node: Node, scopeOf: ScopeOf, hops = 0): boolean {
  const parent = node.parent;
  if (!parent || hops > MAX_HOPS) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.CallExpression: {
      if (parent.callee === node) return false;
      if (isObjectMethodCall(parent, ENTRY_READERS)) return isSetEntryByEntry(parent);
      const method = calledMethodName(parent);
      return method !== undefined && OBJECT_HEADER_SETTERS.has(method);
    }
    case AST_NODE_TYPES.NewExpression:
      return (
        parent.callee.type === AST_NODE_TYPES.Identifier &&
        parent.callee.name === 'Headers' &&
        !isRequestHeaders(parent, scopeOf)
      );
    case AST_NODE_TYPES.Property:
      return parent.value === node && keyIs(parent, 'headers') && !isRequestInit(parent.parent);
    case AST_NODE_TYPES.AssignmentExpression:
      // response.headers = {...}
      return (
        parent.right === node &&
        parent.left.type === AST_NODE_TYPES.MemberExpression &&
        memberIs(parent.left, 'headers')
      );
    case AST_NODE_TYPES.SpreadElement:
      return (
        parent.parent.type === AST_NODE_TYPES.ObjectExpression &&
        isSentAsResponseHeaders(parent.parent, scopeOf, hops + 1)
      );
    case AST_NODE_TYPES.ForInStatement:
      return parent.right === node && isSetEntryByEntry(node);
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return isSentAsResponseHeaders(parent, scopeOf, hops);
    case AST_NODE_TYPES.VariableDeclarator:
      return (
        parent.init === node &&
        parent.id.type === AST_NODE_TYPES.Identifier &&
        someReadIsSent(parent.id, scopeOf, hops)
      );
    case AST_NODE_TYPES.ReturnStatement:
      return returnedFromSentFunction(parent, scopeOf, hops);
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === node && someCallIsSent(parent, scopeOf, hops);
    default:
      return false;
  }
}

/** `Object.entries(obj)` gives pairs; `Object.keys(obj)` and `for (… in obj)` give names. */
const ENTRY_READERS = new Set(['entries', 'keys']);

/** `Object.<method>(node)`. */
function isObjectMethodCall(call: TSESTree.CallExpression, methods: ReadonlySet<string>): boolean {
  const callee = call.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Object' &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    methods.has(callee.property.name)
  );
}

/**
 * Is each entry of an object written as a header by a loop over it? `source` is `Object.entries(obj)`,
 * `Object.keys(obj)` or the `obj` of `for (const k in obj)`; the loop (a `for…of`, `for…in` or
 * `.forEach` callback) must call a name/value setter with the entry's name and its value (`v`, or
 * `obj[k]`). A loop doing anything else with the entries (copying them into a request) does not count.
 */
function isSetEntryByEntry(source: Node): boolean {
  const pairs =
    source.type === AST_NODE_TYPES.CallExpression &&
    isObjectMethodCall(source, new Set(['entries']));
  const loop = source.parent;
  let binding: Node | undefined;
  let body: Node | undefined;
  if (
    (loop?.type === AST_NODE_TYPES.ForOfStatement ||
      loop?.type === AST_NODE_TYPES.ForInStatement) &&
    loop.right === source
  ) {
    const left = loop.left;
    binding =
      left.type === AST_NODE_TYPES.VariableDeclaration ? left.declarations[0]?.id : undefined;
    body = loop.body;
  } else if (
    loop?.type === AST_NODE_TYPES.MemberExpression &&
    loop.object === source &&
    !loop.computed &&
    loop.property.type === AST_NODE_TYPES.Identifier &&
    loop.property.name === 'forEach' &&
    loop.parent.type === AST_NODE_TYPES.CallExpression &&
    loop.parent.callee === loop
  ) {
    const callback = loop.parent.arguments[0];
    if (callback && isFunctionNode(callback)) {
      binding = callback.params[0];
      body = callback.body;
    }
  }
  if (!binding || !body) return false;
  let name: string | undefined;
  let value: string | undefined;
  if (pairs && binding.type === AST_NODE_TYPES.ArrayPattern) {
    const [key, entryValue] = binding.elements;
    if (key?.type === AST_NODE_TYPES.Identifier) name = key.name;
    if (entryValue?.type === AST_NODE_TYPES.Identifier) value = entryValue.name;
  } else if (!pairs && binding.type === AST_NODE_TYPES.Identifier) name = binding.name;
  if (name === undefined) return false;
  return callsSetterWith(body, name, value);
}

/** Does `body` call `x.set(name, value)` (or another name/value setter), `value` being the entry's value or `obj[name]`? */
function callsSetterWith(body: Node, name: string, value: string | undefined): boolean {
  const isName = (node: Node | undefined) =>
    node?.type === AST_NODE_TYPES.Identifier && node.name === name;
  const isValue = (node: Node | undefined) =>
    value === undefined
      ? node?.type === AST_NODE_TYPES.MemberExpression && node.computed && isName(node.property)
      : node?.type === AST_NODE_TYPES.Identifier && node.name === value;
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const method = calledMethodName(node);
      const [first, second] = node.arguments;
      if (method && NAME_VALUE_SETTERS.has(method) && isName(first) && isValue(second)) {
        found = true;
        return;
      }
    }
    forEachChild(node, visit);
  };
  visit(body);
  return found;
}

function someReadIsSent(id: TSESTree.Identifier, scopeOf: ScopeOf, hops: number): boolean {
  const variable = findVariable(scopeOf(id), id);
  return (variable?.references ?? []).some(
    (reference) =>
      reference.isRead() && isSentAsResponseHeaders(reference.identifier, scopeOf, hops + 1),
  );
}

function returnedFromSentFunction(
  statement: TSESTree.ReturnStatement,
  scopeOf: ScopeOf,
  hops: number,
): boolean {
  let owner: Node | undefined = statement.parent;
  while (owner && !isFunctionNode(owner)) owner = owner.parent;
  return !!owner && isFunctionNode(owner) && someCallIsSent(owner, scopeOf, hops);
}

/** A helper returning headers (`function corsHeaders() { return {...} }`): is any call of it sent? */
function someCallIsSent(
  fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration,
  scopeOf: ScopeOf,
  hops: number,
): boolean {
  const name =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn.id
      : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator &&
          fn.parent.id.type === AST_NODE_TYPES.Identifier
        ? fn.parent.id
        : undefined;
  if (!name) return false;
  const variable = findVariable(scopeOf(name), name);
  return (variable?.references ?? []).some((reference) => {
    const call = reference.identifier.parent;
    return (
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.callee === reference.identifier &&
      isSentAsResponseHeaders(call, scopeOf, hops + 1)
    );
  });
}

/** `new Headers(…)` given as a request's headers (`fetch(url, { headers })`), directly or through a variable. */
function isRequestHeaders(headers: TSESTree.NewExpression, scopeOf: ScopeOf): boolean {
  const isRequestHeadersProperty = (value: Node) => {
    const property = value.parent;
    return (
      property?.type === AST_NODE_TYPES.Property &&
      property.value === value &&
      keyIs(property, 'headers') &&
      isRequestInit(property.parent)
    );
  };
  if (isRequestHeadersProperty(headers)) return true;
  const holder = headers.parent;
  if (
    holder?.type !== AST_NODE_TYPES.VariableDeclarator ||
    holder.init !== headers ||
    holder.id.type !== AST_NODE_TYPES.Identifier
  )
    return false;
  const variable = findVariable(scopeOf(holder.id), holder.id);
  return (variable?.references ?? []).some(
    (reference) => reference.isRead() && isRequestHeadersProperty(reference.identifier),
  );
}

/** `fetch(url, { headers })`, `new Request(url, {...})`, `axios.post(url, body, { headers })`. */
function isRequestInit(object: Node): boolean {
  const call = object.parent;
  if (
    (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) ||
    call.callee === object
  )
    return false;
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return REQUEST_FUNCTIONS.has(callee.name);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    if (memberIs(callee, 'fetch')) return true;
    return (
      callee.object.type === AST_NODE_TYPES.Identifier && REQUEST_CLIENTS.has(callee.object.name)
    );
  }
  return false;
}

function keyIs(property: TSESTree.Property, name: string): boolean {
  if (property.computed)
    return property.key.type === AST_NODE_TYPES.Literal && property.key.value === name;
  return (
    (property.key.type === AST_NODE_TYPES.Identifier && property.key.name === name) ||
    (property.key.type === AST_NODE_TYPES.Literal && property.key.value === name)
  );
}

function memberIs(member: TSESTree.MemberExpression, name: string): boolean {
  return (
    !member.computed &&
    member.property.type === AST_NODE_TYPES.Identifier &&
    member.property.name === name
  );
}
