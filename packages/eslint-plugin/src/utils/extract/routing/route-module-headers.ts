/**
 * The CORS headers a Next.js route module's method handlers set: written in the module itself, or
 * inside the function another project file exports that makes the handler or is the handler:
 *
 *   const handler = ApiHandler(apiKey, options)   // ApiHandler from '@acme/runtime/next', another package
 *   export { handler as GET, handler as POST }
 *
 * The other file is read through `values/imports.ts` (relative paths and workspace packages) and its
 * CORS facts extracted as when it is linted; only header writes that function reaches count: in its
 * body, or in the functions and constants of its file it names (`withCors(response)`, a `CORS_HEADERS`
 * object it copies), a few hops deep. A builder chain (`serve.route(…).paid(…).handler(fn)`) is followed
 * to the method it ends with (`values/method-chains.ts`). A handler we cannot follow (a package outside
 * the workspace, a class the code does not name) sets no known headers.
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
import { calledMethod } from '../values/method-chains.js';
import { isFunctionNode, resolveNode } from '../values/resolve.js';
import { forEachChild } from '../values/ast-children.js';
import type { ScopeOf } from '../values/scope.js';

type Node = TSESTree.Node;

const ACAO_LOWER = ACAO.toLowerCase();

export interface RouteModuleHeaders {
  readonly policy: ResponseHeadersPolicy;
  /** Set when the headers are written in another file: that file, relative to the project root, and the line of its first CORS write. */
  readonly elsewhere?: string;
  /** With `elsewhere`: that file (absolute) and its first CORS write, and whether the handler it makes compares the method with OPTIONS itself. */
  readonly handler?: {
    readonly filename: string;
    readonly firstWrite: Node;
    readonly answersOptions: boolean;
  };
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
    const reached = reachedRanges(maker.node, maker.scopeOf);
    const policy = foreign.policies.find(
      (candidate): candidate is ResponseHeadersPolicy =>
        candidate.source.kind === 'response-headers' &&
        'writes' in candidate &&
        // A factory's origin is often its parameter (unknown there): the write itself is what counts.
        candidate.writes.some(
          (write) =>
            write.name.toLowerCase() === ACAO_LOWER &&
            reached.some(([start, end]) => write.at.range[0] >= start && write.at.range[1] <= end),
        ),
    );
    const first = policy?.writes[0];
    if (policy && first)
      return {
        policy,
        elsewhere: `${shownPath(maker.file.filename, file.filename, settings)}:${first.at.loc.start.line}`,
        handler: {
          filename: maker.file.filename,
          firstWrite: first.at,
          answersOptions: comparesWithOptions(maker.sourceCode.ast, reached),
        },
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
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  if (node.callee.type === AST_NODE_TYPES.MemberExpression) return calledMethod(handler);
  if (node.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  return definitionOf(node.callee, handler.scopeOf, handler.file, handler.sourceCode);
}

/** Hops from the maker to the helpers it names; `withCors` → `CORS_HEADERS` is two. */
const MAX_REACH_HOPS = 3;

/**
 * The source ranges a function reaches in its own file: its body, and the functions and objects its
 * identifiers name (constants and declarations of the same file), then theirs, up to MAX_REACH_HOPS.
 */
function reachedRanges(fn: Node, scopeOf: ScopeOf): [number, number][] {
  const reached: Node[] = [fn];
  let frontier: Node[] = [fn];
  const within = (node: Node) =>
    reached.some((outer) => node.range[0] >= outer.range[0] && node.range[1] <= outer.range[1]);
  for (let hop = 0; hop < MAX_REACH_HOPS && frontier.length > 0; hop++) {
    const next: Node[] = [];
    const visit = (node: Node): void => {
      if (node.type === AST_NODE_TYPES.Identifier && isReference(node)) {
        const target = resolveNode(node, scopeOf(node));
        if (
          (isFunctionNode(target) || target.type === AST_NODE_TYPES.ObjectExpression) &&
          !within(target)
        ) {
          reached.push(target);
          next.push(target);
        }
        return;
      }
      forEachChild(node, visit);
    };
    frontier.forEach(visit);
    frontier = next;
  }
  return reached.map((node) => node.range);
}

/**
 * Whether the code in `ranges` has an `'OPTIONS'` string of its own (`request.method === 'OPTIONS'`,
 * `case 'OPTIONS':`): a handler that answers the preflight once it is routed to it.
 */
function comparesWithOptions(program: Node, ranges: readonly [number, number][]): boolean {
  let found = false;
  const visit = (node: Node): void => {
    // Only into nodes that overlap what the handler reaches.
    if (found || !ranges.some(([start, end]) => node.range[0] < end && node.range[1] > start))
      return;
    if (
      node.type === AST_NODE_TYPES.Literal &&
      node.value === 'OPTIONS' &&
      ranges.some(([start, end]) => node.range[0] >= start && node.range[1] <= end)
    ) {
      found = true;
      return;
    }
    forEachChild(node, visit);
  };
  visit(program);
  return found;
}

/** An identifier read as a value: not a property name, a declaration's name or a parameter. */
function isReference(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (parent.type === AST_NODE_TYPES.MemberExpression)
    return parent.object === identifier || parent.computed;
  if (parent.type === AST_NODE_TYPES.Property) return parent.value === identifier;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator) return parent.init === identifier;
  if (isFunctionNode(parent)) return parent.body === identifier;
  return parent.type !== AST_NODE_TYPES.MethodDefinition;
}
