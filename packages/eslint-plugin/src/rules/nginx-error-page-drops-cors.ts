import { checkErrorPageDropsCors, messagesFor } from 'cors-lint-core';
import { createRule } from '../utils/create-rule.js';
import {
  effectiveErrorPages,
  interceptsErrors,
  locationFor,
  passOf,
  serverOf,
} from '../utils/extract/nginx/levels.js';
import { onNginx } from '../utils/nginx-report.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'nginx-error-page-drops-cors'>>,
  string
>;

export default createRule<Options, MessageIds>({
  name: 'nginx-error-page-drops-cors',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow an nginx `error_page` that serves errors of a CORS location without its CORS headers',
      recommended: 'strict',
      languages: ['cors/nginx'],
    },
    hasSuggestions: true,
    messages: messagesFor('nginx-error-page-drops-cors'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onNginx(context, (model, report) => {
      for (const point of model.points) {
        // An upstream's own errors pass through unless nginx is told to intercept them.
        if (passOf(point) && !interceptsErrors(point)) continue;
        const server = serverOf(point);
        for (const page of effectiveErrorPages(point)) {
          const target = locationFor(page.uri, server);
          if (target !== point) report(checkErrorPageDropsCors(point, { ...page, target }));
        }
      }
    });
  },
});
