/**
 * NestJS: `app.enableCors(options?)` (on any app: the one `NestFactory.create` made, or a helper's
 * parameter) and `NestFactory.create(Module, [adapter,] { cors: options | true })`.
 * Nest hands the options to the adapter's library: the `cors` package on Express (the default), or
 * @fastify/cors on `FastifyAdapter` (cors-reference.md §3.5); `cors: true` and `enableCors()` mean
 * that library's defaults. A delegate or computed options are not modelled (no policy).
 * @nestjs/platform-fastify depends on its own @fastify/cors: its defaults follow the version the
 * installed adapter declares, not the project's package.json (unknown when it is not installed).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { bundledDependencyMajor } from '../../package-versions.js';
import type { MiddlewarePolicy } from './cors-package.js';
import type { ExtractEnv, LibrarySite } from './framework-options.js';
import {
  defaultsAt,
  importsModule,
  optionsObjectOf,
  readFrameworkCorsOptions,
} from './framework-options.js';
import { CORS_PACKAGE } from './libraries/cors.js';
import { FASTIFY_CORS } from './libraries/fastify-cors.js';
import type { CorsLibrary } from './libraries/library.js';
import { isLibraryFactory } from './libraries/module-export.js';
import {
  calledMethodName,
  objectProperties,
  resolveNode,
  skipTypeWrappers,
  staticPrimitive,
} from '../values/resolve.js';

type Node = TSESTree.Node;

const NEST_FACTORY = {
  module: '@nestjs/core',
  moduleIsFactory: false,
  namedExports: ['NestFactory'],
};
const FASTIFY_PLATFORM = '@nestjs/platform-fastify';
/** @fastify/cors as Nest applies it: the options are the argument of `enableCors`, not of a `register`. */
const NEST_FASTIFY_CORS: CorsLibrary = { ...FASTIFY_CORS, applied: 'call' };

export function findNestPolicies(program: TSESTree.Program, env: ExtractEnv): MiddlewarePolicy[] {
  if (!importsModule(program, (specifier) => specifier.startsWith('@nestjs/'))) return [];
  const fastifyFile = importsModule(program, (specifier) => specifier === FASTIFY_PLATFORM);
  const siteFor = (call: TSESTree.CallExpression, fastify: boolean): LibrarySite =>
    fastify
      ? {
          library: NEST_FASTIFY_CORS,
          call,
          paths: [],
          major: bundledDependencyMajor(env.file.filename, FASTIFY_PLATFORM, FASTIFY_CORS.name),
        }
      : { library: CORS_PACKAGE, call, paths: [], major: undefined };
  const policies: MiddlewarePolicy[] = [];
  for (const call of env.calls) {
    if (call.type !== AST_NODE_TYPES.CallExpression || calledMethodName(call) !== 'enableCors')
      continue;
    const site = siteFor(call, receiverPlatform(call, env) ?? fastifyFile);
    const [argument] = call.arguments;
    if (!argument) {
      policies.push(readFrameworkCorsOptions(site, undefined, env));
      continue;
    }
    if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
    const options = optionsObjectOf(argument, env);
    if (options) policies.push(readFrameworkCorsOptions(site, options, env));
  }
  for (const create of env.calls) {
    if (!isFactoryCreate(create, env)) continue;
    const policy = factoryCorsPolicy(create, fastifyFile, siteFor, env);
    if (policy) policies.push(policy);
  }
  return policies;
}

