/**
 * The parts of a client request, read the same way for fetch and for the libraries in `clients/`
 * (axios, XMLHttpRequest, ky, ofetch): the URL, a fetch-shaped options object (`RequestInit`), its
 * headers and body.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ClientRequest, RequestBodyKind, RequestHeaderWrite, Setting } from 'cors-lint-core';
import {
  findConstantVariable,
  objectProperties,
  resolveNode,
  skipTypeWrappers,
  staticString,
} from '../values/resolve.js';
import { mergedObjectProperties } from '../values/merged-objects.js';
import { arrayElements } from '../values/cors-values.js';
import { findVariable } from '../values/find-variable.js';

type Node = TSESTree.Node;
type Scope = TSESLint.Scope.Scope;

export const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['window', 'globalThis', 'self']);

/** What a fetch-shaped options object (`RequestInit`) says. */
export interface Init {
  readonly method: Setting<string, Node>;
  readonly mode: Setting<string, Node>;
  readonly credentials: Setting<string, Node>;
  readonly headers: ClientRequest<Node>['headers'];
  readonly body: ClientRequest<Node>['body'];
}

const NO_INIT: Init = {
  method: { kind: 'absent' },
  mode: { kind: 'absent' },
  credentials: { kind: 'absent' },
  headers: { writes: [], complete: true },
  body: { kind: 'none' },
};

export function propertyNamed(property: TSESTree.Property, name: string): boolean {
  return (
    (property.key.type === AST_NODE_TYPES.Identifier && property.key.name === name) ||
    (property.key.type === AST_NODE_TYPES.Literal && property.key.value === name)
  );
}

export function isNamed(node: Node, name: string): boolean {
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
    if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*[/?#]/i.test(prefix) || /^\/(?!\/)/.test(prefix))
      return { kind: 'known', value: prefix, at: node };
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
    return {
      method: { kind: 'unknown', at: node },
      mode: { kind: 'unknown', at: node },
      credentials: { kind: 'unknown', at: node },
      headers: { writes: [], complete: false },
      body: { kind: 'unknown' },
    };
  }
  const { properties, complete } = read;
  const missing: Setting<string, Node> = complete
    ? { kind: 'absent' }
    : { kind: 'unknown', at: node };
  const stringOption = (
    name: string,
    at: (property: TSESTree.Property) => Node,
  ): Setting<string, Node> => {
    const option = properties.get(name);
    if (!option) return missing;
    const value = staticString(option.property.value, scope);
    return value === undefined
      ? { kind: 'unknown', at: option.property }
      : { kind: 'known', value, at: at(option.property) };
  };
  const headers = properties.get('headers');
  const body = properties.get('body');
  return {
    method: stringOption('method', (property) => property.value),
    // The whole property, so that a fix can remove the option.
    mode: stringOption('mode', (property) => property),
    credentials: stringOption('credentials', (property) => property),
    headers: headers
      ? { ...readHeaders(headers.property.value, scope), ...takenFrom(headers.property) }
      : { writes: [], complete },
    body: body
      ? { kind: fetchBodyKind(body.property.value, scope), at: body.property }
      : { kind: complete ? 'none' : 'unknown' },
  };
}

/** The `headers` option, when its value is not written in place (an object, pairs, `new Headers(…)`) but taken from elsewhere. */
function takenFrom(property: TSESTree.Property): { takenAt?: Node } {
  const value = skipTypeWrappers(property.value);
  const inPlace =
    value.type === AST_NODE_TYPES.ObjectExpression ||
    value.type === AST_NODE_TYPES.ArrayExpression ||
    value.type === AST_NODE_TYPES.NewExpression;
  return inPlace ? {} : { takenAt: property };
}

export function mergeInit(base: Init, own: Init): Init {
  const pick = <T>(mine: Setting<T, Node>, theirs: Setting<T, Node>) =>
    mine.kind === 'absent' ? theirs : mine;
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
  if (
    resolved.type === AST_NODE_TYPES.NewExpression &&
    resolved.callee.type === AST_NODE_TYPES.Identifier &&
    isGlobal(resolved.callee, resolved.callee.name, scope)
  ) {
    return BODY_CONSTRUCTORS.get(resolved.callee.name) ?? 'other';
  }
  if (resolved.type === AST_NODE_TYPES.NewExpression) return 'other';
  if (
    staticString(resolved, scope) !== undefined ||
    resolved.type === AST_NODE_TYPES.TemplateLiteral
  )
    return 'string';
  // fetch turns any other object into a string ("[object Object]"); libraries serialize it as JSON.
  if (
    resolved.type === AST_NODE_TYPES.ObjectExpression ||
    resolved.type === AST_NODE_TYPES.ArrayExpression
  )
    return 'json-object';
  if (
    resolved.type === AST_NODE_TYPES.CallExpression &&
    resolved.callee.type === AST_NODE_TYPES.MemberExpression
  ) {
    // `JSON.stringify(…)` and `params.toString()` give strings.
    const { object, property } = resolved.callee;
    const method =
      !resolved.callee.computed && property.type === AST_NODE_TYPES.Identifier
        ? property.name
        : undefined;
    if (
      object.type === AST_NODE_TYPES.Identifier &&
      object.name === 'JSON' &&
      method === 'stringify'
    )
      return 'string';
    if (method === 'toString') return 'string';
  }
  return 'unknown';
}

