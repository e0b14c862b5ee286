import {
  checkExpressPreflight,
  checkFastifyPreflight,
  checkRawHandlerPreflight,
  checkRouteMethodsAllowed,
  checkRouteModulePreflight,
  messagesFor,
} from 'cors-lint-core';
import path from 'node:path';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import type { MiddlewarePolicy } from '../utils/extract/frameworks/libraries/cors-options.js';
import { routesAnsweredByPolicies } from '../utils/extract/routing/answered-routes.js';
import { routeModuleHeaders } from '../utils/extract/routing/route-module-headers.js';
import { dependencyMajor } from '../utils/package-versions.js';
import { projectFactsOf } from '../utils/project-contract.js';
import { createNodeReporter } from '../utils/report.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'require-preflight-handler'>>,
  string
>;

/** Next.js App Router route handlers live in `route.{js,ts,…}` files. */
const ROUTE_MODULE = /^route\.[cm]?[jt]sx?$/;

export default createRule<Options, MessageIds>({
  name: 'require-preflight-handler',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an answer to the CORS preflight for routes that need one',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: messagesFor('require-preflight-handler'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    // The fixer reads the policy for add-list-setting (the middleware to add `methods` to), and the
    // add-preflight-handler intent copies hand-set headers from it where there are some.
    const report = createNodeReporter(context);
    return {
      'Program:exit'(program) {
        const model = getCorsContext(context);
        const routes = model.serverRoutes;
        if (routes.expressApps.length > 0) {
          const major = dependencyMajor(context.filename, 'express');
          for (const app of routes.expressApps)
            report(checkExpressPreflight({ major, registrations: app.registrations }));
        }
        for (const handler of routes.rawHandlers)
          report(
            checkRawHandlerPreflight({
              ...handler,
              at: handler.handler,
              allowHeaders: handler.corsPolicy.allowHeaders,
            }),
            handler.corsPolicy,
          );
        for (const app of routes.fastifyApps) report(checkFastifyPreflight(app), app.corsPolicy);
        if (ROUTE_MODULE.test(path.basename(context.filename))) {
          // The headers may be set by a handler made in another file; then no fix copies them from there.
          const headers = routeModuleHeaders(
            model,
            context.sourceCode,
            { filename: context.filename, parser: context.languageOptions?.parser },
            context.settings,
          );
          if (headers) {
            const module = {
              at: program,
              exports: routes.methodExports,
              allowHeaders: headers.policy.allowHeaders,
              ...(headers.elsewhere ? { headersSetAt: headers.elsewhere } : {}),
            };
            report(
              checkRouteModulePreflight(module),
              headers.elsewhere ? undefined : headers.policy,
            );
          }
        }
        // The reverse of the route module's finding: this file makes the handler a route module of the project exports without OPTIONS.
        const writes = model.policies.flatMap((policy) =>
          policy.source.kind === 'response-headers' && 'writes' in policy ? policy.writes : [],
        );
        const facts = writes.length > 0 ? projectFactsOf(context) : undefined;
        if (facts && facts.reexportedHandlers.length > 0) {
          const file = path.relative(facts.root, context.filename).split(path.sep).join('/');
          // One report per write, naming the first route module: every route exporting it fails alike.
          const reported = new Set<string>();
          for (const reexported of facts.reexportedHandlers) {
            const { headers, route, method } = reexported;
            const place = `${headers.line}:${headers.column}`;
            if (headers.file !== file || reported.has(place)) continue;
            reported.add(place);
            const write = writes.find(
              ({ at }) =>
                at.loc.start.line === headers.line && at.loc.start.column === headers.column,
            );
            if (!write) continue;
            report([
              {
                messageId: 'handlerReexportedWithoutOptions',
                data: { method, route: `${route.file}:${route.line}` },
                at: write.at,
              },
            ]);
          }
        }
        const middleware = model.policies.filter(
          (policy): policy is MiddlewarePolicy =>
            policy.source.kind === 'middleware' && 'call' in policy,
        );
        if (middleware.length > 0) {
          for (const answered of routesAnsweredByPolicies(model.registrations, middleware, (node) =>
            context.sourceCode.getScope(node),
          )) {
            report(checkRouteMethodsAllowed(answered.policy, answered.routes), answered.policy);
          }
        }
      },
    };
  },
});
