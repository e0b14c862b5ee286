/**
 * Parse once, share with every rule: the CORS policies found in one file, cached per Program node
 * (the same Program object is handed to every rule of one lint run).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ClientRequest } from 'cors-lint-core';
import { mayConfigureCors } from 'cors-lint-core';
import { findClientRequests } from './extract/clients/client-requests.js';
import type { RuntimeContext } from './extract/context/runtime.js';
import { classifyRuntime, mayRunInBrowser, mayRunOnServer } from './extract/context/runtime.js';
import type { MiddlewarePolicy } from './extract/frameworks/cors-package.js';
import { findCorsPackagePolicies } from './extract/frameworks/cors-package.js';
import { findFrameworkPolicies } from './extract/frameworks/frameworks.js';
import { forEachNode } from './extract/every-node.js';
import { OriginReads } from './extract/values/request-origin.js';
import type {
  ResponseHeaderWrite,
  ResponseHeadersPolicy,
} from './extract/responses/response-headers.js';
import { ResponseHeaderCollector } from './extract/responses/response-headers.js';
import { Registrations } from './extract/routing/registrations.js';
import { flowOf } from './extract/values/value-flow.js';
import type { ServerRoutes } from './extract/routing/server-routes.js';
import { findServerRoutes } from './extract/routing/server-routes.js';

export type ExtractedPolicy = MiddlewarePolicy | ResponseHeadersPolicy;

export interface CorsFileModel {
  /** Where the file's code runs (browser, server, both, unknown) and whether it is a test. */
  readonly runtime: RuntimeContext;
  /** The server's CORS set-ups; none in a file that only runs in a browser. */
  readonly policies: readonly ExtractedPolicy[];
  /** Recognises reads of the request's Origin header, including origin-function parameters found while extracting. */
  readonly originReads: OriginReads;
  /** Every call and `new` expression of the file, for rules that look for origin checks. */
  readonly calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[];
  /** Every non-`Access-Control-*` response header write (Vary, Link, X-Total-Count, …), in source order. */
  readonly responseHeaderWrites: readonly ResponseHeaderWrite[];
  /** What is registered on which app or router, in order, and what runs before what; built on first use. */
  readonly registrations: Registrations;
  /** The file's servers as the preflight check sees them, from `registrations`; built on first use. */
  readonly serverRoutes: ServerRoutes;
  /**
   * Every `fetch()` call and fetched `new Request()`, with what it sends and how its response is read;
   * built on first use. None in a file that runs only on a server or under a test runner: no browser, no CORS.
   */
  readonly clientRequests: readonly ClientRequest<TSESTree.Node>[];
}

const cache = new WeakMap<TSESTree.Program, CorsFileModel>();
const NO_RUNTIME: RuntimeContext = {
  runtime: 'unknown',
  isTest: false,
  evidence: 'not classified: the file mentions no CORS',
};
const NO_SERVER_ROUTES: ServerRoutes = {
  expressApps: [],
  rawHandlers: [],
  fastifyApps: [],
  methodExports: [],
};

export function getCorsContext(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): CorsFileModel {
  const { sourceCode } = context;
  const program = sourceCode.ast;
  let model = cache.get(program);
  if (!model) {
    model = extract(
      sourceCode,
      context.filename,
      context.languageOptions?.parser,
      context.settings,
    );
    cache.set(program, model);
  }
  return model;
}

/**
 * The model of another project file, parsed by `values/imports.ts` while following an import (a route's
 * handler made by a factory in another package), with the settings of the file being linted.
 */
export function getForeignCorsModel(
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
  parser: unknown,
  settings: unknown,
): CorsFileModel {
  const program = sourceCode.ast;
  let model = cache.get(program);
  if (!model) {
    model = extract(sourceCode, filename, parser, settings);
    cache.set(program, model);
  }
  return model;
}

function extract(
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
  parser: unknown,
  settings: unknown,
): CorsFileModel {
  const scopeOf = (node: TSESTree.Node) => sourceCode.getScope(node);
  const originReads = new OriginReads(scopeOf, sourceCode.visitorKeys);
  if (!mayConfigureCors(sourceCode.text))
    return {
      runtime: NO_RUNTIME,
      policies: [],
      originReads,
      calls: [],
      responseHeaderWrites: [],
      registrations: new Registrations(sourceCode, scopeOf, []),
      serverRoutes: NO_SERVER_ROUTES,
      clientRequests: [],
    };

  const headers = new ResponseHeaderCollector(sourceCode, scopeOf);
  const calls: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
  forEachNode(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
      calls.push(node);
      headers.visitCall(node);
    } else if (node.type === AST_NODE_TYPES.ObjectExpression) {
      headers.visitObject(node);
    }
  });
  // Created first, with the file, so every extractor's lookups can follow imports.
  const valueFlow = flowOf(originReads, scopeOf, { filename, parser });
  const runtime = classifyRuntime(sourceCode, filename, settings);
  const onServer = mayRunOnServer(runtime);
  const middleware = findCorsPackagePolicies(calls, sourceCode.text, originReads, scopeOf, {
    filename,
    parser,
  });
  const headerPolicies = headers.policies(originReads, valueFlow);
  const frameworks = findFrameworkPolicies(sourceCode, calls, originReads, scopeOf, {
    filename,
    parser,
  });
  let registrations: Registrations | undefined;
  let serverRoutes: ServerRoutes | undefined;
  let clientRequests: ClientRequest<TSESTree.Node>[] | undefined;
  return {
    runtime,
    policies: onServer
      ? [...middleware, ...headerPolicies, ...frameworks.middleware, ...frameworks.headers]
      : [],
    originReads,
    calls,
    responseHeaderWrites: headers.responseHeaderWrites(),
    get registrations() {
      registrations ??= new Registrations(sourceCode, scopeOf, calls);
      return registrations;
    },
    get serverRoutes() {
      serverRoutes ??= findServerRoutes(
        sourceCode,
        scopeOf,
        this.registrations,
        calls,
        middleware,
        headerPolicies,
      );
      return serverRoutes;
    },
    get clientRequests() {
      clientRequests ??= mayRunInBrowser(runtime)
        ? findClientRequests(calls, scopeOf, sourceCode)
        : [];
      return clientRequests;
    },
  };
}