/** Headers as an object literal, `[[name, value]]` pairs, `new Headers({...})` / `new Headers([[name, value]])`, plus `set`/`append` on a same-file Headers constant. */
export function readHeaders(written: Node, scope: Scope): ClientRequest<Node>['headers'] {
  const resolved = resolveNode(written, scope);
  if (resolved.type === AST_NODE_TYPES.ObjectExpression) return readHeaderObject(resolved, scope);
  if (resolved.type === AST_NODE_TYPES.ArrayExpression) return readHeaderPairs(resolved, scope);
  if (
    resolved.type !== AST_NODE_TYPES.NewExpression ||
    !isGlobal(resolved.callee, 'Headers', scope)
  )
    return { writes: [], complete: false };
  const init = resolved.arguments[0];
  let result: { writes: RequestHeaderWrite<Node>[]; complete: boolean } = {
    writes: [],
    complete: true,
  };
  if (init) {
    const resolvedInit = resolveNode(init, scope);
    if (resolvedInit.type === AST_NODE_TYPES.ObjectExpression)
      result = readHeaderObject(resolvedInit, scope);
    else if (resolvedInit.type === AST_NODE_TYPES.ArrayExpression)
      result = readHeaderPairs(resolvedInit, scope);
    else result = { writes: [], complete: false };
  }
  const later =
    written.type === AST_NODE_TYPES.Identifier
      ? headerCalls(written, scope)
      : { writes: [], complete: true };
  return {
    writes: [...result.writes, ...later.writes],
    complete: result.complete && later.complete,
  };
}

function readHeaderObject(
  object: TSESTree.ObjectExpression,
  scope: Scope,
): { writes: RequestHeaderWrite<Node>[]; complete: boolean } {
  const { properties, complete } = objectProperties(object, scope);
  const writes = [...properties.values()].map(({ name, property }) => ({
    name,
    value: staticString(property.value, scope),
    at: property as Node,
  }));
  return { writes, complete };
}

function readHeaderPairs(
  array: TSESTree.ArrayExpression,
  scope: Scope,
): { writes: RequestHeaderWrite<Node>[]; complete: boolean } {
  const { elements, complete } = arrayElements(array, scope);
  const writes: RequestHeaderWrite<Node>[] = [];
  let allRead = complete;
  for (const element of elements) {
    const pair = resolveNode(element, scope);
    const name =
      pair.type === AST_NODE_TYPES.ArrayExpression && pair.elements[0]
        ? staticString(pair.elements[0], scope)
        : undefined;
    if (pair.type !== AST_NODE_TYPES.ArrayExpression || name === undefined) {
      allRead = false;
      continue;
    }
    const valueNode = pair.elements[1];
    writes.push({
      name,
      value:
        valueNode && valueNode.type !== AST_NODE_TYPES.SpreadElement
          ? staticString(valueNode, scope)
          : undefined,
      at: element,
    });
  }
  return { writes, complete: allRead };
}

/** `headers.set(name, value)` / `headers.append(name, value)` on the constant; any other use may add headers we cannot see. */
function headerCalls(
  identifier: TSESTree.Identifier,
  scope: Scope,
): { writes: RequestHeaderWrite<Node>[]; complete: boolean } {
  const variable = findConstantVariable(identifier, scope);
  if (!variable) return { writes: [], complete: false };
  const writes: RequestHeaderWrite<Node>[] = [];
  let complete = true;
  for (const reference of variable.references) {
    if (reference.isWrite()) continue;
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier)
      continue;
    const call = member.parent;
    const method =
      !member.computed && member.property.type === AST_NODE_TYPES.Identifier
        ? member.property.name
        : undefined;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
    if (method === 'set' || method === 'append') {
      const [nameNode, valueNode] = call.arguments;
      const name = nameNode ? staticString(nameNode, scope) : undefined;
      if (name === undefined) complete = false;
      else
        writes.push({
          name,
          value: valueNode ? staticString(valueNode, scope) : undefined,
          at: call,
        });
    } else if (method === 'delete') {
      complete = false;
    }
  }
  return { writes, complete };
}

export function memberName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier)
    return member.property.name;
  if (member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === 'string')
    return member.property.value;
  return undefined;
}
