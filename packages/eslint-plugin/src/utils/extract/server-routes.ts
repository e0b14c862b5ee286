/**
 * Which servers a file builds and, in order, what it registers on them: Express apps (`express()`)
 * with their `use`/method routes and the role of each handler, raw `node:http` request handlers
 * (`http.createServer(handler)`) with the methods they branch on, Fastify instances (`fastify()`)
 * with their hooks and routes, and a module's exported HTTP method handlers (Next.js App Router).
 * Shapes we do not recognise are left out: a rule must stay quiet about them.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { ExpressRegistration, HandlerRole, ListValue, RoutePath, Setting } from 'cors-lint-core';
import { ACAO } from 'cors-lint-core';
import type { MiddlewarePolicy } from './cors-package.js';
import type { VisitorKeys } from './request-origin.js';
import { walk } from './request-origin.js';
import { calledMethodName, isFunctionNode, objectProperties, resolveNode, skipTypeWrappers, staticPrimitive } from './resolve.js';
import type { ResponseHeadersPolicy } from './response-headers.js';
import type { ScopeOf } from './scope.js';

type Node = TSESTree.Node;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;
interface ModuleBindings {
  readonly defaults: Set<TSESLint.Scope.Variable>;
  readonly named: Map<string, Set<TSESLint.Scope.Variable>>;
}

export interface ExpressAppRoutes {
  readonly create: TSESTree.CallExpression;
  readonly registrations: readonly ExpressRegistration<Node>[];
}

export interface RawHandlerRoutes {
  readonly handler: FunctionNode;
  readonly methods: readonly { readonly method: string; readonly at: Node }[];
  readonly corsHeadersOnlyInMethodBranches: boolean;
  readonly corsPolicy: ResponseHeadersPolicy;
}

export interface FastifyRoutes {
  readonly corsHook: { readonly name: string; readonly at: Node };
  readonly routes: readonly { readonly method: string; readonly path: RoutePath<Node>; readonly at: Node }[];
  readonly mayAnswerOptions: boolean;
  readonly allowHeaders: Setting<ListValue<Node>, Node>;
  readonly corsPolicy: ResponseHeadersPolicy;
}

export interface ServerRoutes {
  readonly expressApps: readonly ExpressAppRoutes[];
  readonly rawHandlers: readonly RawHandlerRoutes[];
  readonly fastifyApps: readonly FastifyRoutes[];
  /** Top-level exports named like HTTP methods (`export async function PUT`), for route modules. */
  readonly methodExports: readonly { readonly method: string; readonly at: TSESTree.Identifier }[];
}

const EXPRESS_VERBS = new Set(['use', 'all', 'get', 'post', 'put', 'patch', 'delete', 'options', 'head']);
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const FASTIFY_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);
const FASTIFY_CORS_HOOKS = new Set(['onRequest', 'preHandler', 'onSend']);
/** Express's own body parsers and static server never write CORS headers. */
const EXPRESS_BUILT_INS = new Set(['json', 'urlencoded', 'raw', 'text', 'static']);

export function findServerRoutes(
  sourceCode: Readonly<TSESLint.SourceCode>,
  scopeOf: ScopeOf,
  middleware: readonly MiddlewarePolicy[],
  headerPolicies: readonly ResponseHeadersPolicy[],
): ServerRoutes {
  const finder = new ServerFinder(sourceCode, scopeOf, middleware, headerPolicies);
  return finder.find();
}

