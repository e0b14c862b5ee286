/**
 * Client requests: `fetch()` (bare, `window.`, `globalThis.`, `self.`) and `new Request()` later
 * fetched, with what they send (URL, method, mode, headers, body) and how the response is read;
 * plus the libraries in `clients/` (axios, XMLHttpRequest, ky, ofetch), which reuse the readers here.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ClientRequest, RequestBodyKind, RequestHeaderWrite, ResponseRead, Setting } from 'cors-lint-core';
import { findConstantVariable, isFunctionNode, objectProperties, resolveNode, skipTypeWrappers, staticString } from '../values/resolve.js';
import { importedAs, mergeCall, mergedObjectProperties } from '../values/merged-objects.js';
import { forEachNode } from '../every-node.js';
import { findAxiosRequests } from './axios.js';
import { findKyRequests, findOfetchRequests } from './ky-ofetch.js';
import { findXhrRequests } from './xhr.js';
import type { ScopeOf } from '../values/scope.js';
import { arrayElements } from '../values/cors-values.js';
import { findVariable } from '../values/find-variable.js';

type Node = TSESTree.Node;
type Scope = TSESLint.Scope.Scope;

const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['window', 'globalThis', 'self']);

/** What a fetch-shaped options object (`RequestInit`) says. */
export interface Init {
  readonly method: Setting<string, Node>;
  readonly mode: Setting<string, Node>;
  readonly credentials: Setting<string, Node>;
  readonly headers: ClientRequest<Node>['headers'];
  readonly body: ClientRequest<Node>['body'];
}

const NO_INIT: Init = { method: { kind: 'absent' }, mode: { kind: 'absent' }, credentials: { kind: 'absent' }, headers: { writes: [], complete: true }, body: { kind: 'none' } };

/** Every client request of a file; the text lets each library be skipped cheaply when the file never names it. */
export function findClientRequests(calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[], scopeOf: ScopeOf, sourceCode: Readonly<TSESLint.SourceCode>): ClientRequest<Node>[] {
  const { text } = sourceCode;
  const requests = [...findFetchRequests(calls, scopeOf), ...findAxiosRequests(calls, scopeOf, text), ...findXhrRequests(calls, scopeOf, text), ...findKyRequests(calls, scopeOf, text), ...findOfetchRequests(calls, scopeOf, text)];
  return text.includes('no-cors') ? [...requests, ...findPassedNoCorsInits(sourceCode, requests, scopeOf)] : requests;
}

/**
 * `mode: 'no-cors'` means something only to fetch, so an object literal that says it is a
 * `RequestInit`, wherever it goes: posted to a worker that fetches, handed to a helper, stored.
 * The ones no request above took are requests too, with an unknown URL and unread responses; their
 * method, headers and body are still what the fetch will get. Skipped: an object spread or merged
 * into another (that one decides, and a later `mode` may override), or passed to a client call
 * (axios has no `mode`).
 */
function findPassedNoCorsInits(sourceCode: Readonly<TSESLint.SourceCode>, requests: readonly ClientRequest<Node>[], scopeOf: ScopeOf): ClientRequest<Node>[] {
  const taken = new Set<Node>();
  const clientCalls = new Set<Node>();
  for (const request of requests) {
    if (request.mode.kind === 'known' || request.mode.kind === 'unknown') taken.add(request.mode.at);
    clientCalls.add(request.at);
  }
  const found: ClientRequest<Node>[] = [];
  forEachNode(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.ObjectExpression) return;
    const mode = node.properties.find((property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && !property.computed && propertyNamed(property, 'mode'));
    if (!mode || taken.has(mode)) return;
    const scope = scopeOf(node);
    if (staticString(mode.value, scope) !== 'no-cors' || usesOf(node, scope).some((use) => feedsAnother(use, clientCalls, scopeOf))) return;
    found.push({ at: node, client: 'fetch', uploadListeners: [], url: { kind: 'unknown', at: node }, ...readInit(node, scope), responseReads: [] });
  });
  return found;
}

function propertyNamed(property: TSESTree.Property, name: string): boolean {
  return (property.key.type === AST_NODE_TYPES.Identifier && property.key.name === name) || (property.key.type === AST_NODE_TYPES.Literal && property.key.value === name);
}

/** Where an object goes: itself, or each read of the constant it initialises. */
function usesOf(object: TSESTree.ObjectExpression, scope: Scope): Node[] {
  const declarator = object.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== object || declarator.id.type !== AST_NODE_TYPES.Identifier) return [object];
  const variable = findConstantVariable(declarator.id, scope);
  return variable ? variable.references.filter((reference) => !reference.isWrite()).map((reference) => reference.identifier as Node) : [object];
}

