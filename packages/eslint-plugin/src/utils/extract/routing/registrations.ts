/**
 * The one model of what a file registers on its apps and routers: every `receiver.method(path?, …handlers)`
 * call (Express/Connect/Koa-router verbs, Fastify's `addHook`, `route`, `register`), in source order,
 * with its path and the handler/middleware arguments. It answers the routing questions the rules ask:
 * where a function or middleware is registered, which handler's response a header write goes to,
 * which registrations cover a path, and whether a middleware runs before a handler on the same
 * response. Anything we cannot place is left out, so a rule stays quiet about it.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { RoutePath } from 'cors-lint-core';
import {
  calledMethodName,
  isFunctionNode,
  objectProperties,
  resolveNode,
  skipTypeWrappers,
  staticPrimitive,
} from '../values/resolve.js';
import type { ScopeOf } from '../values/scope.js';
import { findVariable } from '../values/find-variable.js';

type Node = TSESTree.Node;
export type FunctionNode =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** Methods that register handlers; the first argument may be a path (a hook name for `addHook`). */
/** Route methods named after an HTTP method (Express, routers, Fastify, hono, @koa/router). */
export const HTTP_VERB_METHODS: ReadonlySet<string> = new Set([
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'head',
  'options',
]);
/** Methods whose first argument may be a mount or route path: `use`, `all` and the verbs. */
export const MOUNT_METHODS: ReadonlySet<string> = new Set(['use', 'all', ...HTTP_VERB_METHODS]);
const HANDLER_METHODS: ReadonlySet<string> = new Set([...MOUNT_METHODS, 'addHook']);
/** Fastify's options-object routes and plugins: registrations without handler arguments we place. */
const OTHER_METHODS = new Set(['route', 'register']);
/** Names of a Koa-style context parameter, which is the response too (`ctx.set`). */
const CONTEXT_PARAMS = new Set(['ctx', 'context']);

/** One registration call: `receiver.method(path?, …handlers)`. */
export interface Registration {
  readonly call: TSESTree.CallExpression;
  /** The object registered on (`app`, `router`, `fastify`), and its text for comparing receivers. */
  readonly receiverNode: Node;
  readonly receiver: string;
  readonly method: string;
  /** `none` for `use(mw)` and hooks; `unknown` when the first argument cannot be read as a path. */
  readonly path: RoutePath<Node>;
  /** The arguments after the path (after the hook name for `addHook`): the handlers, in run order. */
  readonly handlers: readonly TSESTree.CallExpressionArgument[];
}

/** A node passed to a registration: the registration and the argument's position among the call's arguments. */
export interface Placement {
  readonly registration: Registration;
  readonly index: number;
}

/** How sure we are that a middleware runs before a handler: `certain` when both are unconditional statements of one block. */
export type RunsBefore = 'certain' | 'likely' | false;

/** A registered function and where it is registered. */
export interface RegisteredHandler {
  readonly fn: FunctionNode;
  readonly placements: readonly Placement[];
}

