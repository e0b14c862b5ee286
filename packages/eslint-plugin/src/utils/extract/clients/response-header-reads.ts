/**
 * Which response headers the file's scripts read: `response.headers.get('X-Total-Count')`,
 * `res.headers.has('ETag')`, `xhr.getResponseHeader('Link')`, axios's `response.headers['x-page']`.
 * The evidence `require-exposed-headers` needs before it says a cross-origin script misses a header
 * that browsers and caches also read by themselves.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ClientRequest } from 'cors-lint-core';
import { skipTypeWrappers } from '../values/resolve.js';

const HEADERS_METHODS = new Set(['get', 'has']);

/** Lowercased names of the headers read, from the file's calls and member reads. */
export function responseHeaderReads(
  calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[],
  sourceText: string,
): Set<string> {
  const names = new Set<string>();
  for (const call of calls) {
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = skipTypeWrappers(call.callee);
    if (
      callee.type !== AST_NODE_TYPES.MemberExpression ||
      callee.property.type !== AST_NODE_TYPES.Identifier
    )
      continue;
    const method = callee.property.name;
    const readsHeaders =
      method === 'getResponseHeader' ||
      (HEADERS_METHODS.has(method) && isHeadersProperty(callee.object));
    const [first] = call.arguments;
    if (readsHeaders && first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string')
      names.add(first.value.toLowerCase());
  }
  // axios and similar expose headers as a plain object: `response.headers['x-total-count']`, `headers.etag`.
  for (const match of sourceText.matchAll(
    /\.headers\s*(?:\[\s*(['"`])([\w-]+)\1\s*\]|\.([A-Za-z_]\w*))/g,
  )) {
    const name = match[2] ?? match[3];
    if (
      name &&
      !HEADERS_METHODS.has(name) &&
      name !== 'set' &&
      name !== 'append' &&
      name !== 'common'
    )
      names.add(name.toLowerCase());
  }
  return names;
}

function isHeadersProperty(node: TSESTree.Node): boolean {
  const bare = skipTypeWrappers(node);
  if (bare.type === AST_NODE_TYPES.Identifier) return bare.name === 'headers';
  return (
    bare.type === AST_NODE_TYPES.MemberExpression &&
    !bare.computed &&
    bare.property.type === AST_NODE_TYPES.Identifier &&
    bare.property.name === 'headers'
  );
}

/**
 * The response headers one request's response is read for, each at the header name's literal:
 * `res.headers.get('X-Total-Count')`, `res.headers.has(…)`, axios's `res.headers['x-total-count']`
 * and `res.headers.etag`. From the request's `headers` reads (client-requests.ts follows the response).
 */
export function headerReadsOfRequest(
  request: ClientRequest<TSESTree.Node>,
): { name: string; at: TSESTree.Node }[] {
  const reads: { name: string; at: TSESTree.Node }[] = [];
  for (const read of request.responseReads) {
    if (read.member !== 'headers' || read.at.type !== AST_NODE_TYPES.MemberExpression) continue;
    const parent = read.at.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== read.at) continue;
    if (parent.computed) {
      if (
        parent.property.type === AST_NODE_TYPES.Literal &&
        typeof parent.property.value === 'string'
      )
        reads.push({ name: parent.property.value, at: parent.property });
      continue;
    }
    if (parent.property.type !== AST_NODE_TYPES.Identifier) continue;
    const method = parent.property.name;
    const call = parent.parent;
    if (HEADERS_METHODS.has(method)) {
      const [first] =
        call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent
          ? call.arguments
          : [];
      if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string')
        reads.push({ name: first.value, at: first });
    } else if (
      method !== 'set' &&
      method !== 'append' &&
      method !== 'forEach' &&
      method !== 'entries' &&
      method !== 'keys' &&
      method !== 'values'
    ) {
      reads.push({ name: method, at: parent.property });
    }
  }
  return reads;
}

/** Lowercased header names a file's text reads, without parsing it: for the project index's view of every client. */
export function responseHeaderReadsInText(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(
    /(?:\.headers\s*\.\s*(?:get|has)|getResponseHeader)\(\s*(['"`])([\w-]+)\1\s*\)/g,
  ))
    names.add(match[2]!.toLowerCase());
  for (const match of text.matchAll(/\.headers\s*\[\s*(['"`])([\w-]+)\1\s*\]/g))
    names.add(match[2]!.toLowerCase());
  return [...names];
}
