import type { TSESLint } from '@typescript-eslint/utils';
import { checkIneffectiveWildcard, messagesFor } from 'cors-lint-core';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { onDjangoSettings } from '../utils/django-report.js';
import { onNginxPolicies } from '../utils/nginx-report.js';
import { createReporter } from '../utils/report.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'no-ineffective-wildcard'>>,
  string
>;

export default createRule<Options, MessageIds>({
  name: 'no-ineffective-wildcard',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow `*` in Allow-Methods, Allow-Headers and Expose-Headers where browsers do not treat it as a wildcard',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    languages: ['js/js', 'cors/nginx', 'cors/django-settings'],
    messages: messagesFor('no-ineffective-wildcard'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const report = createReporter(context);
    return {
      // Settings name no Authorization use of their own; the clients are elsewhere.
      ...onDjangoSettings(context, (policy) =>
        checkIneffectiveWildcard(policy, { usesAuthorization: false }),
      ),
      // nginx passes Authorization on to the app unless told otherwise: any mention counts.
      ...onNginxPolicies(context, (policy) =>
        checkIneffectiveWildcard(policy, {
          usesAuthorization: /authorization/i.test(context.sourceCode.text),
        }),
      ),
      'Program:exit'() {
        const { policies } = getCorsContext(context);
        if (policies.length === 0) return;
        const usesAuthorization = fileUsesAuthorization(context.sourceCode);
        for (const policy of policies)
          report(policy, checkIneffectiveWildcard(policy, { usesAuthorization }));
      },
    };
  },
});

/**
 * Whether the file relies on the Authorization request header: it reads it
 * (`req.headers.authorization`, `req.get('Authorization')`) or builds one (`Bearer …`).
 */
function fileUsesAuthorization(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return sourceCode.ast.tokens.some((token) => {
    if (token.type === 'Identifier') return token.value.toLowerCase() === 'authorization';
    if (token.type === 'String' || token.type === 'Template')
      return /^[`'"]\s*authorization\s*[`'"]$|bearer\s/i.test(token.value);
    return false;
  });
}
