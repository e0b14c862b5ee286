/**
 * Which `Access-Control-Allow-Origin` writes certainly run on the same response before a given
 * one, for `no-duplicate-allow-origin`. Deliberately small; anything else is unknown and yields
 * no sequence:
 * - hand-set writes grouped on one response by response-headers.ts, where the earlier write is an
 *   unconditional statement that always runs before the later one (same block or an enclosing one);
 * - a `cors()` middleware that certainly runs before the handler writing on its response
 *   (`Registrations.runsBefore`: same app or router, covering path, earlier statement or argument).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { AllowOriginSequence, AllowOriginWrite } from 'cors-lint-core';
import { ACAO } from 'cors-lint-core';
import type { CorsFileModel, ExtractedPolicy } from '../../cors-context.js';
import type { MiddlewarePolicy } from '../frameworks/cors-package.js';
import {
  calledMethodName,
  isFunctionNode,
  resolveNode,
  skipTypeWrappers,
  staticPrimitive,
} from '../values/resolve.js';
import type { HeaderWrite, ResponseHeadersPolicy } from './response-headers.js';
import type { Registrations } from '../routing/registrations.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

export interface LocatedSequence {
  readonly sequence: AllowOriginSequence<Node>;
  /** The policy the checked write belongs to, for the reporter. */
  readonly policy: ExtractedPolicy;
}

const APPENDING = new Set(['append', 'appendHeader']);
/** Origin settings with which the `cors` package sets the header (for allowed origins at least). */
const SETS_ORIGIN = new Set(['wildcard', 'fixed', 'reflect-any', 'allow-list', 'checked']);

export function allowOriginSequences(
  model: CorsFileModel,
  sourceCode: SourceCode,
): LocatedSequence[] {
  const middleware = model.policies.filter(
    (policy): policy is MiddlewarePolicy => policy.source.kind === 'middleware',
  );
  const byGroup = new Map<unknown, { write: HeaderWrite; policy: ResponseHeadersPolicy }[]>();
  for (const policy of model.policies) {
    if (policy.source.kind !== 'response-headers') continue;
    for (const write of (policy as ResponseHeadersPolicy).writes) {
      if (write.name !== ACAO) continue;
      const group = byGroup.get(write.group) ?? [];
      if (!group.some((entry) => entry.write.at === write.at))
        group.push({ write, policy: policy as ResponseHeadersPolicy });
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
      const fromMiddleware =
        checked.transport === 'node'
          ? corsBefore(write, middleware, model.registrations, sourceCode)
          : undefined;
      sequences.push({
        sequence: {
          before: [
            ...(fromMiddleware ? [fromMiddleware] : []),
            ...(before as AllowOriginWrite<Node>[]),
          ],
          write: checked,
        },
        policy,
      });
    }
  }
  return sequences;
}

/** A header write as core sees it, or undefined for shapes whose effect we do not model. */
function describeWrite(
  write: HeaderWrite,
  sourceCode: SourceCode,
): AllowOriginWrite<Node> | undefined {
  const scope = sourceCode.getScope(write.value);
  const text = staticPrimitive(write.value, scope);
  const value = typeof text === 'string' ? { value: text } : {};
  // An array is several values in one write: valid-allow-origin reports it.
  if (resolveNode(write.value, scope).type === AST_NODE_TYPES.ArrayExpression) return undefined;
  const at = write.at;
  const line = at.loc.start.line;
  if (at.type === AST_NODE_TYPES.CallExpression) {
    const method = calledMethodName(at) ?? '';
    const callee = skipTypeWrappers(at.callee);
    // A local wrapper (`set('Access-Control-Allow-Origin', o)`) sets on a response the way Node does.
    const transport =
      callee.type === AST_NODE_TYPES.MemberExpression && isFetchHeaders(callee.object, sourceCode)
        ? 'fetch-headers'
        : 'node';
    return {
      kind: APPENDING.has(method) ? 'append' : 'replace',
      label: sourceCode.getText(callee),
      line,
      transport,
      at,
      ...value,
    };
  }
  // `new Headers([[name, value], …])` appends each pair.
  if (at.type === AST_NODE_TYPES.ArrayExpression)
    return { kind: 'append', label: 'new Headers', line, transport: 'fetch-headers', at, ...value };
  // An object key: `res.set({…})`, `res.writeHead(200, {…})`, `new Headers({…})` all replace.
  const holder = at.parent?.parent;
  const label =
    holder?.type === AST_NODE_TYPES.CallExpression
      ? sourceCode.getText(holder.callee)
      : holder?.type === AST_NODE_TYPES.NewExpression
        ? `new ${sourceCode.getText(holder.callee)}`
        : 'headers';
  return {
    kind: 'replace',
    label,
    line,
    transport: holder?.type === AST_NODE_TYPES.NewExpression ? 'fetch-headers' : 'node',
    at,
    ...value,
  };
}

