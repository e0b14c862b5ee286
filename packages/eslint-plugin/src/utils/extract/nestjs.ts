/**
 * NestJS: `app.enableCors(options?)` and `NestFactory.create(Module, [adapter,] { cors: options | true })`.
 * Nest hands the options to the adapter's library: the `cors` package on Express (the default), or
 * @fastify/cors on `FastifyAdapter` (cors-reference.md §3.5); `cors: true` and `enableCors()` mean
 * that library's defaults. A delegate or computed options are not modelled (no policy).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { MiddlewarePolicy } from './cors-package.js';
import type { ExtractEnv } from './framework-options.js';
import { defaultsAt, importsModule, optionsObjectOf, readCorsPackageOptions, trackedCalls } from './framework-options.js';
import { calledMethodName, objectProperties, resolveNode, staticPrimitive } from './resolve.js';

type Node = TSESTree.Node;

const NEST_FACTORY_CREATE = { '@nestjs/core': { NestFactory: { create: { [ASTUtils.ReferenceTracker.CALL]: true } } } };

export function findNestPolicies(program: TSESTree.Program, calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[], env: ExtractEnv): MiddlewarePolicy[] {
  if (!importsModule(program, (specifier) => specifier.startsWith('@nestjs/'))) return [];
  const fastifyFile = importsModule(program, (specifier) => specifier === '@nestjs/platform-fastify');
  const policies: MiddlewarePolicy[] = [];
  for (const call of calls) {
    if (call.type !== AST_NODE_TYPES.CallExpression || calledMethodName(call) !== 'enableCors') continue;
    const [argument] = call.arguments;
    const library = fastifyFile ? '@fastify/cors' : 'cors';
    if (!argument) {
      policies.push(readCorsPackageOptions({ library, call, paths: [] }, undefined, env));
      continue;
    }
    if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
    const options = optionsObjectOf(argument, env);
    if (options) policies.push(readCorsPackageOptions({ library, call, paths: [] }, options, env));
  }
  for (const create of trackedCalls(env, NEST_FACTORY_CREATE)) {
    if (create.type !== AST_NODE_TYPES.CallExpression) continue;
    const policy = factoryCorsPolicy(create, fastifyFile, env);
    if (policy) policies.push(policy);
  }
  return policies;
}

/** `NestFactory.create(AppModule, { cors })` or `create(AppModule, new FastifyAdapter(), { cors })`. */
function factoryCorsPolicy(create: TSESTree.CallExpression, fastifyFile: boolean, env: ExtractEnv): MiddlewarePolicy | undefined {
  const [, second, third] = create.arguments;
  const adapter = second && third ? second : undefined;
  const appOptions = third ?? (second && second.type !== AST_NODE_TYPES.SpreadElement && !isAdapter(second, env) ? second : undefined);
  if (!appOptions || appOptions.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const object = resolveNode(appOptions, env.scopeOf(appOptions));
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const { properties } = objectProperties(object, env.scopeOf(object));
  const cors = properties.get('cors');
  if (!cors) return undefined;
  const library = (adapter && adapter.type !== AST_NODE_TYPES.SpreadElement ? isFastifyAdapter(adapter, env) : fastifyFile) ? '@fastify/cors' : 'cors';
  if (staticPrimitive(cors.value, env.scopeOf(cors.value)) === true) return defaultsAt(readCorsPackageOptions({ library, call: create, paths: [] }, undefined, env), cors.value);
  const options = optionsObjectOf(cors.value, env);
  return options && readCorsPackageOptions({ library, call: create, paths: [] }, options, env);
}

/** The second argument is an HTTP adapter when it is constructed (`new ExpressAdapter()`), inline or through a constant. */
function isAdapter(node: Node, env: ExtractEnv): boolean {
  return resolveNode(node, env.scopeOf(node)).type === AST_NODE_TYPES.NewExpression;
}

function isFastifyAdapter(node: Node, env: ExtractEnv): boolean {
  const expression = resolveNode(node, env.scopeOf(node));
  return expression.type === AST_NODE_TYPES.NewExpression && expression.callee.type === AST_NODE_TYPES.Identifier && expression.callee.name === 'FastifyAdapter';
}