/** Spread into an object, a source of a merge call, or an argument of a client call already read or of an XHR-based library. */
function feedsAnother(use: Node, clientCalls: ReadonlySet<Node>, scopeOf: ScopeOf): boolean {
  const parent = use.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.SpreadElement) return true;
  if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.callee !== use) {
    if (clientCalls.has(parent)) return true;
    return parent.type === AST_NODE_TYPES.CallExpression && (mergeCall(parent, scopeOf(parent)) !== undefined || isXhrLibraryCall(parent, scopeOf(parent)));
  }
  return false;
}

/** Libraries that send with XMLHttpRequest ignore `mode`: `axios.create({…})`, `$.ajax({…})`, superagent. */
const XHR_LIBRARIES: ReadonlySet<string> = new Set(['axios', 'jquery', 'superagent']);
const XHR_LIBRARY_GLOBALS: ReadonlySet<string> = new Set(['axios', '$', 'jQuery', 'superagent']);

function isXhrLibraryCall(call: TSESTree.CallExpression, scope: Scope): boolean {
  let root: Node = skipTypeWrappers(call.callee);
  while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) root = skipTypeWrappers(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const imported = importedAs(root, scope);
  if (imported) return XHR_LIBRARIES.has(imported.module);
  return XHR_LIBRARY_GLOBALS.has(root.name) && isGlobal(root, root.name, scope);
}

function findFetchRequests(calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[], scopeOf: ScopeOf): ClientRequest<Node>[] {
  const requests: ClientRequest<Node>[] = [];
  // `new Request(...)` → the `fetch(request)` calls without their own options, whose responses it gives.
  const fetchedAs = new Map<TSESTree.NewExpression, TSESTree.CallExpression[]>();
  for (const call of calls) {
    if (call.type !== AST_NODE_TYPES.CallExpression || !isFetch(call, scopeOf)) continue;
    const [target, initArg] = call.arguments;
    if (!target) continue;
    const scope = scopeOf(call);
    const resolved = resolveNode(target, scope);
    if (resolved.type === AST_NODE_TYPES.NewExpression && isGlobal(resolved.callee, 'Request', scopeOf(resolved))) {
      if (initArg === undefined) {
        fetchedAs.set(resolved, [...(fetchedAs.get(resolved) ?? []), call]);
        continue;
      }
      // `fetch(request, init)`: init's members override the request's.
      const base = readInit(resolved.arguments[1], scopeOf(resolved));
      const own = readInit(initArg, scope);
      requests.push({ at: call, client: 'fetch', uploadListeners: [], url: readUrl(resolved.arguments[0], scopeOf(resolved)), ...mergeInit(base, own), responseReads: readsOfPromise(call, scopeOf) });
      continue;
    }
    requests.push({ at: call, client: 'fetch', uploadListeners: [], url: readUrl(target, scope), ...readInit(initArg, scope), responseReads: readsOfPromise(call, scopeOf) });
  }
  for (const call of calls) {
    // The name first: most calls are not `new Request`, and finding a node's scope costs a walk up the tree.
    if (call.type !== AST_NODE_TYPES.NewExpression || !isNamed(call.callee, 'Request') || !isGlobal(call.callee, 'Request', scopeOf(call))) continue;
    const scope = scopeOf(call);
    const reads = (fetchedAs.get(call) ?? []).flatMap((fetchCall) => readsOfPromise(fetchCall, scopeOf));
    requests.push({ at: call, client: 'fetch', uploadListeners: [], url: readUrl(call.arguments[0], scope), ...readInit(call.arguments[1], scope), responseReads: reads });
  }
  return requests;
}

/** The call's scope is looked up only once the callee is named `fetch`. */
function isFetch(call: TSESTree.CallExpression, scopeOf: ScopeOf): boolean {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return isNamed(callee, 'fetch') && isGlobal(callee, 'fetch', scopeOf(call));
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === 'fetch' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    GLOBAL_OBJECTS.has(callee.object.name) &&
    isGlobal(callee.object, callee.object.name, scopeOf(call))
  );
}

function isNamed(node: Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name;
}

/** `name` as the browser's global, not a local binding that shadows it. */
export function isGlobal(node: Node, name: string, scope: Scope): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier || node.name !== name) return false;
  const variable = findVariable(scope, node);
  return !variable || variable.defs.length === 0;
}

