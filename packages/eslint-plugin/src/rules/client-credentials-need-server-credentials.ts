import { messagesFor } from 'cors-lint-core';
import { createRule } from '../utils/create-rule.js';
import { reportContractListener } from '../utils/report-contract.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'client-credentials-need-server-credentials'>>,
  string
>;

/** Cross-file: reported on the client call, naming the server rule; silent until `cors.configs.project()` turns the project index on. */
export default createRule<Options, MessageIds>({
  name: 'client-credentials-need-server-credentials',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require the server a credentialed request goes to in the project to allow credentials',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: messagesFor('client-credentials-need-server-credentials'),
    schema: [],
  },
  defaultOptions: [],
  create: (context) =>
    reportContractListener(context, ['credentialsNotAllowed', 'credentialsWithWildcard']),
});
