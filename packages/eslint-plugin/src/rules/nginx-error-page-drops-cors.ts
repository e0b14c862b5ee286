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
import type { ModelLevel } from '../utils/extract/nginx/levels.js';

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
        if (!reachedByRequests(point, server)) continue;
        for (const page of effectiveErrorPages(point)) {
          const target = locationFor(page.uri, server);
          if (target !== point) report(checkErrorPageDropsCors(point, { ...page, target }));
        }
      }
    });
  },
});

/**
 * Whether a page's request can be answered at `point`. A location marked `internal` answers only
 * what nginx redirects to it: a direct request gets 404 (and that 404 takes the error page's
 * headers, not the location's). An `error_page` redirect landing there is no such way in either:
 * an error while serving an error page is not redirected again (`recursive_error_pages` is off by
 * default). So only a `rewrite` or `try_files` of the same server that may lead there counts (any
 * whose target holds a variable may); an upstream's `X-Accel-Redirect` is not seen.
 */
function reachedByRequests(point: ModelLevel, server: ModelLevel): boolean {
  let location: ModelLevel | undefined = point;
  while (location && location.kind !== 'location') location = location.parent;
  if (!location?.internal) return true;
  const within = (level: ModelLevel): ModelLevel[] => [level, ...level.children.flatMap(within)];
  const redirects = within(server).flatMap((level) => level.redirects);
  return redirects.some(
    (uri) => uri.includes('$') || locationFor(uri.replace(/\?.*$/s, ''), server) === location,
  );
}
