/**
 * Which servers a file builds and, in order, what it registers on them, for the preflight check:
 * Express apps (`express()`) with their `use`/method routes and the role of each handler, raw
 * `node:http` request handlers (raw-handlers.ts), Fastify instances (`fastify()`) with their hooks and
 * routes, and a module's exported HTTP method handlers (Next.js App Router). The registrations come
 * from registrations.ts. Shapes we do not recognise are left out: a rule must stay quiet about them.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type {
  ExpressRegistration,
  HandlerRole,
  ListValue,
  RoutePath,
  Setting,
} from 'cors-lint-core';
import { ACAO } from 'cors-lint-core';
import type { MiddlewarePolicy } from '../frameworks/cors-package.js';
import {
  calledMethodName,
  isFunctionNode,
  objectProperties,
  resolveNode,
  skipTypeWrappers,
  staticPrimitive,
} from '../values/resolve.js';
import type { ResponseHeadersPolicy } from '../responses/response-headers.js';
import type { ScopeOf } from '../values/scope.js';
import { callsModule, callsModuleMember, moduleBindings } from './module-bindings.js';
import type { RawHandlerRoutes } from './raw-handlers.js';
import { methodExportsOf, rawHandler } from './raw-handlers.js';
import { ContainedIndex } from './contained-index.js';
import type { FunctionNode, Registration, Registrations } from './registrations.js';
import { HTTP_VERB_METHODS, MOUNT_METHODS, routeOptionMethods } from './registrations.js';
import { findVariable } from '../values/find-variable.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;
export type { RawHandlerRoutes } from './raw-handlers.js';

export interface ExpressAppRoutes {
  readonly create: TSESTree.CallExpression;
  readonly registrations: readonly ExpressRegistration<Node>[];
}

export interface FastifyRoutes {
  readonly corsHook: { readonly name: string; readonly at: Node };
  readonly routes: readonly {
    readonly method: string;
    readonly path: RoutePath<Node>;
    readonly at: Node;
  }[];
  readonly mayAnswerOptions: boolean;
  readonly allowHeaders: Setting<ListValue<Node>, Node>;
  readonly corsPolicy: ResponseHeadersPolicy;
}

export interface ServerRoutes {
  readonly expressApps: readonly ExpressAppRoutes[];
  readonly rawHandlers: readonly RawHandlerRoutes[];
  readonly fastifyApps: readonly FastifyRoutes[];
  /** Top-level exports named like HTTP methods (`export async function PUT`), for route modules. */
  readonly methodExports: readonly { readonly method: string; readonly at: TSESTree.Identifier }[];
}

interface AllowOriginWriteAt {
  readonly at: Node;
  readonly policy: ResponseHeadersPolicy;
}

const FASTIFY_METHODS: ReadonlySet<string> = new Set([...HTTP_VERB_METHODS, 'all']);
const FASTIFY_CORS_HOOKS = new Set(['onRequest', 'preHandler', 'onSend']);
/** Express's own body parsers and static server never write CORS headers. */
const EXPRESS_BUILT_INS = new Set(['json', 'urlencoded', 'raw', 'text', 'static']);

export function findServerRoutes(
  sourceCode: Readonly<TSESLint.SourceCode>,
  scopeOf: ScopeOf,
  registrations: Registrations,
  calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[],
  middleware: readonly MiddlewarePolicy[],
  headerPolicies: readonly ResponseHeadersPolicy[],
): ServerRoutes {
  const corsCalls = new Map<Node, MiddlewarePolicy>(
    middleware.map((policy) => [policy.call, policy]),
  );
  const allowOriginWrites = new ContainedIndex(
    headerPolicies.flatMap((policy) =>
      policy.writes
        .filter((write) => write.name === ACAO)
        .map((write) => ({ at: write.at, policy })),
    ),
  );
  const express = moduleBindings(sourceCode, scopeOf, ['express']);
  const fastify = moduleBindings(sourceCode, scopeOf, ['fastify']);
  const http = moduleBindings(sourceCode, scopeOf, ['http', 'node:http', 'https', 'node:https']);
  const apps = new AppReader(
    sourceCode,
    scopeOf,
    registrations,
    corsCalls,
    allowOriginWrites,
    express.defaults,
  );
  const expressApps: ExpressAppRoutes[] = [];
  const rawHandlers: RawHandlerRoutes[] = [];
  const fastifyApps: FastifyRoutes[] = [];
  for (const call of calls) {
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    if (callsModule(call, ['express'], express.defaults, scopeOf)) {
      const app = apps.express(call);
      if (app) expressApps.push(app);
    } else if (callsModule(call, ['fastify'], fastify.defaults, scopeOf)) {
      const app = apps.fastify(call);
      if (app) fastifyApps.push(app);
    } else if (callsModuleMember(call, 'createServer', http, scopeOf)) {
      const handler = rawHandler(call, allowOriginWrites, scopeOf, sourceCode.visitorKeys);
      if (handler) rawHandlers.push(handler);
    }
  }
  return { expressApps, rawHandlers, fastifyApps, methodExports: methodExportsOf(sourceCode.ast) };
}