class ServerFinder {
  readonly #corsCalls: Map<Node, MiddlewarePolicy>;
  readonly #allowOriginWrites: { at: Node; policy: ResponseHeadersPolicy }[];
  readonly #keys: VisitorKeys;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly scopeOf: ScopeOf,
    middleware: readonly MiddlewarePolicy[],
    headerPolicies: readonly ResponseHeadersPolicy[],
  ) {
    this.#corsCalls = new Map(middleware.map((policy) => [policy.call, policy]));
    this.#allowOriginWrites = headerPolicies.flatMap((policy) => policy.writes.filter((write) => write.name === ACAO).map((write) => ({ at: write.at, policy })));
    this.#keys = sourceCode.visitorKeys;
  }

  find(): ServerRoutes {
    const expressBindings = this.#moduleBindings(['express']);
    const fastifyBindings = this.#moduleBindings(['fastify']);
    const httpBindings = this.#moduleBindings(['http', 'node:http', 'https', 'node:https']);
    const expressApps: ExpressAppRoutes[] = [];
    const rawHandlers: RawHandlerRoutes[] = [];
    const fastifyApps: FastifyRoutes[] = [];
    walk(this.sourceCode.ast, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return true;
      if (this.#callsModule(node, ['express'], expressBindings.defaults)) {
        const app = this.#expressApp(node, expressBindings.defaults);
        if (app) expressApps.push(app);
      } else if (this.#callsModule(node, ['fastify'], fastifyBindings.defaults)) {
        const app = this.#fastifyApp(node);
        if (app) fastifyApps.push(app);
      } else if (this.#isCreateServer(node, httpBindings)) {
        const handler = this.#rawHandler(node);
        if (handler) rawHandlers.push(handler);
      }
      return true;
    }, this.#keys);
    return { expressApps, rawHandlers, fastifyApps, methodExports: this.#methodExports() };
  }

  /** Variables bound to a module: default or namespace import, `require(name)`; and named imports by name. */
  #moduleBindings(names: readonly string[]): ModuleBindings {
    const defaults = new Set<TSESLint.Scope.Variable>();
    const named = new Map<string, Set<TSESLint.Scope.Variable>>();
    const addNamed = (name: string, variables: readonly TSESLint.Scope.Variable[]) => {
      const set = named.get(name) ?? new Set();
      for (const variable of variables) set.add(variable);
      named.set(name, set);
    };
    for (const statement of this.sourceCode.ast.body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration && names.includes(statement.source.value)) {
        for (const specifier of statement.specifiers) {
          const variables = this.sourceCode.getDeclaredVariables(specifier);
          if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
            const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
            if (imported === 'default') variables.forEach((variable) => defaults.add(variable));
            else addNamed(imported, variables);
          } else {
            variables.forEach((variable) => defaults.add(variable));
          }
        }
      }
      if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
      for (const declarator of statement.declarations) {
        if (!declarator.init || !this.#isRequireOf(declarator.init, names)) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) {
          this.sourceCode.getDeclaredVariables(declarator).forEach((variable) => defaults.add(variable));
        } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          for (const property of declarator.id.properties) {
            if (property.type !== AST_NODE_TYPES.Property || property.key.type !== AST_NODE_TYPES.Identifier || property.value.type !== AST_NODE_TYPES.Identifier) continue;
            const variable = ASTUtils.findVariable(this.scopeOf(property.value), property.value);
            if (variable) addNamed(property.key.name, [variable]);
          }
        }
      }
    }
    return { defaults, named };
  }

  #isRequireOf(node: Node, names: readonly string[]): boolean {
    const bare = skipTypeWrappers(node);
    if (bare.type !== AST_NODE_TYPES.CallExpression || bare.callee.type !== AST_NODE_TYPES.Identifier || bare.callee.name !== 'require') return false;
    const [first] = bare.arguments;
    return first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' && names.includes(first.value);
  }

  /** `express()`, `fastify({ … })`, or straight off the require: `require('express')()`. */
  #callsModule(call: TSESTree.CallExpression, modules: readonly string[], bindings: ReadonlySet<TSESLint.Scope.Variable>): boolean {
    const callee = skipTypeWrappers(call.callee);
    if (callee.type === AST_NODE_TYPES.CallExpression) return this.#isRequireOf(callee, modules);
    if (callee.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = ASTUtils.findVariable(this.scopeOf(callee), callee);
    return variable !== null && bindings.has(variable);
  }

  /** The variable an app is stored in (`const app = express()`), and every `app.<verb>(…)` call on it. */
  #registrationsOn(create: TSESTree.CallExpression): TSESTree.CallExpression[] {
    const holder = create.parent;
    if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.init !== create || holder.id.type !== AST_NODE_TYPES.Identifier) return [];
    const calls: TSESTree.CallExpression[] = [];
    for (const variable of this.sourceCode.getDeclaredVariables(holder)) {
      for (const reference of variable.references) {
        const member = reference.identifier.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
        const call = member.parent;
        if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === member) calls.push(call);
      }
    }
    return calls.sort((a, b) => a.range[0] - b.range[0]);
  }

  #expressApp(create: TSESTree.CallExpression, expressBindings: ReadonlySet<TSESLint.Scope.Variable>): ExpressAppRoutes | undefined {
    const calls = this.#registrationsOn(create);
    if (calls.length === 0) return undefined;
    const registrations: ExpressRegistration<Node>[] = [];
    for (const call of calls) {
      const verb = calledMethodName(call);
      if (!verb || !EXPRESS_VERBS.has(verb)) continue;
      const [first, ...rest] = call.arguments;
      if (!first) continue;
      const pathGiven = !(verb === 'use' && this.#isHandlerLike(first));
      const path = pathGiven ? this.#routePath(first) : ({ kind: 'none' } as const);
      const handlers = (pathGiven ? rest : call.arguments).flatMap((argument) => this.#roles(argument, expressBindings));
      registrations.push({ verb, path, handlers, at: call });
    }
    return { create, registrations };
  }

  /** `app.use(mw)` without a path: the first argument is a function, a call, or a variable holding one. */
  #isHandlerLike(node: Node): boolean {
    if (node.type === AST_NODE_TYPES.SpreadElement) return false;
    const resolved = resolveNode(node, this.scopeOf(node));
    if (resolved.type === AST_NODE_TYPES.Literal || resolved.type === AST_NODE_TYPES.TemplateLiteral) return false;
    if (resolved.type === AST_NODE_TYPES.ArrayExpression) return resolved.elements.some((element) => element !== null && this.#isHandlerLike(element));
    return true;
  }

  #routePath(node: Node): RoutePath<Node> {
    if (node.type === AST_NODE_TYPES.SpreadElement) return { kind: 'unknown' };
    const value = staticPrimitive(node, this.scopeOf(node));
    return typeof value === 'string' ? { kind: 'known', value, at: node } : { kind: 'unknown' };
  }

  #roles(node: Node, expressBindings: ReadonlySet<TSESLint.Scope.Variable>): HandlerRole<Node>[] {
    if (node.type === AST_NODE_TYPES.SpreadElement) return [{ kind: 'unknown' }];
    const resolved = resolveNode(node, this.scopeOf(node));
    if (resolved.type === AST_NODE_TYPES.ArrayExpression) return resolved.elements.flatMap((element) => (element ? this.#roles(element, expressBindings) : []));
    const policy = this.#corsCalls.get(resolved);
    if (policy) {
      const preflightContinue = this.#preflightContinue(policy);
      return [preflightContinue ? { kind: 'cors', policy, at: node, preflightContinue } : { kind: 'cors', policy, at: node }];
    }
    // Body parsers and static files call next() for OPTIONS.
    if (resolved.type === AST_NODE_TYPES.CallExpression && this.#isExpressBuiltIn(resolved, expressBindings)) return [{ kind: 'no-cors', answersOptions: false }];
    if (isFunctionNode(resolved)) return [this.#functionRole(resolved)];
    return [{ kind: 'unknown' }];
  }

  #isExpressBuiltIn(call: TSESTree.CallExpression, expressBindings: ReadonlySet<TSESLint.Scope.Variable>): boolean {
    const callee = skipTypeWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = ASTUtils.findVariable(this.scopeOf(callee.object), callee.object);
    return variable !== null && expressBindings.has(variable) && EXPRESS_BUILT_INS.has(calledMethodName(call) ?? '');
  }

  /** A function in this file: it sets CORS headers, surely does not (never mentions CORS), or may through code we do not follow. */
  #functionRole(fn: FunctionNode): HandlerRole<Node> {
    if (this.#allowOriginWrites.some(({ at }) => contains(fn, at))) return { kind: 'sets-cors-headers' };
    return /cors|access-control-/i.test(this.sourceCode.getText(fn)) ? { kind: 'unknown' } : { kind: 'no-cors', answersOptions: true };
  }

  /** The `preflightContinue: true` property of a cors() call's options, if written so. */
  #preflightContinue(policy: MiddlewarePolicy): TSESTree.Property | undefined {
    const options = policy.optionsObject;
    if (!options) return undefined;
    const property = objectProperties(options, this.scopeOf(options)).properties.get('preflightContinue');
    if (!property) return undefined;
    return staticPrimitive(property.value, this.scopeOf(property.value)) === true ? property.property : undefined;
  }

  #isCreateServer(call: TSESTree.CallExpression, http: ModuleBindings): boolean {
    const callee = skipTypeWrappers(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(this.scopeOf(callee), callee);
      return variable !== null && (http.named.get('createServer')?.has(variable) ?? false);
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier || calledMethodName(call) !== 'createServer') return false;
    const variable = ASTUtils.findVariable(this.scopeOf(callee.object), callee.object);
    return variable !== null && http.defaults.has(variable);
  }

  #rawHandler(call: TSESTree.CallExpression): RawHandlerRoutes | undefined {
    const argument = call.arguments.find((arg) => arg.type !== AST_NODE_TYPES.ObjectExpression);
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const handler = resolveNode(argument, this.scopeOf(argument));
    if (!isFunctionNode(handler)) return undefined;
    const [reqParam] = handler.params;
    if (reqParam?.type !== AST_NODE_TYPES.Identifier) return undefined;
    const writes = this.#allowOriginWrites.filter(({ at }) => contains(handler, at));
    const first = writes[0];
    if (!first) return undefined;
    const methods: { method: string; at: Node }[] = [];
    walk(handler.body, (node) => {
      const compared = methodComparison(node, reqParam.name);
      if (compared) methods.push({ method: compared.method, at: compared.literal });
      if (node.type === AST_NODE_TYPES.SwitchStatement && isMethodRead(node.discriminant, reqParam.name)) {
        for (const switchCase of node.cases) {
          if (switchCase.test?.type === AST_NODE_TYPES.Literal && typeof switchCase.test.value === 'string') methods.push({ method: switchCase.test.value, at: switchCase.test });
        }
      }
      return true;
    }, this.#keys);
    if (methods.length === 0) return undefined;
    const onlyInBranches = writes.every(({ at }) => isOnlyReachedForMethods(at, handler, reqParam.name));
    return { handler, methods, corsHeadersOnlyInMethodBranches: onlyInBranches, corsPolicy: first.policy };
  }

  #fastifyApp(create: TSESTree.CallExpression): FastifyRoutes | undefined {
    let corsHook: FastifyRoutes['corsHook'] | undefined;
    let corsPolicy: ResponseHeadersPolicy | undefined;
    let mayAnswerOptions = false;
    const routes: { method: string; path: RoutePath<Node>; at: Node }[] = [];
    for (const call of this.#registrationsOn(create)) {
      const verb = calledMethodName(call) ?? '';
      const [first, second] = call.arguments;
      if (verb === 'addHook' && first && second) {
        const name = staticPrimitive(first, this.scopeOf(first));
        const hook = second.type === AST_NODE_TYPES.SpreadElement ? undefined : resolveNode(second, this.scopeOf(second));
        if (typeof name !== 'string' || !FASTIFY_CORS_HOOKS.has(name) || !hook || !isFunctionNode(hook)) continue;
        const write = this.#allowOriginWrites.find(({ at }) => contains(hook, at));
        if (write && !corsHook) {
          corsHook = { name, at: call };
          corsPolicy = write.policy;
        }
      } else if (FASTIFY_METHODS.has(verb) && first) {
        const method = verb === 'all' ? 'ALL' : verb.toUpperCase();
        if (method === 'OPTIONS' || method === 'ALL') mayAnswerOptions = true;
        routes.push({ method, path: this.#routePath(first), at: call });
      } else if (verb === 'route') {
        const methods = this.#fastifyRouteMethods(first);
        if (methods === undefined || methods.includes('OPTIONS')) mayAnswerOptions = true;
        for (const method of methods ?? []) routes.push({ method, path: { kind: 'unknown' }, at: call });
      } else if (verb === 'register') {
        // A plugin (e.g. @fastify/cors) may add OPTIONS routes we cannot see.
        mayAnswerOptions = true;
      }
    }
    return corsHook && corsPolicy ? { corsHook, routes, mayAnswerOptions, allowHeaders: corsPolicy.allowHeaders, corsPolicy } : undefined;
  }

  /** `fastify.route({ method: 'PUT', url, handler })`: the methods, or undefined when not readable. */
  #fastifyRouteMethods(options: Node | undefined): string[] | undefined {
    if (!options || options.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const resolved = resolveNode(options, this.scopeOf(options));
    if (resolved.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const method = objectProperties(resolved, this.scopeOf(resolved)).properties.get('method');
    if (!method) return undefined;
    const value = resolveNode(method.value, this.scopeOf(method.value));
    const items = value.type === AST_NODE_TYPES.ArrayExpression ? value.elements : [value];
    const methods = items.map((item) => (item && item.type !== AST_NODE_TYPES.SpreadElement ? staticPrimitive(item, this.scopeOf(item)) : undefined));
    return methods.every((m): m is string => typeof m === 'string') ? methods.map((m) => m.toUpperCase()) : undefined;
  }

  #methodExports(): { method: string; at: TSESTree.Identifier }[] {
    return methodExportsOf(this.sourceCode.ast);
  }
}

