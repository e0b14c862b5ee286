/**
 * Which `Access-Control-Allow-Origin` writes certainly run on the same response before a given
 * one, for `no-duplicate-allow-origin`. Deliberately small; anything else is unknown and yields
 * no sequence:
 * - hand-set writes grouped on one response by response-headers.ts, where the earlier write is an
 *   unconditional statement that always runs before the later one (same block or an enclosing one);
 * - a `cors()` middleware mounted in the same file on the same app or router, app-wide or on a path
 *   covering the handler's route, registered before it (or earlier in the same route's arguments).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { AllowOriginSequence, AllowOriginWrite } from 'cors-lint-core';
import { ACAO } from 'cors-lint-core';
import type { CorsFileModel, ExtractedPolicy } from '../cors-context.js';
import type { MiddlewarePolicy } from './cors-package.js';
import { calledMethodName, isFunctionNode, resolveNode, skipTypeWrappers, staticPrimitive } from './resolve.js';
import type { HeaderWrite, ResponseHeadersPolicy } from './response-headers.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

export interface LocatedSequence {
  readonly sequence: AllowOriginSequence<Node>;
  /** The policy the checked write belongs to, for the reporter. */
  readonly policy: ExtractedPolicy;
}

const APPENDING = new Set(['append', 'appendHeader']);
/** Express app/router methods that register handlers; the first argument may be a path. */
const ROUTE_METHODS = new Set(['use', 'all', 'get', 'post', 'put', 'patch', 'delete', 'options', 'head']);
/** Origin settings with which the `cors` package sets the header (for allowed origins at least). */
const SETS_ORIGIN = new Set(['wildcard', 'fixed', 'reflect-any', 'allow-list', 'checked']);

export function allowOriginSequences(model: CorsFileModel, sourceCode: SourceCode): LocatedSequence[] {
  const middleware = model.policies.filter((policy): policy is MiddlewarePolicy => policy.source.kind === 'middleware');
  const byGroup = new Map<unknown, { write: HeaderWrite; policy: ResponseHeadersPolicy }[]>();
  for (const policy of model.policies) {
    if (policy.source.kind !== 'response-headers') continue;
    for (const write of (policy as ResponseHeadersPolicy).writes) {
      if (write.name !== ACAO) continue;
      const group = byGroup.get(write.group) ?? [];
      if (!group.some((entry) => entry.write.at === write.at)) group.push({ write, policy: policy as ResponseHeadersPolicy });
      byGroup.set(write.group, group);
    }
  }
  const sequences: LocatedSequence[] = [];
  for (const group of byGroup.values()) {
    // By where each write ends: in a chain (`res.set(a).append(b)`) the inner call, which ends first, runs first.
    const ordered = group.sort((a, b) => a.write.at.range[1] - b.write.at.range[1]);
    for (const [index, { write, policy }] of ordered.entries()) {
      const checked = describeWrite(write, sourceCode);
      if (checked?.kind !== 'append' || isRemovedNearby(write.at, model, sourceCode)) continue;
      const before = ordered
        .slice(0, index)
        .filter((earlier) => runsBefore(earlier.write, write))
        .map((earlier) => describeWrite(earlier.write, sourceCode));
      if (before.some((w) => w === undefined)) continue;
      const fromMiddleware = checked.transport === 'node' ? corsBefore(write, middleware, sourceCode) : undefined;
      sequences.push({ sequence: { before: [...(fromMiddleware ? [fromMiddleware] : []), ...(before as AllowOriginWrite<Node>[])], write: checked }, policy });
    }
  }
  return sequences;
}

/** A header write as core sees it, or undefined for shapes whose effect we do not model. */
function describeWrite(write: HeaderWrite, sourceCode: SourceCode): AllowOriginWrite<Node> | undefined {
  const scope = sourceCode.getScope(write.value);
  const text = staticPrimitive(write.value, scope);
  const value = typeof text === 'string' ? { value: text } : {};
  // An array is several values in one write: valid-allow-origin reports it.
  if (resolveNode(write.value, scope).type === AST_NODE_TYPES.ArrayExpression) return undefined;
  const at = write.at;
  const line = at.loc.start.line;
  if (at.type === AST_NODE_TYPES.CallExpression) {
    const method = calledMethodName(at) ?? '';
    const callee = skipTypeWrappers(at.callee) as TSESTree.MemberExpression;
    const transport = isFetchHeaders(callee.object, sourceCode) ? 'fetch-headers' : 'node';
    return { kind: APPENDING.has(method) ? 'append' : 'replace', label: sourceCode.getText(callee), line, transport, at, ...value };
  }
  // `new Headers([[name, value], …])` appends each pair.
  if (at.type === AST_NODE_TYPES.ArrayExpression) return { kind: 'append', label: 'new Headers', line, transport: 'fetch-headers', at, ...value };
  // An object key: `res.set({…})`, `res.writeHead(200, {…})`, `new Headers({…})` all replace.
  const holder = at.parent?.parent;
  const label =
    holder?.type === AST_NODE_TYPES.CallExpression ? sourceCode.getText(holder.callee) : holder?.type === AST_NODE_TYPES.NewExpression ? `new ${sourceCode.getText(holder.callee)}` : 'headers';
  return { kind: 'replace', label, line, transport: holder?.type === AST_NODE_TYPES.NewExpression ? 'fetch-headers' : 'node', at, ...value };
}

