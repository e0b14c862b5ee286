import { checkPermissiveLocalServer, messagesFor } from 'cors-lint-core';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { privilegedServerEvidence } from '../utils/extract/context/privileged-server.js';
import { createReporter } from '../utils/report.js';

export type Options = [];
export type MessageIds = Extract<keyof ReturnType<typeof messagesFor<'no-permissive-local-server'>>, string>;

export default createRule<Options, MessageIds>({
  name: 'no-permissive-local-server',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow CORS policies that let any website drive a server on the user's machine",
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: messagesFor('no-permissive-local-server'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const report = createReporter(context);
    return {
      'Program:exit'() {
        const { policies, calls } = getCorsContext(context);
        if (policies.length === 0) return;
        const because = privilegedServerEvidence(context.sourceCode.ast, context.sourceCode.text, calls, (node) => context.sourceCode.getScope(node));
        if (because === undefined) return;
        for (const policy of policies) report(policy, checkPermissiveLocalServer(policy, because));
      },
    };
  },
});