/** `response.headers`, or a variable holding `new Headers(…)`: a fetch Headers object. */
function isFetchHeaders(receiver: Node, sourceCode: SourceCode): boolean {
  const bare = skipTypeWrappers(receiver);
  if (bare.type === AST_NODE_TYPES.MemberExpression)
    return (
      !bare.computed &&
      bare.property.type === AST_NODE_TYPES.Identifier &&
      bare.property.name === 'headers'
    );
  const resolved = resolveNode(bare, sourceCode.getScope(bare));
  return (
    resolved.type === AST_NODE_TYPES.NewExpression &&
    resolved.callee.type === AST_NODE_TYPES.Identifier &&
    resolved.callee.name === 'Headers'
  );
}

/** The call or `new` that performs a write: the call itself, or the one an object or pair list is passed to. */
function performingExpression(write: HeaderWrite): Node | undefined {
  if (write.at.type === AST_NODE_TYPES.CallExpression) return write.at;
  let node: Node | undefined = write.at.parent;
  if (
    node?.type === AST_NODE_TYPES.ArrayExpression ||
    node?.type === AST_NODE_TYPES.ObjectExpression
  )
    node = node.parent;
  return node?.type === AST_NODE_TYPES.CallExpression || node?.type === AST_NODE_TYPES.NewExpression
    ? node
    : undefined;
}

/**
 * True when `earlier` always runs before `later`: it sits in a statement of a block (unconditionally:
 * no `?:`, `&&`, `?.` or callback on the way) and `later` is in a later statement of that block or
 * nested inside one; or both are in one statement and `earlier` is evaluated first.
 */
function runsBefore(earlier: HeaderWrite, later: HeaderWrite): boolean {
  if (earlier.at.parent === later.at.parent && earlier.at.type === AST_NODE_TYPES.ArrayExpression)
    return true; // pairs of one Headers list
  const expression = performingExpression(earlier);
  const statement = expression && unconditionalStatement(expression);
  if (!statement) return false;
  const list = statement.parent;
  if (list?.type !== AST_NODE_TYPES.BlockStatement && list?.type !== AST_NODE_TYPES.Program)
    return false;
  let node: Node = later.at;
  while (node.parent && node.parent !== list) node = node.parent;
  if (node.parent !== list) return false;
  const body = list.body as Node[];
  const [from, to] = [body.indexOf(statement), body.indexOf(node)];
  if (from < to) return true;
  // One statement: `res.set(a).append(b)` evaluates the inner call first, arguments left to right.
  return (
    from === to && (isInside(earlier.at, later.at) || earlier.at.range[1] <= later.at.range[0])
  );
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
  return functionsRemovingAllowOrigin(model, sourceCode).has(enclosingFunction(at));
}

/** Per file, the functions (undefined: the top level) with a `removeHeader`/`delete` of Access-Control-Allow-Origin; found once, not per write. */
const removingFunctions = new WeakMap<CorsFileModel, Set<Node | undefined>>();

function functionsRemovingAllowOrigin(
  model: CorsFileModel,
  sourceCode: SourceCode,
): Set<Node | undefined> {
  let owners = removingFunctions.get(model);
  if (owners) return owners;
  owners = new Set();
  for (const call of model.calls) {
    if (
      call.type !== AST_NODE_TYPES.CallExpression ||
      !['removeHeader', 'delete'].includes(calledMethodName(call) ?? '')
    )
      continue;
    const [name] = call.arguments;
    const text =
      name && name.type !== AST_NODE_TYPES.SpreadElement
        ? staticPrimitive(name, sourceCode.getScope(name))
        : undefined;
    if (typeof text === 'string' && text.toLowerCase() === ACAO.toLowerCase())
      owners.add(enclosingFunction(call));
  }
  removingFunctions.set(model, owners);
  return owners;
}

function enclosingFunction(node: Node): Node | undefined {
  let owner = node.parent;
  while (owner && !isFunctionNode(owner)) owner = owner.parent;
  return owner;
}

/** The `cors()` write that ran before `write`, when its handler is registered behind a mounted `cors()`. */
function corsBefore(
  write: HeaderWrite,
  policies: readonly MiddlewarePolicy[],
  registrations: Registrations,
  sourceCode: SourceCode,
): AllowOriginWrite<Node> | undefined {
  const handler =
    write.at.type === AST_NODE_TYPES.CallExpression
      ? registrations.responseHandlerOf(write.at)
      : undefined;
  // Four parameters make an error handler, which Express runs on another path.
  if (!handler || handler.fn.params.length > 3) return undefined;
  for (const policy of policies) {
    if (!SETS_ORIGIN.has(policy.origin.kind)) continue;
    const mounted = registrations
      .placementsOf(policy.call)
      .some((mount) =>
        handler.placements.some((route) => registrations.runsBefore(mount, route) === 'certain'),
      );
    if (!mounted) continue;
    const value =
      policy.origin.kind === 'wildcard'
        ? { value: '*' }
        : policy.origin.kind === 'fixed'
          ? { value: policy.origin.value }
          : {};
    return {
      kind: 'replace',
      label: sourceCode.getText(policy.call.callee) + '()',
      line: policy.call.loc.start.line,
      transport: 'node',
      at: policy.call,
      ...value,
    };
  }
  return undefined;
}