/** `response.headers`, or a variable holding `new Headers(…)`: a fetch Headers object. */
function isFetchHeaders(receiver: Node, sourceCode: SourceCode): boolean {
  const bare = skipTypeWrappers(receiver);
  if (bare.type === AST_NODE_TYPES.MemberExpression) return !bare.computed && bare.property.type === AST_NODE_TYPES.Identifier && bare.property.name === 'headers';
  const resolved = resolveNode(bare, sourceCode.getScope(bare));
  return resolved.type === AST_NODE_TYPES.NewExpression && resolved.callee.type === AST_NODE_TYPES.Identifier && resolved.callee.name === 'Headers';
}

/** The call or `new` that performs a write: the call itself, or the one an object or pair list is passed to. */
function performingExpression(write: HeaderWrite): Node | undefined {
  if (write.at.type === AST_NODE_TYPES.CallExpression) return write.at;
  let node: Node | undefined = write.at.parent;
  if (node?.type === AST_NODE_TYPES.ArrayExpression || node?.type === AST_NODE_TYPES.ObjectExpression) node = node.parent;
  return node?.type === AST_NODE_TYPES.CallExpression || node?.type === AST_NODE_TYPES.NewExpression ? node : undefined;
}

/**
 * True when `earlier` always runs before `later`: it sits in a statement of a block (unconditionally:
 * no `?:`, `&&`, `?.` or callback on the way) and `later` is in a later statement of that block or
 * nested inside one; or both are in one statement and `earlier` is evaluated first.
 */
function runsBefore(earlier: HeaderWrite, later: HeaderWrite): boolean {
  if (earlier.at.parent === later.at.parent && earlier.at.type === AST_NODE_TYPES.ArrayExpression) return true; // pairs of one Headers list
  const expression = performingExpression(earlier);
  const statement = expression && unconditionalStatement(expression);
  if (!statement) return false;
  const list = statement.parent;
  if (list?.type !== AST_NODE_TYPES.BlockStatement && list?.type !== AST_NODE_TYPES.Program) return false;
  let node: Node = later.at;
  while (node.parent && node.parent !== list) node = node.parent;
  if (node.parent !== list) return false;
  const body = list.body as Node[];
  const [from, to] = [body.indexOf(statement), body.indexOf(node)];
  if (from < to) return true;
  // One statement: `res.set(a).append(b)` evaluates the inner call first, arguments left to right.
  return from === to && (isInside(earlier.at, later.at) || earlier.at.range[1] <= later.at.range[0]);
}

