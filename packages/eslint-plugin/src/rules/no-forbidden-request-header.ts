import { checkForbiddenRequestHeader, messagesFor } from 'cors-lint-core';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { createRequestReporter } from '../utils/report.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'no-forbidden-request-header'>>,
  string
>;

export default createRule<Options, MessageIds>({
  name: 'no-forbidden-request-header',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Disallow request headers browsers refuse to send, and CORS response headers set on a request',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: messagesFor('no-forbidden-request-header'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const report = createRequestReporter(context);
    return {
      'Program:exit'() {
        for (const request of getCorsContext(context).clientRequests)
          report(checkForbiddenRequestHeader(request));
      },
    };
  },
});
