/**
 * Does this file's server hold authority that a web page must not borrow? A server on the user's own
 * machine (a dev server, an AI agent's tool server, a desktop app's helper) trusts whoever can reach
 * it; with a permissive CORS policy every website the user visits can (CVE-2025-49596, MCP Inspector;
 * CVE-2025-24010, vite). The evidence, from the file only:
 * - it listens on a loopback address (`listen(port, '127.0.0.1')`, `{ host: 'localhost' }`);
 * - it runs local programs (`child_process`, `node-pty`, `execa`, …) or is an MCP server.
 * Not evidence, because servers deployed for the public show them as well: a `#!/usr/bin/env node`
 * entry point, state under `os.homedir()`, a host that only defaults to every interface
 * (`env.HOST || '::'`), a `http://localhost:…` URL in a log line, and the modules that relative
 * imports pull in (a public monitoring server runs `ping` through `child_process` somewhere).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { objectProperties } from '../values/resolve.js';
import type { ScopeOf } from '../values/scope.js';
import type { ValueFlow } from '../values/value-flow.js';

/** Modules that run programs on the machine, or make the file a tool server for AI agents. */
const LOCAL_POWER_MODULES: readonly (readonly [RegExp, string])[] = [
  [/^(?:node:)?child_process$/, 'it runs local programs'],
  [
    /^(?:node-pty|@homebridge\/node-pty-prebuilt-multiarch|@lydell\/node-pty|spawn-rx|execa|cross-spawn|shelljs|launch-editor(?:-middleware)?)$/,
    'it runs local programs',
  ],
  [/^@modelcontextprotocol\/sdk(?:\/|$)/, 'it is an MCP server that tools on this machine trust'],
];

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;

/** Why the file's server is privileged, in words for the message; undefined when the file shows nothing. */
export function privilegedServerEvidence(
  program: TSESTree.Program,
  sourceText: string,
  calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[],
  scopeOf: ScopeOf,
  flow: ValueFlow,
): string | undefined {
  const loopback = loopbackListen(calls, scopeOf, flow);
  if (loopback) return `it listens on ${loopback}, on the user's machine`;
  for (const name of moduleNames(program, sourceText)) {
    const match = LOCAL_POWER_MODULES.find(([pattern]) => pattern.test(name));
    if (match) return `${match[1]} (imports '${name}')`;
  }
  return undefined;
}

/** The loopback address a server is bound to: `.listen(port, host)`, or `host`/`hostname` in listen or serve options. */
function loopbackListen(
  calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[],
  scopeOf: ScopeOf,
  flow: ValueFlow,
): string | undefined {
  // Every value the host may have must be a loopback address: `process.env.HOST || '127.0.0.1'` may be any.
  const loopbackHost = (node: TSESTree.Node): string | undefined => {
    const hosts = flow.literals(node);
    return hosts &&
      hosts.length > 0 &&
      hosts.every((host) => typeof host === 'string' && LOOPBACK.test(host))
      ? (hosts[0] as string)
      : undefined;
  };
  for (const call of calls) {
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const isListen =
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      call.callee.property.type === AST_NODE_TYPES.Identifier &&
      call.callee.property.name === 'listen';
    for (const argument of call.arguments) {
      const scope = scopeOf(argument);
      if (isListen) {
        const host = loopbackHost(argument);
        if (host !== undefined) return host;
      }
      if (argument.type !== AST_NODE_TYPES.ObjectExpression) continue;
      const { properties } = objectProperties(argument, scope);
      for (const key of ['host', 'hostname']) {
        const property = properties.get(key);
        const host = property && loopbackHost(property.value);
        if (host !== undefined) return host;
      }
    }
  }
  return undefined;
}

function moduleNames(program: TSESTree.Program, sourceText: string): string[] {
  const names: string[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== 'type')
      names.push(statement.source.value);
  }
  for (const match of sourceText.matchAll(/\b(?:require|import)\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g))
    names.push(match[2] as string);
  return names;
}
