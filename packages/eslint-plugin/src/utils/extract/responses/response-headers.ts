/**
 * `Access-Control-*` response headers set by hand: `res.setHeader`, `res.set`/`res.header`
 * (name/value and object forms), `res.append`, `res.writeHead(status, headers)`, `reply.header(s)`,
 * `headers.set/append`, `new Headers({...})` and object literals with those keys
 * (`new Response(body, { headers })`, Lambda proxy results).
 *
 * Writes are grouped per response: same receiver in the same function, or one object literal.
 * Every other response header written the same ways is recorded too (`ResponseHeaderWrite`), with
 * `Vary` written by `res.vary()` / the `vary` package and `Link` by `res.links()`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { CorsPolicy, OriginSetting, Setting } from 'cors-lint-core';
import {
  ACAC,
  ACAH,
  ACAM,
  ACAO,
  ACEH,
  ACMA,
  canonicalCorsHeaderName,
  isHttpToken,
} from 'cors-lint-core';
import {
  isGuardedBy,
  isReachedOnlyWhenTruthy,
  passedGuard,
  testsPresenceOf,
} from '../values/guards.js';
import { ORIGIN_HEADER_SOURCE } from '../values/request-sources.js';
import {
  NAME_VALUE_SETTERS,
  OBJECT_HEADER_SETTERS,
  isSentAsResponseHeaders,
} from './header-object-usage.js';
import type { OriginReads } from '../values/request-origin.js';
import {
  calledMethodName,
  isFunctionNode,
  propertyKeyName,
  resolveNode,
  skipTypeWrappers,
  staticPrimitive,
} from '../values/resolve.js';
import type { ValueFlow } from '../values/value-flow.js';
import { areExclusive } from '../values/branches.js';
import type { ScopeOf } from '../values/scope.js';
import {
  arrayElements,
  isBooleanOrString,
  isNumberOrString,
  readList,
  readScalar,
  requestSuppliedOrigin,
} from '../values/cors-values.js';

type Node = TSESTree.Node;

/** One header written on a response. `at` is the call or the object property; `value` the written value. */
export interface HeaderWrite {
  readonly name: string;
  readonly at: Node;
  readonly value: Node;
  readonly group: unknown;
}

export interface ResponseHeadersPolicy extends CorsPolicy<Node> {
  readonly source: { readonly kind: 'response-headers' };
  readonly writes: readonly HeaderWrite[];
}

/**
 * A response header other than `Access-Control-*`. `mode` says whether the write replaces the header
 * (`setHeader`, `set`, an object of headers) or adds to it (`append`, `res.vary()`, `res.links()`).
 * `name` is as written. Writes through `.set`/`.append` are recorded whatever the receiver is (a Map
 * too): consumers keep only those on a response (same group as a CORS write, or a handler's response).
 */
export interface ResponseHeaderWrite extends HeaderWrite {
  readonly mode: 'set' | 'append';
}

const APPENDING_SETTERS = new Set(['append', 'appendHeader']);

/** A local function that sets a header named by one of its parameters: `function set(k, v) { res.setHeader(k, v) }`. */
interface HeaderSetterWrapper {
  readonly fn:
    TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
  readonly nameIndex: number;
  readonly valueIndex: number;
  readonly receiver: Node;
  readonly mode: 'set' | 'append';
}