/** The URL, or for a template literal the literal start that fixes its origin (or marks it relative). */
export function readUrl(node: Node | undefined, scope: Scope): Setting<string, Node> {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return { kind: 'absent' };
  const whole = staticString(node, scope);
  if (whole !== undefined) return { kind: 'known', value: whole, at: node };
  const resolved = resolveNode(node, scope);
  if (resolved.type === AST_NODE_TYPES.TemplateLiteral) {
    const prefix = templatePrefix(resolved, scope);
    // Only a start that ends the origin (`https://api.example.com/…`) or a path (`/api/…`) says where the request goes.
    if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*[/?#]/i.test(prefix) || /^\/(?!\/)/.test(prefix)) return { kind: 'known', value: prefix, at: node };
  }
  return { kind: 'unknown', at: node };
}

/** The template's text up to its first expression that is not a same-file constant. */
function templatePrefix(template: TSESTree.TemplateLiteral, scope: Scope): string {
  let prefix = '';
  for (const [index, quasi] of template.quasis.entries()) {
    prefix += quasi.value.cooked ?? '';
    const expression = template.expressions[index];
    if (!expression) break;
    const value = staticString(expression, scope);
    if (value === undefined) break;
    prefix += value;
  }
  return prefix;
}

/** A `RequestInit`: an object literal, a constant holding one, or a merge of them (`Object.assign`, lodash's `merge`, …). */
export function readInit(node: Node | undefined, scope: Scope): Init {
  if (!node) return NO_INIT;
  const read = mergedObjectProperties(node, scope);
  if (!read) {
    return { method: { kind: 'unknown', at: node }, mode: { kind: 'unknown', at: node }, credentials: { kind: 'unknown', at: node }, headers: { writes: [], complete: false }, body: { kind: 'unknown' } };
  }
  const { properties, complete } = read;
  const missing: Setting<string, Node> = complete ? { kind: 'absent' } : { kind: 'unknown', at: node };
  const stringOption = (name: string, at: (property: TSESTree.Property) => Node): Setting<string, Node> => {
    const option = properties.get(name);
    if (!option) return missing;
    const value = staticString(option.property.value, scope);
    return value === undefined ? { kind: 'unknown', at: option.property } : { kind: 'known', value, at: at(option.property) };
  };
  const headers = properties.get('headers');
  const body = properties.get('body');
  return {
    method: stringOption('method', (property) => property.value),
    // The whole property, so that a fix can remove the option.
    mode: stringOption('mode', (property) => property),
    credentials: stringOption('credentials', (property) => property),
    headers: headers ? { ...readHeaders(headers.property.value, scope), ...takenFrom(headers.property) } : { writes: [], complete },
    body: body ? { kind: fetchBodyKind(body.property.value, scope), at: body.property } : { kind: complete ? 'none' : 'unknown' },
  };
}

/** The `headers` option, when its value is not written in place (an object, pairs, `new Headers(…)`) but taken from elsewhere. */
function takenFrom(property: TSESTree.Property): { takenAt?: Node } {
  const value = skipTypeWrappers(property.value);
  const inPlace = value.type === AST_NODE_TYPES.ObjectExpression || value.type === AST_NODE_TYPES.ArrayExpression || value.type === AST_NODE_TYPES.NewExpression;
  return inPlace ? {} : { takenAt: property };
}

function mergeInit(base: Init, own: Init): Init {
  const pick = <T>(mine: Setting<T, Node>, theirs: Setting<T, Node>) => (mine.kind === 'absent' ? theirs : mine);
  return {
    method: pick(own.method, base.method),
    mode: pick(own.mode, base.mode),
    credentials: pick(own.credentials, base.credentials),
    headers: own.headers.writes.length > 0 || !own.headers.complete ? own.headers : base.headers,
    body: own.body.kind === 'none' ? base.body : own.body,
  };
}

const BODY_CONSTRUCTORS: ReadonlyMap<string, RequestBodyKind> = new Map([
  ['ReadableStream', 'stream'],
  ['FormData', 'form-data'],
  ['URLSearchParams', 'url-search-params'],
  ['Blob', 'blob'],
  ['File', 'blob'],
  ['ArrayBuffer', 'buffer'],
  ['Uint8Array', 'buffer'],
  ['DataView', 'buffer'],
]);

/** fetch sends a plain object as the string "[object Object]" (WebIDL's conversion to USVString). */
export function fetchBodyKind(value: Node, scope: Scope): RequestBodyKind {
  const kind = bodyKind(value, scope);
  return kind === 'json-object' ? 'string' : kind;
}

/** The body's kind as fetch extracts it (Fetch §extract-a-body); a same-file constant is followed. */
export function bodyKind(value: Node, scope: Scope): RequestBodyKind {
  const resolved = resolveNode(value, scope);
  if (resolved.type === AST_NODE_TYPES.NewExpression && resolved.callee.type === AST_NODE_TYPES.Identifier && isGlobal(resolved.callee, resolved.callee.name, scope)) {
    return BODY_CONSTRUCTORS.get(resolved.callee.name) ?? 'other';
  }
  if (resolved.type === AST_NODE_TYPES.NewExpression) return 'other';
  if (staticString(resolved, scope) !== undefined || resolved.type === AST_NODE_TYPES.TemplateLiteral) return 'string';
  // fetch turns any other object into a string ("[object Object]"); libraries serialize it as JSON.
  if (resolved.type === AST_NODE_TYPES.ObjectExpression || resolved.type === AST_NODE_TYPES.ArrayExpression) return 'json-object';
  if (resolved.type === AST_NODE_TYPES.CallExpression && resolved.callee.type === AST_NODE_TYPES.MemberExpression) {
    // `JSON.stringify(…)` and `params.toString()` give strings.
    const { object, property } = resolved.callee;
    const method = !resolved.callee.computed && property.type === AST_NODE_TYPES.Identifier ? property.name : undefined;
    if (object.type === AST_NODE_TYPES.Identifier && object.name === 'JSON' && method === 'stringify') return 'string';
    if (method === 'toString') return 'string';
  }
  return 'unknown';
}

/** Headers as an object literal, `[[name, value]]` pairs, `new Headers({...})` / `new Headers([[name, value]])`, plus `set`/`append` on a same-file Headers constant. */
export function readHeaders(written: Node, scope: Scope): ClientRequest<Node>['headers'] {
  const resolved = resolveNode(written, scope);
  if (resolved.type === AST_NODE_TYPES.ObjectExpression) return readHeaderObject(resolved, scope);
  if (resolved.type === AST_NODE_TYPES.ArrayExpression) return readHeaderPairs(resolved, scope);
  if (resolved.type !== AST_NODE_TYPES.NewExpression || !isGlobal(resolved.callee, 'Headers', scope)) return { writes: [], complete: false };
  const init = resolved.arguments[0];
  let result: { writes: RequestHeaderWrite<Node>[]; complete: boolean } = { writes: [], complete: true };
  if (init) {
    const resolvedInit = resolveNode(init, scope);
    if (resolvedInit.type === AST_NODE_TYPES.ObjectExpression) result = readHeaderObject(resolvedInit, scope);
    else if (resolvedInit.type === AST_NODE_TYPES.ArrayExpression) result = readHeaderPairs(resolvedInit, scope);
    else result = { writes: [], complete: false };
  }
  const later = written.type === AST_NODE_TYPES.Identifier ? headerCalls(written, scope) : { writes: [], complete: true };
  return { writes: [...result.writes, ...later.writes], complete: result.complete && later.complete };
}

function readHeaderObject(object: TSESTree.ObjectExpression, scope: Scope): { writes: RequestHeaderWrite<Node>[]; complete: boolean } {
  const { properties, complete } = objectProperties(object, scope);
  const writes = [...properties.values()].map(({ name, property }) => ({ name, value: staticString(property.value, scope), at: property as Node }));
  return { writes, complete };
}

function readHeaderPairs(array: TSESTree.ArrayExpression, scope: Scope): { writes: RequestHeaderWrite<Node>[]; complete: boolean } {
  const { elements, complete } = arrayElements(array, scope);
  const writes: RequestHeaderWrite<Node>[] = [];
  let allRead = complete;
  for (const element of elements) {
    const pair = resolveNode(element, scope);
    const name = pair.type === AST_NODE_TYPES.ArrayExpression && pair.elements[0] ? staticString(pair.elements[0], scope) : undefined;
    if (pair.type !== AST_NODE_TYPES.ArrayExpression || name === undefined) {
      allRead = false;
      continue;
    }
    const valueNode = pair.elements[1];
    writes.push({ name, value: valueNode && valueNode.type !== AST_NODE_TYPES.SpreadElement ? staticString(valueNode, scope) : undefined, at: element });
  }
  return { writes, complete: allRead };
}

/** `headers.set(name, value)` / `headers.append(name, value)` on the constant; any other use may add headers we cannot see. */
function headerCalls(identifier: TSESTree.Identifier, scope: Scope): { writes: RequestHeaderWrite<Node>[]; complete: boolean } {
  const variable = findConstantVariable(identifier, scope);
  if (!variable) return { writes: [], complete: false };
  const writes: RequestHeaderWrite<Node>[] = [];
  let complete = true;
  for (const reference of variable.references) {
    if (reference.isWrite()) continue;
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const call = member.parent;
    const method = !member.computed && member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : undefined;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
    if (method === 'set' || method === 'append') {
      const [nameNode, valueNode] = call.arguments;
      const name = nameNode ? staticString(nameNode, scope) : undefined;
      if (name === undefined) complete = false;
      else writes.push({ name, value: valueNode ? staticString(valueNode, scope) : undefined, at: call });
    } else if (method === 'delete') {
      complete = false;
    }
  }
  return { writes, complete };
}

/** Reads of the response a fetch promise resolves to: `await`, `.then(response => …)`, or a variable holding either. */
export function readsOfPromise(promise: Node, scopeOf: ScopeOf, depth = 0): ResponseRead<Node>[] {
  const parent = promise.parent;
  if (!parent || depth > 4) return [];
  if (parent.type === AST_NODE_TYPES.AwaitExpression) return readsOfResponse(parent, scopeOf, depth);
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === promise && memberName(parent) === 'then') {
    const call = parent.parent;
    const callback = call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent ? call.arguments[0] : undefined;
    const fn = callback && resolveNode(callback, scopeOf(callback));
    const param = fn && isFunctionNode(fn) ? fn.params[0] : undefined;
    return param ? readsOfBinding(param, scopeOf, depth) : [];
  }
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === promise) {
    return readsOfBinding(parent.id, scopeOf, depth, (identifier) => readsOfPromise(identifier, scopeOf, depth + 1));
  }
  return readsThroughReturn(promise, scopeOf, depth);
}

