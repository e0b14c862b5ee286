/**
 * Classifying origin callbacks (`origin: (origin, cb) => …`) and option delegates
 * (`cors((req, cb) => cb(null, options))`): do they approve every origin, check it, or can't we tell?
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { passesEveryOrigin, runsOnlyWhenEveryOriginFails } from '../../every-origin/checks-every-origin-passes.js';
import type { OriginReads, VisitorKeys } from './request-origin.js';
import { walk } from './request-origin.js';
import { resolveNode, skipTypeWrappers } from './resolve.js';
import type { ScopeOf } from './scope.js';

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

export type OriginFunctionVerdict = 'approves-all' | 'checked' | 'unknown';

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
 * approves (`cb(null, true)`, `cb(null, origin)`, `return true`); `checked` when some decision does
 * look at it; `unknown` otherwise. A test every origin passes (`/^https?:/.test(origin)`) is no
 * decision, and handing it back approves.
 */
export function classifyOriginFunction(fn: FunctionNode, reads: OriginReads, scopeOf: ScopeOf, style: OriginFunctionStyle = CALLBACK_STYLE): OriginFunctionVerdict {
  const [originParameter, callbackParameter] = style.originParameter ? fn.params : [undefined, undefined];
  if (originParameter?.type === AST_NODE_TYPES.Identifier) reads.addOriginParameter(originParameter);
  const callbackName = style.callback && callbackParameter?.type === AST_NODE_TYPES.Identifier ? callbackParameter.name : undefined;
  const answers = collectAnswers(fn, callbackName, reads.visitorKeys);
  if (reads.containsCheck(fn.body, new Set(answers))) return 'checked';
  if (answers.length === 0) return 'unknown';
  const approves = (answer: TSESTree.Node): boolean => {
    const value = resolveNode(answer, scopeOf(answer));
    return (value.type === AST_NODE_TYPES.Literal && value.value === true) || reads.isOrigin(value) || passesEveryOrigin(value, reads.testContext);
  };
  // `if (/^https?:/.test(origin)) return cb(null, true); cb(null, false);`: the refusal is never reached.
  const refusesNobody = (answer: TSESTree.Node) => runsOnlyWhenEveryOriginFails(answer, reads.testContext);
  return answers.every((answer) => approves(answer) || refusesNobody(answer)) ? 'approves-all' : 'unknown';
}

/**
 * The values a callback-style or returning function gives back: the second argument of each
 * `callback(null, value)` call (an error first argument is not an answer), or each returned value.
 */
export function collectAnswers(fn: FunctionNode, callbackName: string | undefined, keys?: VisitorKeys): TSESTree.Node[] {
  const answers: TSESTree.Node[] = [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement && !callbackName) return [fn.body];
  walk(fn.body, (node) => {
    if (node !== fn.body && (node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression)) return false;
    if (callbackName && node.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipTypeWrappers(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === callbackName) {
        const [error, value] = node.arguments;
        const errorIsNull = error?.type === AST_NODE_TYPES.Literal && error.value === null;
        if (errorIsNull && value && value.type !== AST_NODE_TYPES.SpreadElement) answers.push(value);
      }
    }
    if (!callbackName && node.type === AST_NODE_TYPES.ReturnStatement && node.argument) answers.push(node.argument);
    return true;
  }, keys);
  return answers;
}
