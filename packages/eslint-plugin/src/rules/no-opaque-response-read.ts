import { checkOpaqueResponseRead, messagesFor } from 'cors-lint-core';
import { APP_ORIGINS_SCHEMA, readAppOrigins } from '../utils/app-origins.js';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { createRequestReporter } from '../utils/report.js';

export type Options = [{ appOrigins?: string[] }];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'no-opaque-response-read'>>,
  string
>;

export default createRule<Options, MessageIds>({
  name: 'no-opaque-response-read',
  meta: {
    type: 'problem',
    docs: {
      description:
        "Disallow reading the status, headers or body of a cross-origin `mode: 'no-cors'` response, which is opaque",
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: messagesFor('no-opaque-response-read'),
    schema: [
      {
        type: 'object',
        properties: { appOrigins: APP_ORIGINS_SCHEMA },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{}],
  },
  defaultOptions: [{}],
  create(context, [{ appOrigins }]) {
    const options = { appOrigins: readAppOrigins(context, appOrigins) };
    const report = createRequestReporter(context);
    return {
      'Program:exit'() {
        for (const request of getCorsContext(context).clientRequests)
          report(checkOpaqueResponseRead(request, options));
      },
    };
  },
});
