/**
 * axios requests: `axios(config)`, `axios(url, config)`, `axios.request(config)`, the method helpers
 * (`axios.get(url, config)`, `axios.post(url, data, config)`, `axios.postForm(…)`), on the default
 * export or on an `axios.create({ … })` instance, with the defaults set on `.defaults`.
 *
 * What axios 1.x sends in a browser (checked against the real library in tests/clients/axios.real.test.ts):
 * the headers of `defaults.headers.common`, then `defaults.headers[method]`, then the top-level
 * defaults and the request's own headers, later ones winning; `application/json` for a plain-object
 * or array body, `application/x-www-form-urlencoded;charset=utf-8` for URLSearchParams, and
 * `application/x-www-form-urlencoded` for any other POST/PUT/PATCH body, unless a Content-Type is
 * set; no Content-Type for FormData, so the browser writes multipart/form-data with its boundary.
 * `withCredentials` becomes the XHR flag of that name, i.e. credentials `include`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ClientRequest, RequestBodyKind, RequestHeaderWrite, Setting } from 'cors-lint-core';
import { asciiLowercase, asciiUppercase } from 'cors-lint-core';
import { bodyKind, isGlobal, memberName, readHeaders, readUrl } from './request-parts.js';
import { isLibraryFactory, namesModule } from '../frameworks/libraries/module-export.js';
import type { ModuleExport } from '../frameworks/libraries/module-export.js';
import {
  objectProperties,
  resolveNode,
  skipTypeWrappers,
  staticPrimitive,
} from '../values/resolve.js';
import type { ScopeOf } from '../values/scope.js';
import type { LayeredWrite } from './library-defaults.js';
import {
  effectiveWrites,
  hasHeader,
  impliedContentType,
  isRemovingValue,
  joinBaseUrl,
  withCredentialsFlag,
} from './library-defaults.js';
import { findVariable } from '../values/find-variable.js';

type Node = TSESTree.Node;
type Reference = TSESLint.Scope.Reference;

const AXIOS: ModuleExport = { module: 'axios', moduleIsFactory: true, namedExports: [] };

/** `axios.get(url, config)`: no data argument. */
const URL_HELPERS: ReadonlySet<string> = new Set(['get', 'delete', 'head', 'options']);
/** `axios.post(url, data, config)`; the `…Form` variants send the data as multipart form data. */
const DATA_HELPERS: ReadonlySet<string> = new Set(['post', 'put', 'patch']);
const FORM_HELPERS: ReadonlyMap<string, string> = new Map([
  ['postForm', 'post'],
  ['putForm', 'put'],
  ['patchForm', 'patch'],
]);
/** `defaults.headers.<key>`: headers for every request, or for one method only. */
const HEADER_GROUPS: ReadonlySet<string> = new Set([
  'common',
  'get',
  'delete',
  'head',
  'options',
  'post',
  'put',
  'patch',
]);
/** axios's dispatchRequest gives these a urlencoded Content-Type when nothing else set one. */
const URLENCODED_BY_DEFAULT: ReadonlySet<string> = new Set(['post', 'put', 'patch']);

/** Precedence of a default's source: the global defaults, then `create()`'s config, then `instance.defaults`, then the request. */
const enum Layer {
  Global = 0,
  Create = 1,
  Instance = 2,
  Request = 3,
}

/** Where a header default applies: `common`, one method, or top level (every request, above `common` and the method's). */
type HeaderGroup = string;

interface DefaultHeader {
  readonly group: HeaderGroup;
  readonly layer: Layer;
  readonly write: RequestHeaderWrite<Node>;
  readonly removes: boolean;
}

interface AxiosDefaults {
  readonly headers: readonly DefaultHeader[];
  readonly baseURL: Setting<string, Node>;
  readonly credentials: Setting<string, Node>;
  /** False when some default could not be read (a spread, `defaults.headers = x`, interceptors). */
  readonly complete: boolean;
}

const NO_DEFAULTS: AxiosDefaults = {
  headers: [],
  baseURL: { kind: 'absent' },
  credentials: { kind: 'absent' },
  complete: true,
};

