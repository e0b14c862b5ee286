/**
 * NestJS `@Header(name, value)` on a controller method (`Header` from @nestjs/common under any local
 * name): Nest sets each header on the method's successful responses, a static string or the result
 * of a function called without the request, so nothing here depends on the request's Origin. The
 * `Access-Control-*` decorators of one method are one hand-set policy, reported at each value.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { canonicalCorsHeaderName } from 'cors-lint-core';
import type { ExtractEnv } from './framework-options.js';
import { callsOf } from './framework-options.js';
import { staticHeadersPolicy } from './next-config-headers.js';
import type { HeaderWrite, ResponseHeadersPolicy } from '../responses/response-headers.js';
import { staticPrimitive } from '../values/resolve.js';

const HEADER_DECORATOR = {
  module: '@nestjs/common',
  moduleIsFactory: false,
  namedExports: ['Header'],
};

export function findNestHeaderPolicies(env: ExtractEnv): ResponseHeadersPolicy[] {
  const byMethod = new Map<TSESTree.Node, HeaderWrite[]>();
  for (const call of callsOf(HEADER_DECORATOR, env)) {
    if (
      call.type !== AST_NODE_TYPES.CallExpression ||
      call.parent?.type !== AST_NODE_TYPES.Decorator
    )
      continue;
    const method = call.parent.parent;
    if (method?.type !== AST_NODE_TYPES.MethodDefinition) continue;
    const [nameNode, value] = call.arguments;
    if (
      !nameNode ||
      !value ||
      nameNode.type === AST_NODE_TYPES.SpreadElement ||
      value.type === AST_NODE_TYPES.SpreadElement
    )
      continue;
    const name = staticPrimitive(nameNode, env.scopeOf(nameNode));
    const canonical = typeof name === 'string' ? canonicalCorsHeaderName(name) : undefined;
    if (!canonical) continue;
    const writes = byMethod.get(method) ?? [];
    // Reported at the value: fixes then rewrite just the string, and nothing mistakes the decorator for a `res.setHeader` call.
    writes.push({ name: canonical, at: value, value, group: method });
    byMethod.set(method, writes);
  }
  // Decorators run bottom-up and each appends its header to the method's list, which Nest sets in
  // order: of a name written twice the topmost is set last and sent. Reversed, "last wins" holds.
  return [...byMethod.values()].map((writes) =>
    staticHeadersPolicy(writes.reverse(), [], env.scopeOf),
  );
}
