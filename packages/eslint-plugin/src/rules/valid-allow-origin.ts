import { checkAllowOriginValues, messagesFor } from 'cors-lint-core';
import { createRule } from '../utils/create-rule.js';
import type { PolicyLanguage } from '../utils/report-each-policy.js';
import { reportEachPolicy } from '../utils/report-each-policy.js';

/** The rule's `meta.languages`, and where `reportEachPolicy` runs its check. */
const LANGUAGES: PolicyLanguage[] = ['js/js', 'cors/nginx'];

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'valid-allow-origin'>>,
  string
>;

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
    languages: LANGUAGES,
    messages: messagesFor('valid-allow-origin'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return reportEachPolicy(context, LANGUAGES, checkAllowOriginValues);
  },
});
