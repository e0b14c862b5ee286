import { checkAllowOriginValues, messagesFor } from 'cors-lint-core';
import { readAppOrigins } from '../utils/app-origins.js';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { onNginxPolicies } from '../utils/nginx-report.js';
import { createReporter } from '../utils/report.js';

export type Options = [];
export type MessageIds = Extract<keyof ReturnType<typeof messagesFor<'valid-allow-origin'>>, string>;

export default createRule<Options, MessageIds>({
  name: 'valid-allow-origin',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Access-Control-Allow-Origin values that a browser origin can match',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    languages: ['js/js', 'cors/nginx'],
    messages: messagesFor('valid-allow-origin'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const report = createReporter(context);
    const options = { appOrigins: readAppOrigins(context, undefined) };
    return {
      ...onNginxPolicies(context, (policy) => checkAllowOriginValues(policy, options)),
      'Program:exit'() {
        for (const policy of getCorsContext(context).policies) report(policy, checkAllowOriginValues(policy, options));
      },
    };
  },
});
