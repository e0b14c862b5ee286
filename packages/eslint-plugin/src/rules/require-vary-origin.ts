import type { TSESTree } from '@typescript-eslint/utils';
import type { VaryWrite } from 'cors-lint-core';
import { checkVaryOrigin, mayVaryOnOrigin, messagesFor } from 'cors-lint-core';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { answersPreflightOnly, nginxVaryContext } from '../utils/extract/nginx/rule-inputs.js';
import { onNginxPolicies } from '../utils/nginx-report.js';
import { writesReached } from '../utils/extract/routing/policy-reach.js';
import type { ResponseHeaderWrite } from '../utils/extract/responses/response-headers.js';
import { readList } from '../utils/extract/values/cors-values.js';
import { isOnPreflightAnswerOnly } from '../utils/extract/responses/preflight-branch.js';
import { createReporter } from '../utils/report.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'require-vary-origin'>>,
  string
>;

/** Origins that depend on the request; the others need no Vary (cors-reference §4). */
const REQUEST_DEPENDENT = new Set(['reflect-any', 'allow-list', 'checked']);

export default createRule<Options, MessageIds>({
  name: 'require-vary-origin',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require `Vary: Origin` on responses whose Access-Control-Allow-Origin depends on the request',
      recommended: 'recommended',
    },
    fixable: 'code',
    languages: ['js/js', 'cors/nginx'],
    messages: messagesFor('require-vary-origin'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const report = createReporter(context);
    const scopeOf = (node: TSESTree.Node) => context.sourceCode.getScope(node);
    // Each write is read once, however many policies reach it.
    const read = new Map<ResponseHeaderWrite, VaryWrite<TSESTree.Node>>();
    const varyWrite = (write: ResponseHeaderWrite): VaryWrite<TSESTree.Node> => {
      let vary = read.get(write);
      if (!vary) {
        const list = readList(write.value, write.at, scopeOf(write.value));
        vary = {
          at: write.at,
          mode: write.mode,
          value: list.kind === 'known' && list.value.complete ? list.value : undefined,
        };
        read.set(write, vary);
      }
      return vary;
    };
    return {
      ...onNginxPolicies(context, (policy) =>
        answersPreflightOnly(policy) ? [] : checkVaryOrigin(policy, nginxVaryContext(policy)),
      ),
      'Program:exit'() {
        const { policies, responseHeaderWrites, registrations } = getCorsContext(context);
        // A preflight's answer is never stored by an HTTP cache: no Vary needed there.
        const candidates = policies.filter(
          (policy) =>
            REQUEST_DEPENDENT.has(policy.origin.kind) && !isOnPreflightAnswerOnly(policy.at),
        );
        if (candidates.length === 0) return;
        const varyWrites = responseHeaderWrites.filter(
          (write) => write.name.toLowerCase() === 'vary',
        );
        const originVaryWrites = new Set(
          varyWrites.filter((write) => mayVaryOnOrigin(varyWrite(write))),
        );
        for (const policy of candidates) {
          const { sameResponse, later } = writesReached(registrations, policy, varyWrites);
          const placed = new Set([...sameResponse, ...later]);
          // Some Vary write that may hold Origin is not among the placed ones.
          let placedOriginVary = 0;
          for (const write of placed) if (originVaryWrites.has(write)) placedOriginVary++;
          const varyOriginElsewhere = originVaryWrites.size > placedOriginVary;
          const laterResponses = new Map<unknown, ResponseHeaderWrite[]>();
          for (const write of later) {
            const writes = laterResponses.get(write.group);
            if (writes) writes.push(write);
            else laterResponses.set(write.group, [write]);
          }
          report(
            policy,
            checkVaryOrigin(policy, {
              sameResponse: sameResponse.map(varyWrite),
              later: [...laterResponses.values()].map((writes) => writes.map(varyWrite)),
              varyOriginElsewhere,
            }),
          );
        }
      },
    };
  },
});
