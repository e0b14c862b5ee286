/**
 * Which responses a CORS policy reaches, within one file: a middleware or handler passed to a route
 * registration (`app.use(cors())`, `app.get('/items', cors(), handler)`, `fastify.addHook(…)`)
 * runs before the handlers registered after it on the same receiver, under its path. Anything we
 * cannot place (routers mounted elsewhere, unknown paths) reaches nothing, so no report is a guess.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { calledMethodName, isFunctionNode, skipTypeWrappers, staticPrimitive } from './resolve.js';
import type { ScopeOf } from './scope.js';

type Node = TSESTree.Node;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** Express/Connect/Fastify/Koa-router registration methods; the first argument may be a path. */
const ROUTE_METHODS = new Set(['use', 'all', 'get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'addHook']);
/** Registrations that run for every method of their path, so later routes see their headers. */
const MIDDLEWARE_METHODS = new Set(['use', 'all', 'addHook']);
/** Names of a Koa-style context parameter, which is the response too (`ctx.set`). */
const CONTEXT_PARAMS = new Set(['ctx', 'context']);

/** One place a function or middleware is passed to: `receiver.method(path?, …arguments)`. */
export interface Registration {
  readonly call: TSESTree.CallExpression;
  readonly receiver: string;
  readonly method: string;
  /** The mount path; undefined when there is none, null when it cannot be read. */
  readonly path: string | undefined | null;
  /** Position among the call's arguments: earlier arguments run first. */
  readonly index: number;
}

export class HandlerChains {
  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly scopeOf: ScopeOf,
  ) {}

  /** Where a middleware call (`cors()`) or a function is registered, directly or through a variable. */
  registrationsOf(node: Node): Registration[] {
    const registrations: Registration[] = [];
    const direct = this.#registrationAt(node);
    if (direct) registrations.push(direct);
    const holder = node.type === AST_NODE_TYPES.FunctionDeclaration ? node.id : node.parent?.type === AST_NODE_TYPES.VariableDeclarator && node.parent.init === node ? node.parent.id : undefined;
    if (holder?.type === AST_NODE_TYPES.Identifier) {
      for (const reference of ASTUtils.findVariable(this.scopeOf(holder), holder)?.references ?? []) {
        if (reference.isWrite()) continue;
        const registration = this.#registrationAt(reference.identifier);
        if (registration) registrations.push(registration);
      }
    }
    return registrations;
  }

  /** The innermost enclosing function that is registered, with its registrations. */
  handlerOf(node: Node): { fn: FunctionNode; registrations: Registration[] } | undefined {
    for (let owner = node.parent; owner; owner = owner.parent) {
      if (!isFunctionNode(owner)) continue;
      const registrations = this.registrationsOf(owner);
      if (registrations.length > 0) return { fn: owner, registrations };
    }
    return undefined;
  }

  /** Whether middleware registered at `from` runs before the handler registered at `to`. */
  reaches(from: Registration, to: Registration): boolean {
    if (from.call === to.call) return from.index < to.index;
    if (!MIDDLEWARE_METHODS.has(from.method) || from.receiver !== to.receiver || from.call.range[1] > to.call.range[0]) return false;
    if (from.path === undefined || from.method === 'addHook') return true;
    if (from.path === null || typeof to.path !== 'string') return false;
    if (from.method === 'all') return from.path === to.path;
    return from.path === '/' || to.path === from.path || to.path.startsWith(from.path.endsWith('/') ? from.path : `${from.path}/`);
  }

  /**
   * Whether a header write at `at` on `receiver` writes to the response of a registered handler:
   * the receiver is the handler's response parameter (`(req, res)`, `(request, reply)`, Koa's `ctx`).
   */
  responseHandlerOf(at: Node, receiver: Node): Registration[] {
    const root = skipTypeWrappers(receiver);
    if (root.type !== AST_NODE_TYPES.Identifier) return [];
    const definition = ASTUtils.findVariable(this.scopeOf(root), root)?.defs[0];
    if (definition?.type !== 'Parameter' || !isFunctionNode(definition.node)) return [];
    const fn = definition.node;
    const position = fn.params.findIndex((param) => param.type === AST_NODE_TYPES.Identifier && param.name === root.name);
    const isResponse = position === 1 || (position === 2 && fn.params.length === 4) || (position === 0 && CONTEXT_PARAMS.has(root.name));
    if (!isResponse || !isInside(at, fn)) return [];
    return this.registrationsOf(fn);
  }

  #registrationAt(node: Node): Registration | undefined {
    let argument: Node = node;
    if (argument.parent?.type === AST_NODE_TYPES.ArrayExpression) argument = argument.parent;
    const call = argument.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(argument as TSESTree.CallExpressionArgument)) return undefined;
    const method = calledMethodName(call);
    const callee = skipTypeWrappers(call.callee);
    if (!method || !ROUTE_METHODS.has(method) || callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
    const [first] = call.arguments;
    let path: string | undefined | null;
    if (first && first !== argument && index > 0 && !isFunctionNode(first) && method !== 'addHook') {
      const text = first.type === AST_NODE_TYPES.SpreadElement ? undefined : staticPrimitive(first, this.scopeOf(first));
      // `app.use(helmet(), cors())`: a call there is a middleware, not a path.
      path = typeof text === 'string' ? text : first.type === AST_NODE_TYPES.CallExpression ? undefined : null;
    }
    return { call, receiver: this.sourceCode.getText(callee.object), method, path, index };
  }
}

function isInside(node: Node, container: Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}