/** `NestFactory.create(AppModule, { cors })` or `create(AppModule, new FastifyAdapter(), { cors })`. */
function factoryCorsPolicy(
  create: TSESTree.CallExpression,
  fastifyFile: boolean,
  siteFor: (call: TSESTree.CallExpression, fastify: boolean) => LibrarySite,
  env: ExtractEnv,
): MiddlewarePolicy | undefined {
  const [, second, third] = create.arguments;
  const adapter = second && third ? second : undefined;
  const appOptions =
    third ??
    (second && second.type !== AST_NODE_TYPES.SpreadElement && !isAdapter(second, env)
      ? second
      : undefined);
  if (!appOptions || appOptions.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const object = resolveNode(appOptions, env.scopeOf(appOptions));
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const { properties } = objectProperties(object, env.scopeOf(object));
  const cors = properties.get('cors');
  if (!cors) return undefined;
  const site = siteFor(
    create,
    adapter && adapter.type !== AST_NODE_TYPES.SpreadElement
      ? isFastifyAdapter(adapter, env)
      : fastifyFile,
  );
  if (staticPrimitive(cors.value, env.scopeOf(cors.value)) === true)
    return defaultsAt(readFrameworkCorsOptions(site, undefined, env), cors.value);
  const options = optionsObjectOf(cors.value, env);
  return options && readFrameworkCorsOptions(site, options, env);
}

/**
 * Whether the app `enableCors` is called on runs on Fastify, as its declaration says: a parameter or
 * variable typed `NestFastifyApplication` (true) or `NestExpressApplication` (false), as in
 * `export function setupCors(app: NestFastifyApplication) { app.enableCors(…) }`, or an app made by
 * `NestFactory.create<NestFastifyApplication>(…)` or with a `new FastifyAdapter()`. Undefined when the
 * declaration does not say (`INestApplication`, no type): the file's imports decide then.
 */
function receiverPlatform(call: TSESTree.CallExpression, env: ExtractEnv): boolean | undefined {
  const receiver = skipTypeWrappers(
    (skipTypeWrappers(call.callee) as TSESTree.MemberExpression).object,
  );
  if (receiver.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(env.scopeOf(receiver), receiver);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return undefined;
  const annotation = (def.name as TSESTree.Identifier).typeAnnotation;
  const annotated = annotation ? platformOfType(annotation.typeAnnotation) : undefined;
  if (annotated !== undefined || def.type !== 'Variable' || !def.node.init) return annotated;
  let init = skipTypeWrappers(def.node.init);
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = skipTypeWrappers(init.argument);
  if (!isFactoryCreate(init as TSESTree.CallExpression, env)) return undefined;
  const create = init as TSESTree.CallExpression;
  const [typeArgument] = create.typeArguments?.params ?? [];
  const typed = typeArgument ? platformOfType(typeArgument) : undefined;
  if (typed !== undefined) return typed;
  const [, adapter] = create.arguments;
  return adapter && adapter.type !== AST_NODE_TYPES.SpreadElement && isAdapter(adapter, env)
    ? isFastifyAdapter(adapter, env)
    : undefined;
}

function platformOfType(type: TSESTree.TypeNode): boolean | undefined {
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const name =
    type.typeName.type === AST_NODE_TYPES.Identifier
      ? type.typeName.name
      : type.typeName.type === AST_NODE_TYPES.TSQualifiedName
        ? type.typeName.right.name
        : undefined;
  if (name === 'NestFastifyApplication') return true;
  if (name === 'NestExpressApplication') return false;
  return undefined;
}

/** `NestFactory.create(…)`, with NestFactory under any local name. */
function isFactoryCreate(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  env: ExtractEnv,
): call is TSESTree.CallExpression {
  const { callee } = call;
  return (
    call.type === AST_NODE_TYPES.CallExpression &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    calledMethodName(call) === 'create' &&
    isLibraryFactory(callee.object, NEST_FACTORY, env.scopeOf)
  );
}

/** The second argument is an HTTP adapter when it is constructed (`new ExpressAdapter()`), inline or through a constant. */
function isAdapter(node: Node, env: ExtractEnv): boolean {
  return resolveNode(node, env.scopeOf(node)).type === AST_NODE_TYPES.NewExpression;
}

function isFastifyAdapter(node: Node, env: ExtractEnv): boolean {
  const expression = resolveNode(node, env.scopeOf(node));
  return (
    expression.type === AST_NODE_TYPES.NewExpression &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === 'FastifyAdapter'
  );
}
