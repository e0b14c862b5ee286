/**
 * socket.io: `new Server(httpServer, { cors })`, `new Server(port, { cors })`, `new Server({ cors })`
 * and `require('socket.io')(httpServer, { cors })`. engine.io passes a truthy `cors` option to the
 * `cors` package as is, so its semantics apply; without it (the default, `false`) the long-polling
 * transport sends no CORS headers at all (cors-reference.md §3.6).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { MiddlewarePolicy } from './cors-package.js';
import type { ExtractEnv } from './framework-options.js';
import { callsOf, defaultsAt, optionsObjectOf, readFrameworkCorsOptions } from './framework-options.js';
import { CORS_PACKAGE } from './libraries/cors.js';
import { objectProperties, resolveNode, staticPrimitive } from '../values/resolve.js';

/** The module is the server factory too: `require('socket.io')(httpServer, options)`. */
const SOCKET_IO = { module: 'socket.io', moduleIsFactory: true, namedExports: ['Server'] };

export function findSocketIoPolicies(env: ExtractEnv): MiddlewarePolicy[] {
  const policies: MiddlewarePolicy[] = [];
  for (const server of callsOf(SOCKET_IO, env)) {
    const policy = serverPolicy(server, env);
    if (policy) policies.push(policy);
  }
  return policies;
}

function serverPolicy(server: TSESTree.CallExpression | TSESTree.NewExpression, env: ExtractEnv): MiddlewarePolicy | undefined {
  const [first, second] = server.arguments;
  const candidate = second ?? first;
  if (!candidate || candidate.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const serverOptions = resolveNode(candidate, env.scopeOf(candidate));
  if (serverOptions.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const cors = objectProperties(serverOptions, env.scopeOf(serverOptions)).properties.get('cors');
  if (!cors) return undefined;
  // `new Server(…)` stands in for the middleware call: fixes only read its arguments, and nothing mounts it.
  const call = server as TSESTree.CallExpression;
  const site = { library: CORS_PACKAGE, call, paths: [], major: undefined };
  const flag = staticPrimitive(cors.value, env.scopeOf(cors.value));
  // `cors: true` reaches `cors(true)`, which falls back to every default.
  if (flag === true) return defaultsAt(readFrameworkCorsOptions(site, undefined, env), cors.value);
  const options = optionsObjectOf(cors.value, env);
  return options && readFrameworkCorsOptions(site, options, env);
}