export class ResponseHeaderCollector {
  readonly #groups = new Map<unknown, HeaderWrite[]>();
  readonly #otherWrites: ResponseHeaderWrite[] = [];
  readonly #wrappers: HeaderSetterWrapper[] = [];

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly scopeOf: ScopeOf,
  ) {}

  /** Call for every CallExpression and NewExpression of the file. */
  visitCall(call: TSESTree.CallExpression | TSESTree.NewExpression): void {
    if (call.type === AST_NODE_TYPES.NewExpression) {
      if (call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'Headers') {
        const [init] = call.arguments;
        const holder =
          call.parent?.type === AST_NODE_TYPES.VariableDeclarator ? call.parent.id : undefined;
        if (init && init.type === AST_NODE_TYPES.ArrayExpression)
          this.#visitPairs(init, holder ? this.#groupKey(call, holder) : call);
      }
      return;
    }
    const [first, second] = call.arguments;
    const method = calledMethodName(call);
    if (!method) {
      // The `vary` package: vary(res, 'Origin') appends.
      if (
        call.callee.type === AST_NODE_TYPES.Identifier &&
        call.callee.name === 'vary' &&
        first &&
        second &&
        first.type !== AST_NODE_TYPES.SpreadElement &&
        second.type !== AST_NODE_TYPES.SpreadElement
      ) {
        this.#otherWrites.push({
          name: 'Vary',
          at: call,
          value: second,
          group: this.#groupKey(call, first),
          mode: 'append',
        });
      }
      return;
    }
    const callee = skipTypeWrappers(call.callee) as TSESTree.MemberExpression;
    if (!first || first.type === AST_NODE_TYPES.SpreadElement) return;
    if (NAME_VALUE_SETTERS.has(method) && second && second.type !== AST_NODE_TYPES.SpreadElement) {
      // A literal name needs no scope; `map.set(item.id, item)` and other names are evaluated.
      const name =
        first.type === AST_NODE_TYPES.Literal && typeof first.value === 'string'
          ? first.value
          : staticPrimitive(first, this.scopeOf(first));
      if (typeof name !== 'string') {
        this.#recordWrapper(
          call,
          first,
          second,
          callee.object,
          APPENDING_SETTERS.has(method) ? 'append' : 'set',
        );
        return;
      }
      const canonical = canonicalCorsHeaderName(name);
      const group = this.#groupKey(call, callee.object);
      if (canonical) this.#add({ name: canonical, at: call, value: second, group });
      else if (isHttpToken(name))
        this.#otherWrites.push({
          name,
          at: call,
          value: second,
          group,
          mode: APPENDING_SETTERS.has(method) ? 'append' : 'set',
        });
    } else if (!second && (method === 'vary' || method === 'links')) {
      // Express (and Koa's ctx.vary): both add to what the header already holds.
      this.#otherWrites.push({
        name: method === 'vary' ? 'Vary' : 'Link',
        at: call,
        value: first,
        group: this.#groupKey(call, callee.object),
        mode: 'append',
      });
    }
  }

  /** Call for every ObjectExpression of the file: header objects are recognised by their keys. */
  visitObject(object: TSESTree.ObjectExpression): void {
    const writes: Omit<HeaderWrite, 'group'>[] = [];
    const others: Omit<HeaderWrite, 'group'>[] = [];
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      // Plain keys need no scope: finding a node's scope walks up the tree, for every property of the file.
      const name = plainKeyName(property) ?? propertyKeyName(property, this.scopeOf(property));
      const canonical = name === undefined ? undefined : canonicalCorsHeaderName(name);
      if (canonical) writes.push({ name: canonical, at: property, value: property.value });
      else if (name !== undefined && isHttpToken(name))
        others.push({ name, at: property, value: property.value });
    }
    if (
      (writes.length === 0 && others.length === 0) ||
      !isSentAsResponseHeaders(object, this.scopeOf)
    )
      return;
    const group = this.#objectGroup(object);
    for (const write of writes) this.#add({ ...write, group });
    for (const write of others) this.#otherWrites.push({ ...write, group, mode: 'set' });
  }

  /** Every non-`Access-Control-*` header write, in source order. */
  responseHeaderWrites(): readonly ResponseHeaderWrite[] {
    return [...this.#otherWrites].sort((a, b) => a.at.range[0] - b.at.range[0]);
  }

  policies(reads: OriginReads, flow: ValueFlow): ResponseHeadersPolicy[] {
    this.#resolveWrappers();
    const policies: ResponseHeadersPolicy[] = [];
    for (const writes of this.#groups.values())
      policies.push(...this.#policiesOf(writes, reads, flow));
    return policies;
  }

  /** `res.setHeader(key, value)` inside a function whose parameters `key` and `value` are: remembered as a wrapper. */
  #recordWrapper(
    call: TSESTree.CallExpression,
    name: Node,
    value: Node,
    receiver: Node,
    mode: 'set' | 'append',
  ): void {
    let fn: Node | undefined = call.parent;
    while (fn && !isFunctionNode(fn)) fn = fn.parent;
    if (!fn || !isFunctionNode(fn)) return;
    const nameIndex = parameterIndex(fn, name);
    const valueIndex = parameterIndex(fn, value);
    if (nameIndex === undefined || valueIndex === undefined) return;
    this.#wrappers.push({ fn, nameIndex, valueIndex, receiver, mode });
  }

  /** Each call of a wrapper with a static header name is a write of that header on the wrapper's receiver. */
  #resolveWrappers(): void {
    for (const wrapper of this.#wrappers.splice(0)) {
      const variable = wrapperVariable(wrapper.fn, this.sourceCode);
      for (const reference of variable?.references ?? []) {
        const call = reference.identifier.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier)
          continue;
        const nameArgument = call.arguments[wrapper.nameIndex];
        const valueArgument = call.arguments[wrapper.valueIndex];
        if (
          !nameArgument ||
          !valueArgument ||
          nameArgument.type === AST_NODE_TYPES.SpreadElement ||
          valueArgument.type === AST_NODE_TYPES.SpreadElement
        )
          continue;
        const name = staticPrimitive(nameArgument, this.scopeOf(nameArgument));
        if (typeof name !== 'string') continue;
        const canonical = canonicalCorsHeaderName(name);
        const group = this.#groupKey(call, wrapper.receiver);
        if (canonical) this.#add({ name: canonical, at: call, value: valueArgument, group });
        else if (isHttpToken(name))
          this.#otherWrites.push({
            name,
            at: call,
            value: valueArgument,
            group,
            mode: wrapper.mode,
          });
      }
    }
  }

  /** `res.set(obj)`, `res.writeHead(200, obj)`, `new Headers(obj)` share the receiver's group; other objects are their own. */
  #objectGroup(object: TSESTree.ObjectExpression): unknown {
    const parent = object.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(object)) {
      const method = calledMethodName(parent);
      const callee = skipTypeWrappers(parent.callee);
      if (
        method &&
        callee.type === AST_NODE_TYPES.MemberExpression &&
        OBJECT_HEADER_SETTERS.has(method)
      ) {
        return this.#groupKey(parent, callee.object);
      }
    }
    if (
      parent?.type === AST_NODE_TYPES.NewExpression &&
      parent.callee.type === AST_NODE_TYPES.Identifier &&
      parent.callee.name === 'Headers'
    ) {
      const holder =
        parent.parent?.type === AST_NODE_TYPES.VariableDeclarator ? parent.parent.id : undefined;
      if (holder) return this.#groupKey(parent, holder);
    }
    return object;
  }

  /** `new Headers([['Access-Control-Allow-Origin', '*'], …])`. */
  #visitPairs(array: TSESTree.ArrayExpression, group: unknown): void {
    for (const element of array.elements) {
      if (element?.type !== AST_NODE_TYPES.ArrayExpression) continue;
      const [nameNode, valueNode] = element.elements;
      if (
        !nameNode ||
        !valueNode ||
        nameNode.type === AST_NODE_TYPES.SpreadElement ||
        valueNode.type === AST_NODE_TYPES.SpreadElement
      )
        continue;
      const name = staticPrimitive(nameNode, this.scopeOf(nameNode));
      if (typeof name !== 'string') continue;
      const canonical = canonicalCorsHeaderName(name);
      if (canonical) this.#add({ name: canonical, at: element, value: valueNode, group });
      else if (isHttpToken(name))
        this.#otherWrites.push({ name, at: element, value: valueNode, group, mode: 'set' });
    }
  }

  /** Writes on the same receiver (`res`, `reply`, `headers`), chained calls stripped, within one function. */
  #groupKey(node: Node, receiver: Node): string {
    let root = skipTypeWrappers(receiver);
    while (
      root.type === AST_NODE_TYPES.CallExpression &&
      skipTypeWrappers(root.callee).type === AST_NODE_TYPES.MemberExpression
    ) {
      root = skipTypeWrappers((skipTypeWrappers(root.callee) as TSESTree.MemberExpression).object);
    }
    let owner: Node | undefined = node.parent;
    while (owner && !isFunctionNode(owner)) owner = owner.parent;
    return `${owner ? owner.range[0] : -1}:${this.sourceCode.getText(root)}`;
  }

  #add(write: HeaderWrite): void {
    const writes = this.#groups.get(write.group);
    if (writes) writes.push(write);
    else this.#groups.set(write.group, [write]);
  }

  /**
   * One policy per `Access-Control-Allow-Origin` write and per origin it may send (`allowed ? origin :
   * 'null'` is two), each with the group's first write of every other header that can run with it (a
   * write in the other branch of an `if` cannot); any further writes of other headers get a policy of
   * their own so every value is checked once.
   */
  #policiesOf(
    writes: readonly HeaderWrite[],
    reads: OriginReads,
    flow: ValueFlow,
  ): ResponseHeadersPolicy[] {
    const firstOf = new Map<string, HeaderWrite>();
    const extra: HeaderWrite[] = [];
    for (const write of writes) {
      if (write.name !== ACAO && firstOf.has(write.name)) extra.push(write);
      else if (!firstOf.has(write.name)) firstOf.set(write.name, write);
    }
    const origins = writes.filter((write) => write.name === ACAO);
    const others = writes.filter((write) => write.name !== ACAO);
    const policies: ResponseHeadersPolicy[] = [];
    if (origins.length === 0) policies.push(this.#policy([...firstOf.values()], reads, flow));
    for (const origin of origins) {
      // The first write of each other header that can run on the same path as this origin write.
      const shared = new Map<string, HeaderWrite>();
      for (const write of others)
        if (!shared.has(write.name) && !areExclusive(origin.at, write.at))
          shared.set(write.name, write);
      for (const setting of this.#originVariants(origin, reads, flow))
        policies.push(this.#policy([origin, ...shared.values()], reads, flow, setting));
    }
    for (const write of extra) policies.push(this.#policy([write], reads, flow));
    return policies;
  }

  #policy(
    writes: readonly HeaderWrite[],
    reads: OriginReads,
    flow: ValueFlow,
    origin?: OriginSetting<Node>,
  ): ResponseHeadersPolicy {
    const byName = new Map(writes.map((write) => [write.name, write]));
    const first = writes[0]!;
    const scalar = <T extends string | number | boolean>(
      name: string,
      accept: (v: unknown) => v is T,
    ): Setting<T, Node> => {
      const write = byName.get(name);
      return write
        ? readScalar(write.value, write.at, this.scopeOf(write.value), accept)
        : { kind: 'absent' };
    };
    const list = (name: string): Setting<never, Node> | ReturnType<typeof readList> => {
      const write = byName.get(name);
      return write
        ? readList(write.value, write.at, this.scopeOf(write.value))
        : { kind: 'absent' };
    };
    const credentials = scalar(ACAC, isBooleanOrString);
    return {
      source: { kind: 'response-headers' },
      at: first.at,
      writes,
      origin:
        origin ??
        (byName.get(ACAO)
          ? this.#originVariants(byName.get(ACAO)!, reads, flow)[0]!
          : { kind: 'unknown', at: first.at }),
      // A boolean `true` is written out as the text "true".
      credentials:
        credentials.kind === 'known'
          ? { ...credentials, value: String(credentials.value) }
          : credentials,
      allowMethods: list(ACAM),
      allowHeaders: list(ACAH),
      exposeHeaders: list(ACEH),
      maxAge: scalar(ACMA, isNumberOrString),
      paths: [],
    };
  }

  /**
   * The origins one `Access-Control-Allow-Origin` write may send. A literal list is one fixed value;
   * otherwise every value the expression may have is a variant: `origin ?? 'null'` may send 'null',
   * `opts.origin || requestOrigin` may copy the request's Origin. A variant of several sits at the
   * value that produces it, so the report (and any fix) lands there.
   */
  #originVariants(write: HeaderWrite, reads: OriginReads, flow: ValueFlow): OriginSetting<Node>[] {
    const scope = this.scopeOf(write.value);
    const value = resolveNode(write.value, scope);
    if (value.type === AST_NODE_TYPES.ArrayExpression) {
      // An array sends one header line per element: browsers see several values.
      const { elements, complete } = arrayElements(value, scope);
      const texts = elements.map((element) => staticPrimitive(element, this.scopeOf(element)));
      if (complete && texts.every((t): t is string => typeof t === 'string'))
        return [{ kind: 'fixed', value: texts.join(', '), at: write.at }];
      return [{ kind: 'unknown', at: write.at }];
    }
    const possible = flow.possibleValues(write.value);
    const single = possible.length === 1;
    // `if (allowOrigin) set('Access-Control-Allow-Origin', allowOrigin)` tests that there is a value, not which.
    const isCheck = (test: Node) =>
      !testsPresenceOf(test, write.value) && reads.containsCheck(test);
    const checkedAtWrite = isGuardedBy(write.at, isCheck);
    const variants: OriginSetting<Node>[] = [];
    for (const candidate of possible) {
      const at = single ? write.at : candidate.at;
      if (candidate.kind === 'literal') {
        // `if (origin) res.setHeader(…, origin)`: a null the value may hold elsewhere never reaches this write.
        const text =
          candidate.value === null && writesNullAsText(write) && !this.#excludesNull(write)
            ? 'null'
            : candidate.value;
        // '' and other non-strings (`false`, `undefined`) send no usable header: the request fails, as meant.
        if (typeof text !== 'string' || text === '') continue;
        variants.push(
          text === '*'
            ? { kind: 'wildcard', implicit: false, at }
            : { kind: 'fixed', value: text, at },
        );
      } else if (candidate.kind === 'request') {
        // A checked Origin header is an allow-list match. Checked request data (`if (o in allowed)` with
        // `o` from the query) is one of the allowed origins, chosen by the URL, not by the Origin:
        // nothing we can enumerate, nor a value that varies per Origin.
        if (checkedAtWrite || (candidate.guarded && candidate.source === ORIGIN_HEADER_SOURCE)) {
          // `if (origin === 'https://app.example') set(…, origin)`: the check lets one origin through.
          // Or `origin === 'https://app.example' ? origin : undefined`, written here or in a constant.
          const test =
            passedGuard(write.at, isCheck) ??
            (value.type === AST_NODE_TYPES.ConditionalExpression && reads.isOrigin(value.consequent)
              ? value.test
              : passedGuard(candidate.at, isCheck));
          const admitsOnly = test && reads.admittedOrigin(test);
          variants.push({
            kind: 'checked',
            at: write.at,
            ...(admitsOnly === undefined ? {} : { admitsOnly }),
          });
        } else
          variants.push(
            candidate.guarded
              ? { kind: 'unknown', at: write.at }
              : requestSuppliedOrigin(candidate.source, at),
          );
      } else {
        variants.push({ kind: 'unknown', at: write.at });
      }
    }
    const unique = variants.filter(
      (variant, index) => variants.findIndex((other) => sameVariant(other, variant)) === index,
    );
    // `ok ? origin : list[0]`: a request the check turns down still gets a header, another value.
    const otherwiseSent = !checkedAtWrite && unique.some((variant) => variant.kind !== 'checked');
    if (unique.length === 0) return [{ kind: 'unknown', at: write.at }];
    // `origin === 'https://a.example' ? origin : 'https://a.example'` always sends that one origin.
    const others = unique.filter((variant) => variant.kind !== 'checked');
    const checked = unique.find((variant) => variant.kind === 'checked');
    if (
      otherwiseSent &&
      checked?.admitsOnly !== undefined &&
      others.every((variant) => variant.kind === 'fixed' && variant.value === checked.admitsOnly)
    )
      return others;
    return otherwiseSent
      ? unique.map((variant) =>
          variant.kind === 'checked' ? { ...variant, otherwiseSent: true } : variant,
        )
      : unique;
  }

  /** The write only runs when its value (a variable) is truthy. */
  #excludesNull(write: HeaderWrite): boolean {
    const value = skipTypeWrappers(write.value);
    return (
      value.type === AST_NODE_TYPES.Identifier &&
      isReachedOnlyWhenTruthy(write.at, value, this.scopeOf)
    );
  }
}

