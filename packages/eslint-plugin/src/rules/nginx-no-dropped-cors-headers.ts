import { checkDroppedCorsHeaders, messagesFor } from 'cors-lint-core';
import { createRule } from '../utils/create-rule.js';
import { testsPreflight } from '../utils/extract/nginx/model.js';
import { onNginx } from '../utils/nginx-report.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'nginx-no-dropped-cors-headers'>>,
  string
>;

export default createRule<Options, MessageIds>({
  name: 'nginx-no-dropped-cors-headers',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow an nginx `add_header` that drops the CORS headers a `location` or `if` would inherit',
      recommended: 'recommended',
      languages: ['cors/nginx'],
    },
    hasSuggestions: true,
    messages: messagesFor('nginx-no-dropped-cors-headers'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onNginx(context, (model, report) => {
      for (const level of model.levels.all)
        report(checkDroppedCorsHeaders(level, { answersPreflight: testsPreflight(level) }));
    });
  },
});
