/**
 * Paths a dev server forwards to a backend, which make requests to them same-origin: `server.proxy`
 * in a Vite config (dev server on `server.port`, default 5173), `rewrites()` to an absolute URL in a
 * Next.js config (port 3000), and Create React App's package.json `proxy` (every path, port 3000).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ProxiedPrefix } from 'cors-lint-core';
import { forEachNode } from '../utils/extract/every-node.js';
import { staticPrimitive, staticString } from '../utils/extract/values/resolve.js';
import { isRecord } from './project-root.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

export const VITE_CONFIG = /(?:^|\/)vite\.config\.[cm]?[jt]s$/;
export const NEXT_CONFIG = /(?:^|\/)next\.config\.[cm]?[jt]s$/;

const localhost = (port: number | string) => [
  `http://localhost:${port}`,
  `http://127.0.0.1:${port}`,
];

/** The proxied prefixes a Vite or Next.js config declares. */
export function configProxies(file: string, sourceCode: SourceCode): ProxiedPrefix[] {
  const scopeOf = (node: Node) => sourceCode.getScope(node);
  const keyOf = (property: TSESTree.Property) =>
    property.key.type === AST_NODE_TYPES.Identifier && !property.computed
      ? property.key.name
      : staticString(property.key, scopeOf(property.key));
  const prefixes: string[] = [];
  let port: number | string = NEXT_CONFIG.test(file) ? 3000 : 5173;
  forEachNode(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.Property) return;
    const key = keyOf(node);
    if (VITE_CONFIG.test(file)) {
      if (key === 'proxy' && node.value.type === AST_NODE_TYPES.ObjectExpression) {
        for (const entry of node.value.properties) {
          const prefix = entry.type === AST_NODE_TYPES.Property ? keyOf(entry) : undefined;
          // `'^/api/.*'` keys are patterns: their literal start is the prefix.
          if (prefix?.startsWith('/')) prefixes.push(prefix);
          else if (prefix?.startsWith('^/'))
            prefixes.push(prefix.slice(1).replace(/[\\.*+?()[\]{}|$].*$/s, ''));
        }
      }
      if (
        key === 'port' &&
        node.parent.parent?.type === AST_NODE_TYPES.Property &&
        keyOf(node.parent.parent) === 'server'
      ) {
        const value = staticPrimitive(node.value, scopeOf(node.value));
        if (typeof value === 'number' || typeof value === 'string') port = value;
      }
    } else if (key === 'source' && node.parent.type === AST_NODE_TYPES.ObjectExpression) {
      const destination = node.parent.properties.find(
        (other): other is TSESTree.Property =>
          other.type === AST_NODE_TYPES.Property && keyOf(other) === 'destination',
      );
      const source = staticString(node.value, scopeOf(node.value));
      const target = destination && staticString(destination.value, scopeOf(destination.value));
      if (source?.startsWith('/') && target !== undefined && /^https?:\/\//i.test(target))
        prefixes.push(source.replace(/[:*(].*$/s, ''));
    }
  });
  return localhost(port).flatMap((origin) => prefixes.map((prefix) => ({ origin, prefix })));
}

/** Create React App's `"proxy": "http://localhost:4000"`: the dev server forwards every path it does not serve. */
export function packageJsonProxies(manifest: unknown): ProxiedPrefix[] {
  if (!isRecord(manifest) || typeof manifest['proxy'] !== 'string') return [];
  return localhost(3000).map((origin) => ({ origin, prefix: '/' }));
}
