import { checkInvalidNoCorsRequest, messagesFor } from 'cors-lint-core';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { createRequestReporter } from '../utils/report.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'no-invalid-no-cors-request'>>,
  string
>;

export default createRule<Options, MessageIds>({
  name: 'no-invalid-no-cors-request',
  meta: {
    type: 'problem',
    docs: {
      description:
        "Disallow `mode: 'no-cors'` requests with a method, header or body that mode does not allow",
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: messagesFor('no-invalid-no-cors-request'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const report = createRequestReporter(context);
    return {
      'Program:exit'() {
        for (const request of getCorsContext(context).clientRequests)
          report(checkInvalidNoCorsRequest(request));
      },
    };
  },
});