/** The callee's receiver: the default export (`root`) or an instance made by `create`. */
interface AxiosTarget {
  /** The identifier naming it, whose references carry `.defaults` assignments. */
  readonly named?: TSESTree.Identifier;
  readonly create?: TSESTree.CallExpression;
}

export function findAxiosRequests(
  calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[],
  scopeOf: ScopeOf,
  text: string,
): ClientRequest<Node>[] {
  if (!text.includes('axios')) return [];
  const finder = new AxiosFinder(scopeOf, namesModule(text, 'axios'));
  const requests: ClientRequest<Node>[] = [];
  for (const call of calls) {
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const request = finder.request(call);
    if (request) requests.push(request);
  }
  return requests;
}

/** `axios.request`, the method helpers and their `…Form` variants. */
function isRequestMethod(method: string): boolean {
  return (
    method === 'request' ||
    URL_HELPERS.has(method) ||
    DATA_HELPERS.has(method) ||
    FORM_HELPERS.has(method)
  );
}

/** The parts of a call that say what is sent, before defaults are applied. */
interface CallShape {
  readonly target: AxiosTarget;
  /** Lowercase, as axios keeps it; undefined when the config decides. */
  readonly helperMethod?: string;
  readonly form: boolean;
  readonly url?: Node;
  readonly config?: Node;
  /** The data argument of `post`/`put`/`patch`; the config's `data` otherwise. */
  readonly data?: Node;
  readonly dataFromConfig: boolean;
}

class AxiosFinder {
  private readonly defaultsCache = new Map<unknown, AxiosDefaults>();
  private readonly namedTargets = new Map<
    TSESLint.Scope.Scope,
    Map<unknown, { create?: TSESTree.CallExpression } | undefined>
  >();

  constructor(
    private readonly scopeOf: ScopeOf,
    private readonly moduleNamed: boolean,
  ) {}

  request(call: TSESTree.CallExpression): ClientRequest<Node> | undefined {
    const shape = this.shapeOf(call);
    return shape && this.read(call, shape);
  }

  private shapeOf(call: TSESTree.CallExpression): CallShape | undefined {
    const callee = skipTypeWrappers(call.callee);
    // The arguments are read only for a call of axios: most calls of a file are not.
    const readArguments = () =>
      call.arguments.map((argument) =>
        argument.type === AST_NODE_TYPES.SpreadElement ? undefined : argument,
      );
    const direct = this.targetOf(callee);
    if (direct) {
      const [first, second] = readArguments();
      // `axios(url, config)` when the first argument is not a config object, `axios(config)` otherwise.
      const firstIsConfig =
        first !== undefined &&
        second === undefined &&
        resolveNode(first, this.scopeOf(first)).type === AST_NODE_TYPES.ObjectExpression;
      return firstIsConfig ||
        (first !== undefined &&
          second === undefined &&
          readUrl(first, this.scopeOf(first)).kind === 'unknown')
        ? { target: direct, form: false, config: first, dataFromConfig: true }
        : { target: direct, form: false, url: first, config: second, dataFromConfig: true };
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = memberName(callee);
    if (method === undefined || !isRequestMethod(method)) return undefined;
    const target = this.targetOf(callee.object);
    if (!target) return undefined;
    const [first, second, third] = readArguments();
    if (method === 'request') return { target, form: false, config: first, dataFromConfig: true };
    if (URL_HELPERS.has(method))
      return {
        target,
        helperMethod: method,
        form: false,
        url: first,
        config: second,
        dataFromConfig: true,
      };
    return {
      target,
      helperMethod: FORM_HELPERS.get(method) ?? method,
      form: FORM_HELPERS.has(method),
      url: first,
      data: second,
      config: third,
      dataFromConfig: false,
    };
  }

  /** The default export (`axios`, `require('axios')`, `require('axios').default`, an unbound global `axios`) or an instance of it. */
  private targetOf(node: Node): AxiosTarget | undefined {
    const bare = skipTypeWrappers(node);
    if (bare.type === AST_NODE_TYPES.Identifier) {
      const named = this.namedTarget(bare);
      return named && { named: bare, ...named };
    }
    if (this.isRoot(bare)) return {};
    if (bare.type !== AST_NODE_TYPES.CallExpression || !this.isCreate(bare)) return undefined;
    return { create: bare };
  }

  /**
   * What a name holds: the default export (`{}`), an instance (`{ create }`) or neither (undefined).
   * The answer depends only on the variable the name finds and the scope it is read in, so it is
   * kept per both: each `app.get(…)` of a file would otherwise resolve `app` again.
   */
  private namedTarget(
    identifier: TSESTree.Identifier,
  ): { create?: TSESTree.CallExpression } | undefined {
    const scope = this.scopeOf(identifier);
    const key = findVariable(scope, identifier) ?? identifier.name;
    let inScope = this.namedTargets.get(scope);
    if (!inScope) {
      inScope = new Map();
      this.namedTargets.set(scope, inScope);
    }
    if (inScope.has(key)) return inScope.get(key);
    let target: { create?: TSESTree.CallExpression } | undefined;
    if (this.isRoot(identifier)) target = {};
    else {
      const created = resolveNode(identifier, scope);
      if (created.type === AST_NODE_TYPES.CallExpression && this.isCreate(created))
        target = { create: created };
    }
    inScope.set(key, target);
    return target;
  }

  private isRoot(node: Node): boolean {
    if (
      node.type === AST_NODE_TYPES.Identifier &&
      node.name === 'axios' &&
      isGlobal(node, 'axios', this.scopeOf(node))
    )
      return true;
    return this.moduleNamed && isLibraryFactory(node, AXIOS, this.scopeOf);
  }

  private isCreate(call: TSESTree.CallExpression): boolean {
    const callee = skipTypeWrappers(call.callee);
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      memberName(callee) === 'create' &&
      this.isRoot(skipTypeWrappers(callee.object))
    );
  }

