/**
 * What the framework extractors (NestJS, socket.io, Apollo, middy) share: the per-file environment,
 * finding a library's bindings, and an options argument read inline, through constants, or from an
 * imported project file.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { MiddlewarePolicy } from './cors-package.js';
import { readCorsOptionsObject } from './libraries/cors-options.js';
import type { CorsLibrary } from './libraries/library.js';
import type { ModuleExport } from './libraries/module-export.js';
import { isLibraryFactory, namesModule } from './libraries/module-export.js';
import type { LintedFile } from './imported-options.js';
import { relocateHandles, resolveImportedObject } from './imported-options.js';
import type { OriginReads } from '../values/request-origin.js';
import { resolveNode } from '../values/resolve.js';
import type { ScopeOf } from '../values/scope.js';

type Node = TSESTree.Node;

export interface ExtractEnv {
  /** Every call and `new` expression of the file. */
  readonly calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[];
  /** The file's text: a module it never names cannot be called in it. */
  readonly text: string;
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
  if (resolved.type === AST_NODE_TYPES.ObjectExpression)
    return { object: resolved, scopeOf: env.scopeOf, reads: env.reads, importedAt: undefined };
  if (resolved.type !== AST_NODE_TYPES.Identifier) return undefined;
  const imported = resolveImportedObject(resolved, env.scopeOf, env.file);
  return imported && { ...imported, importedAt: node };
}

/** Where a framework hands options to a CORS library. */
export interface LibrarySite {
  /** Whose names and defaults apply (`CORS_PACKAGE`, or @fastify/cors under NestJS's Fastify adapter). */
  readonly library: CorsLibrary;
  /** The call standing in for the middleware: fixes create the options object there when it has no arguments. */
  readonly call: TSESTree.CallExpression;
  readonly paths: readonly string[];
  /** The library's major version, for versioned defaults; undefined when unknown. */
  readonly major: number | undefined;
}

/**
 * Reads options with the shared reader and `site.library`'s names and defaults; an imported object's
 * findings land on the local use, and no fix edits the other file.
 */
export function readFrameworkCorsOptions(
  site: LibrarySite,
  options: OptionsObject | undefined,
  env: ExtractEnv,
): MiddlewarePolicy {
  const { library, ...where } = site;
  if (!options)
    return readCorsOptionsObject(undefined, library, {
      ...where,
      reads: env.reads,
      scopeOf: env.scopeOf,
    });
  const policy = readCorsOptionsObject(options.object, library, {
    ...where,
    reads: options.reads,
    scopeOf: options.scopeOf,
    editable: !options.importedAt,
  });
  return options.importedAt ? relocateHandles(policy, options.importedAt) : policy;
}

/**
 * `cors: true`: the library defaults, reported at that `true` (not at the call's options argument).
 * Not a Property on purpose: a fix that writes an origin list must not replace `cors: true` with one.
 */
export function defaultsAt(policy: MiddlewarePolicy, flag: Node): MiddlewarePolicy {
  return policy.origin.kind === 'wildcard' && policy.origin.implicit
    ? { ...policy, origin: { ...policy.origin, at: flag } }
    : policy;
}

/**
 * Calls and `new` expressions of a module's export under any local name, with the finder the CORS
 * libraries use (imports, `require` declared or not, destructuring, aliases): `new Server(…)`,
 * `require('socket.io')(…)`.
 */
export function callsOf(
  exported: ModuleExport,
  env: ExtractEnv,
): (TSESTree.CallExpression | TSESTree.NewExpression)[] {
  if (!namesModule(env.text, exported.module)) return [];
  return env.calls.filter((call) => isLibraryFactory(call.callee, exported, env.scopeOf));
}

/** True when the program imports (or requires at top level) a module matching `test`. */
export function importsModule(
  program: TSESTree.Program,
  test: (specifier: string) => boolean,
): boolean {
  return program.body.some((statement) => {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) return test(statement.source.value);
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
    return statement.declarations.some((declarator) => {
      let init = declarator.init;
      if (init?.type === AST_NODE_TYPES.AwaitExpression) init = init.argument;
      if (init?.type === AST_NODE_TYPES.MemberExpression) init = init.object;
      if (
        init?.type !== AST_NODE_TYPES.CallExpression ||
        init.callee.type !== AST_NODE_TYPES.Identifier ||
        init.callee.name !== 'require'
      )
        return false;
      const [first] = init.arguments;
      return (
        first?.type === AST_NODE_TYPES.Literal &&
        typeof first.value === 'string' &&
        test(first.value)
      );
    });
  });
}