/** The HTTP method names a module exports, in order. */
export function exportedMethods(program: TSESTree.Program): string[] {
  return methodExportsOf(program).map(({ method }) => method);
}

function methodExportsOf(program: TSESTree.Program): { method: string; at: TSESTree.Identifier }[] {
  const found: { method: string; at: TSESTree.Identifier }[] = [];
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    const declaration = statement.declaration;
    const ids: TSESTree.Identifier[] = [];
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) ids.push(declaration.id);
    if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) if (declarator.id.type === AST_NODE_TYPES.Identifier) ids.push(declarator.id);
    }
    for (const specifier of statement.specifiers) if (specifier.exported.type === AST_NODE_TYPES.Identifier) ids.push(specifier.exported);
    for (const id of ids) if (HTTP_METHODS.has(id.name)) found.push({ method: id.name, at: id });
  }
  return found;
}

function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

function isMethodRead(node: Node, reqName: string): boolean {
  const bare = skipTypeWrappers(node);
  return (
    bare.type === AST_NODE_TYPES.MemberExpression &&
    !bare.computed &&
    bare.property.type === AST_NODE_TYPES.Identifier &&
    bare.property.name === 'method' &&
    bare.object.type === AST_NODE_TYPES.Identifier &&
    bare.object.name === reqName
  );
}