  private read(call: TSESTree.CallExpression, shape: CallShape): ClientRequest<Node> {
    const config = shape.config && resolveNode(shape.config, this.scopeOf(shape.config));
    const options =
      config?.type === AST_NODE_TYPES.ObjectExpression
        ? objectProperties(config, this.scopeOf(config))
        : undefined;
    // A config that is not an object literal (a parameter, a call) may hold anything.
    const configKnown = shape.config === undefined || options !== undefined;
    const configComplete = configKnown && (options?.complete ?? true);
    const unknownAt = shape.config ?? call;
    const missing: Setting<string, Node> = configComplete
      ? { kind: 'absent' }
      : { kind: 'unknown', at: unknownAt };
    const option = (name: string) => options?.properties.get(name)?.property;

    const urlProperty = option('url');
    const ownUrl = shape.url
      ? readUrl(shape.url, this.scopeOf(shape.url))
      : urlProperty
        ? readUrl(urlProperty.value, this.scopeOf(urlProperty))
        : missing;

    const methodProperty = option('method');
    const methodValue =
      methodProperty && staticPrimitive(methodProperty.value, this.scopeOf(methodProperty));
    const method: Setting<string, Node> = shape.helperMethod
      ? {
          kind: 'known',
          value: asciiUppercase(shape.helperMethod),
          at: skipTypeWrappers(call.callee),
        }
      : methodProperty
        ? typeof methodValue === 'string'
          ? { kind: 'known', value: asciiUppercase(methodValue), at: methodProperty.value }
          : { kind: 'unknown', at: methodProperty }
        : missing;
    // What axios files the headers under: `defaults.headers.get`, `.post`, …
    const methodKey =
      method.kind === 'known'
        ? asciiLowercase(method.value)
        : method.kind === 'absent'
          ? 'get'
          : undefined;

    const defaults = this.defaultsFor(shape.target);
    const baseProperty = option('baseURL');
    const base = baseProperty
      ? readUrl(baseProperty.value, this.scopeOf(baseProperty))
      : defaults.baseURL;
    const url = joinBaseUrl(base, ownUrl);

    const credentialsProperty = option('withCredentials');
    const credentials = credentialsProperty
      ? withCredentials(credentialsProperty, this.scopeOf)
      : configComplete
        ? defaults.credentials
        : { kind: 'unknown' as const, at: unknownAt };

    const headersProperty = option('headers');
    const ownHeaders = headersProperty
      ? readHeaders(headersProperty.value, this.scopeOf(headersProperty))
      : { writes: [], complete: configComplete };
    const layered: LayeredWrite[] = [
      ...defaults.headers
        .filter(
          (entry) => entry.group === 'top' || entry.group === 'common' || entry.group === methodKey,
        )
        // common < the method's group < top level; within each, the global defaults < create() < instance.defaults.
        .map((entry) => ({
          write: entry.write,
          removes: entry.removes,
          layer: groupRank(entry.group) * 10 + entry.layer,
        })),
      ...ownHeaders.writes.map((write) => ({
        write,
        removes: isRemovingValue(write),
        layer: groupRank('top') * 10 + Layer.Request,
      })),
    ];
    const writes = effectiveWrites(layered);

    const dataNode = shape.dataFromConfig ? option('data') : shape.data;
    const dataValue = dataNode?.type === AST_NODE_TYPES.Property ? dataNode.value : dataNode;
    let kind: RequestBodyKind = dataValue
      ? bodyKind(dataValue, this.scopeOf(dataValue))
      : shape.dataFromConfig && !configComplete
        ? 'unknown'
        : 'none';
    if (shape.form) kind = kind === 'json-object' || kind === 'form-data' ? 'form-data' : 'unknown';
    if (dataNode && !hasHeader(writes, 'Content-Type') && methodKey !== undefined) {
      const implied = impliedType(kind, methodKey);
      if (implied !== null) writes.push(impliedContentType(implied, dataNode));
    }

    return {
      at: call,
      client: 'axios',
      url,
      method,
      // axios has no `mode`: its XHR and fetch adapters send CORS requests.
      mode: { kind: 'absent' },
      credentials,
      headers: {
        writes,
        complete: ownHeaders.complete && defaults.complete && methodKey !== undefined,
      },
      body: dataNode ? { kind, at: dataNode } : { kind },
      uploadListeners: [],
      responseReads: [],
    };
  }

