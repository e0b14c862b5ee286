import { ACEH, checkExposedHeaders, messagesFor } from 'cors-lint-core';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { responseHeaderReads } from '../utils/extract/clients/response-header-reads.js';
import { responseGroupOf, writesReached } from '../utils/extract/routing/policy-reach.js';
import { projectFactsOf } from '../utils/project-contract.js';
import { createReporter } from '../utils/report.js';
import { reportContract } from '../utils/report-contract.js';

export type Options = [{ all?: boolean }];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'require-exposed-headers'>>,
  string
>;

export default createRule<Options, MessageIds>({
  name: 'require-exposed-headers',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require custom response headers of CORS responses to be listed in Access-Control-Expose-Headers',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: messagesFor('require-exposed-headers'),
    schema: [
      {
        type: 'object',
        properties: {
          all: {
            type: 'boolean',
            description:
              'Also report headers that browsers, caches and proxies read by themselves (ETag, Content-Range, Link, …) when no script of the file reads them, and, with the project index on, headers no script of the project reads.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ all: false }],
  },
  defaultOptions: [{ all: false }],
  create(context, [{ all = false }]) {
    const report = createReporter(context);
    return {
      'Program:exit'() {
        // Cross-file: the client's read of a header its server does not expose, reported at the read.
        reportContract(context, ['headerNotExposedByServer']);
        const { policies, responseHeaderWrites, registrations, calls } = getCorsContext(context);
        if (policies.length === 0 || responseHeaderWrites.length === 0) return;
        const readByScripts = responseHeaderReads(calls, context.sourceCode.text);
        // With the project index on, what every script of the project reads replaces the guess: a header no script reads is hidden from nobody.
        const project = projectFactsOf(context);
        for (const name of project?.headersRead ?? []) readByScripts.add(name);
        const options = { all, readByScripts, onlyRead: project !== undefined };
        // A response that writes its own Access-Control-Expose-Headers answers for its headers itself.
        const exposingResponses = new Set(
          policies
            .filter(
              (policy) => 'writes' in policy && policy.writes.some((write) => write.name === ACEH),
            )
            .map(responseGroupOf),
        );
        for (const policy of policies) {
          const own = responseGroupOf(policy);
          const { sameResponse, later } = writesReached(
            registrations,
            policy,
            responseHeaderWrites,
          );
          const headers = [
            ...sameResponse,
            ...later.filter((write) => !exposingResponses.has(write.group) || write.group === own),
          ];
          if (headers.length > 0) report(policy, checkExposedHeaders(policy, headers, options));
        }
      },
    };
  },
});
