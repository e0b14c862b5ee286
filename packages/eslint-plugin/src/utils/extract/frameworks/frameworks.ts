/**
 * Every framework that configures CORS through its own API rather than by mounting a CORS package
 * the file imports: NestJS, socket.io, Apollo Server (4's standalone server; 2 and 3), @middy/http-cors and Next.js
 * `headers()`. Each yields the same policy model as the `cors` package.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findApolloServer3Policies } from './apollo-server-3.js';
import { findApolloStandalonePolicies } from './apollo-standalone.js';
import type { MiddlewarePolicy } from './cors-package.js';
import type { ExtractEnv } from './framework-options.js';
import type { LintedFile } from './imported-options.js';
import { findMiddyCorsPolicies } from './middy-cors.js';
import { findNestPolicies } from './nestjs.js';
import { findNestHeaderPolicies } from './nestjs-headers.js';
import { findNextConfigHeaderPolicies } from './next-config-headers.js';
import type { OriginReads } from '../values/request-origin.js';
import type { ResponseHeadersPolicy } from '../responses/response-headers.js';
import type { ScopeOf } from '../values/scope.js';
import { findSocketIoPolicies } from './socket-io.js';

export function findFrameworkPolicies(
  sourceCode: Readonly<TSESLint.SourceCode>,
  calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[],
  reads: OriginReads,
  scopeOf: ScopeOf,
  file: LintedFile,
): { middleware: MiddlewarePolicy[]; headers: ResponseHeadersPolicy[] } {
  const globalScope = sourceCode.scopeManager?.globalScope as
    TSESLint.Scope.Scope | null | undefined;
  const headers = findNextConfigHeaderPolicies(sourceCode, scopeOf);
  if (!globalScope) return { middleware: [], headers };
  const env: ExtractEnv = { calls, text: sourceCode.text, scopeOf, reads, file };
  return {
    middleware: [
      ...findNestPolicies(sourceCode.ast, env),
      ...findSocketIoPolicies(env),
      ...findApolloStandalonePolicies(env),
      ...findApolloServer3Policies(env),
      ...findMiddyCorsPolicies(env),
    ],
    headers: [...headers, ...findNestHeaderPolicies(env)],
  };
}
