/**
 * Which response headers the file's scripts read: `response.headers.get('X-Total-Count')`,
 * `res.headers.has('ETag')`, `xhr.getResponseHeader('Link')`, axios's `response.headers['x-page']`.
 * The evidence `require-exposed-headers` needs before it says a cross-origin script misses a header
 * that browsers and caches also read by themselves.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { skipTypeWrappers } from '../values/resolve.js';

const HEADERS_METHODS = new Set(['get', 'has']);

/** Lowercased names of the headers read, from the file's calls and member reads. */
export function responseHeaderReads(calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[], sourceText: string): Set<string> {
  const names = new Set<string>();
  for (const call of calls) {
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = skipTypeWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier) continue;
    const method = callee.property.name;
    const readsHeaders = method === 'getResponseHeader' || (HEADERS_METHODS.has(method) && isHeadersProperty(callee.object));
    const [first] = call.arguments;
    if (readsHeaders && first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string') names.add(first.value.toLowerCase());
  }
  // axios and similar expose headers as a plain object: `response.headers['x-total-count']`, `headers.etag`.
  for (const match of sourceText.matchAll(/\.headers\s*(?:\[\s*(['"`])([\w-]+)\1\s*\]|\.([A-Za-z_]\w*))/g)) {
    const name = match[2] ?? match[3];
    if (name && !HEADERS_METHODS.has(name) && name !== 'set' && name !== 'append' && name !== 'common') names.add(name.toLowerCase());
  }
  return names;
}

function isHeadersProperty(node: TSESTree.Node): boolean {
  const bare = skipTypeWrappers(node);
  if (bare.type === AST_NODE_TYPES.Identifier) return bare.name === 'headers';
  return bare.type === AST_NODE_TYPES.MemberExpression && !bare.computed && bare.property.type === AST_NODE_TYPES.Identifier && bare.property.name === 'headers';
}