/**
 * A helper that returns the response (or the promise of it) hands it to its callers: their reads
 * are reads of this response. Only the helper's calls in this file are followed, as far as a
 * promise or response is followed anywhere; a caller that passes it on (to `respondWith`, to a
 * cache) reads nothing.
 */
function readsThroughReturn(value: Node, scopeOf: ScopeOf, depth: number): ResponseRead<Node>[] {
  const parent = value.parent;
  const fn = parent?.type === AST_NODE_TYPES.ReturnStatement ? enclosingFunction(parent) : parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value ? parent : undefined;
  const name = fn && functionName(fn);
  if (!name) return [];
  const variable = findVariable(scopeOf(name), name);
  if (!variable) return [];
  return variable.references.flatMap((reference) => {
    const call = reference.identifier.parent;
    return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier ? readsOfPromise(call, scopeOf, depth + 1) : [];
  });
}

function enclosingFunction(node: Node): TSESTree.FunctionLike | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return undefined;
}

/** The name a function is called by: its declaration's, or the constant's it initialises. */
function functionName(fn: TSESTree.FunctionLike): TSESTree.Identifier | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id ?? undefined;
  const declarator = fn.parent;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === fn && declarator.id.type === AST_NODE_TYPES.Identifier ? declarator.id : undefined;
}

