import { ADD_HEADER_STATUSES, checkAddHeaderAlways, messagesFor } from 'cors-lint-core';
import { createRule } from '../utils/create-rule.js';
import type { ModelLevel } from '../utils/extract/nginx/levels.js';
import { onNginx } from '../utils/nginx-report.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'nginx-require-always'>>,
  string
>;

/**
 * A level that answers every request itself with a status add_header covers (`return 204` in the
 * preflight's `if`, `return 200 …`), with no nested location or `if` that could answer otherwise.
 * `return` runs in the rewrite phase, before any `proxy_pass`: the upstream never answers there.
 */
function answersOnlyCoveredStatus(level: ModelLevel | undefined): boolean {
  if (!level?.answers || !ADD_HEADER_STATUSES.includes(level.answers.status)) return false;
  return level.children.every(
    (child) =>
      child.kind === 'if' && (!child.answers || ADD_HEADER_STATUSES.includes(child.answers.status)),
  );
}

export default createRule<Options, MessageIds>({
  name: 'nginx-require-always',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `always` on nginx `add_header` lines that send CORS headers',
      recommended: 'recommended',
      languages: ['cors/nginx'],
    },
    fixable: 'code',
    messages: messagesFor('nginx-require-always'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onNginx(context, (model, report) => {
      for (const [write, level] of model.levels.writeLevel)
        report(checkAddHeaderAlways(write, { onlySuccessAnswer: answersOnlyCoveredStatus(level) }));
    });
  },
});
