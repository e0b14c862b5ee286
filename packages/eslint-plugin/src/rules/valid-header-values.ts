import { checkHeaderValues, messagesFor } from 'cors-lint-core';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { createReporter } from '../utils/report.js';

export type Options = [];
export type MessageIds = Extract<keyof ReturnType<typeof messagesFor<'valid-header-values'>>, string>;

export default createRule<Options, MessageIds>({
  name: 'valid-header-values',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require well-formed Access-Control-* header values',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: messagesFor('valid-header-values'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const report = createReporter(context);
    return {
      'Program:exit'() {
        for (const policy of getCorsContext(context).policies) report(policy, checkHeaderValues(policy));
      },
    };
  },
});