  /** The defaults that apply to requests made through `target`; an instance also inherits the global ones set before `create()`. */
  private defaultsFor(target: AxiosTarget): AxiosDefaults {
    const { create } = target;
    if (!create)
      return target.named ? this.assignedDefaults(target.named, Layer.Global) : NO_DEFAULTS;
    const callee = skipTypeWrappers(create.callee) as TSESTree.MemberExpression;
    const root = skipTypeWrappers(callee.object);
    const global =
      root.type === AST_NODE_TYPES.Identifier
        ? this.assignedDefaults(root, Layer.Global)
        : NO_DEFAULTS;
    // `axios.create()` copies the defaults of that moment: later changes to `axios.defaults` do not reach the instance.
    const before = (setting: Setting<string, Node>): Setting<string, Node> =>
      (setting.kind === 'known' || setting.kind === 'unknown') &&
      setting.at.range[0] > create.range[0]
        ? { kind: 'absent' }
        : setting;
    const inherited = {
      ...global,
      headers: global.headers.filter((entry) => entry.write.at.range[0] < create.range[0]),
      baseURL: before(global.baseURL),
      credentials: before(global.credentials),
    };
    const created = this.createConfig(create);
    const assigned = target.named
      ? this.assignedDefaults(target.named, Layer.Instance)
      : NO_DEFAULTS;
    return {
      headers: [...inherited.headers, ...created.headers, ...assigned.headers],
      baseURL: pickSetting(assigned.baseURL, created.baseURL, inherited.baseURL),
      credentials: pickSetting(assigned.credentials, created.credentials, inherited.credentials),
      complete: inherited.complete && created.complete && assigned.complete,
    };
  }

