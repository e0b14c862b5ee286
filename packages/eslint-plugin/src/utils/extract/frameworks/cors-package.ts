/**
 * CORS middleware calls of every library in `libraries/` (`cors`, `@fastify/cors`, `@koa/cors`,
 * hono, oRPC's `CORSPlugin`): each call, registration or construction under any local name, its options (inline, in a constant,
 * spread, or produced by a delegate function) and where it is mounted.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { dependencyMajor } from '../../package-versions.js';
import type { LintedFile } from './imported-options.js';
import { relocateHandles, resolveImportedObject } from './imported-options.js';
import type { MiddlewarePolicy, OptionsSite } from './libraries/cors-options.js';
import {
  readCorsOptionsObject,
  readOptionsDelegate,
  unknownPolicy,
} from './libraries/cors-options.js';
import { FASTIFY_DELEGATOR_OPTION } from './libraries/fastify-cors.js';
import { CORS_LIBRARIES } from './libraries/index.js';
import type { CorsLibrary } from './libraries/library.js';
import { isLibraryFactory, namesModule } from './libraries/module-export.js';
import { MOUNT_METHODS } from '../routing/registrations.js';
import type { OriginReads } from '../values/request-origin.js';
import {
  calledMethodName,
  isFunctionNode,
  objectProperties,
  resolveNode,
  skipTypeWrappers,
  staticPrimitive,
} from '../values/resolve.js';
import type { ScopeOf } from '../values/scope.js';

export type { MiddlewarePolicy } from './libraries/cors-options.js';
export type { OptionNames } from './libraries/library.js';

type Node = TSESTree.Node;

/**
 * Policies of every CORS middleware call in the file; the file's name locates the package.json for
 * versioned defaults and the project files options are imported from.
 */
export function findCorsPackagePolicies(
  calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[],
  text: string,
  reads: OriginReads,
  scopeOf: ScopeOf,
  file: LintedFile = { filename: '', parser: undefined },
): MiddlewarePolicy[] {
  const policies: MiddlewarePolicy[] = [];
  const majors = new Map<CorsLibrary, number | undefined>();
  const majorOf = (library: CorsLibrary) => {
    if (!library.versioned) return undefined;
    if (!majors.has(library)) majors.set(library, dependencyMajor(file.filename, library.name));
    return majors.get(library);
  };
  // A library is applied only where the file names its module (an import, a require, a constant).
  const named = CORS_LIBRARIES.filter((library) => namesModule(text, library.module));
  if (named.length === 0) return policies;
  for (const node of calls) {
    for (const library of named) {
      const options = optionsArgument(node, library, scopeOf);
      if (options === undefined) continue;
      // `new CORSPlugin(…)` stands in for the middleware call: fixes only read its arguments, and nothing mounts it.
      const call = node as TSESTree.CallExpression;
      const site: OptionsSite = {
        call,
        reads,
        scopeOf,
        paths: library.applied === 'call' ? mountPaths(call, scopeOf) : [],
        major: majorOf(library),
      };
      for (const branch of optionBranches(options, site.scopeOf)) {
        const policy = readApplication(branch, library, site, file);
        if (policy) policies.push(policy);
      }
      break;
    }
  }
  return policies;
}

/** The options argument when `call` applies `library` (`null`: applied with no options); undefined when it does not. */
function optionsArgument(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  library: CorsLibrary,
  scopeOf: ScopeOf,
): TSESTree.CallExpressionArgument | null | undefined {
  if ((library.applied === 'construct') !== (call.type === AST_NODE_TYPES.NewExpression))
    return undefined;
  if (library.applied !== 'register' || call.type === AST_NODE_TYPES.NewExpression)
    return isLibraryFactory(call.callee, library, scopeOf)
      ? (call.arguments[0] ?? null)
      : undefined;
  const [plugin, options] = call.arguments;
  if (
    calledMethodName(call) !== 'register' ||
    !plugin ||
    plugin.type === AST_NODE_TYPES.SpreadElement
  )
    return undefined;
  return isLibraryFactory(plugin, library, scopeOf) ? (options ?? null) : undefined;
}

/**
 * The options a call may receive when its argument chooses between several:
 * `cors(typeof cors === 'boolean' ? {} : cors)`, `cors(options || {})`. Each branch is possible, so
 * each that can be read becomes a policy of its own; a branch that cannot (a parameter) stays
 * unknown and yields none. Any other argument is the one branch.
 */
