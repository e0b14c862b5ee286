/**
 * socket.io: `new Server(httpServer, { cors })`, `new Server(port, { cors })`, `new Server({ cors })`
 * and `require('socket.io')(httpServer, { cors })`, the options inline or in a constant, and the
 * options of a later `io.attach(httpServer, { cors })` or `io.listen(port, { cors })` (also on a
 * server imported from another module, for `attach`). engine.io passes a truthy `cors` option to the
 * `cors` package as is, so its semantics apply; without it (the default, `false`) the long-polling
 * transport sends no CORS headers at all (cors-reference.md §3.6).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { MiddlewarePolicy } from './cors-package.js';
import type { ExtractEnv } from './framework-options.js';
import {
  callsOf,
  defaultsAt,
  optionsObjectOf,
  readFrameworkCorsOptions,
} from './framework-options.js';
import { CORS_PACKAGE } from './libraries/cors.js';
import {
  calledMethodName,
  objectProperties,
  resolveNode,
  skipTypeWrappers,
  staticPrimitive,
} from '../values/resolve.js';

type Node = TSESTree.Node;

/** The module is the server factory too: `require('socket.io')(httpServer, options)`. */
const SOCKET_IO = { module: 'socket.io', moduleIsFactory: true, namedExports: ['Server'] };
const ATTACHING_METHODS = new Set(['attach', 'listen']);

export function findSocketIoPolicies(env: ExtractEnv): MiddlewarePolicy[] {
  const policies: MiddlewarePolicy[] = [];
  const servers = callsOf(SOCKET_IO, env);
  for (const server of servers) {
    const options = constructorOptions(server, env);
    const policy = options && options !== 'unknown' ? corsPolicy(server, options, env) : undefined;
    if (policy) policies.push(policy);
  }
  if (servers.length === 0 && !/\.attach\s*\(/.test(env.text)) return policies;
  const constructed = new Set<Node>(servers);
  for (const call of env.calls) {
    if (
      call.type !== AST_NODE_TYPES.CallExpression ||
      !ATTACHING_METHODS.has(calledMethodName(call) ?? '')
    )
      continue;
    const policy = attachedPolicy(call, constructed, env);
    if (policy) policies.push(policy);
  }
  return policies;
}

/**
 * The options a server was constructed with: `new Server(httpServer, options)`, `new Server(port, options)`,
 * `new Server(options)` (an object that is no server). Undefined when there are none (`new Server()`,
 * `new Server(httpServer)`), `unknown` when they cannot be read.
 */
function constructorOptions(
  server: TSESTree.CallExpression | TSESTree.NewExpression,
  env: ExtractEnv,
): TSESTree.ObjectExpression | 'unknown' | undefined {
  const [first, second] = server.arguments;
  const candidate = second ?? first;
  if (!candidate) return undefined;
  if (candidate.type === AST_NODE_TYPES.SpreadElement) return 'unknown';
  const options = resolveNode(candidate, env.scopeOf(candidate));
  if (options.type === AST_NODE_TYPES.ObjectExpression) return options;
  // A lone first argument that is no object literal is the HTTP server or port to attach to.
  return second ? 'unknown' : undefined;
}

/**
 * `io.attach(httpServer, options)` and its alias `io.listen(port, options)` on a server of this file:
 * socket.io merges the constructor's options over these (`Object.assign(opts, this.opts)`), so they
 * count only when the constructor set no `cors` of its own.
 */
function attachedPolicy(
  call: TSESTree.CallExpression,
  servers: ReadonlySet<Node>,
  env: ExtractEnv,
): MiddlewarePolicy | undefined {
  const callee = skipTypeWrappers(call.callee) as TSESTree.MemberExpression;
  const server = resolveNode(callee.object, env.scopeOf(callee.object));
  const [, second] = call.arguments;
  if (!second || second.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (!servers.has(server)) return attachedElsewhere(call, server, second, env);
  const fromConstructor = constructorOptions(
    server as TSESTree.CallExpression | TSESTree.NewExpression,
    env,
  );
  if (fromConstructor === 'unknown') return undefined;
  if (fromConstructor) {
    const { properties, complete } = objectProperties(
      fromConstructor,
      env.scopeOf(fromConstructor),
    );
    if (properties.has('cors') || !complete) return undefined;
  }
  const options = resolveNode(second, env.scopeOf(second));
  return options.type === AST_NODE_TYPES.ObjectExpression
    ? corsPolicy(call, options, env)
    : undefined;
}

/**
 * `io.attach(httpServer, { cors: {…} })` on a server made in another module (`const { io } = require('./socket')`,
 * `socketApi.io`), whose constructor this file cannot see: the `cors` option, when it is written out
 * as CORS options here (`attach` with `cors: {…}` or `cors: true` is socket.io's and engine.io's
 * shape), is read as if the constructor set none, which is how such servers are usually made.
 */
function attachedElsewhere(
  call: TSESTree.CallExpression,
  server: Node,
  second: Node,
  env: ExtractEnv,
): MiddlewarePolicy | undefined {
  if (
    calledMethodName(call) !== 'attach' ||
    server.type === AST_NODE_TYPES.CallExpression ||
    server.type === AST_NODE_TYPES.NewExpression
  )
    return undefined;
  const options = resolveNode(second, env.scopeOf(second));
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const cors = objectProperties(options, env.scopeOf(options)).properties.get('cors');
  const value = cors && resolveNode(cors.value, env.scopeOf(cors.value));
  const written =
    value &&
    (value.type === AST_NODE_TYPES.ObjectExpression ||
      staticPrimitive(value, env.scopeOf(value)) === true);
  return written ? corsPolicy(call, options, env) : undefined;
}

/** The `cors` option of a server's options object, read as the `cors` package's options. */
function corsPolicy(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  serverOptions: TSESTree.ObjectExpression,
  env: ExtractEnv,
): MiddlewarePolicy | undefined {
  const cors = objectProperties(serverOptions, env.scopeOf(serverOptions)).properties.get('cors');
  if (!cors) return undefined;
  // `new Server(…)` stands in for the middleware call: fixes only read its arguments, and nothing mounts it.
  const site = {
    library: CORS_PACKAGE,
    call: call as TSESTree.CallExpression,
    paths: [],
    major: undefined,
  };
  const flag = staticPrimitive(cors.value, env.scopeOf(cors.value));
  // `cors: true` reaches `cors(true)`, which falls back to every default.
  if (flag === true) return defaultsAt(readFrameworkCorsOptions(site, undefined, env), cors.value);
  const options = optionsObjectOf(cors.value, env);
  return options && readFrameworkCorsOptions(site, options, env);
}
