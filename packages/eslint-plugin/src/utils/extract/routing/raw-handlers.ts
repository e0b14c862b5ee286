/**
 * Raw `node:http` request handlers (`http.createServer(handler)`) that write CORS headers, with the
 * methods they branch on; and a route module's exported HTTP method handlers (Next.js App Router).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { VisitorKeys } from '../values/request-origin.js';
import { walk } from '../values/request-origin.js';
import { isFunctionNode, resolveNode, skipTypeWrappers } from '../values/resolve.js';
import type { ResponseHeadersPolicy } from '../responses/response-headers.js';
import type { ScopeOf } from '../values/scope.js';
import type { FunctionNode } from './registrations.js';
import type { ContainedIndex } from './contained-index.js';

type Node = TSESTree.Node;

export interface RawHandlerRoutes {
  readonly handler: FunctionNode;
  readonly methods: readonly { readonly method: string; readonly at: Node }[];
  readonly corsHeadersOnlyInMethodBranches: boolean;
  readonly corsPolicy: ResponseHeadersPolicy;
}

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The handler passed to `createServer`, when it writes Access-Control-Allow-Origin and compares `req.method`. */
export function rawHandler(
  call: TSESTree.CallExpression,
  allowOriginWrites: ContainedIndex<{ readonly at: Node; readonly policy: ResponseHeadersPolicy }>,
  scopeOf: ScopeOf,
  keys: VisitorKeys,
): RawHandlerRoutes | undefined {
  const argument = call.arguments.find((arg) => arg.type !== AST_NODE_TYPES.ObjectExpression);
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const handler = resolveNode(argument, scopeOf(argument));
  if (!isFunctionNode(handler)) return undefined;
  const [reqParam] = handler.params;
  if (reqParam?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const writes = allowOriginWrites.within(handler);
  const first = writes[0];
  if (!first) return undefined;
  const methods: { method: string; at: Node }[] = [];
  walk(
    handler.body,
    (node) => {
      const compared = methodComparison(node, reqParam.name);
      if (compared) methods.push({ method: compared.method, at: compared.literal });
      if (
        node.type === AST_NODE_TYPES.SwitchStatement &&
        isMethodRead(node.discriminant, reqParam.name)
      ) {
        for (const switchCase of node.cases) {
          if (
            switchCase.test?.type === AST_NODE_TYPES.Literal &&
            typeof switchCase.test.value === 'string'
          )
            methods.push({ method: switchCase.test.value, at: switchCase.test });
        }
      }
      return true;
    },
    keys,
  );
  if (methods.length === 0) return undefined;
  const guards = new FirstGuards(reqParam.name);
  const onlyInBranches = writes.every(({ at }) =>
    isOnlyReachedForMethods(at, handler, reqParam.name, guards),
  );
  return {
    handler,
    methods,
    corsHeadersOnlyInMethodBranches: onlyInBranches,
    corsPolicy: first.policy,
  };
}

/** The HTTP method names a module exports, in order. */
export function exportedMethods(program: TSESTree.Program): string[] {
  return methodExportsOf(program).map(({ method }) => method);
}

export function methodExportsOf(
  program: TSESTree.Program,
): { method: string; at: TSESTree.Identifier }[] {
  const found: { method: string; at: TSESTree.Identifier }[] = [];
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    const declaration = statement.declaration;
    const ids: TSESTree.Identifier[] = [];
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id)
      ids.push(declaration.id);
    if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations)
        if (declarator.id.type === AST_NODE_TYPES.Identifier) ids.push(declarator.id);
    }
    for (const specifier of statement.specifiers)
      if (specifier.exported.type === AST_NODE_TYPES.Identifier) ids.push(specifier.exported);
    for (const id of ids) if (HTTP_METHODS.has(id.name)) found.push({ method: id.name, at: id });
  }
  return found;
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
function methodComparison(
  node: Node,
  reqName: string,
): { method: string; literal: Node; equal: boolean } | undefined {
  if (
    node.type !== AST_NODE_TYPES.BinaryExpression ||
    !['===', '==', '!==', '!='].includes(node.operator)
  )
    return undefined;
  const pairs: [Node, Node][] = [
    [node.left, node.right],
    [node.right, node.left],
  ];
  for (const [read, literal] of pairs) {
    if (
      isMethodRead(read, reqName) &&
      literal.type === AST_NODE_TYPES.Literal &&
      typeof literal.value === 'string'
    ) {
      return {
        method: literal.value,
        literal,
        equal: node.operator === '===' || node.operator === '==',
      };
    }
  }
  return undefined;
}

/**
 * Is `write` reached only for requests of some compared method (never for OPTIONS)? True inside
 * `if (req.method === 'X') { … }`, a `case 'X':`, or after `if (req.method !== 'X') return …;`.
 */
function isOnlyReachedForMethods(
  write: Node,
  handler: FunctionNode,
  reqName: string,
  guards: FirstGuards,
): boolean {
  let child: Node = write;
  for (let node = write.parent; node && node !== handler; child = node, node = node.parent) {
    if (
      node.type === AST_NODE_TYPES.IfStatement &&
      node.consequent === child &&
      requiresMethod(node.test, reqName)
    )
      return true;
    if (
      node.type === AST_NODE_TYPES.SwitchCase &&
      node.parent.type === AST_NODE_TYPES.SwitchStatement &&
      isMethodRead(node.parent.discriminant, reqName)
    ) {
      return node.test?.type === AST_NODE_TYPES.Literal && node.test.value !== 'OPTIONS';
    }
    // A rejecting guard among the statements before this one (statements are in source order).
    if (
      node.type === AST_NODE_TYPES.BlockStatement &&
      (guards.of(node)?.range[0] ?? Infinity) < child.range[0]
    )
      return true;
  }
  return false;
}

/** Per block, its first rejecting guard: a handler's writes share blocks, which are searched once each. */
class FirstGuards {
  readonly #byBlock = new Map<TSESTree.BlockStatement, TSESTree.Statement | undefined>();

  constructor(private readonly reqName: string) {}

  of(block: TSESTree.BlockStatement): TSESTree.Statement | undefined {
    if (!this.#byBlock.has(block))
      this.#byBlock.set(
        block,
        block.body.find((statement) => isRejectingGuard(statement, this.reqName)),
      );
    return this.#byBlock.get(block);
  }
}

/** A condition that holds only for some method other than OPTIONS: `req.method === 'PATCH'`, also inside `&&`. */
function requiresMethod(test: Node, reqName: string): boolean {
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&')
    return requiresMethod(test.left, reqName) || requiresMethod(test.right, reqName);
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
  return (
    last?.type === AST_NODE_TYPES.ReturnStatement || last?.type === AST_NODE_TYPES.ThrowStatement
  );
}
