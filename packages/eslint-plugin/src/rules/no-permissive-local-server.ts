import { checkPermissiveLocalServer, messagesFor } from 'cors-lint-core';
import type { TSESTree } from '@typescript-eslint/utils';
import { readAppOrigins } from '../utils/app-origins.js';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { privilegedServerEvidence } from '../utils/extract/context/privileged-server.js';
import { flowOf } from '../utils/extract/values/value-flow.js';
import { createReporter } from '../utils/report.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'no-permissive-local-server'>>,
  string
>;

export default createRule<Options, MessageIds>({
  name: 'no-permissive-local-server',
  meta: {
    type: 'problem',
    docs: {
      description:
        "Disallow CORS policies that let any website drive a server on the user's machine",
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: messagesFor('no-permissive-local-server'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const report = createReporter(context);
    const options = { appOrigins: readAppOrigins(context, undefined) };
    return {
      'Program:exit'() {
        const { policies, calls, originReads } = getCorsContext(context);
        if (policies.length === 0) return;
        const scopeOf = (node: TSESTree.Node) => context.sourceCode.getScope(node);
        const because = privilegedServerEvidence(
          context.sourceCode.ast,
          context.sourceCode.text,
          calls,
          scopeOf,
          flowOf(originReads, scopeOf),
        );
        if (because === undefined) return;
        for (const policy of policies)
          report(policy, checkPermissiveLocalServer(policy, because, options));
      },
    };
  },
});
