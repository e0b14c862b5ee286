/**
 * socket.io: `new Server(httpServer, { cors })`, `new Server(port, { cors })`, `new Server({ cors })`
 * and `require('socket.io')(httpServer, { cors })`. engine.io passes a truthy `cors` option to the
 * `cors` package as is, so its semantics apply; without it (the default, `false`) the long-polling
 * transport sends no CORS headers at all (cors-reference.md §3.6).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { MiddlewarePolicy } from './cors-package.js';
import type { ExtractEnv } from './framework-options.js';
import { defaultsAt, optionsObjectOf, readCorsPackageOptions, trackedCalls } from './framework-options.js';
import { objectProperties, resolveNode, staticPrimitive } from './resolve.js';

const { CALL, CONSTRUCT } = ASTUtils.ReferenceTracker;
const SERVER = { [CALL]: true, [CONSTRUCT]: true };
const SOCKET_IO = { 'socket.io': { ...SERVER, Server: SERVER } };

export function findSocketIoPolicies(env: ExtractEnv): MiddlewarePolicy[] {
  const policies: MiddlewarePolicy[] = [];
  for (const server of trackedCalls(env, SOCKET_IO)) {
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
  const site = { library: 'cors', call, paths: [] };
  const flag = staticPrimitive(cors.value, env.scopeOf(cors.value));
  // `cors: true` reaches `cors(true)`, which falls back to every default.
  if (flag === true) return defaultsAt(readCorsPackageOptions(site, undefined, env), cors.value);
  const options = optionsObjectOf(cors.value, env);
  return options && readCorsPackageOptions(site, options, env);
}
