import { checkWildcardOriginWithCredentials, messagesFor } from 'cors-lint-core';
import { createRule } from '../utils/create-rule.js';
import type { PolicyLanguage } from '../utils/report-each-policy.js';
import { reportEachPolicy } from '../utils/report-each-policy.js';

/** The rule's `meta.languages`, and where `reportEachPolicy` runs its check. */
const LANGUAGES: PolicyLanguage[] = ['js/js', 'cors/nginx'];

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'no-wildcard-origin-with-credentials'>>,
  string
>;

export default createRule<Options, MessageIds>({
  name: 'no-wildcard-origin-with-credentials',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a wildcard Access-Control-Allow-Origin together with credentials',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    languages: LANGUAGES,
    messages: messagesFor('no-wildcard-origin-with-credentials'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return reportEachPolicy(context, LANGUAGES, checkWildcardOriginWithCredentials);
  },
});
