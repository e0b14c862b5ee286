import { checkDuplicateAllowOrigin, messagesFor } from 'cors-lint-core';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { nginxAllowOriginSequences } from '../utils/extract/nginx/rule-inputs.js';
import { onNginx } from '../utils/nginx-report.js';
import { allowOriginSequences } from '../utils/extract/responses/allow-origin-writes.js';
import { createReporter } from '../utils/report.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'no-duplicate-allow-origin'>>,
  string
>;

export default createRule<Options, MessageIds>({
  name: 'no-duplicate-allow-origin',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow a second Access-Control-Allow-Origin value on a response that already has one',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    languages: ['js/js', 'cors/nginx'],
    messages: messagesFor('no-duplicate-allow-origin'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const report = createReporter(context);
    return {
      ...onNginx(context, (model, reportNginx) => {
        for (const { sequence } of nginxAllowOriginSequences(model))
          reportNginx(checkDuplicateAllowOrigin(sequence));
      }),
      'Program:exit'() {
        const model = getCorsContext(context);
        if (model.policies.length === 0) return;
        for (const { sequence, policy } of allowOriginSequences(model, context.sourceCode))
          report(policy, checkDuplicateAllowOrigin(sequence));
      },
    };
  },
});
