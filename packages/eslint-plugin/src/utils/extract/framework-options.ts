/**
 * What the framework extractors (NestJS, socket.io, Apollo, middy) share: the per-file environment,
 * finding a library's bindings, and an options argument read inline, through constants, or from an
 * imported project file.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { CorsOptionsSite } from './cors-options-adapter.js';
import { readCorsOptionsObject } from './cors-options-adapter.js';
import type { MiddlewarePolicy } from './cors-package.js';
import type { LintedFile } from './imported-options.js';
import { relocateHandles, resolveImportedObject } from './imported-options.js';
import type { OriginReads } from './request-origin.js';
import { resolveNode } from './resolve.js';
import type { ScopeOf } from './scope.js';

type Node = TSESTree.Node;
type TraceMap = Parameters<InstanceType<typeof ASTUtils.ReferenceTracker>['iterateEsmReferences']>[0];

export interface ExtractEnv {
  readonly globalScope: TSESLint.Scope.Scope;
  readonly scopeOf: ScopeOf;
  readonly reads: OriginReads;
  readonly file: LintedFile;
}

/** An options object and how to read it: in this file, or in the project file it was imported from. */
export interface OptionsObject {
  readonly object: TSESTree.ObjectExpression;
  readonly scopeOf: ScopeOf;
  readonly reads: OriginReads;
  /** The local expression that brought it in from another file; undefined when it is in this file. */
  readonly importedAt: Node | undefined;
}

export function optionsObjectOf(node: Node, env: ExtractEnv): OptionsObject | undefined {
  const resolved = resolveNode(node, env.scopeOf(node));
  if (resolved.type === AST_NODE_TYPES.ObjectExpression) return { object: resolved, scopeOf: env.scopeOf, reads: env.reads, importedAt: undefined };
  if (resolved.type !== AST_NODE_TYPES.Identifier) return undefined;
  const imported = resolveImportedObject(resolved, env.scopeOf, env.file);
  return imported && { ...imported, importedAt: node };
}

/** Reads options with the `cors` package's names; an imported object's findings land on the local use. */
export function readCorsPackageOptions(site: Omit<CorsOptionsSite, 'options' | 'editable'>, options: OptionsObject | undefined, env: ExtractEnv): MiddlewarePolicy {
  if (!options) return readCorsOptionsObject({ ...site, options: undefined, editable: true }, env.reads, env.scopeOf);
  const policy = readCorsOptionsObject({ ...site, options: options.object, editable: !options.importedAt }, options.reads, options.scopeOf);
  return options.importedAt ? relocateHandles(policy, options.importedAt) : policy;
}

/**
 * `cors: true`: the library defaults, reported at that `true` (not at the call's options argument).
 * Not a Property on purpose: a fix that writes an origin list must not replace `cors: true` with one.
 */
export function defaultsAt(policy: MiddlewarePolicy, flag: Node): MiddlewarePolicy {
  return policy.origin.kind === 'wildcard' && policy.origin.implicit ? { ...policy, origin: { ...policy.origin, at: flag } } : policy;
}

/** Calls and `new` expressions of a module's exports, ESM and CommonJS, e.g. `{ 'socket.io': { Server: { [CONSTRUCT]: true } } }`. */
export function trackedCalls(env: ExtractEnv, traceMap: TraceMap): (TSESTree.CallExpression | TSESTree.NewExpression)[] {
  const tracker = new ASTUtils.ReferenceTracker(env.globalScope);
  const calls = new Set<TSESTree.CallExpression | TSESTree.NewExpression>();
  for (const { node } of [...tracker.iterateCjsReferences(traceMap), ...tracker.iterateEsmReferences(asEsmTraceMap(traceMap))]) {
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) calls.add(node);
  }
  return [...calls];
}

/**
 * The same map for `import` declarations: ReferenceTracker sees named imports only in a map marked
 * ESM, and the default import of a CommonJS package is then its `module.exports`.
 */
function asEsmTraceMap(traceMap: TraceMap): TraceMap {
  return Object.fromEntries(Object.entries(traceMap).map(([module, exports]) => [module, { ...exports, [ASTUtils.ReferenceTracker.ESM]: true, default: exports }]));
}

/** True when the program imports (or requires at top level) a module matching `test`. */
export function importsModule(program: TSESTree.Program, test: (specifier: string) => boolean): boolean {
  return program.body.some((statement) => {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) return test(statement.source.value);
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
    return statement.declarations.some((declarator) => {
      let init = declarator.init;
      if (init?.type === AST_NODE_TYPES.AwaitExpression) init = init.argument;
      if (init?.type === AST_NODE_TYPES.MemberExpression) init = init.object;
      if (init?.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.Identifier || init.callee.name !== 'require') return false;
      const [first] = init.arguments;
      return first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' && test(first.value);
    });
  });
}
