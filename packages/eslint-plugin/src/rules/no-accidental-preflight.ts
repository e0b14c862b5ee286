import type { TSESTree } from '@typescript-eslint/utils';
import { checkAccidentalPreflight, messagesFor } from 'cors-lint-core';
import { APP_ORIGINS_SCHEMA, readAppOrigins } from '../utils/app-origins.js';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { createRequestReporter } from '../utils/report.js';

export type Options = [{ all?: boolean; appOrigins?: string[] }];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'no-accidental-preflight'>>,
  string
>;

export default createRule<Options, MessageIds>({
  name: 'no-accidental-preflight',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Disallow request headers that make a cross-origin request send a CORS preflight for nothing',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: messagesFor('no-accidental-preflight'),
    schema: [
      {
        type: 'object',
        properties: {
          all: {
            type: 'boolean',
            description:
              'Report every cross-origin request that sends a preflight, saying which method, header or content type triggers it.',
          },
          appOrigins: APP_ORIGINS_SCHEMA,
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ all: false }],
  },
  defaultOptions: [{ all: false }],
  create(context, [{ all = false, appOrigins }]) {
    const options = { all, appOrigins: readAppOrigins(context, appOrigins) };
    const report = createRequestReporter(context);
    return {
      'Program:exit'() {
        // A write several requests share (a headers constant) is reported once, for the first request.
        const reported = new Set<TSESTree.Node>();
        for (const request of getCorsContext(context).clientRequests) {
          const findings = checkAccidentalPreflight(request, options).filter(
            (finding) => !reported.has(finding.at),
          );
          for (const finding of findings) reported.add(finding.at);
          report(findings);
        }
      },
    };
  },
});
