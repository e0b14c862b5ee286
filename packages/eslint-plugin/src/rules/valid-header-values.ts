import { checkHeaderValues, messagesFor } from 'cors-lint-core';
import { createRule } from '../utils/create-rule.js';
import type { PolicyLanguage } from '../utils/report-each-policy.js';
import { reportEachPolicy } from '../utils/report-each-policy.js';

/** The rule's `meta.languages`, and where `reportEachPolicy` runs its check. */
const LANGUAGES: PolicyLanguage[] = ['js/js', 'cors/nginx', 'cors/django-settings'];

export type Options = [{ maxAgeAboveCap?: boolean }];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'valid-header-values'>>,
  string
>;

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
    languages: LANGUAGES,
    messages: messagesFor('valid-header-values'),
    schema: [
      {
        type: 'object',
        properties: {
          maxAgeAboveCap: {
            type: 'boolean',
            description:
              "Also report an Access-Control-Max-Age above a browser's cap (Chromium 7200 s, Firefox 86400 s): it works, but the browser caches the preflight for less.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ maxAgeAboveCap: false }],
  },
  defaultOptions: [{ maxAgeAboveCap: false }],
  create(context, [{ maxAgeAboveCap = false }]) {
    return reportEachPolicy(context, LANGUAGES, (policy) =>
      checkHeaderValues(policy, { maxAgeAboveCap }),
    );
  },
});