class AppReader {
  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly scopeOf: ScopeOf,
    private readonly registrations: Registrations,
    private readonly corsCalls: ReadonlyMap<Node, MiddlewarePolicy>,
    private readonly allowOriginWrites: ContainedIndex<AllowOriginWriteAt>,
    private readonly expressBindings: ReadonlySet<Variable>,
  ) {}

  /** The registrations on the variable an app is stored in (`const app = express()`). */
  #registrationsOn(create: TSESTree.CallExpression): Registration[] {
    const holder = create.parent;
    if (
      holder?.type !== AST_NODE_TYPES.VariableDeclarator ||
      holder.init !== create ||
      holder.id.type !== AST_NODE_TYPES.Identifier
    )
      return [];
    return this.sourceCode
      .getDeclaredVariables(holder)
      .flatMap((variable) => this.registrations.on(variable));
  }

  express(create: TSESTree.CallExpression): ExpressAppRoutes | undefined {
    const registrations = this.#registrationsOn(create).filter((registration) =>
      MOUNT_METHODS.has(registration.method),
    );
    if (registrations.length === 0) return undefined;
    return {
      create,
      registrations: registrations.map(({ call, method, path, handlers }) => ({
        verb: method,
        path,
        handlers: handlers.flatMap((argument) => this.#roles(argument)),
        at: call,
      })),
    };
  }

  #roles(node: Node): HandlerRole<Node>[] {
    if (node.type === AST_NODE_TYPES.SpreadElement) return [{ kind: 'unknown' }];
    const resolved = resolveNode(node, this.scopeOf(node));
    if (resolved.type === AST_NODE_TYPES.ArrayExpression)
      return resolved.elements.flatMap((element) => (element ? this.#roles(element) : []));
    const policy = this.corsCalls.get(resolved);
    if (policy) {
      const preflightContinue = this.#preflightContinue(policy);
      return [
        preflightContinue
          ? { kind: 'cors', policy, at: node, preflightContinue }
          : { kind: 'cors', policy, at: node },
      ];
    }
    // Body parsers and static files call next() for OPTIONS.
    if (resolved.type === AST_NODE_TYPES.CallExpression && this.#isExpressBuiltIn(resolved))
      return [{ kind: 'no-cors', answersOptions: false }];
    if (isFunctionNode(resolved)) return [this.#functionRole(resolved)];
    return [{ kind: 'unknown' }];
  }

  #isExpressBuiltIn(call: TSESTree.CallExpression): boolean {
    const callee = skipTypeWrappers(call.callee);
    if (
      callee.type !== AST_NODE_TYPES.MemberExpression ||
      callee.object.type !== AST_NODE_TYPES.Identifier
    )
      return false;
    const variable = findVariable(this.scopeOf(callee.object), callee.object);
    return (
      variable !== null &&
      this.expressBindings.has(variable) &&
      EXPRESS_BUILT_INS.has(calledMethodName(call) ?? '')
    );
  }

  /** A function in this file: it sets CORS headers, surely does not (never mentions CORS), or may through code we do not follow. */
  #functionRole(fn: FunctionNode): HandlerRole<Node> {
    if (this.allowOriginWrites.anyWithin(fn)) return { kind: 'sets-cors-headers' };
    return /cors|access-control-/i.test(this.sourceCode.getText(fn))
      ? { kind: 'unknown' }
      : { kind: 'no-cors', answersOptions: true };
  }

  /** The `preflightContinue: true` property of a cors() call's options, if written so. */
  #preflightContinue(policy: MiddlewarePolicy): TSESTree.Property | undefined {
    const options = policy.optionsObject;
    if (!options) return undefined;
    const property = objectProperties(options, this.scopeOf(options)).properties.get(
      'preflightContinue',
    );
    if (!property) return undefined;
    return staticPrimitive(property.value, this.scopeOf(property.value)) === true
      ? property.property
      : undefined;
  }

  fastify(create: TSESTree.CallExpression): FastifyRoutes | undefined {
    let corsHook: FastifyRoutes['corsHook'] | undefined;
    let corsPolicy: ResponseHeadersPolicy | undefined;
    let mayAnswerOptions = false;
    const routes: { method: string; path: RoutePath<Node>; at: Node }[] = [];
    for (const { call, method: verb, path } of this.#registrationsOn(create)) {
      const [first, second] = call.arguments;
      if (verb === 'addHook' && first && second) {
        const name = staticPrimitive(first, this.scopeOf(first));
        const hook =
          second.type === AST_NODE_TYPES.SpreadElement
            ? undefined
            : resolveNode(second, this.scopeOf(second));
        if (
          typeof name !== 'string' ||
          !FASTIFY_CORS_HOOKS.has(name) ||
          !hook ||
          !isFunctionNode(hook)
        )
          continue;
        const write = this.allowOriginWrites.within(hook)[0];
        if (write && !corsHook) {
          corsHook = { name, at: call };
          corsPolicy = write.policy;
        }
      } else if (FASTIFY_METHODS.has(verb) && first) {
        const method = verb === 'all' ? 'ALL' : verb.toUpperCase();
        if (method === 'OPTIONS' || method === 'ALL') mayAnswerOptions = true;
        routes.push({ method, path, at: call });
      } else if (verb === 'route') {
        const methods = routeOptionMethods(first, this.scopeOf)?.map(({ method }) => method);
        if (methods === undefined || methods.includes('OPTIONS')) mayAnswerOptions = true;
        for (const method of methods ?? [])
          routes.push({ method, path: { kind: 'unknown' }, at: call });
      } else if (verb === 'register') {
        // A plugin (e.g. @fastify/cors) may add OPTIONS routes we cannot see.
        mayAnswerOptions = true;
      }
    }
    return corsHook && corsPolicy
      ? { corsHook, routes, mayAnswerOptions, allowHeaders: corsPolicy.allowHeaders, corsPolicy }
      : undefined;
  }
}
