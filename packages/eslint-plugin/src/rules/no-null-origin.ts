import { checkNullOrigin, messagesFor } from 'cors-lint-core';
import { createRule } from '../utils/create-rule.js';
import type { PolicyLanguage } from '../utils/report-each-policy.js';
import { reportEachPolicy } from '../utils/report-each-policy.js';

/** The rule's `meta.languages`, and where `reportEachPolicy` runs its check. */
const LANGUAGES: PolicyLanguage[] = ['js/js', 'cors/nginx', 'cors/django-settings'];

export type Options = [];
export type MessageIds = Extract<keyof ReturnType<typeof messagesFor<'no-null-origin'>>, string>;

export default createRule<Options, MessageIds>({
  name: 'no-null-origin',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the origin `null` in CORS allow-lists and headers',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    languages: LANGUAGES,
    messages: messagesFor('no-null-origin'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return reportEachPolicy(context, LANGUAGES, checkNullOrigin);
  },
});
