import { checkPreflightBeforeLocation, messagesFor } from 'cors-lint-core';
import { createRule } from '../utils/create-rule.js';
import { locationsIn } from '../utils/extract/nginx/levels.js';
import { testsPreflight } from '../utils/extract/nginx/model.js';
import { onNginx } from '../utils/nginx-report.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'nginx-no-preflight-before-location'>>,
  string
>;

export default createRule<Options, MessageIds>({
  name: 'nginx-no-preflight-before-location',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow answering the preflight in a server-level `if` while the CORS headers are set in locations',
      recommended: 'recommended',
      languages: ['cors/nginx'],
    },
    hasSuggestions: true,
    messages: messagesFor('nginx-no-preflight-before-location'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onNginx(context, (model, report) => {
      for (const level of model.levels.all) {
        if (
          level.kind === 'if' &&
          level.parent?.kind === 'server' &&
          level.answers &&
          testsPreflight(level)
        )
          report(checkPreflightBeforeLocation(level, locationsIn(level.parent)));
      }
    });
  },
});
