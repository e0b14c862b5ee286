import { checkWildcardOriginWithCredentials, messagesFor } from 'cors-lint-core';
import { readAppOrigins } from '../utils/app-origins.js';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { onNginxPolicies } from '../utils/nginx-report.js';
import { createReporter } from '../utils/report.js';

export type Options = [];
export type MessageIds = Extract<keyof ReturnType<typeof messagesFor<'no-wildcard-origin-with-credentials'>>, string>;

export default createRule<Options, MessageIds>({
  name: 'no-wildcard-origin-with-credentials',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a wildcard Access-Control-Allow-Origin together with credentials',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    languages: ['js/js', 'cors/nginx'],
    messages: messagesFor('no-wildcard-origin-with-credentials'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const report = createReporter(context);
    const options = { appOrigins: readAppOrigins(context, undefined) };
    return {
      ...onNginxPolicies(context, (policy) => checkWildcardOriginWithCredentials(policy, options)),
      'Program:exit'() {
        for (const policy of getCorsContext(context).policies) report(policy, checkWildcardOriginWithCredentials(policy, options));
      },
    };
  },
});
