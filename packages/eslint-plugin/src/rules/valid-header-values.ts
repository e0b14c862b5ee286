import { checkHeaderValues, messagesFor } from 'cors-lint-core';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { onDjangoSettings } from '../utils/django-report.js';
import { onNginxPolicies } from '../utils/nginx-report.js';
import { createReporter } from '../utils/report.js';

export type Options = [{ maxAgeAboveCap?: boolean }];
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
    languages: ['js/js', 'cors/nginx', 'cors/django-settings'],
    messages: messagesFor('valid-header-values'),
    schema: [
      {
        type: 'object',
        properties: {
          maxAgeAboveCap: {
            type: 'boolean',
            description: "Also report an Access-Control-Max-Age above a browser's cap (Chromium 7200 s, Firefox 86400 s): it works, but the browser caches the preflight for less.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ maxAgeAboveCap: false }],
  },
  defaultOptions: [{ maxAgeAboveCap: false }],
  create(context, [{ maxAgeAboveCap = false }]) {
    const report = createReporter(context);
    return {
      ...onDjangoSettings(context, (policy) => checkHeaderValues(policy, { maxAgeAboveCap })),
      ...onNginxPolicies(context, (policy) => checkHeaderValues(policy, { maxAgeAboveCap })),
      'Program:exit'() {
        for (const policy of getCorsContext(context).policies) report(policy, checkHeaderValues(policy, { maxAgeAboveCap }));
      },
    };
  },
});
