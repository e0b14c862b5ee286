/**
 * The `cors` package (Express/Connect): every call of it under any local name, its options
 * (inline, in a constant, spread, or produced by a delegate function) and where it is mounted.
 * Option names and defaults: cors-reference.md §3.1.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { CorsPolicy, ListValue, OriginSetting, Setting } from 'cors-lint-core';
import { classifyOriginFunction, collectAnswers } from './origin-function.js';
import type { OriginReads } from './request-origin.js';
import type { ResolvedProperty } from './resolve.js';
import { calledMethodName, isFunctionNode, objectProperties, resolveNode, staticPrimitive } from './resolve.js';
import type { ScopeOf } from './scope.js';
import { arrayElements, isBooleanOrString, isNumberOrString, readList, readOriginEntry, readScalar, staticRegExp } from './values.js';

type Node = TSESTree.Node;

/** A policy plus what fixes need to know about where its options live. */
export interface MiddlewarePolicy extends CorsPolicy<Node> {
  readonly source: { readonly kind: 'middleware'; readonly library: string };
  readonly call: TSESTree.CallExpression;
  /** The options object literal, when the options are one we can edit. */
  readonly optionsObject: TSESTree.ObjectExpression | undefined;
  /** The option names of this library, for fixes that add or replace options. */
  readonly optionNames: OptionNames;
}

export interface OptionNames {
  readonly origin: string;
  readonly credentials: string;
  readonly allowMethods: string;
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: string;
  readonly maxAge: string;
}

const CORS_OPTION_NAMES: OptionNames = {
  origin: 'origin',
  credentials: 'credentials',
  allowMethods: 'methods',
  // `headers` is the package's older alias of `allowedHeaders`.
  allowHeaders: ['allowedHeaders', 'headers'],
  exposeHeaders: 'exposedHeaders',
  maxAge: 'maxAge',
};

/** Route methods whose first argument is a path (Express app and router). */
const MOUNT_METHODS = new Set(['use', 'all', 'get', 'post', 'put', 'patch', 'delete', 'options', 'head']);

export function findCorsPackagePolicies(globalScope: TSESLint.Scope.Scope, reads: OriginReads, scopeOf: ScopeOf): MiddlewarePolicy[] {
  const tracker = new ASTUtils.ReferenceTracker(globalScope);
  const traceMap = { cors: { [ASTUtils.ReferenceTracker.CALL]: true } };
  const calls = new Set<TSESTree.CallExpression>();
  for (const { node } of [...tracker.iterateCjsReferences(traceMap), ...tracker.iterateEsmReferences(traceMap)]) {
    if (node.type === AST_NODE_TYPES.CallExpression) calls.add(node);
  }
  for (const call of undeclaredRequireCalls(globalScope, scopeOf)) calls.add(call);
  for (const call of interopImportCalls(globalScope, scopeOf)) calls.add(call);
  const policies: MiddlewarePolicy[] = [];
  for (const call of calls) {
    const policy = readCorsCall(call, reads, scopeOf);
    if (policy) policies.push(policy);
  }
  return policies;
}

/**
 * Calls of `require('cors')` when `require` is not a declared global (the config lists no Node
 * globals, common with TypeScript): ReferenceTracker follows only declared globals.
 */
function undeclaredRequireCalls(globalScope: TSESLint.Scope.Scope, scopeOf: ScopeOf): TSESTree.CallExpression[] {
  if (globalScope.set.has('require')) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of globalScope.through) {
    const require = reference.identifier;
    const requireCall = require.parent;
    if (require.name !== 'require' || requireCall?.type !== AST_NODE_TYPES.CallExpression || requireCall.callee !== require) continue;
    const [first] = requireCall.arguments;
    if (!first || first.type === AST_NODE_TYPES.SpreadElement || staticPrimitive(first, scopeOf(first)) !== 'cors') continue;
    const holder = requireCall.parent;
    if (holder?.type === AST_NODE_TYPES.CallExpression && holder.callee === requireCall) calls.push(holder);
    if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.init !== requireCall || holder.id.type !== AST_NODE_TYPES.Identifier) continue;
    for (const use of ASTUtils.findVariable(scopeOf(holder), holder.id)?.references ?? []) {
      const call = use.identifier.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === use.identifier) calls.push(call);
    }
  }
  return calls;
}