  private createConfig(create: TSESTree.CallExpression): AxiosDefaults {
    const [argument] = create.arguments;
    if (!argument) return NO_DEFAULTS;
    const config = resolveNode(argument, this.scopeOf(argument));
    if (config.type !== AST_NODE_TYPES.ObjectExpression)
      return {
        ...NO_DEFAULTS,
        baseURL: { kind: 'unknown', at: argument },
        credentials: { kind: 'unknown', at: argument },
        complete: false,
      };
    const scope = this.scopeOf(config);
    const { properties, complete } = objectProperties(config, scope);
    const missing: Setting<string, Node> = complete
      ? { kind: 'absent' }
      : { kind: 'unknown', at: argument };
    const base = properties.get('baseURL')?.property;
    const credentials = properties.get('withCredentials')?.property;
    const headers = properties.get('headers')?.property;
    const grouped = headers ? this.groupedHeaders(headers.value) : { headers: [], complete };
    return {
      headers: grouped.headers,
      baseURL: base ? readUrl(base.value, this.scopeOf(base)) : missing,
      credentials: credentials ? withCredentials(credentials, this.scopeOf) : missing,
      complete: complete && grouped.complete,
    };
  }

  /** `headers: { common: {…}, post: {…}, 'X-Name': v }` in `create()`'s config. */
  private groupedHeaders(value: Node): { headers: DefaultHeader[]; complete: boolean } {
    const object = resolveNode(value, this.scopeOf(value));
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return { headers: [], complete: false };
    const { properties, complete } = objectProperties(object, this.scopeOf(object));
    const headers: DefaultHeader[] = [];
    let allRead = complete;
    for (const { name, property } of properties.values()) {
      if (!HEADER_GROUPS.has(name)) {
        const write = {
          name,
          value: staticHeaderValue(property.value, this.scopeOf(property)),
          at: property as Node,
          implied: 'instance-default' as const,
        };
        headers.push({ group: 'top', layer: Layer.Create, write, removes: isRemovingValue(write) });
        continue;
      }
      const group = readHeaders(property.value, this.scopeOf(property));
      allRead &&= group.complete;
      for (const write of group.writes)
        headers.push({
          group: name,
          layer: Layer.Create,
          write: { ...write, implied: 'instance-default' },
          removes: isRemovingValue(write),
        });
    }
    return { headers, complete: allRead };
  }

  /** `<named>.defaults.…  = value` wherever the binding is used; cached per binding. */
  private assignedDefaults(named: TSESTree.Identifier, layer: Layer): AxiosDefaults {
    const variable = findVariable(this.scopeOf(named), named);
    const key = variable ?? `global:${named.name}`;
    const cached = this.defaultsCache.get(key);
    if (cached) return cached;
    const references = variable
      ? variable.references
      : globalScopeOf(this.scopeOf(named)).through.filter(
          (reference) => reference.identifier.name === named.name,
        );
    const result = readAssignedDefaults(references, layer, this.scopeOf);
    this.defaultsCache.set(key, result);
    return result;
  }
}

/** The defaults a binding's references assign, and whether anything else may change what it sends. */
function readAssignedDefaults(
  references: readonly Reference[],
  layer: Layer,
  scopeOf: ScopeOf,
): AxiosDefaults {
  const headers: DefaultHeader[] = [];
  let baseURL: Setting<string, Node> = { kind: 'absent' };
  let credentials: Setting<string, Node> = { kind: 'absent' };
  let complete = true;
  for (const reference of references) {
    const identifier = reference.identifier;
    const member = identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) continue;
    const name = memberName(member);
    // Request interceptors can add any header.
    if (name === 'interceptors') complete = false;
    if (name !== 'defaults') continue;
    const path = memberPath(member);
    const assignment = path.end.parent;
    const assigned =
      assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
      assignment.left === path.end &&
      assignment.operator === '='
        ? assignment
        : undefined;
    if (!assigned) {
      // `delete axios.defaults.headers.common.X`, `Object.assign(axios.defaults.headers, …)`: changes we cannot follow.
      if (
        path.end.parent?.type === AST_NODE_TYPES.UnaryExpression ||
        path.end.parent?.type === AST_NODE_TYPES.CallExpression
      )
        complete = false;
      continue;
    }
    const [first, second, third] = path.names;
    const scope = scopeOf(assigned);
    if (path.names.includes(undefined)) {
      // `defaults.headers.common[name] = v` with a name we cannot read.
      complete = false;
    } else if (first === 'baseURL' && path.names.length === 1) {
      const read = readUrl(assigned.right, scope);
      baseURL =
        read.kind === 'known'
          ? { kind: 'known', value: read.value, at: assigned }
          : { kind: 'unknown', at: assigned };
    } else if (first === 'withCredentials' && path.names.length === 1) {
      credentials = withCredentialsFlag(staticPrimitive(assigned.right, scope), assigned);
    } else if (
      first === 'headers' &&
      second !== undefined &&
      HEADER_GROUPS.has(second) &&
      third !== undefined &&
      path.names.length === 3
    ) {
      headers.push(defaultHeader(second, third, assigned, layer, scope));
    } else if (
      first === 'headers' &&
      second !== undefined &&
      !HEADER_GROUPS.has(second) &&
      path.names.length === 2
    ) {
      headers.push(defaultHeader('top', second, assigned, layer, scope));
    } else if (first === 'headers' || first === 'transformRequest' || first === 'adapter') {
      complete = false;
    }
  }
  return { headers, baseURL, credentials, complete };
}