function readsOfResponse(response: Node, scopeOf: ScopeOf, depth: number): ResponseRead<Node>[] {
  const parent = response.parent;
  if (!parent) return [];
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === response) {
    const member = memberName(parent);
    return member === undefined ? [] : [{ member, at: parent }];
  }
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === response) return readsOfBinding(parent.id, scopeOf, depth);
  return readsThroughReturn(response, scopeOf, depth);
}

/** Reads through a binding: each use of a variable, or each property a destructuring pattern takes. */
function readsOfBinding(pattern: Node, scopeOf: ScopeOf, depth: number, followUse?: (identifier: TSESTree.Identifier) => ResponseRead<Node>[]): ResponseRead<Node>[] {
  if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
    return pattern.properties.flatMap((property) => {
      if (property.type !== AST_NODE_TYPES.Property) return [];
      const member = !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
      return member === undefined ? [] : [{ member, at: property as Node }];
    });
  }
  if (pattern.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = findVariable(scopeOf(pattern), pattern);
  if (!variable) return [];
  return variable.references
    .filter((reference) => !reference.isWrite())
    .flatMap((reference) => (followUse ? followUse(reference.identifier as TSESTree.Identifier) : readsOfResponse(reference.identifier, scopeOf, depth + 1)));
}

export function memberName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) return member.property.name;
  if (member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === 'string') return member.property.value;
  return undefined;
}
