/**
 * Classifying origin callbacks (`origin: (origin, cb) => …`) and option delegates
 * (`cors((req, cb) => cb(null, options))`): do they approve every origin, check it, or can't we tell?
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { passesEveryOrigin, runsOnlyWhenEveryOriginFails } from './checks-every-origin-passes.js';
import { isGuardedBy } from './guards.js';
import type { OriginReads, VisitorKeys } from './request-origin.js';
import { walk } from './request-origin.js';
import { resolveNode, skipTypeWrappers } from './resolve.js';
import type { ScopeOf } from './scope.js';
import type { PossibleValue } from './value-flow.js';
import { flowOf } from './value-flow.js';

type FunctionNode =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/**
 * `approves-all`: some path approves any origin (`at`, when set, is the answer on that path);
 * `wildcard`: some path answers `'*'` without looking at the origin; `checked`: every approving
 * answer sits behind a check of the origin; `unknown`: we cannot tell.
 */
export interface OriginFunctionVerdict {
  readonly kind: 'approves-all' | 'wildcard' | 'checked' | 'unknown';
  readonly at?: TSESTree.Node;
}

/**
 * How a library calls the origin function: `(origin, callback)` (`cors`, `@fastify/cors`),
 * `(origin, c) => value` (hono: the second parameter is no callback), `(ctx) => value` (`@koa/cors`:
 * the origin is read off the context).
 */
export interface OriginFunctionStyle {
  readonly originParameter: boolean;
  readonly callback: boolean;
}

const CALLBACK_STYLE: OriginFunctionStyle = { originParameter: true, callback: true };

/**
 * `approves-all` when no decision in the function looks at the origin and every answer it gives
 * approves (`cb(null, true)`, `cb(null, origin)`, `return true`), or when one answer approves on a
 * path no origin check guards (`if (list.includes('*')) return cb(null, true)`: a configuration test
 * decides, not the caller's origin); `wildcard` for `cb(null, '*')` on such a path; `checked` when
 * every approving answer is behind a check; `unknown` otherwise. Answers for requests without an
 * Origin (`if (!origin) return cb(null, true)`) are no CORS answers and do not count. A test every
 * origin passes (`/^https?:/.test(origin)`) is no check, and handing it back approves.
 */
export function classifyOriginFunction(
  fn: FunctionNode,
  reads: OriginReads,
  scopeOf: ScopeOf,
  style: OriginFunctionStyle = CALLBACK_STYLE,
): OriginFunctionVerdict {
  const [originParameter, callbackParameter] = style.originParameter
    ? fn.params
    : [undefined, undefined];
  if (originParameter?.type === AST_NODE_TYPES.Identifier)
    reads.addOriginParameter(originParameter);
  const callbackName =
    style.callback && callbackParameter?.type === AST_NODE_TYPES.Identifier
      ? callbackParameter.name
      : undefined;
  const answers = collectAnswers(fn, callbackName, reads.visitorKeys);
  const valueOf = (answer: TSESTree.Node) => resolveNode(answer, scopeOf(answer));
  const approves = (answer: TSESTree.Node): boolean => {
    const value = valueOf(answer);
    return (
      (value.type === AST_NODE_TYPES.Literal && value.value === true) ||
      reads.isOrigin(value) ||
      passesEveryOrigin(value, reads.testContext)
    );
  };
  const isWildcard = (answer: TSESTree.Node): boolean => {
    const value = valueOf(answer);
    return value.type === AST_NODE_TYPES.Literal && value.value === '*';
  };
  if (reads.containsCheck(fn.body, new Set(answers))) {
    const unchecked = answers.filter(
      (answer) =>
        !isGuardedBy(answer, (test) => reads.containsCheck(test)) &&
        !answersAbsentOrigin(answer, fn, reads),
    );
    const wildcard = unchecked.find(isWildcard);
    if (wildcard) return { kind: 'wildcard', at: wildcard };
    const approving = unchecked.find(approves);
    return approving ? { kind: 'approves-all', at: approving } : { kind: 'checked' };
  }
  if (answers.length === 0) return { kind: 'unknown' };
  // `if (/^https?:/.test(origin)) return cb(null, true); cb(null, false);`: the refusal is never reached.
  const refusesNobody = (answer: TSESTree.Node) =>
    runsOnlyWhenEveryOriginFails(answer, reads.testContext);
  return answers.every((answer) => approves(answer) || refusesNobody(answer))
    ? { kind: 'approves-all' }
    : { kind: 'unknown' };
}