function isInside(inner: Node, outer: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** The statement `expression` is part of, when evaluating the statement always evaluates it. */
function unconditionalStatement(expression: Node): Node | undefined {
  let node: Node = expression;
  for (;;) {
    const parent = node.parent;
    if (!parent) return undefined;
    switch (parent.type) {
      case AST_NODE_TYPES.ExpressionStatement:
      case AST_NODE_TYPES.VariableDeclaration:
        return parent;
      case AST_NODE_TYPES.VariableDeclarator:
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
        break;
      case AST_NODE_TYPES.MemberExpression:
        if (parent.object !== node || parent.optional) return undefined;
        break;
      case AST_NODE_TYPES.CallExpression:
        if (parent.optional) return undefined;
        break;
      default:
        return undefined;
    }
    node = parent;
  }
}

/**
 * A `removeHeader`/`delete` of Access-Control-Allow-Origin in the function of the write: the
 * sequence is then not a simple one, so it is not judged.
 */
function isRemovedNearby(at: Node, model: CorsFileModel, sourceCode: SourceCode): boolean {
  const owner = enclosingFunction(at);
  return model.calls.some((call) => {
    if (call.type !== AST_NODE_TYPES.CallExpression || !['removeHeader', 'delete'].includes(calledMethodName(call) ?? '')) return false;
    const [name] = call.arguments;
    const text = name && name.type !== AST_NODE_TYPES.SpreadElement ? staticPrimitive(name, sourceCode.getScope(name)) : undefined;
    return typeof text === 'string' && text.toLowerCase() === ACAO.toLowerCase() && enclosingFunction(call) === owner;
  });
}

function enclosingFunction(node: Node): Node | undefined {
  let owner = node.parent;
  while (owner && !isFunctionNode(owner)) owner = owner.parent;
  return owner;
}

/** A route registration: `app.get('/x', …handlers)`, `router.use(handler)`. */
interface Registration {
  readonly call: TSESTree.CallExpression;
  readonly receiver: string;
  readonly method: string;
  /** Undefined for `use` without a path (every path); registrations with an unknown path are not returned. */
  readonly path: string | undefined;
}

/** The `cors()` write that ran before `write`, when its handler is registered behind a mounted `cors()`. */
function corsBefore(write: HeaderWrite, policies: readonly MiddlewarePolicy[], sourceCode: SourceCode): AllowOriginWrite<Node> | undefined {
  const handler = enclosingHandler(write, sourceCode);
  if (!handler) return undefined;
  for (const policy of policies) {
    if (!SETS_ORIGIN.has(policy.origin.kind)) continue;
    for (const use of usesOf(policy.call, sourceCode)) {
      if (!mountedBefore(use, handler, sourceCode)) continue;
      const value = policy.origin.kind === 'wildcard' ? { value: '*' } : policy.origin.kind === 'fixed' ? { value: policy.origin.value } : {};
      return { kind: 'replace', label: sourceCode.getText(policy.call.callee) + '()', line: policy.call.loc.start.line, transport: 'node', at: policy.call, ...value };
    }
  }
  return undefined;
}

/**
 * The registration of the Express handler that performs `write` on its own response parameter
 * (`(req, res, next) => { res.append(…) }`, passed inline or by name).
 */
function enclosingHandler(write: HeaderWrite, sourceCode: SourceCode): { registration: Registration; argument: Node } | undefined {
  if (write.at.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const receiver = skipTypeWrappers((skipTypeWrappers(write.at.callee) as TSESTree.MemberExpression).object);
  if (receiver.type !== AST_NODE_TYPES.Identifier) return undefined;
  for (let fn = enclosingFunction(write.at); fn; fn = enclosingFunction(fn)) {
    if (!isFunctionNode(fn)) continue;
    const response = fn.params[1];
    // Four parameters make an error handler, which Express runs on another path.
    if (fn.params.length > 3 || response?.type !== AST_NODE_TYPES.Identifier || response.name !== receiver.name) continue;
    for (const argument of usesOf(fn, sourceCode)) {
      const registration = registrationOf(argument, sourceCode);
      if (registration) return { registration, argument };
    }
    return undefined;
  }
  return undefined;
}

/** Where a call's or function's value is used: itself, or the read references of the constant holding it. */
function usesOf(node: Node, sourceCode: SourceCode): Node[] {
  let id: TSESTree.Identifier | undefined;
  if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.id) id = node.id;
  else if (node.parent?.type === AST_NODE_TYPES.VariableDeclarator && node.parent.init === node && node.parent.id.type === AST_NODE_TYPES.Identifier) id = node.parent.id;
  if (!id) return [node];
  const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
  return (variable?.references ?? []).filter((reference) => !reference.init && reference.isRead()).map((reference) => reference.identifier);
}

function registrationOf(argument: Node, sourceCode: SourceCode): Registration | undefined {
  const call = argument.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(argument as TSESTree.CallExpressionArgument)) return undefined;
  const method = calledMethodName(call);
  const callee = skipTypeWrappers(call.callee);
  if (!method || !ROUTE_METHODS.has(method) || callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const [first] = call.arguments;
  const path = first && first !== argument && first.type !== AST_NODE_TYPES.SpreadElement ? staticPrimitive(first, sourceCode.getScope(first)) : undefined;
  const hasPath = first !== argument;
  if (hasPath && typeof path !== 'string') return undefined;
  if (!hasPath && method !== 'use') return undefined;
  return { call, receiver: sourceCode.getText(callee.object), method, path: typeof path === 'string' ? path : undefined };
}

/** True when the middleware use `use` runs before the handler on every request the handler serves. */
function mountedBefore(use: Node, handler: { registration: Registration; argument: Node }, sourceCode: SourceCode): boolean {
  const { registration, argument } = handler;
  // `app.get('/x', cors(), handler)`: earlier in the same route.
  if (use.parent === registration.call) return registration.call.arguments.indexOf(use as TSESTree.CallExpressionArgument) < registration.call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  const mount = registrationOf(use, sourceCode);
  if (!mount || mount.receiver !== registration.receiver || !covers(mount, registration)) return false;
  const [mountStatement, routeStatement] = [mount.call.parent, registration.call.parent];
  if (mountStatement?.type !== AST_NODE_TYPES.ExpressionStatement || routeStatement?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const list = mountStatement.parent;
  if (list !== routeStatement.parent || (list.type !== AST_NODE_TYPES.BlockStatement && list.type !== AST_NODE_TYPES.Program)) return false;
  return (list.body as Node[]).indexOf(mountStatement) < (list.body as Node[]).indexOf(routeStatement);
}

/** Whether a mount runs for every request a route serves: app-wide, a covering `use` prefix, or the same path and method. */
function covers(mount: Registration, route: Registration): boolean {
  if (mount.method === 'use') {
    if (mount.path === undefined || mount.path === '/') return true;
    if (route.path === undefined) return false;
    const prefix = mount.path.replace(/\/$/, '');
    return route.path === prefix || route.path.startsWith(`${prefix}/`);
  }
  return mount.path === route.path && (mount.method === 'all' || mount.method === route.method);
}
