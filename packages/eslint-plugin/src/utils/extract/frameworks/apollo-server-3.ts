/**
 * Apollo Server 2 and 3, which set CORS up themselves with the `cors` package:
 * - `apollo-server`: `new ApolloServer({ cors })`, served by `listen()` on an Express app of its own
 *   at `/`. Without a `cors` option it passes `{ origin: '*' }`; `cors: true` means `cors()`'s
 *   defaults (also `*`), `cors: false` no CORS at all, an object the `cors` package's options.
 * - `apollo-server-express`: `server.applyMiddleware({ app, path, cors })` and
 *   `server.getMiddleware({ path, cors })` mount `cors(cors)` on `path` (default `/graphql`), with the
 *   same meaning of `true`, `false` and a missing option (the package's defaults, `*`).
 * The `cors` option of the express integration's constructor is not read by Apollo and is ignored.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { MiddlewarePolicy } from './cors-package.js';
import type { ExtractEnv, LibrarySite } from './framework-options.js';
import {
  callsOf,
  defaultsAt,
  optionsObjectOf,
  readFrameworkCorsOptions,
} from './framework-options.js';
import { CORS_PACKAGE } from './libraries/cors.js';
import { namesModule } from './libraries/module-export.js';
import {
  calledMethodName,
  objectProperties,
  resolveNode,
  skipTypeWrappers,
  staticPrimitive,
} from '../values/resolve.js';

type Node = TSESTree.Node;

const STANDALONE = {
  module: 'apollo-server',
  moduleIsFactory: false,
  namedExports: ['ApolloServer'],
};
const EXPRESS_INTEGRATION = {
  module: 'apollo-server-express',
  moduleIsFactory: false,
  namedExports: ['ApolloServer'],
};
const MOUNTING_METHODS = new Set(['applyMiddleware', 'getMiddleware']);
const DEFAULT_PATH = '/graphql';

export function findApolloServer3Policies(env: ExtractEnv): MiddlewarePolicy[] {
  const policies: MiddlewarePolicy[] = [];
  for (const construction of callsOf(STANDALONE, env)) {
    if (construction.type !== AST_NODE_TYPES.NewExpression) continue;
    const policy = standalonePolicy(construction, env);
    if (policy) policies.push(policy);
  }
  if (!namesModule(env.text, EXPRESS_INTEGRATION.module)) return policies;
  const servers = new Set<Node>(callsOf(EXPRESS_INTEGRATION, env));
  for (const call of env.calls) {
    if (
      call.type !== AST_NODE_TYPES.CallExpression ||
      !MOUNTING_METHODS.has(calledMethodName(call) ?? '')
    )
      continue;
    const policy = mountedPolicy(call, servers, env);
    if (policy) policies.push(policy);
  }
  return policies;
}

/** `new ApolloServer(config)` from apollo-server: its `cors` option, or Apollo's own `{ origin: '*' }`. */
function standalonePolicy(
  construction: TSESTree.NewExpression,
  env: ExtractEnv,
): MiddlewarePolicy | undefined {
  const [config] = construction.arguments;
  const site = siteOf(construction, []);
  if (!config) return absentPolicy(site, construction.callee, env);
  if (config.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const object = resolveNode(config, env.scopeOf(config));
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const { properties, complete } = objectProperties(object, env.scopeOf(object));
  const cors = properties.get('cors');
  if (!cors) return complete ? absentPolicy(site, construction.callee, env) : undefined;
  return corsOptionPolicy(site, cors.value, env);
}

/**
 * `server.applyMiddleware({ app, cors })` or `server.getMiddleware({ cors })` in a file using
 * apollo-server-express: the receiver is one of its servers, or (for `applyMiddleware`, whose
 * `{ app }` argument is Apollo's own shape) a server held where constants cannot follow it
 * (`this.apollo`, a `let`).
 */
function mountedPolicy(
  call: TSESTree.CallExpression,
  servers: ReadonlySet<Node>,
  env: ExtractEnv,
): MiddlewarePolicy | undefined {
  const callee = skipTypeWrappers(call.callee) as TSESTree.MemberExpression;
  const receiver = resolveNode(callee.object, env.scopeOf(callee.object));
  // `new ApolloServer(…)` by its name too: `const { ApolloServer } = pkg` after `import pkg from 'apollo-server-express'`.
  const isServer =
    servers.has(receiver) ||
    (receiver.type === AST_NODE_TYPES.NewExpression &&
      receiver.callee.type === AST_NODE_TYPES.Identifier &&
      receiver.callee.name === 'ApolloServer');
  if (!isServer && receiver.type === AST_NODE_TYPES.NewExpression) return undefined;
  const [argument] = call.arguments;
  if (argument?.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const object = argument && resolveNode(argument, env.scopeOf(argument));
  if (argument && object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const { properties, complete } =
    object?.type === AST_NODE_TYPES.ObjectExpression
      ? objectProperties(object, env.scopeOf(object))
      : { properties: new Map(), complete: true };
  if (!isServer && (calledMethodName(call) !== 'applyMiddleware' || !properties.has('app')))
    return undefined;
  const pathProperty = properties.get('path');
  const path = pathProperty
    ? staticPrimitive(pathProperty.value, env.scopeOf(pathProperty.value))
    : DEFAULT_PATH;
  const site = siteOf(call, typeof path === 'string' ? [path] : []);
  const cors = properties.get('cors');
  if (!cors) return complete ? absentPolicy(site, call, env) : undefined;
  return corsOptionPolicy(site, cors.value, env);
}

/** The `cors` option's value: `true` (the package's defaults), `false` (no CORS), an options object. */
function corsOptionPolicy(
  site: LibrarySite,
  value: Node,
  env: ExtractEnv,
): MiddlewarePolicy | undefined {
  const flag = staticPrimitive(value, env.scopeOf(value));
  if (flag === true) return defaultsAt(readFrameworkCorsOptions(site, undefined, env), value);
  if (flag === false) return undefined;
  const options = optionsObjectOf(value, env);
  return options && readFrameworkCorsOptions(site, options, env);
}

/**
 * No `cors` option: '*' either way, reported at `at` (the constructor's name, or the mounting call).
 * No argument of the call holds the `cors` package's options (they would go under `cors`), so fixes
 * that add an option have nowhere to write it.
 */
function absentPolicy(site: LibrarySite, at: Node, env: ExtractEnv): MiddlewarePolicy {
  return { ...defaultsAt(readFrameworkCorsOptions(site, undefined, env), at), optionsIndex: -1 };
}

function siteOf(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  paths: readonly string[],
): LibrarySite {
  // `new ApolloServer(…)` stands in for the middleware call: fixes only read its arguments, and nothing mounts it.
  return { library: CORS_PACKAGE, call: call as TSESTree.CallExpression, paths, major: undefined };
}
