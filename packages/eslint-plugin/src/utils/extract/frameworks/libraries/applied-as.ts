/**
 * The call that applied a CORS library, named as the user wrote it, for messages (core's
 * `PolicySource.appliedAs`): `fastify.register(cors, …)`, `corsMiddleware()` from cors,
 * `cors()` from hono/cors, `app.enableCors()`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { AppliedAs } from 'cors-lint-core';
import type { CorsLibrary } from './library.js';

export function appliedAs(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  library: CorsLibrary,
): AppliedAs {
  const { callee } = call;
  if (call.type === AST_NODE_TYPES.NewExpression)
    return { call: `new ${writtenName(callee) ?? library.name}()` };
  if (library.applied === 'register' && callee.type === AST_NODE_TYPES.MemberExpression) {
    const [plugin] = call.arguments;
    return {
      call: `${writtenName(callee.object) ?? 'app'}.register(${(plugin && writtenName(plugin)) ?? library.name}, …)`,
    };
  }
  // A method of the framework (`app.enableCors()`) names itself; a factory's local name may not say which library it is.
  if (callee.type === AST_NODE_TYPES.MemberExpression)
    return { call: `${writtenName(callee) ?? library.name}()` };
  const name = writtenName(callee) ?? library.module;
  return name === library.module
    ? { call: `${name}()` }
    : { call: `${name}()`, from: library.module };
}

/** `cors`, `app`, `this.app`, `NestFactory.create`; undefined for anything computed. */
function writtenName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (
    node.type !== AST_NODE_TYPES.MemberExpression ||
    node.computed ||
    node.property.type !== AST_NODE_TYPES.Identifier
  )
    return undefined;
  const object = writtenName(node.object);
  return object === undefined ? undefined : `${object}.${node.property.name}`;
}
