/**
 * The CORS headers a Next.js route module's method handlers set: written in the module itself, or
 * inside the function another project file exports that makes the handler or is the handler:
 *
 *   const handler = ApiHandler(apiKey, options)   // ApiHandler from '@acme/runtime/next', another package
 *   export { handler as GET, handler as POST }
 *
 * The other file is read through `values/imports.ts` (relative paths and workspace packages) and its
 * CORS facts extracted as when it is linted; only header writes inside that function count. A handler
 * we cannot follow (a method chain on a builder, a package outside the workspace) sets no known headers.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { ACAO } from 'cors-lint-core';
import path from 'node:path';
import { findProjectRoot } from '../../../project/project-root.js';
import type { CorsFileModel } from '../../cors-context.js';
import { getForeignCorsModel } from '../../cors-context.js';
import type { ResponseHeadersPolicy } from '../responses/response-headers.js';
import type { Definition, LintedFile } from '../values/imports.js';
import { definitionOf, exportedBy } from '../values/imports.js';
import { isFunctionNode } from '../values/resolve.js';
import type { ScopeOf } from '../values/scope.js';

type Node = TSESTree.Node;

const ACAO_LOWER = ACAO.toLowerCase();

export interface RouteModuleHeaders {
  readonly policy: ResponseHeadersPolicy;
  /** Set when the headers are written in another file: that file, relative to the project root, and the line of its first CORS write. */
  readonly elsewhere?: string;
}

/** The response-headers policy that applies to the module's exported method handlers, if one is known. */
export function routeModuleHeaders(
  model: CorsFileModel,
  sourceCode: Readonly<TSESLint.SourceCode>,
  file: LintedFile,
  settings: unknown,
): RouteModuleHeaders | undefined {
  const local = model.policies.find(
    (candidate): candidate is ResponseHeadersPolicy =>
      candidate.source.kind === 'response-headers' && candidate.origin.kind !== 'unknown',
  );
  if (local) return { policy: local };
  const scopeOf: ScopeOf = (node) => sourceCode.getScope(node);
  for (const { at } of model.serverRoutes.methodExports) {
    const handler = handlerDefinition(at, scopeOf, file);
    const maker = handler && handlerMaker(handler);
    if (!maker?.sourceCode || !isFunctionNode(maker.node)) continue;
    const foreign = getForeignCorsModel(
      maker.sourceCode,
      maker.file.filename,
      maker.file.parser,
      settings,
    );
    const [start, end] = maker.node.range;
    const policy = foreign.policies.find(
      (candidate): candidate is ResponseHeadersPolicy =>
        candidate.source.kind === 'response-headers' &&
        'writes' in candidate &&
        // A factory's origin is often its parameter (unknown there): the write itself is what counts.
        candidate.writes.some(
          (write) =>
            write.name.toLowerCase() === ACAO_LOWER &&
            write.at.range[0] >= start &&
            write.at.range[1] <= end,
        ),
    );
    const first = policy?.writes[0];
    if (policy && first)
      return {
        policy,
        elsewhere: `${shownPath(maker.file.filename, file.filename, settings)}:${first.at.loc.start.line}`,
      };
  }
  return undefined;
}

/** The other file as a message shows it: from the project root (or the linted file's folder), with `/`. */
function shownPath(other: string, linted: string, settings: unknown): string {
  const root = findProjectRoot(linted, settings) ?? path.dirname(linted);
  return path.relative(root, other).split(path.sep).join('/');
}

/** What an exported method name stands for: `export { handler as GET }`, `export const GET = …`, `export { GET } from '…'`. */
function handlerDefinition(
  exported: TSESTree.Identifier,
  scopeOf: ScopeOf,
  file: LintedFile,
): Definition | undefined {
  const parent = exported.parent;
  if (parent.type === AST_NODE_TYPES.ExportSpecifier) {
    const statement = parent.parent;
    const localName =
      parent.local.type === AST_NODE_TYPES.Identifier ? parent.local.name : parent.local.value;
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source)
      return exportedBy(file, statement.source.value, localName);
    return parent.local.type === AST_NODE_TYPES.Identifier
      ? definitionOf(parent.local, scopeOf, file)
      : undefined;
  }
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init)
    return definitionOf(parent.init, scopeOf, file);
  return undefined;
}

/** The function whose body makes the handler: the factory a call names, or the handler function itself. */
function handlerMaker(handler: Definition): Definition | undefined {
  const node: Node = handler.node;
  if (isFunctionNode(node)) return handler;
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier)
    return undefined;
  return definitionOf(node.callee, handler.scopeOf, handler.file, handler.sourceCode);
}
