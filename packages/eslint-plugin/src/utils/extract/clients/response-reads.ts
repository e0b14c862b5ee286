/** How a client request's response is read: `.json()`, `.ok`, `.headers.get(…)`, through awaits, `then` and same-file helpers that return it. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ResponseRead } from 'cors-lint-core';
import { isFunctionNode, resolveNode } from '../values/resolve.js';
import type { ScopeOf } from '../values/scope.js';
import { findVariable } from '../values/find-variable.js';
import { memberName } from './request-parts.js';

type Node = TSESTree.Node;

/** Reads of the response a fetch promise resolves to: `await`, `.then(response => …)`, or a variable holding either. */
export function readsOfPromise(promise: Node, scopeOf: ScopeOf, depth = 0): ResponseRead<Node>[] {
  const parent = promise.parent;
  if (!parent || depth > 4) return [];
  if (parent.type === AST_NODE_TYPES.AwaitExpression)
    return readsOfResponse(parent, scopeOf, depth);
  if (
    parent.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === promise &&
    memberName(parent) === 'then'
  ) {
    const call = parent.parent;
    const callback =
      call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent
        ? call.arguments[0]
        : undefined;
    const fn = callback && resolveNode(callback, scopeOf(callback));
    const param = fn && isFunctionNode(fn) ? fn.params[0] : undefined;
    return param ? readsOfBinding(param, scopeOf, depth) : [];
  }
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === promise) {
    return readsOfBinding(parent.id, scopeOf, depth, (identifier) =>
      readsOfPromise(identifier, scopeOf, depth + 1),
    );
  }
  return readsThroughReturn(promise, scopeOf, depth);
}

/**
 * A helper that returns the response (or the promise of it) hands it to its callers: their reads
 * are reads of this response. Only the helper's calls in this file are followed, as far as a
 * promise or response is followed anywhere; a caller that passes it on (to `respondWith`, to a
 * cache) reads nothing.
 */
function readsThroughReturn(value: Node, scopeOf: ScopeOf, depth: number): ResponseRead<Node>[] {
  const parent = value.parent;
  const fn =
    parent?.type === AST_NODE_TYPES.ReturnStatement
      ? enclosingFunction(parent)
      : parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value
        ? parent
        : undefined;
  const name = fn && functionName(fn);
  if (!name) return [];
  const variable = findVariable(scopeOf(name), name);
  if (!variable) return [];
  return variable.references.flatMap((reference) => {
    const call = reference.identifier.parent;
    return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier
      ? readsOfPromise(call, scopeOf, depth + 1)
      : [];
  });
}

function enclosingFunction(node: Node): TSESTree.FunctionLike | undefined {
  for (let current = node.parent; current; current = current.parent)
    if (isFunctionNode(current)) return current;
  return undefined;
}

/** The name a function is called by: its declaration's, or the constant's it initialises. */
function functionName(fn: TSESTree.FunctionLike): TSESTree.Identifier | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id ?? undefined;
  const declarator = fn.parent;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.init === fn &&
    declarator.id.type === AST_NODE_TYPES.Identifier
    ? declarator.id
    : undefined;
}

function readsOfResponse(response: Node, scopeOf: ScopeOf, depth: number): ResponseRead<Node>[] {
  const parent = response.parent;
  if (!parent) return [];
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === response) {
    const member = memberName(parent);
    return member === undefined ? [] : [{ member, at: parent }];
  }
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === response)
    return readsOfBinding(parent.id, scopeOf, depth);
  return readsThroughReturn(response, scopeOf, depth);
}

/** Reads through a binding: each use of a variable, or each property a destructuring pattern takes. */
function readsOfBinding(
  pattern: Node,
  scopeOf: ScopeOf,
  depth: number,
  followUse?: (identifier: TSESTree.Identifier) => ResponseRead<Node>[],
): ResponseRead<Node>[] {
  if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
    return pattern.properties.flatMap((property) => {
      if (property.type !== AST_NODE_TYPES.Property) return [];
      const member =
        !property.computed && property.key.type === AST_NODE_TYPES.Identifier
          ? property.key.name
          : undefined;
      return member === undefined ? [] : [{ member, at: property as Node }];
    });
  }
  if (pattern.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = findVariable(scopeOf(pattern), pattern);
  if (!variable) return [];
  return variable.references
    .filter((reference) => !reference.isWrite())
    .flatMap((reference) =>
      followUse
        ? followUse(reference.identifier as TSESTree.Identifier)
        : readsOfResponse(reference.identifier, scopeOf, depth + 1),
    );
}
