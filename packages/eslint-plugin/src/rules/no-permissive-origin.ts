import path from 'node:path';
import { checkPermissiveOrigin, messagesFor } from 'cors-lint-core';
import { minimatch } from 'minimatch';
import type { TSESTree } from '@typescript-eslint/utils';
import { readAppOrigins } from '../utils/app-origins.js';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { privilegedServerEvidence } from '../utils/extract/context/privileged-server.js';
import { flowOf } from '../utils/extract/values/value-flow.js';
import { onDjangoSettings } from '../utils/django-report.js';
import { createReporter } from '../utils/report.js';

export type Options = [{ allowPaths?: string[]; allowFiles?: string[] }];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'no-permissive-origin'>>,
  string
>;

export default createRule<Options, MessageIds>({
  name: 'no-permissive-origin',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow CORS policies that let any origin read responses',
      recommended: 'strict',
    },
    hasSuggestions: true,
    languages: ['js/js', 'cors/django-settings'],
    messages: messagesFor('no-permissive-origin'),
    schema: [
      {
        type: 'object',
        properties: {
          allowPaths: {
            type: 'array',
            items: { type: 'string' },
            description:
              "Route paths (glob patterns, e.g. '/public/**') whose middleware may allow any origin.",
          },
          allowFiles: {
            type: 'array',
            items: { type: 'string' },
            description:
              "Files (glob patterns relative to the working directory, e.g. 'src/public-api/**') that may allow any origin.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowPaths: [], allowFiles: [] }],
  },
  defaultOptions: [{ allowPaths: [], allowFiles: [] }],
  create(context, [{ allowPaths = [], allowFiles = [] }]) {
    const relativeFile = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    if (allowFiles.some((pattern) => minimatch(relativeFile, pattern, { dot: true }))) return {};
    const report = createReporter(context);
    const options = { appOrigins: readAppOrigins(context, undefined) };
    // A policy mounted only on allowed paths is public on purpose; app-wide ones are not.
    const isAllowedMount = (paths: readonly string[]) =>
      paths.length > 0 &&
      paths.every((mount) =>
        allowPaths.some(
          (pattern) =>
            minimatch(mount, pattern) || minimatch(`${mount.replace(/\/$/, '')}/x`, pattern),
        ),
      );
    return {
      ...onDjangoSettings(context, (policy) => checkPermissiveOrigin(policy, options)),
      'Program:exit'() {
        const { policies, calls, originReads } = getCorsContext(context);
        if (policies.length === 0) return;
        const scopeOf = (node: TSESTree.Node) => context.sourceCode.getScope(node);
        // A server on the user's machine is no-permissive-local-server's (recommended): one report, the stronger one.
        if (
          privilegedServerEvidence(
            context.sourceCode.ast,
            context.sourceCode.text,
            calls,
            scopeOf,
            flowOf(originReads, scopeOf),
          )
        )
          return;
        for (const policy of policies) {
          if (!isAllowedMount(policy.paths)) report(policy, checkPermissiveOrigin(policy, options));
        }
      },
    };
  },
});