function optionBranches(
  argument: TSESTree.CallExpressionArgument | null,
  scopeOf: ScopeOf,
  depth = 0,
): (TSESTree.CallExpressionArgument | null)[] {
  if (argument === null || argument.type === AST_NODE_TYPES.SpreadElement || depth > 4)
    return [argument];
  const expression = resolveNode(argument, scopeOf(argument));
  // `cors(isDev ? 'x' : undefined)`: a choice of values that are no objects is read as written.
  if (isCertainlyPrimitive(expression, scopeOf, 0)) return [argument];
  if (expression.type === AST_NODE_TYPES.ConditionalExpression)
    return [
      ...optionBranches(expression.consequent, scopeOf, depth + 1),
      ...optionBranches(expression.alternate, scopeOf, depth + 1),
    ];
  if (
    expression.type === AST_NODE_TYPES.LogicalExpression &&
    (expression.operator === '||' || expression.operator === '??')
  )
    return [
      ...optionBranches(expression.left, scopeOf, depth + 1),
      ...optionBranches(expression.right, scopeOf, depth + 1),
    ];
  return [argument];
}

function readApplication(
  argument: TSESTree.CallExpressionArgument | null,
  library: CorsLibrary,
  site: OptionsSite,
  file: LintedFile,
): MiddlewarePolicy | undefined {
  if (argument === null) return readCorsOptionsObject(undefined, library, site);
  if (argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (library.applied === 'call') {
    const written = ignoredArgumentText(argument, site.scopeOf);
    if (written !== undefined) return ignoredArgumentPolicy(argument, written, library, site);
  }
  const options = resolveNode(argument, site.scopeOf(argument));
  if (options.type === AST_NODE_TYPES.ObjectExpression) return readOptions(options, library, site);
  if (options.type === AST_NODE_TYPES.Identifier)
    return readImportedOptions(options, argument, library, site, file);
  if (!isFunctionNode(options) || library.applied === 'construct') return undefined;
  if (library.applied === 'call') return readOptionsDelegate(options, library, site);
  // Fastify calls an options function with the instance: `(instance) => options` or `(instance) => delegator`.
  if (options.body.type === AST_NODE_TYPES.BlockStatement) return unknownPolicy(library, site);
  const produced = resolveNode(options.body, site.scopeOf(options.body));
  if (produced.type === AST_NODE_TYPES.ObjectExpression)
    return readCorsOptionsObject(produced, library, { ...site, editable: false });
  return delegatedPolicy(produced, library, site);
}

/**
 * `cors('*')`, `cors('https://app.example.com')`, `cors(true)`: every library applied as a call
 * merges its argument into its defaults (`Object.assign`, or a spread), and a string or boolean
 * brings no `origin` key, so the argument is ignored and the defaults apply. The origin is reported
 * at the argument, and messages name the call with it.
 */
function ignoredArgumentPolicy(
  argument: Node,
  written: string,
  library: CorsLibrary,
  site: OptionsSite,
): MiddlewarePolicy {
  const policy = readCorsOptionsObject(undefined, library, site);
  const appliedAs = policy.source.appliedAs && {
    ...policy.source.appliedAs,
    call: policy.source.appliedAs.call.replace(/\(\)$/, `(${written})`),
  };
  const origin =
    policy.origin.kind === 'wildcard' || policy.origin.kind === 'reflect-any'
      ? { ...policy.origin, at: argument }
      : policy.origin;
  return { ...policy, source: { ...policy.source, ...(appliedAs ? { appliedAs } : {}) }, origin };
}

/**
 * How messages write an argument that cannot be options, or undefined when it may be an object.
 * Certainly no object: a literal, a template, an environment variable (`process.env.X`, a string or
 * undefined), and constants, conditionals and `||`/`??`/`+` made only of those.
 */
function ignoredArgumentText(argument: Node, scopeOf: ScopeOf): string | undefined {
  if (!isCertainlyPrimitive(argument, scopeOf, 0)) return undefined;
  const expression = skipTypeWrappers(argument);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (isProcessEnv(expression))
    return `process.env.${((expression as TSESTree.MemberExpression).property as TSESTree.Identifier).name}`;
  const value = staticPrimitive(expression, scopeOf(expression));
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return value === undefined ? '…' : String(value);
}

function isCertainlyPrimitive(node: Node, scopeOf: ScopeOf, depth: number): boolean {
  if (depth > 6) return false;
  const expression = resolveNode(node, scopeOf(node));
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      return !('regex' in expression && expression.regex);
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.UnaryExpression:
      return true;
    case AST_NODE_TYPES.ConditionalExpression:
      return (
        isCertainlyPrimitive(expression.consequent, scopeOf, depth + 1) &&
        isCertainlyPrimitive(expression.alternate, scopeOf, depth + 1)
      );
    case AST_NODE_TYPES.LogicalExpression:
      return (
        expression.operator !== '&&' &&
        isCertainlyPrimitive(expression.left, scopeOf, depth + 1) &&
        isCertainlyPrimitive(expression.right, scopeOf, depth + 1)
      );
    case AST_NODE_TYPES.BinaryExpression:
      return (
        expression.operator === '+' &&
        isCertainlyPrimitive(expression.left, scopeOf, depth + 1) &&
        isCertainlyPrimitive(expression.right, scopeOf, depth + 1)
      );
    default:
      return isProcessEnv(expression);
  }
}

