/**
 * Client requests: `fetch()` (bare, `window.`, `globalThis.`, `self.`) and `new Request()` later
 * fetched, with what they send (URL, method, mode, headers, body) and how the response is read;
 * plus the libraries in `clients/` (axios, XMLHttpRequest, ky, ofetch), which reuse the readers here.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ClientRequest } from 'cors-lint-core';
import {
  findConstantVariable,
  resolveNode,
  skipTypeWrappers,
  staticString,
} from '../values/resolve.js';
import { importedAs, mergeCall } from '../values/merged-objects.js';
import { forEachNode } from '../every-node.js';
import { findAxiosRequests } from './axios.js';
import { findKyRequests, findOfetchRequests } from './ky-ofetch.js';
import { findXhrRequests } from './xhr.js';
import {
  GLOBAL_OBJECTS,
  isGlobal,
  isNamed,
  mergeInit,
  propertyNamed,
  readInit,
  readUrl,
} from './request-parts.js';
import { readsOfPromise } from './response-reads.js';
import type { ScopeOf } from '../values/scope.js';

type Node = TSESTree.Node;
type Scope = TSESLint.Scope.Scope;

/** Every client request of a file; the text lets each library be skipped cheaply when the file never names it. */
export function findClientRequests(
  calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[],
  scopeOf: ScopeOf,
  sourceCode: Readonly<TSESLint.SourceCode>,
): ClientRequest<Node>[] {
  const { text } = sourceCode;
  const requests = [
    ...findFetchRequests(calls, scopeOf),
    ...findAxiosRequests(calls, scopeOf, text),
    ...findXhrRequests(calls, scopeOf, text),
    ...findKyRequests(calls, scopeOf, text),
    ...findOfetchRequests(calls, scopeOf, text),
  ];
  return text.includes('no-cors')
    ? [...requests, ...findPassedNoCorsInits(sourceCode, requests, scopeOf)]
    : requests;
}

/**
 * `mode: 'no-cors'` means something only to fetch, so an object literal that says it is a
 * `RequestInit`, wherever it goes: posted to a worker that fetches, handed to a helper, stored.
 * The ones no request above took are requests too, with an unknown URL and unread responses; their
 * method, headers and body are still what the fetch will get. Skipped: an object spread or merged
 * into another (that one decides, and a later `mode` may override), or passed to a client call
 * (axios has no `mode`).
 */
function findPassedNoCorsInits(
  sourceCode: Readonly<TSESLint.SourceCode>,
  requests: readonly ClientRequest<Node>[],
  scopeOf: ScopeOf,
): ClientRequest<Node>[] {
  const taken = new Set<Node>();
  const clientCalls = new Set<Node>();
  for (const request of requests) {
    if (request.mode.kind === 'known' || request.mode.kind === 'unknown')
      taken.add(request.mode.at);
    clientCalls.add(request.at);
  }
  const found: ClientRequest<Node>[] = [];
  forEachNode(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.ObjectExpression) return;
    const mode = node.properties.find(
      (property): property is TSESTree.Property =>
        property.type === AST_NODE_TYPES.Property &&
        !property.computed &&
        propertyNamed(property, 'mode'),
    );
    if (!mode || taken.has(mode)) return;
    const scope = scopeOf(node);
    if (
      staticString(mode.value, scope) !== 'no-cors' ||
      usesOf(node, scope).some((use) => feedsAnother(use, clientCalls, scopeOf))
    )
      return;
    found.push({
      at: node,
      client: 'fetch',
      uploadListeners: [],
      url: { kind: 'unknown', at: node },
      ...readInit(node, scope),
      responseReads: [],
    });
  });
  return found;
}

/** Where an object goes: itself, or each read of the constant it initialises. */
function usesOf(object: TSESTree.ObjectExpression, scope: Scope): Node[] {
  const declarator = object.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== object ||
    declarator.id.type !== AST_NODE_TYPES.Identifier
  )
    return [object];
  const variable = findConstantVariable(declarator.id, scope);
  return variable
    ? variable.references
        .filter((reference) => !reference.isWrite())
        .map((reference) => reference.identifier as Node)
    : [object];
}

