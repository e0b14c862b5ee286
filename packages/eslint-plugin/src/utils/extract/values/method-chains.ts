/**
 * The method a call on a builder chain runs, across files:
 *
 *   export const POST = serve.route({ path: 'x' }).paid('0.01').handler(fn);
 *
 * `serve` is `createServe()` from another package, `createServe` returns `new Serve(…)`, `Serve#route`
 * returns `new RouteBuilder(…)`, `paid` returns `this`: the call runs `RouteBuilder#handler`. An
 * expression's class is known only through `new C(…)`, a function or method whose returns say so, or
 * `this` in a method; types written in TypeScript are not read. Anything else is unknown.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { collectReturns } from './ast-children.js';
import type { Definition } from './imports.js';
import { definitionOf } from './imports.js';
import { isFunctionNode, skipTypeWrappers } from './resolve.js';

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** Calls, returns and constants followed to find one class; real chains need a handful. */
const MAX_DEPTH = 12;

/** The method `receiver.name(…)` runs, as a definition of its function, when the receiver's class is known. */
export function calledMethod(call: Definition & { node: Node }): Definition | undefined {
  return methodOfCall(call, 0);
}

function methodOfCall(call: Definition, depth: number): Definition | undefined {
  const node = skipTypeWrappers(call.node);
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipTypeWrappers(node.callee);
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.property.type !== AST_NODE_TYPES.Identifier
  )
    return undefined;
  const owner = classOf({ ...call, node: callee.object }, depth + 1);
  return owner && methodNamed(owner, callee.property.name);
}

/** The class of the value `expression` has, when the code says it. */
function classOf(expression: Definition, depth: number): Definition | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const defined = definitionOf(
    expression.node,
    expression.scopeOf,
    expression.file,
    expression.sourceCode,
  );
  if (!defined) return undefined;
  const node = skipTypeWrappers(defined.node);
  if (node.type === AST_NODE_TYPES.ThisExpression) return enclosingClass({ ...defined, node });
  if (node.type === AST_NODE_TYPES.NewExpression) {
    const made = definitionOf(node.callee, defined.scopeOf, defined.file, defined.sourceCode);
    return made && isClass(made.node) ? made : undefined;
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipTypeWrappers(node.callee);
  const fn =
    callee.type === AST_NODE_TYPES.MemberExpression
      ? methodOfCall({ ...defined, node }, depth + 1)
      : definitionOf(callee, defined.scopeOf, defined.file, defined.sourceCode);
  if (!fn || !isFunctionNode(fn.node)) return undefined;
  for (const returned of returnedBy(fn.node)) {
    const owner = classOf({ ...fn, node: returned }, depth + 1);
    if (owner) return owner;
  }
  return undefined;
}

function returnedBy(fn: TSESTree.FunctionLike): Node[] {
  if (!fn.body) return [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const returned: Node[] = [];
  collectReturns(fn.body, returned);
  return returned;
}

/** The class whose method `this` is written in (arrow functions keep the method's `this`). */
function enclosingClass(at: Definition): Definition | undefined {
  let node: Node | undefined = at.node.parent;
  while (node && (!isFunctionNode(node) || node.type === AST_NODE_TYPES.ArrowFunctionExpression))
    node = node.parent;
  const method = node?.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.static) return undefined;
  const owner = method.parent.parent;
  return isClass(owner) ? { ...at, node: owner } : undefined;
}

/** An instance method of the class (its own, not inherited). */
function methodNamed(owner: Definition, name: string): Definition | undefined {
  if (!isClass(owner.node)) return undefined;
  for (const member of owner.node.body.body) {
    if (
      member.type === AST_NODE_TYPES.MethodDefinition &&
      member.kind === 'method' &&
      !member.static &&
      !member.computed &&
      member.key.type === AST_NODE_TYPES.Identifier &&
      member.key.name === name
    )
      return { ...owner, node: member.value };
  }
  return undefined;
}

function isClass(node: Node | undefined): node is ClassNode {
  return (
    node?.type === AST_NODE_TYPES.ClassDeclaration || node?.type === AST_NODE_TYPES.ClassExpression
  );
}
