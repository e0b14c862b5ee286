/**
 * The response header writes a CORS policy applies to: those on the very response its headers are
 * written to (hand-set headers), and those of handlers that run after it in the same file
 * (`app.use(cors())` then `app.get('/items', …)`), as `HandlerChains` places them.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { ExtractedPolicy } from '../cors-context.js';
import type { Registration } from './handler-chain.js';
import { HandlerChains } from './handler-chain.js';
import type { ResponseHeaderWrite } from './response-headers.js';
import { skipTypeWrappers } from './resolve.js';
import type { ScopeOf } from './scope.js';

type Node = TSESTree.Node;

export interface ReachedWrites {
  /** Writes on the response the policy's own headers are written to (hand-set headers only). */
  readonly sameResponse: readonly ResponseHeaderWrite[];
  /** Writes by handlers that run after the policy on the same requests. */
  readonly later: readonly ResponseHeaderWrite[];
}

export class PolicyReach {
  readonly #chains: HandlerChains;
  readonly #handlerRegistrations = new Map<ResponseHeaderWrite, Registration[]>();

  constructor(sourceCode: Readonly<TSESLint.SourceCode>, scopeOf: ScopeOf) {
    this.#chains = new HandlerChains(sourceCode, scopeOf);
  }

  /** The group (response) of a hand-set policy's own writes; undefined for middleware. */
  static groupOf(policy: ExtractedPolicy): unknown {
    return policy.source.kind === 'response-headers' && 'writes' in policy ? policy.writes[0]?.group : undefined;
  }

  writesReached(policy: ExtractedPolicy, writes: readonly ResponseHeaderWrite[]): ReachedWrites {
    const group = PolicyReach.groupOf(policy);
    const sameResponse = group === undefined ? [] : writes.filter((write) => write.group === group);
    const from = this.#policyRegistrations(policy);
    const later =
      from.length === 0
        ? []
        : writes.filter((write) => write.group !== group && this.#handlerRegistrationsOf(write).some((to) => from.some((registration) => this.#chains.reaches(registration, to))));
    return { sameResponse, later };
  }

  #policyRegistrations(policy: ExtractedPolicy): Registration[] {
    if ('call' in policy) return this.#chains.registrationsOf(policy.call);
    const first = policy.writes[0];
    return first ? (this.#chains.handlerOf(first.at)?.registrations ?? []) : [];
  }

  #handlerRegistrationsOf(write: ResponseHeaderWrite): Registration[] {
    let registrations = this.#handlerRegistrations.get(write);
    if (!registrations) {
      const receiver = receiverOf(write.at);
      registrations = receiver ? this.#chains.responseHandlerOf(write.at, receiver) : [];
      this.#handlerRegistrations.set(write, registrations);
    }
    return registrations;
  }
}

/** The object a header is written on: `res` in `res.status(200).set(…)`, `vary(res, …)`, `res.set({ … })`. */
function receiverOf(at: Node): Node | undefined {
  let call: Node | undefined = at;
  if (at.type === AST_NODE_TYPES.Property) call = at.parent.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return call.arguments[0];
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  let root = skipTypeWrappers(callee.object);
  while (root.type === AST_NODE_TYPES.CallExpression && skipTypeWrappers(root.callee).type === AST_NODE_TYPES.MemberExpression) {
    root = skipTypeWrappers((skipTypeWrappers(root.callee) as TSESTree.MemberExpression).object);
  }
  return root;
}