/** Spread into an object, a source of a merge call, or an argument of a client call already read or of an XHR-based library. */
function feedsAnother(use: Node, clientCalls: ReadonlySet<Node>, scopeOf: ScopeOf): boolean {
  const parent = use.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.SpreadElement) return true;
  if (
    (parent.type === AST_NODE_TYPES.CallExpression ||
      parent.type === AST_NODE_TYPES.NewExpression) &&
    parent.callee !== use
  ) {
    if (clientCalls.has(parent)) return true;
    return (
      parent.type === AST_NODE_TYPES.CallExpression &&
      (mergeCall(parent, scopeOf(parent)) !== undefined ||
        isXhrLibraryCall(parent, scopeOf(parent)))
    );
  }
  return false;
}

/** Libraries that send with XMLHttpRequest ignore `mode`: `axios.create({…})`, `$.ajax({…})`, superagent. */
const XHR_LIBRARIES: ReadonlySet<string> = new Set(['axios', 'jquery', 'superagent']);
const XHR_LIBRARY_GLOBALS: ReadonlySet<string> = new Set(['axios', '$', 'jQuery', 'superagent']);

function isXhrLibraryCall(call: TSESTree.CallExpression, scope: Scope): boolean {
  let root: Node = skipTypeWrappers(call.callee);
  while (
    root.type === AST_NODE_TYPES.MemberExpression ||
    root.type === AST_NODE_TYPES.CallExpression
  )
    root = skipTypeWrappers(
      root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee,
    );
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const imported = importedAs(root, scope);
  if (imported) return XHR_LIBRARIES.has(imported.module);
  return XHR_LIBRARY_GLOBALS.has(root.name) && isGlobal(root, root.name, scope);
}

function findFetchRequests(
  calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[],
  scopeOf: ScopeOf,
): ClientRequest<Node>[] {
  const requests: ClientRequest<Node>[] = [];
  // `new Request(...)` → the `fetch(request)` calls without their own options, whose responses it gives.
  const fetchedAs = new Map<TSESTree.NewExpression, TSESTree.CallExpression[]>();
  for (const call of calls) {
    if (call.type !== AST_NODE_TYPES.CallExpression || !isFetch(call, scopeOf)) continue;
    const [target, initArg] = call.arguments;
    if (!target) continue;
    const scope = scopeOf(call);
    const resolved = resolveNode(target, scope);
    if (
      resolved.type === AST_NODE_TYPES.NewExpression &&
      isGlobal(resolved.callee, 'Request', scopeOf(resolved))
    ) {
      if (initArg === undefined) {
        fetchedAs.set(resolved, [...(fetchedAs.get(resolved) ?? []), call]);
        continue;
      }
      // `fetch(request, init)`: init's members override the request's.
      const base = readInit(resolved.arguments[1], scopeOf(resolved));
      const own = readInit(initArg, scope);
      requests.push({
        at: call,
        client: 'fetch',
        uploadListeners: [],
        url: readUrl(resolved.arguments[0], scopeOf(resolved)),
        ...mergeInit(base, own),
        responseReads: readsOfPromise(call, scopeOf),
      });
      continue;
    }
    requests.push({
      at: call,
      client: 'fetch',
      uploadListeners: [],
      url: readUrl(target, scope),
      ...readInit(initArg, scope),
      responseReads: readsOfPromise(call, scopeOf),
    });
  }
  for (const call of calls) {
    // The name first: most calls are not `new Request`, and finding a node's scope costs a walk up the tree.
    if (
      call.type !== AST_NODE_TYPES.NewExpression ||
      !isNamed(call.callee, 'Request') ||
      !isGlobal(call.callee, 'Request', scopeOf(call))
    )
      continue;
    const scope = scopeOf(call);
    const reads = (fetchedAs.get(call) ?? []).flatMap((fetchCall) =>
      readsOfPromise(fetchCall, scopeOf),
    );
    requests.push({
      at: call,
      client: 'fetch',
      uploadListeners: [],
      url: readUrl(call.arguments[0], scope),
      ...readInit(call.arguments[1], scope),
      responseReads: reads,
    });
  }
  return requests;
}

/** The call's scope is looked up only once the callee is named `fetch`. */
function isFetch(call: TSESTree.CallExpression, scopeOf: ScopeOf): boolean {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier)
    return isNamed(callee, 'fetch') && isGlobal(callee, 'fetch', scopeOf(call));
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
