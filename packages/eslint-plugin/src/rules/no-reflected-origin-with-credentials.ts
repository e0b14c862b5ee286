import { checkReflectedOriginWithCredentials, messagesFor } from 'cors-lint-core';
import { readAppOrigins } from '../utils/app-origins.js';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { onDjangoSettings } from '../utils/django-report.js';
import { onNginxPolicies } from '../utils/nginx-report.js';
import { createReporter } from '../utils/report.js';

export type Options = [];
export type MessageIds = Extract<keyof ReturnType<typeof messagesFor<'no-reflected-origin-with-credentials'>>, string>;

export default createRule<Options, MessageIds>({
  name: 'no-reflected-origin-with-credentials',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow approving every origin while credentials are allowed',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    languages: ['js/js', 'cors/nginx', 'cors/django-settings'],
    messages: messagesFor('no-reflected-origin-with-credentials'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const report = createReporter(context);
    const options = { appOrigins: readAppOrigins(context, undefined) };
    return {
      ...onDjangoSettings(context, (policy) => checkReflectedOriginWithCredentials(policy, options)),
      ...onNginxPolicies(context, (policy) => checkReflectedOriginWithCredentials(policy, options)),
      'Program:exit'() {
        for (const policy of getCorsContext(context).policies) report(policy, checkReflectedOriginWithCredentials(policy, options));
      },
    };
  },
});