/** `req.method === 'PATCH'` (either side, `==`, `!==`, `!=`). */
function methodComparison(node: Node, reqName: string): { method: string; literal: Node; equal: boolean } | undefined {
  if (node.type !== AST_NODE_TYPES.BinaryExpression || !['===', '==', '!==', '!='].includes(node.operator)) return undefined;
  const pairs: [Node, Node][] = [
    [node.left, node.right],
    [node.right, node.left],
  ];
  for (const [read, literal] of pairs) {
    if (isMethodRead(read, reqName) && literal.type === AST_NODE_TYPES.Literal && typeof literal.value === 'string') {
      return { method: literal.value, literal, equal: node.operator === '===' || node.operator === '==' };
    }
  }
  return undefined;
}

/**
 * Is `write` reached only for requests of some compared method (never for OPTIONS)? True inside
 * `if (req.method === 'X') { … }`, a `case 'X':`, or after `if (req.method !== 'X') return …;`.
 */
function isOnlyReachedForMethods(write: Node, handler: FunctionNode, reqName: string): boolean {
  let child: Node = write;
  for (let node = write.parent; node && node !== handler; child = node, node = node.parent) {
    if (node.type === AST_NODE_TYPES.IfStatement && node.consequent === child && requiresMethod(node.test, reqName)) return true;
    if (node.type === AST_NODE_TYPES.SwitchCase && node.parent.type === AST_NODE_TYPES.SwitchStatement && isMethodRead(node.parent.discriminant, reqName)) {
      return node.test?.type === AST_NODE_TYPES.Literal && node.test.value !== 'OPTIONS';
    }
    if (node.type === AST_NODE_TYPES.BlockStatement) {
      const index = node.body.indexOf(child as TSESTree.Statement);
      if (node.body.slice(0, index).some((statement) => isRejectingGuard(statement, reqName))) return true;
    }
  }
  return false;
}

/** A condition that holds only for some method other than OPTIONS: `req.method === 'PATCH'`, also inside `&&`. */
function requiresMethod(test: Node, reqName: string): boolean {
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&') return requiresMethod(test.left, reqName) || requiresMethod(test.right, reqName);
  const compared = methodComparison(test, reqName);
  return compared !== undefined && compared.equal && compared.method !== 'OPTIONS';
}

/** `if (req.method !== 'X') { …; return; }`: requests of other methods, OPTIONS included, stop here. */
function isRejectingGuard(statement: TSESTree.Statement, reqName: string): boolean {
  if (statement.type !== AST_NODE_TYPES.IfStatement) return false;
  const compared = methodComparison(statement.test, reqName);
  if (!compared || compared.equal || compared.method === 'OPTIONS') return false;
  const body = statement.consequent;
  const last = body.type === AST_NODE_TYPES.BlockStatement ? body.body.at(-1) : body;
  return last?.type === AST_NODE_TYPES.ReturnStatement || last?.type === AST_NODE_TYPES.ThrowStatement;
}
