/**
 * `ASTUtils.findVariable(scope, identifier)` with the same answer, faster where a scope has many
 * child scopes. The original first descends from `scope` to the innermost scope holding the
 * identifier by testing every child scope in turn; called with a module scope (the scope of every
 * top-level `app.get(…)`), that is every top-level function of the file, for each lookup. Here a
 * scope whose child scopes are in source order and do not overlap (the usual case, checked once
 * per scope) is searched by bisection; any other keeps the original linear search.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';

type Scope = TSESLint.Scope.Scope;

/** Below this many child scopes the linear search is as fast. */
const BISECT_FROM = 8;
const childrenInOrder = new WeakMap<Scope, boolean>();

export function findVariable(
  scope: Scope,
  identifier: TSESTree.Identifier,
): TSESLint.Scope.Variable | null {
  return ASTUtils.findVariable(innermostScope(scope, identifier.range[0]), identifier.name);
}

/** `getInnermostScope` of eslint-utils: descend while a child scope's block contains `location`. */
function innermostScope(initial: Scope, location: number): Scope {
  let scope = initial;
  for (
    let child = childContaining(scope, location);
    child;
    child = childContaining(scope, location)
  )
    scope = child;
  return scope;
}

/** The first child scope (in `childScopes` order) whose block contains `location`. */
function childContaining(scope: Scope, location: number): Scope | undefined {
  const children = scope.childScopes;
  const contains = (child: Scope) =>
    child.block.range[0] <= location && location < child.block.range[1];
  if (children.length < BISECT_FROM || !inOrderWithoutOverlap(scope))
    return children.find(contains);
  // The last child starting at or before `location` is the only one that can contain it.
  let [low, high] = [0, children.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (children[middle]!.block.range[0] <= location) low = middle + 1;
    else high = middle;
  }
  const candidate = children[low - 1];
  return candidate && contains(candidate) ? candidate : undefined;
}

function inOrderWithoutOverlap(scope: Scope): boolean {
  let answer = childrenInOrder.get(scope);
  if (answer === undefined) {
    const children = scope.childScopes;
    answer = children.every(
      (child, index) => index === 0 || children[index - 1]!.block.range[1] <= child.block.range[0],
    );
    childrenInOrder.set(scope, answer);
  }
  return answer;
}