/**
 * Calls through bindings ReferenceTracker does not treat as the callable module: a namespace import
 * (`import * as cors from 'cors'`, callable under CommonJS interop) and TypeScript's
 * `import cors = require('cors')`.
 */
function interopImportCalls(globalScope: TSESLint.Scope.Scope, scopeOf: ScopeOf): TSESTree.CallExpression[] {
  const program = globalScope.block;
  if (program.type !== AST_NODE_TYPES.Program) return [];
  const bindings: TSESTree.Identifier[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === 'cors') {
      for (const specifier of statement.specifiers) if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) bindings.push(specifier.local);
    }
    if (
      statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
      statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference &&
      statement.moduleReference.expression.value === 'cors'
    ) {
      bindings.push(statement.id);
    }
  }
  return bindings.flatMap((binding) =>
    (ASTUtils.findVariable(scopeOf(binding), binding)?.references ?? []).flatMap((reference) => {
      const call = reference.identifier.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier ? [call] : [];
    }),
  );
}

function readCorsCall(call: TSESTree.CallExpression, reads: OriginReads, scopeOf: ScopeOf): MiddlewarePolicy | undefined {
  const [argument] = call.arguments;
  const paths = mountPaths(call, scopeOf);
  if (!argument) return policyFromOptions(call, undefined, reads, scopeOf, paths);
  if (argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const options = resolveNode(argument, scopeOf(argument));
  if (options.type === AST_NODE_TYPES.ObjectExpression) return policyFromOptions(call, options, reads, scopeOf, paths);
  if (isFunctionNode(options)) return policyFromDelegate(call, options, reads, scopeOf, paths);
  return undefined;
}

/**
 * `cors((req, callback) => callback(null, options))`: when the delegate never looks at the request's
 * origin and always answers with one options object, that object is the policy. When it does look,
 * the origin is `checked` and the rest unknown.
 */
function policyFromDelegate(
  call: TSESTree.CallExpression,
  delegate: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration,
  reads: OriginReads,
  scopeOf: ScopeOf,
  paths: string[],
): MiddlewarePolicy | undefined {
  const callback = delegate.params[1];
  if (callback?.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (reads.containsCheck(delegate.body)) {
    return { ...unknownPolicy(call, paths), origin: { kind: 'checked', at: delegate } };
  }
  const answers = new Set(collectAnswers(delegate, callback.name, reads.visitorKeys).map((answer) => resolveNode(answer, scopeOf(answer))));
  const [only] = answers;
  if (answers.size !== 1 || only?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  return policyFromOptions(call, only, reads, scopeOf, paths);
}

function unknownPolicy(call: TSESTree.CallExpression, paths: string[]): MiddlewarePolicy {
  return {
    source: { kind: 'middleware', library: 'cors' },
    at: call,
    call,
    optionsObject: undefined,
    optionNames: CORS_OPTION_NAMES,
    origin: { kind: 'unknown', at: call },
    credentials: { kind: 'unknown', at: call },
    allowMethods: { kind: 'unknown', at: call },
    allowHeaders: { kind: 'unknown', at: call },
    exposeHeaders: { kind: 'unknown', at: call },
    maxAge: { kind: 'unknown', at: call },
    paths,
  };
}

function policyFromOptions(
  call: TSESTree.CallExpression,
  options: TSESTree.ObjectExpression | undefined,
  reads: OriginReads,
  scopeOf: ScopeOf,
  paths: string[],
): MiddlewarePolicy {
  const { properties, complete } = options ? objectProperties(options, scopeOf(options)) : { properties: new Map<string, ResolvedProperty>(), complete: true };
  // An unresolved spread may set any option: nothing is "absent" then.
  const missing = <T>(fallback: Setting<T, Node>): Setting<T, Node> => (complete ? fallback : { kind: 'unknown', at: options ?? call });
  const get = (...names: readonly string[]) => names.map((name) => properties.get(name)).find((property) => property !== undefined);
  const scalar = <T extends string | number | boolean>(property: ResolvedProperty | undefined, fallback: Setting<T, Node>, accept: (v: unknown) => v is T) =>
    property ? readScalar(property.value, property.property, scopeOf(property.value), accept) : missing(fallback);
  const list = (property: ResolvedProperty | undefined): Setting<ListValue<Node>, Node> =>
    property ? readList(property.value, property.property, scopeOf(property.value)) : missing<ListValue<Node>>({ kind: 'absent' });

  const originProperty = get(CORS_OPTION_NAMES.origin);
  return {
    source: { kind: 'middleware', library: 'cors' },
    at: call,
    call,
    optionsObject: options,
    optionNames: CORS_OPTION_NAMES,
    origin: originProperty ? readOriginOption(originProperty, reads, scopeOf) : complete ? { kind: 'wildcard', implicit: true, at: call } : { kind: 'unknown', at: call },
    credentials: scalar(get(CORS_OPTION_NAMES.credentials), { kind: 'default', value: false }, isBooleanOrString),
    allowMethods: list(get(CORS_OPTION_NAMES.allowMethods)),
    allowHeaders: list(get(...CORS_OPTION_NAMES.allowHeaders)),
    exposeHeaders: list(get(CORS_OPTION_NAMES.exposeHeaders)),
    maxAge: scalar(get(CORS_OPTION_NAMES.maxAge), { kind: 'absent' }, isNumberOrString),
    paths,
  };
}

/** The `origin` option: `'*'`, one string (sent verbatim), `true` (reflect), a RegExp, an array, or a function. */
export function readOriginOption(property: ResolvedProperty, reads: OriginReads, scopeOf: ScopeOf): OriginSetting<Node> {
  const at = property.property;
  const value = property.value;
  const scope = scopeOf(value);
  const primitive = staticPrimitive(value, scope);
  if (primitive === '*') return { kind: 'wildcard', implicit: false, at };
  if (typeof primitive === 'string') return { kind: 'fixed', value: primitive, at };
  if (primitive === true) return { kind: 'reflect-any', via: 'option-true', at };
  if (primitive === false) return { kind: 'disabled', at };
  if (staticRegExp(value, scope)) return { kind: 'allow-list', entries: [readOriginEntry(value, scope)], complete: true, at };
  // `new RegExp(variable)`: still a one-pattern allow-list, though the pattern is not known.
  if ((value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.CallExpression) && value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name === 'RegExp') {
    return { kind: 'allow-list', entries: [{ kind: 'unknown', at: value }], complete: true, at };
  }
  if (value.type === AST_NODE_TYPES.ArrayExpression) {
    const { elements, complete } = arrayElements(value, scope);
    return { kind: 'allow-list', entries: elements.map((element) => readOriginEntry(element, scopeOf(element))), complete, at };
  }
  if (isFunctionNode(value)) {
    const verdict = classifyOriginFunction(value, reads, scopeOf);
    if (verdict === 'approves-all') return { kind: 'reflect-any', via: 'function', at };
    if (verdict === 'checked') return { kind: 'checked', at };
  }
  return { kind: 'unknown', at };
}

/**
 * The paths a middleware is mounted on: `app.use('/api', cors())`, `app.get('/x', cors(), h)`,
 * or through a variable (`const corsMiddleware = cors(); app.use('/api', corsMiddleware)`).
 * Empty when mounted app-wide or not found.
 */
function mountPaths(call: TSESTree.CallExpression, scopeOf: ScopeOf): string[] {
  const uses: Node[] = [call];
  const parent = call.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === call && parent.id.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(scopeOf(parent), parent.id);
    for (const reference of variable?.references ?? []) if (!reference.isWrite()) uses.push(reference.identifier);
  }
  const paths: string[] = [];
  for (const use of uses) {
    let argument: Node = use;
    if (argument.parent?.type === AST_NODE_TYPES.ArrayExpression) argument = argument.parent;
    const mount = argument.parent;
    if (mount?.type !== AST_NODE_TYPES.CallExpression || !mount.arguments.includes(argument as TSESTree.CallExpressionArgument)) continue;
    if (!MOUNT_METHODS.has(calledMethodName(mount) ?? '')) continue;
    const [first] = mount.arguments;
    if (!first || first === argument || first.type === AST_NODE_TYPES.SpreadElement) continue;
    const path = staticPrimitive(first, scopeOf(first));
    if (typeof path === 'string') paths.push(path);
  }
  return paths;
}