function defaultHeader(
  group: HeaderGroup,
  name: string,
  assignment: TSESTree.AssignmentExpression,
  layer: Layer,
  scope: TSESLint.Scope.Scope,
): DefaultHeader {
  const value = staticPrimitive(assignment.right, scope);
  const removes =
    value === null ||
    value === false ||
    (assignment.right.type === AST_NODE_TYPES.Identifier && assignment.right.name === 'undefined');
  return {
    group,
    layer,
    removes,
    write: {
      name,
      value: value === undefined || value === null || value === false ? undefined : String(value),
      at: assignment,
      implied: 'instance-default',
    },
  };
}

/** The member names after `.defaults` (`defaults.headers.common['X-Id']` → headers, common, X-Id), and the outermost member. */
function memberPath(defaults: TSESTree.MemberExpression): {
  names: (string | undefined)[];
  end: TSESTree.MemberExpression;
} {
  const names: (string | undefined)[] = [];
  let end = defaults;
  while (end.parent?.type === AST_NODE_TYPES.MemberExpression && end.parent.object === end) {
    end = end.parent;
    names.push(end.computed ? staticMemberName(end) : memberName(end));
  }
  return { names, end };
}

function staticMemberName(member: TSESTree.MemberExpression): string | undefined {
  const value = ASTUtils.getStaticValue(member.property);
  return typeof value?.value === 'string' ? value.value : undefined;
}

function withCredentials(property: TSESTree.Property, scopeOf: ScopeOf): Setting<string, Node> {
  return withCredentialsFlag(staticPrimitive(property.value, scopeOf(property)), property);
}

function staticHeaderValue(node: Node, scope: TSESLint.Scope.Scope): string | undefined {
  const value = staticPrimitive(node, scope);
  return typeof value === 'string' || typeof value === 'number' || value === true
    ? String(value)
    : undefined;
}

/** The Content-Type axios writes for a body of this kind; null when it writes none. */
function impliedType(kind: RequestBodyKind, methodKey: string): string | undefined | null {
  switch (kind) {
    case 'json-object':
      return 'application/json';
    case 'url-search-params':
      return 'application/x-www-form-urlencoded;charset=utf-8';
    case 'form-data':
    case 'none':
      return null;
    case 'unknown':
      // An object would be sent as JSON, a string urlencoded: the name is known, the value is not.
      return undefined;
    default:
      return URLENCODED_BY_DEFAULT.has(methodKey) ? 'application/x-www-form-urlencoded' : null;
  }
}

function groupRank(group: HeaderGroup): number {
  if (group === 'common') return 0;
  return group === 'top' ? 2 : 1;
}

/** The first setting that is not absent. */
function pickSetting(...settings: Setting<string, Node>[]): Setting<string, Node> {
  return settings.find((setting) => setting.kind !== 'absent') ?? { kind: 'absent' };
}

function globalScopeOf(scope: TSESLint.Scope.Scope): TSESLint.Scope.Scope {
  let current = scope;
  while (current.upper) current = current.upper;
  return current;
}