/**
 * Every value the function may answer on a path no origin check guards, read through value flow
 * (`return originList`, where `originList` may be a configured default): answers for requests
 * without an Origin do not count.
 */
export function uncheckedAnswerValues(
  fn: FunctionNode,
  reads: OriginReads,
  scopeOf: ScopeOf,
  style: OriginFunctionStyle = CALLBACK_STYLE,
): PossibleValue[] {
  const callbackParameter = style.originParameter ? fn.params[1] : undefined;
  const callbackName =
    style.callback && callbackParameter?.type === AST_NODE_TYPES.Identifier
      ? callbackParameter.name
      : undefined;
  const flow = flowOf(reads, scopeOf);
  return collectAnswers(fn, callbackName, reads.visitorKeys)
    .filter(
      (answer) =>
        !isGuardedBy(answer, (test) => reads.containsCheck(test)) &&
        !answersAbsentOrigin(answer, fn, reads),
    )
    .flatMap((answer) => flow.possibleValues(answer));
}

/** Is the answer only given when the request has no Origin (the consequent of `if (!origin)`)? */
function answersAbsentOrigin(answer: TSESTree.Node, fn: FunctionNode, reads: OriginReads): boolean {
  let child: TSESTree.Node = answer;
  for (
    let parent = answer.parent;
    parent && parent !== fn;
    child = parent, parent = parent.parent
  ) {
    if (
      (parent.type === AST_NODE_TYPES.IfStatement ||
        parent.type === AST_NODE_TYPES.ConditionalExpression) &&
      child === parent.consequent &&
      testsAbsentOrigin(parent.test, reads)
    )
      return true;
  }
  return false;
}

/** `!origin`, `origin == null`, `origin === undefined`, `typeof origin === 'undefined'`: the request sent no Origin. */
function testsAbsentOrigin(test: TSESTree.Node, reads: OriginReads): boolean {
  const bare = skipTypeWrappers(test);
  if (bare.type === AST_NODE_TYPES.UnaryExpression && bare.operator === '!')
    return reads.isOrigin(bare.argument);
  if (
    bare.type === AST_NODE_TYPES.BinaryExpression &&
    ['==', '===', '!=', '!=='].includes(bare.operator) &&
    bare.operator.startsWith('=')
  ) {
    const [named, other] = reads.isOrigin(bare.left)
      ? [bare.left, bare.right]
      : [bare.right, bare.left];
    if (!reads.isOrigin(named)) return false;
    return (
      (other.type === AST_NODE_TYPES.Literal && other.value === null) ||
      (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined')
    );
  }
  return false;
}

/**
 * The values a callback-style or returning function gives back: the second argument of each
 * `callback(null, value)` call (an error first argument is not an answer), or each returned value.
 */
export function collectAnswers(
  fn: FunctionNode,
  callbackName: string | undefined,
  keys?: VisitorKeys,
): TSESTree.Node[] {
  const answers: TSESTree.Node[] = [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement && !callbackName) return [fn.body];
  walk(
    fn.body,
    (node) => {
      if (
        node !== fn.body &&
        (node.type === AST_NODE_TYPES.FunctionDeclaration ||
          node.type === AST_NODE_TYPES.FunctionExpression)
      )
        return false;
      if (callbackName && node.type === AST_NODE_TYPES.CallExpression) {
        const callee = skipTypeWrappers(node.callee);
        if (callee.type === AST_NODE_TYPES.Identifier && callee.name === callbackName) {
          const [error, value] = node.arguments;
          const errorIsNull = error?.type === AST_NODE_TYPES.Literal && error.value === null;
          if (errorIsNull && value && value.type !== AST_NODE_TYPES.SpreadElement)
            answers.push(value);
        }
      }
      if (!callbackName && node.type === AST_NODE_TYPES.ReturnStatement && node.argument)
        answers.push(node.argument);
      return true;
    },
    keys,
  );
  return answers;
}