export class Registrations {
  readonly all: readonly Registration[];
  /** Handler argument (or array element) → where it is passed. */
  readonly #byArgument = new Map<Node, Placement[]>();
  /** Receiver variable → its registrations in order; built on the first `on`. */
  #byVariable: Map<TSESLint.Scope.Variable, Registration[]> | undefined;
  // Answers per node: rules ask them once per policy and once per header write, so each is computed once.
  readonly #placements = new Map<Node, readonly Placement[]>();
  readonly #handlers = new Map<Node, RegisteredHandler | undefined>();
  readonly #responseHandlers = new Map<Node, RegisteredHandler | undefined>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly scopeOf: ScopeOf,
    /** Every call of the file (CorsFileModel.calls). */
    calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[],
  ) {
    const all: Registration[] = [];
    for (const call of calls) {
      const registration =
        call.type === AST_NODE_TYPES.CallExpression ? this.#registration(call) : undefined;
      if (registration) all.push(registration);
    }
    this.all = all.sort((a, b) => a.call.range[0] - b.call.range[0]);
    for (const registration of this.all) {
      for (const handler of registration.handlers) {
        const placement = { registration, index: registration.call.arguments.indexOf(handler) };
        const nodes =
          handler.type === AST_NODE_TYPES.ArrayExpression ? handler.elements : [handler];
        for (const node of nodes) {
          if (!node) continue;
          const placements = this.#byArgument.get(node);
          if (placements) placements.push(placement);
          else this.#byArgument.set(node, [placement]);
        }
      }
    }
  }

  /** Registrations on a variable (`const app = express()` → every `app.<method>(…)`), in order. */
  on(variable: TSESLint.Scope.Variable): readonly Registration[] {
    this.#byVariable ??= this.#indexByVariable();
    return this.#byVariable.get(variable) ?? [];
  }

  #indexByVariable(): Map<TSESLint.Scope.Variable, Registration[]> {
    const index = new Map<TSESLint.Scope.Variable, Registration[]>();
    for (const registration of this.all) {
      const { receiverNode } = registration;
      if (receiverNode.type !== AST_NODE_TYPES.Identifier) continue;
      const variable = findVariable(this.scopeOf(receiverNode), receiverNode);
      if (!variable) continue;
      const registrations = index.get(variable);
      if (registrations) registrations.push(registration);
      else index.set(variable, [registration]);
    }
    return index;
  }

  /** Where a middleware call (`cors()`) or a function is registered, directly or through the constant holding it. */
  placementsOf(node: Node): readonly Placement[] {
    let placements = this.#placements.get(node);
    if (!placements) {
      placements = this.#findPlacements(node);
      this.#placements.set(node, placements);
    }
    return placements;
  }

  #findPlacements(node: Node): Placement[] {
    const placements = [...(this.#byArgument.get(node) ?? [])];
    const holder =
      node.type === AST_NODE_TYPES.FunctionDeclaration
        ? node.id
        : node.parent?.type === AST_NODE_TYPES.VariableDeclarator && node.parent.init === node
          ? node.parent.id
          : undefined;
    if (holder?.type === AST_NODE_TYPES.Identifier) {
      for (const reference of findVariable(this.scopeOf(holder), holder)?.references ?? []) {
        if (!reference.isWrite())
          placements.push(...(this.#byArgument.get(reference.identifier) ?? []));
      }
    }
    return placements;
  }

  /** The innermost enclosing function that is registered, with its placements. */
  handlerOf(node: Node): RegisteredHandler | undefined {
    if (this.#handlers.has(node)) return this.#handlers.get(node);
    let found: RegisteredHandler | undefined;
    for (let owner = node.parent; owner && !found; owner = owner.parent) {
      if (!isFunctionNode(owner)) continue;
      const placements = this.placementsOf(owner);
      if (placements.length > 0) found = { fn: owner, placements };
    }
    this.#handlers.set(node, found);
    return found;
  }

  /**
   * The registered handler whose response a header write at `at` goes to: the write's receiver
   * (`res` in `res.status(200).set(…)`, `vary(res, …)`, `res.set({ … })`) is the handler's response
   * parameter (`(req, res)`, `(request, reply)`, an error handler's `res`, Koa's `ctx`).
   */
  responseHandlerOf(at: Node): RegisteredHandler | undefined {
    if (this.#responseHandlers.has(at)) return this.#responseHandlers.get(at);
    const found = this.#findResponseHandler(at);
    this.#responseHandlers.set(at, found);
    return found;
  }

  #findResponseHandler(at: Node): RegisteredHandler | undefined {
    const receiver = writeReceiver(at);
    const root = receiver && skipTypeWrappers(receiver);
    if (root?.type !== AST_NODE_TYPES.Identifier) return undefined;
    const definition = findVariable(this.scopeOf(root), root)?.defs[0];
    if (definition?.type !== 'Parameter' || !isFunctionNode(definition.node)) return undefined;
    const fn = definition.node;
    if (!isResponseParameter(fn, root.name) || !contains(fn, at)) return undefined;
    return { fn, placements: this.placementsOf(fn) };
  }

  /** Whether a registration runs for every request a route registration serves: app-wide, a covering `use` prefix, the same path (and method). */
  covers(mount: Registration, route: Registration): boolean {
    if (mount.method === 'addHook') return true;
    if (mount.method === 'use') {
      if (mount.path.kind === 'none') return true;
      if (mount.path.kind !== 'known') return false;
      if (mount.path.value === '/') return true;
      if (route.path.kind !== 'known') return false;
      const prefix = mount.path.value.replace(/\/$/, '');
      return route.path.value === prefix || route.path.value.startsWith(`${prefix}/`);
    }
    if (
      mount.path.kind !== 'known' ||
      route.path.kind !== 'known' ||
      mount.path.value !== route.path.value
    )
      return false;
    return mount.method === 'all' || mount.method === route.method;
  }

  /** Whether the middleware placed at `from` runs before the handler placed at `to`, on the same request. */
  runsBefore(from: Placement, to: Placement): RunsBefore {
    if (from.registration === to.registration) return from.index < to.index ? 'certain' : false;
    const [mount, route] = [from.registration, to.registration];
    if (
      mount.receiver !== route.receiver ||
      mount.call.range[1] > route.call.range[0] ||
      !this.covers(mount, route)
    )
      return false;
    const [mountStatement, routeStatement] = [mount.call.parent, route.call.parent];
    const sameList =
      mountStatement?.type === AST_NODE_TYPES.ExpressionStatement &&
      routeStatement?.type === AST_NODE_TYPES.ExpressionStatement &&
      mountStatement.parent === routeStatement.parent &&
      (mountStatement.parent.type === AST_NODE_TYPES.BlockStatement ||
        mountStatement.parent.type === AST_NODE_TYPES.Program);
    return sameList ? 'certain' : 'likely';
  }

  #registration(call: TSESTree.CallExpression): Registration | undefined {
    const method = calledMethodName(call);
    const callee = skipTypeWrappers(call.callee);
    if (
      !method ||
      callee.type !== AST_NODE_TYPES.MemberExpression ||
      !(HANDLER_METHODS.has(method) || OTHER_METHODS.has(method))
    )
      return undefined;
    const [first] = call.arguments;
    const base = {
      call,
      receiverNode: callee.object,
      receiver: this.sourceCode.getText(callee.object),
      method,
    };
    if (OTHER_METHODS.has(method)) return { ...base, path: { kind: 'unknown' }, handlers: [] };
    if (!first) return undefined;
    if (method === 'addHook')
      return { ...base, path: { kind: 'none' }, handlers: call.arguments.slice(1) };
    if (method === 'use' && this.#isHandlerLike(first))
      return { ...base, path: { kind: 'none' }, handlers: call.arguments };
    return { ...base, path: this.#routePath(first), handlers: call.arguments.slice(1) };
  }

  /** `app.use(mw)` without a path: the first argument is a function, a call, or a variable holding one. */
  #isHandlerLike(node: Node): boolean {
    if (node.type === AST_NODE_TYPES.SpreadElement) return false;
    // Only a name needs its scope to be resolved; anything else resolves to itself.
    const bare = skipTypeWrappers(node);
    const resolved =
      bare.type === AST_NODE_TYPES.Identifier ? resolveNode(bare, this.scopeOf(node)) : bare;
    if (
      resolved.type === AST_NODE_TYPES.Literal ||
      resolved.type === AST_NODE_TYPES.TemplateLiteral
    )
      return false;
    if (resolved.type === AST_NODE_TYPES.ArrayExpression)
      return resolved.elements.some((element) => element !== null && this.#isHandlerLike(element));
    return true;
  }

  #routePath(node: Node): RoutePath<Node> {
    if (node.type === AST_NODE_TYPES.SpreadElement) return { kind: 'unknown' };
    // The common cases without a scope lookup: a string literal is its value, a function has none.
    const bare = skipTypeWrappers(node);
    if (bare.type === AST_NODE_TYPES.Literal && typeof bare.value === 'string')
      return { kind: 'known', value: bare.value, at: node };
    if (isFunctionNode(bare)) return { kind: 'unknown' };
    const value = staticPrimitive(node, this.scopeOf(node));
    return typeof value === 'string' ? { kind: 'known', value, at: node } : { kind: 'unknown' };
  }
}

/**
 * The methods of an options-object route (`fastify.route({ method: ['PUT', 'PATCH'], url, handler })`),
 * uppercase, each with its literal; undefined when they cannot all be read.
 */
export function routeOptionMethods(
  options: Node | undefined,
  scopeOf: ScopeOf,
): { method: string; at: Node }[] | undefined {
  if (!options || options.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const resolved = resolveNode(options, scopeOf(options));
  if (resolved.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const property = objectProperties(resolved, scopeOf(resolved)).properties.get('method');
  if (!property) return undefined;
  const value = resolveNode(property.value, scopeOf(property.value));
  const methods: { method: string; at: Node }[] = [];
  for (const item of value.type === AST_NODE_TYPES.ArrayExpression ? value.elements : [value]) {
    const method =
      item && item.type !== AST_NODE_TYPES.SpreadElement
        ? staticPrimitive(item, scopeOf(item))
        : undefined;
    if (typeof method !== 'string' || !item) return undefined;
    methods.push({ method: method.toUpperCase(), at: item });
  }
  return methods;
}

/**
 * Whether `name` is a handler's response parameter: the second of `(req, res, next)` (of an error
 * handler `(err, req, res, next)` the third too), or Koa's `ctx`.
 */
export function isResponseParameter(fn: FunctionNode, name: string): boolean {
  const position = fn.params.findIndex(
    (param) => param.type === AST_NODE_TYPES.Identifier && param.name === name,
  );
  return (
    position === 1 ||
    (position === 2 && fn.params.length === 4) ||
    (position === 0 && CONTEXT_PARAMS.has(name))
  );
}

/** The object a header is written on: `res` in `res.status(200).set(…)`, `vary(res, …)`, `res.set({ … })`. */
function writeReceiver(at: Node): Node | undefined {
  let call: Node | undefined = at;
  if (at.type === AST_NODE_TYPES.Property) call = at.parent.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return call.arguments[0];
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  let root = skipTypeWrappers(callee.object);
  while (
    root.type === AST_NODE_TYPES.CallExpression &&
    skipTypeWrappers(root.callee).type === AST_NODE_TYPES.MemberExpression
  ) {
    root = skipTypeWrappers((skipTypeWrappers(root.callee) as TSESTree.MemberExpression).object);
  }
  return root;
}

export function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}
