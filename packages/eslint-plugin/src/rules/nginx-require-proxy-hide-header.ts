import { ACAO, checkUpstreamAllowOrigin, messagesFor } from 'cors-lint-core';
import { createRule } from '../utils/create-rule.js';
import { hiddenHeaders, passOf } from '../utils/extract/nginx/levels.js';
import { onNginx } from '../utils/nginx-report.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'nginx-require-proxy-hide-header'>>,
  string
>;

export default createRule<Options, MessageIds>({
  name: 'nginx-require-proxy-hide-header',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require `proxy_hide_header Access-Control-Allow-Origin` where nginx adds the header to a proxied response',
      recommended: 'strict',
      languages: ['cors/nginx'],
    },
    hasSuggestions: true,
    messages: messagesFor('nginx-require-proxy-hide-header'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onNginx(context, (model, report) => {
      for (const point of model.points) {
        const pass = passOf(point);
        // A `return` answers before the request is passed on (the preflight's `if … return 204`).
        if (!pass || point.answers) continue;
        const hidesAllowOrigin = hiddenHeaders(point, pass.module).has(ACAO.toLowerCase());
        report(
          checkUpstreamAllowOrigin(point, { at: pass.at, module: pass.module, hidesAllowOrigin }),
        );
      }
    });
  },
});