/**
 * A `null` value handed to a header setter is sent as the text `null`, which allows the null origin:
 * Node's `setHeader`/`writeHead` write it with string concatenation, Express's `res.set` and Koa's
 * `ctx.set` call `String()` on it, and fetch's `Headers` convert it to a ByteString (checked on
 * Node 20: `res.setHeader(name, null)` sends `name: null`). Only writes through such a call (or an
 * object or pair list passed straight to one) count: a `null` in a returned object (a Lambda proxy
 * result) is serialised by whoever reads it, which we do not know.
 */
function writesNullAsText(write: HeaderWrite): boolean {
  if (
    write.at.type === AST_NODE_TYPES.CallExpression ||
    write.at.type === AST_NODE_TYPES.ArrayExpression
  )
    return true;
  const holder = write.at.parent;
  const call = holder?.parent;
  return (
    holder?.type === AST_NODE_TYPES.ObjectExpression &&
    (call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) &&
    call.arguments.includes(holder)
  );
}

function sameVariant(a: OriginSetting<Node>, b: OriginSetting<Node>): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'checked' || a.kind === 'unknown') return true;
  return a.at === b.at && (a.kind !== 'fixed' || (b.kind === 'fixed' && a.value === b.value));
}

function parameterIndex(fn: TSESTree.FunctionLike, node: Node): number | undefined {
  const bare = skipTypeWrappers(node);
  if (bare.type !== AST_NODE_TYPES.Identifier) return undefined;
  const index = fn.params.findIndex(
    (param) => param.type === AST_NODE_TYPES.Identifier && param.name === bare.name,
  );
  return index >= 0 ? index : undefined;
}

/** The variable a wrapper function is called through: its declaration's name, or the constant holding it. */
function wrapperVariable(
  fn: TSESTree.FunctionLike,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.Scope.Variable | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id)
    return sourceCode.getDeclaredVariables(fn).find((variable) => variable.name === fn.id?.name);
  const holder = fn.parent;
  if (
    holder?.type === AST_NODE_TYPES.VariableDeclarator &&
    holder.id.type === AST_NODE_TYPES.Identifier
  ) {
    return ASTUtils.findVariable(sourceCode.getScope(holder), holder.id) ?? undefined;
  }
  return undefined;
}

/** `name:` and `'Name':`, as `propertyKeyName` reads them; undefined for computed or numeric keys. */
function plainKeyName(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string'
    ? property.key.value
    : undefined;
}
