/**
 * Apollo Server's `startStandaloneServer(server, …)`: it mounts `cors()` with no options, so every
 * response carries `Access-Control-Allow-Origin: *` and nothing can change that (cors-reference.md
 * §3.8). Apollo's integrations take the `cors` package directly and are read as such.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { MiddlewarePolicy } from './cors-package.js';
import type { ExtractEnv } from './framework-options.js';
import { callsOf } from './framework-options.js';
import { CORS_PACKAGE } from './libraries/cors.js';

const STANDALONE = {
  module: '@apollo/server/standalone',
  moduleIsFactory: false,
  namedExports: ['startStandaloneServer'],
};

export function findApolloStandalonePolicies(env: ExtractEnv): MiddlewarePolicy[] {
  return callsOf(STANDALONE, env).flatMap((call) =>
    call.type === AST_NODE_TYPES.CallExpression ? [standalonePolicy(call)] : [],
  );
}

function standalonePolicy(call: TSESTree.CallExpression): MiddlewarePolicy {
  return {
    source: { kind: 'middleware', library: '@apollo/server' },
    at: call,
    call,
    // There is no CORS option to edit: fixes that would add one are not offered.
    optionsObject: undefined,
    optionNames: CORS_PACKAGE.optionNames,
    // Written by Apollo's code, not a default the user could have set: worded as the header it is.
    // Reported at the function's name: the call's arguments configure the server, not CORS.
    origin: { kind: 'wildcard', implicit: false, at: call.callee },
    credentials: { kind: 'default', value: false },
    allowMethods: { kind: 'absent' },
    allowHeaders: { kind: 'absent' },
    exposeHeaders: { kind: 'absent' },
    maxAge: { kind: 'absent' },
    paths: [],
  };
}
