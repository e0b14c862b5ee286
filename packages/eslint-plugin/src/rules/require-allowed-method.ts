import { messagesFor } from 'cors-lint-core';
import { createRule } from '../utils/create-rule.js';
import { reportContractListener } from '../utils/report-contract.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'require-allowed-method'>>,
  string
>;

/** Cross-file: reported on the client call, naming the server rule; silent until `cors.configs.project()` turns the project index on. */
export default createRule<Options, MessageIds>({
  name: 'require-allowed-method',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require the server a request goes to in the project to allow its method and answer its preflight',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: messagesFor('require-allowed-method'),
    schema: [],
  },
  defaultOptions: [],
  create: (context) =>
    reportContractListener(context, [
      'methodNotAllowed',
      'preflightNotAnswered',
      'preflightRefused',
    ]),
});