/** `process.env.NAME`: a string, or undefined when unset. */
function isProcessEnv(node: Node): boolean {
  if (
    node.type !== AST_NODE_TYPES.MemberExpression ||
    node.computed ||
    node.property.type !== AST_NODE_TYPES.Identifier
  )
    return false;
  const env = skipTypeWrappers(node.object);
  return (
    env.type === AST_NODE_TYPES.MemberExpression &&
    !env.computed &&
    env.object.type === AST_NODE_TYPES.Identifier &&
    env.object.name === 'process' &&
    env.property.type === AST_NODE_TYPES.Identifier &&
    env.property.name === 'env'
  );
}

function readOptions(
  options: TSESTree.ObjectExpression,
  library: CorsLibrary,
  site: OptionsSite,
): MiddlewarePolicy {
  const delegator =
    library.applied === 'register'
      ? objectProperties(options, site.scopeOf(options)).properties.get(FASTIFY_DELEGATOR_OPTION)
      : undefined;
  if (delegator) return delegatedPolicy(delegator.value, library, site);
  return readCorsOptionsObject(options, library, site);
}

/**
 * `cors(corsOptions)` with `corsOptions` imported from a project file: read there with that file's
 * scopes, reported at the local argument, never edited (undefined when not a constant object).
 */
function readImportedOptions(
  binding: TSESTree.Identifier,
  argument: Node,
  library: CorsLibrary,
  site: OptionsSite,
  file: LintedFile,
): MiddlewarePolicy | undefined {
  const imported = resolveImportedObject(binding, site.scopeOf, file);
  if (!imported) return undefined;
  const policy = readOptions(imported.object, library, {
    ...site,
    reads: imported.reads,
    scopeOf: imported.scopeOf,
    editable: false,
  });
  return relocateHandles(policy, argument);
}

/** A per-request options function decides everything: read it when it always answers one object. */
function delegatedPolicy(
  delegate: Node,
  library: CorsLibrary,
  site: OptionsSite,
): MiddlewarePolicy {
  const resolved = resolveNode(delegate, site.scopeOf(delegate));
  return (
    (isFunctionNode(resolved)
      ? readOptionsDelegate(resolved, library, { ...site, editable: false })
      : undefined) ?? unknownPolicy(library, site)
  );
}

/**
 * The paths a middleware is mounted on: `app.use('/api', cors())`, `app.get('/x', cors(), h)`,
 * or through a variable (`const corsMiddleware = cors(); app.use('/api', corsMiddleware)`).
 * Empty when mounted app-wide or not found.
 */
function mountPaths(call: TSESTree.CallExpression, scopeOf: ScopeOf): string[] {
  const uses: Node[] = [call];
  const parent = call.parent;
  if (
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === call &&
    parent.id.type === AST_NODE_TYPES.Identifier
  ) {
    const variable = ASTUtils.findVariable(scopeOf(parent), parent.id);
    for (const reference of variable?.references ?? [])
      if (!reference.isWrite()) uses.push(reference.identifier);
  }
  const paths: string[] = [];
  for (const use of uses) {
    let argument: Node = use;
    if (argument.parent?.type === AST_NODE_TYPES.ArrayExpression) argument = argument.parent;
    const mount = argument.parent;
    if (
      mount?.type !== AST_NODE_TYPES.CallExpression ||
      !mount.arguments.includes(argument as TSESTree.CallExpressionArgument)
    )
      continue;
    if (!MOUNT_METHODS.has(calledMethodName(mount) ?? '')) continue;
    const [first] = mount.arguments;
    if (!first || first === argument || first.type === AST_NODE_TYPES.SpreadElement) continue;
    const path = staticPrimitive(first, scopeOf(first));
    if (typeof path === 'string') paths.push(path);
  }
  return paths;
}
