/**
 * What values can this expression have here? The one answer every extractor asks for: a set of
 * possible values, each a literal, a request-controlled value (with where the request enters), or
 * unknown. Unknown stays unknown (ARCHITECTURE invariant 6): an environment variable, a parameter or
 * a call we cannot see into is never taken for a wildcard.
 *
 * Followed within the file, flow-insensitively (every assignment of a variable is possible, so every
 * branch is): constants and `let` variables with all their assignments, `a || b`, `a ?? b`, `a && b`,
 * `c ? a : b`, awaits, members of constant objects and of objects merged from them (a default under a
 * spread we cannot see is possible: `{ ...defaults, ...options }`), destructuring, returns of same-file
 * functions and arrows (with the call's arguments for their parameters, also of a function called
 * where it is written or handed back by a factory), parameter defaults, and string-preserving methods
 * (`origin.toLowerCase()`). A request value is `guarded` when an allow-list check on it (or on the
 * request's Origin) decides whether that branch runs.
 */
import { collectReturns, forEachChild, isNode } from './ast-children.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { OriginTestContext } from './checks-every-origin-passes.js';
import { passesEveryOrigin, passesNoOrigin } from './checks-every-origin-passes.js';
import { isGuardedBy, testsPresenceOf } from './guards.js';
import type { OriginReads } from './request-origin.js';
import { isCheckingUse } from './request-origin.js';
import { ORIGIN_HEADER_SOURCE, requestSourceOf } from './request-sources.js';
import { isFunctionNode, propertyKeyName, resolveNode, skipTypeWrappers } from './resolve.js';
import type { ScopeOf } from './scope.js';
import type { LintedFile } from './imports.js';
import { resolveImportedExpression } from './imports.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;
type FunctionNode = TSESTree.FunctionLike &
  (TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration);

export type Primitive = string | number | boolean | null | undefined;

export type PossibleValue =
  /** A value written in the code; `at` is the literal (or the expression that computes it). */
  | { readonly kind: 'literal'; readonly value: Primitive; readonly at: Node }
  /**
   * A value the request controls. `source` names it for messages (`the Origin header`, `req.query`);
   * `at` is where it flows into the value asked about (the assignment or operand in that expression).
   */
  | {
      readonly kind: 'request';
      readonly source: string;
      readonly guarded: boolean;
      readonly at: Node;
    }
  | { readonly kind: 'unknown'; readonly at: Node };

/** Methods that return the same string in another form: the value stays the request's. */
const STRING_PRESERVING = new Set([
  'toLowerCase',
  'toLocaleLowerCase',
  'toUpperCase',
  'trim',
  'trimEnd',
  'trimStart',
  'toString',
  'valueOf',
  'normalize',
]);
const MAX_DEPTH = 12;

const flows = new WeakMap<OriginReads, ValueFlow>();

/**
 * The file's one value-flow instance (one per OriginReads, i.e. per lint of a file), so memos are
 * shared by every extractor. The first caller names the file, which lets imports be followed.
 */
export function flowOf(reads: OriginReads, scopeOf: ScopeOf, file?: LintedFile): ValueFlow {
  let flow = flows.get(reads);
  if (!flow) {
    flow = new ValueFlow(scopeOf, reads, file);
    flows.set(reads, flow);
  }
  return flow;
}

export class ValueFlow {
  readonly #memo = new WeakMap<Node, readonly PossibleValue[]>();
  readonly #inProgress = new Set<Node>();

  constructor(
    private readonly scopeOf: ScopeOf,
    private readonly reads: OriginReads,
    /** The linted file, to follow relative imports; without it imports are unknown. */
    private readonly file?: LintedFile,
  ) {}

  /** Every value `node` may evaluate to; never empty (a cycle or a dead end is unknown). */
  possibleValues(node: Node): readonly PossibleValue[] {
    const values = this.#values(node, 0);
    return values.length > 0 ? values : [{ kind: 'unknown', at: node }];
  }

  /** The possible values when all are literals, else undefined. */
  literals(node: Node): Primitive[] | undefined {
    const values = this.possibleValues(node);
    return values.every((value) => value.kind === 'literal')
      ? values.map((value) => (value as { value: Primitive }).value)
      : undefined;
  }

  #values(node: Node, depth: number): readonly PossibleValue[] {
    const cached = this.#memo.get(node);
    if (cached) return cached;
    // A variable assigned from itself (`x = x || y`) adds nothing new on the second visit.
    if (this.#inProgress.has(node) || depth > MAX_DEPTH)
      return depth > MAX_DEPTH ? [{ kind: 'unknown', at: node }] : [];
    this.#inProgress.add(node);
    try {
      const values = dedupe(this.#compute(skipTypeWrappers(node), node, depth + 1));
      this.#memo.set(node, values);
      return values;
    } finally {
      this.#inProgress.delete(node);
    }
  }

  #compute(node: Node, original: Node, depth: number): PossibleValue[] {
    const request = this.#requestRead(node);
    if (request) return [request];
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        return 'regex' in node && node.regex
          ? [{ kind: 'unknown', at: node }]
          : [{ kind: 'literal', value: node.value as Primitive, at: node }];
      case AST_NODE_TYPES.TemplateLiteral:
        return this.#template(node, depth);
      case AST_NODE_TYPES.Identifier:
        return this.#identifier(node, depth);
      case AST_NODE_TYPES.LogicalExpression:
        return this.#logical(node, depth);
      case AST_NODE_TYPES.ConditionalExpression:
        return [
          ...this.#branch(node.consequent, node.test, depth),
          ...this.#values(node.alternate, depth),
        ];
      case AST_NODE_TYPES.AwaitExpression:
        return [...this.#values(node.argument, depth)];
      case AST_NODE_TYPES.AssignmentExpression:
        return node.operator === '='
          ? [...this.#values(node.right, depth)]
          : [{ kind: 'unknown', at: original }];
      case AST_NODE_TYPES.SequenceExpression:
        return [...this.#values(node.expressions.at(-1)!, depth)];
      case AST_NODE_TYPES.CallExpression:
        return this.#call(node, depth);
      case AST_NODE_TYPES.MemberExpression:
        return this.#member(node, depth);
      default: {
        const result = ASTUtils.getStaticValue(node, this.scopeOf(node));
        return result && isPrimitive(result.value)
          ? [{ kind: 'literal', value: result.value, at: node }]
          : [{ kind: 'unknown', at: node }];
      }
    }
  }

  /** The request's Origin (through OriginReads), or another request-controlled read. */
  #requestRead(node: Node): PossibleValue | undefined {
    if (this.reads.isOrigin(node) && !isIdentifierOfLocal(node))
      return {
        kind: 'request',
        source: ORIGIN_HEADER_SOURCE,
        guarded: this.#guardedAt(node),
        at: node,
      };
    const source = requestSourceOf(node, this.scopeOf);
    return source
      ? { kind: 'request', source, guarded: this.#guardedAt(node), at: node }
      : undefined;
  }

  #guardedAt(node: Node, variable?: Variable): boolean {
    return isGuardedBy(
      node,
      (test) =>
        this.reads.containsCheck(test) ||
        (variable !== undefined && checksVariable(test, variable, this.scopeOf)),
    );
  }

  #template(node: TSESTree.TemplateLiteral, depth: number): PossibleValue[] {
    if (node.expressions.length === 0)
      return [{ kind: 'literal', value: node.quasis[0]?.value.cooked ?? '', at: node }];
    const result = ASTUtils.getStaticValue(node, this.scopeOf(node));
    if (result && typeof result.value === 'string')
      return [{ kind: 'literal', value: result.value, at: node }];
    // `https://${req.query.host}`: the request controls part of it, which is enough to forge it.
    for (const expression of node.expressions) {
      const request = this.#values(expression, depth).find((value) => value.kind === 'request');
      if (request) return [{ ...request, at: node }];
    }
    return [{ kind: 'unknown', at: node }];
  }

  #logical(node: TSESTree.LogicalExpression, depth: number): PossibleValue[] {
    const left = this.#values(node.left, depth);
    if (node.operator === '&&')
      return [
        ...left.filter((value) => value.kind === 'literal' && !value.value),
        ...this.#branch(node.right, node.left, depth),
      ];
    return combineLogical(node.operator, left, () => [...this.#values(node.right, depth)]);
  }

  /** Values of a branch that runs only when `test` holds: request values are guarded when the test checks them. */
  #branch(branch: Node, test: Node, depth: number): PossibleValue[] {
    const values = this.#values(branch, depth);
    if (
      !this.reads.containsCheck(test) &&
      !values.some((value) => value.kind === 'request' && checksNode(test, value.at))
    )
      return [...values];
    return values.map((value) => (value.kind === 'request' ? { ...value, guarded: true } : value));
  }

  #identifier(identifier: TSESTree.Identifier, depth: number): PossibleValue[] {
    if (identifier.name === 'undefined')
      return [{ kind: 'literal', value: undefined, at: identifier }];
    const variable = ASTUtils.findVariable(this.scopeOf(identifier), identifier);
    if (!variable || variable.defs.length === 0) return [{ kind: 'unknown', at: identifier }];
    const imported = this.#imported(identifier, depth);
    if (imported) return imported;
    const values: PossibleValue[] = [];
    for (const def of variable.defs) {
      // An origin function's parameter, or `const { origin } = req.headers`: the request's Origin itself.
      if (
        def.type === 'Parameter' ||
        (def.type === 'Variable' && def.node.id.type !== AST_NODE_TYPES.Identifier)
      ) {
        if (this.reads.isOrigin(identifier)) {
          values.push({
            kind: 'request',
            source: ORIGIN_HEADER_SOURCE,
            guarded: this.#guardedAt(identifier, variable),
            at: identifier,
          });
          continue;
        }
      }
      if (def.type === 'Parameter')
        values.push(...this.#parameter(def.name, def.node, identifier, depth));
      else if (def.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier) {
        if (def.node.init) values.push(...this.#flowsInto(def.node.init, variable, depth));
      } else if (def.type === 'Variable' && def.node.init) {
        // `const { redirect } = req.query`: a destructured request field.
        const source = requestSourceOf(def.node.init, this.scopeOf);
        if (source)
          values.push({
            kind: 'request',
            source,
            guarded: this.#guardedAt(identifier, variable),
            at: identifier,
          });
        else
          values.push(
            ...this.#destructured(def.node.id, def.name, def.node.init, identifier, depth),
          );
      } else {
        values.push({ kind: 'unknown', at: identifier });
      }
    }
    const replaced = replacedLiterals(variable);
    for (const reference of variable.references) {
      if (!reference.isWrite() || reference.init) continue;
      const assignment = reference.identifier.parent;
      if (
        assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
        assignment.left === reference.identifier
      ) {
        values.push(
          ...(assignment.operator === '='
            ? this.#flowsInto(assignment.right, variable, depth)
            : [{ kind: 'unknown' as const, at: assignment }]),
        );
      } else {
        values.push({ kind: 'unknown', at: reference.identifier });
      }
    }
    // A declared variable never assigned here (`declare const`, `let x;` set elsewhere) is unknown.
    if (values.length === 0) return [{ kind: 'unknown', at: identifier }];
    // `if (origin in allowed) res.setHeader(…, origin)`: this use is reached only after a check on the variable.
    // Testing that the variable holds anything (`if (allowOrigin)`) checks nothing.
    const checkedHere =
      values.some((value) => value.kind === 'request' && !value.guarded) &&
      isGuardedBy(
        identifier,
        (test) =>
          !testsPresenceOf(test, identifier) &&
          (this.reads.containsCheck(test) || checksVariable(test, variable, this.scopeOf)),
      );
    const used = checkedHere
      ? values.map((value) => (value.kind === 'request' ? { ...value, guarded: true } : value))
      : values;
    // `if (credentials && origin === '*') origin = requestOrigin`: the code replaces that literal itself.
    return replaced.size === 0
      ? used
      : used.filter((value) => value.kind !== 'literal' || !replaced.has(value.value));
  }

  /**
   * The values an assignment (or initialiser) gives a variable. A request value is re-homed at the
   * assigned expression, where the code decides to use it, and is guarded when that assignment only
   * runs after a check on the request or on the variable. One another function decided to hand back
   * (a function a factory produced) stays where that function returns it.
   */
  #flowsInto(expression: Node, variable: Variable, depth: number): PossibleValue[] {
    return this.#values(expression, depth).map((value) => {
      if (value.kind !== 'request') return value;
      const decidedElsewhere =
        !contains(expression, value.at) &&
        enclosingFunction(value.at) !== enclosingFunction(expression);
      return {
        ...value,
        at: decidedElsewhere ? value.at : expression,
        guarded: value.guarded || this.#guardedAt(expression, variable),
      };
    });
  }

  /**
   * A parameter's default value is possible; whatever callers pass is unknown, except for a function
   * called where it is written (`((configured) => …)(opts.origin)`), whose one caller is in sight.
   */
  #parameter(name: TSESTree.BindingName, fn: Node, use: Node, depth: number): PossibleValue[] {
    const pattern = name.parent;
    const fallback =
      pattern?.type === AST_NODE_TYPES.AssignmentPattern && pattern.left === name
        ? pattern.right
        : undefined;
    const argument = immediateArgument(fn, fallback ? pattern! : name);
    if (argument === null)
      return fallback
        ? [...this.#values(fallback, depth)]
        : [{ kind: 'literal', value: undefined, at: use }];
    if (argument)
      return fallback
        ? [...this.#values(argument, depth), ...this.#values(fallback, depth)]
        : [...this.#values(argument, depth)];
    return fallback
      ? [...this.#values(fallback, depth), { kind: 'unknown', at: use }]
      : [{ kind: 'unknown', at: use }];
  }

  /**
   * A destructured variable (`const { origin, credentials } = { ...defaults, ...config }`): the values
   * of that property of the object, with the pattern's default (`{ origin = '*' }`) possible too.
   */
  #destructured(
    pattern: TSESTree.BindingName,
    name: TSESTree.BindingName,
    init: Node,
    use: Node,
    depth: number,
  ): PossibleValue[] {
    if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return [{ kind: 'unknown', at: use }];
    const property = pattern.properties.find(
      (candidate): candidate is TSESTree.Property =>
        candidate.type === AST_NODE_TYPES.Property &&
        (candidate.value === name ||
          (candidate.value.type === AST_NODE_TYPES.AssignmentPattern &&
            candidate.value.left === name)),
    );
    const key = property && propertyKeyName(property, this.scopeOf(property));
    if (!property || key === undefined) return [{ kind: 'unknown', at: use }];
    const values = this.#propertyValues(init, key, use, depth) ?? [
      { kind: 'unknown' as const, at: use },
    ];
    return property.value.type === AST_NODE_TYPES.AssignmentPattern
      ? [...values, ...this.#values(property.value.right, depth)]
      : values;
  }

  /**
   * The values property `key` of an object may have at run time: the last one written, and where a
   * spread we cannot see into (options a caller passes) comes after it, that one and unknown. So a
   * default merged under an override is possible, as a fallback is: `{ origin: '*', ...options }`,
   * `{ ...defaults, ...config }`, `Object.assign({}, defaults, options)`. Undefined when `object` is
   * not an object we can read; unknown when the key is nowhere written.
   */
  /**
   * An object that is not written here: one another project file exports (`{ ...DEFAULTS, ...options }`
   * with `DEFAULTS` imported), or a nested object (`CONFIG.cors` of a constant or imported `CONFIG`).
   * Its values are placed at `at`, in this file.
   */
  #lookupElsewhere(
    object: Node,
    key: string,
    at: Node,
    depth: number,
    nesting: number,
  ): { values: PossibleValue[]; settled: boolean } | undefined {
    if (object.type === AST_NODE_TYPES.Identifier && this.file) {
      const foreign = resolveImportedExpression(object, this.scopeOf, this.file);
      const found =
        foreign &&
        flowOf(foreign.reads, foreign.scopeOf, foreign.file).#lookup(
          foreign.expression,
          key,
          at,
          depth,
          nesting + 1,
        );
      return found
        ? { values: found.values.map((value) => ({ ...value, at })), settled: found.settled }
        : undefined;
    }
    if (
      object.type !== AST_NODE_TYPES.MemberExpression ||
      object.computed ||
      object.property.type !== AST_NODE_TYPES.Identifier
    )
      return undefined;
    const holder = this.#propertyNode(object.object, object.property.name, nesting + 1);
    const found = holder && holder.flow.#lookup(holder.node, key, at, depth, nesting + 1);
    return found && holder.flow !== this
      ? { values: found.values.map((value) => ({ ...value, at })), settled: found.settled }
      : found;
  }

  /** The one expression property `key` of a constant object holds (here or in the file it is imported from), with that file's flow. */
  #propertyNode(
    object: Node,
    key: string,
    nesting: number,
  ): { node: Node; flow: ValueFlow } | undefined {
    if (nesting > 8) return undefined;
    const base = skipTypeWrappers(object);
    if (
      base.type === AST_NODE_TYPES.MemberExpression &&
      !base.computed &&
      base.property.type === AST_NODE_TYPES.Identifier
    ) {
      const holder = this.#propertyNode(base.object, base.property.name, nesting + 1);
      return holder && holder.flow.#propertyNode(holder.node, key, nesting + 1);
    }
    const resolved = resolveNode(base, this.scopeOf(base));
    if (resolved.type === AST_NODE_TYPES.Identifier && this.file) {
      const foreign = resolveImportedExpression(resolved, this.scopeOf, this.file);
      return (
        foreign &&
        flowOf(foreign.reads, foreign.scopeOf, foreign.file).#propertyNode(
          foreign.expression,
          key,
          nesting + 1,
        )
      );
    }
    const layers = mergedLayers(resolved);
    const only =
      layers?.length === 1 && layers[0]?.type !== AST_NODE_TYPES.Property
        ? resolveNode(layers[0]!, this.scopeOf(layers[0]!))
        : resolved;
    if (only.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const node = lastProperty(only, key, this.scopeOf);
    return node ? { node, flow: this } : undefined;
  }

  #propertyValues(object: Node, key: string, at: Node, depth: number): PossibleValue[] | undefined {
    const found = this.#lookup(object, key, at, depth, 0);
    if (!found) return undefined;
    return found.values.length > 0 ? found.values : [{ kind: 'unknown', at }];
  }

  /** `settled`: the key is certainly written (no unseen spread after it), so earlier layers are overridden. */
  #lookup(
    object: Node,
    key: string,
    at: Node,
    depth: number,
    nesting: number,
  ): { values: PossibleValue[]; settled: boolean } | undefined {
    if (nesting > 8) return undefined;
    const resolved = resolveNode(object, this.scopeOf(object));
    const layers = mergedLayers(resolved);
    if (!layers) return this.#lookupElsewhere(resolved, key, at, depth, nesting);
    const values: PossibleValue[] = [];
    for (const layer of [...layers].reverse()) {
      if (layer.type === AST_NODE_TYPES.Property) {
        const name = propertyKeyName(layer, this.scopeOf(layer));
        if (name === undefined) values.push({ kind: 'unknown', at });
        else if (name === key)
          return { values: [...values, ...this.#values(layer.value, depth)], settled: true };
        continue;
      }
      const inner = this.#lookup(layer, key, at, depth, nesting + 1);
      if (!inner) {
        values.push({ kind: 'unknown', at });
        continue;
      }
      values.push(...inner.values);
      if (inner.settled) return { values, settled: true };
    }
    return { values, settled: false };
  }

  #call(call: TSESTree.CallExpression, depth: number): PossibleValue[] {
    const callee = skipTypeWrappers(call.callee);
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      !callee.computed &&
      callee.property.type === AST_NODE_TYPES.Identifier &&
      STRING_PRESERVING.has(callee.property.name)
    ) {
      const method = callee.property.name;
      return this.#values(callee.object, depth).map((value) => {
        if (value.kind !== 'literal') return value;
        return typeof value.value === 'string'
          ? { ...value, value: applyStringMethod(value.value, method) }
          : { kind: 'unknown' as const, at: call };
      });
    }
    const fn =
      callee.type === AST_NODE_TYPES.Identifier
        ? resolveNode(callee, this.scopeOf(callee))
        : callee;
    if (isFunctionNode(fn))
      return fn.async || fn.generator
        ? [{ kind: 'unknown', at: call }]
        : this.#returns(fn, call, depth, false);
    // `const pick = makePicker(options); pick(origin)`: whichever function the factory hands back.
    const produced = this.#producedFunctions(callee, depth);
    if (!produced) return [{ kind: 'unknown', at: call }];
    return produced.flatMap((candidate) =>
      candidate === 'unknown' || candidate.async || candidate.generator
        ? [{ kind: 'unknown' as const, at: call }]
        : this.#returns(candidate, call, depth, true),
    );
  }

  /**
   * The functions a callee may be when a same-file call produced it (`const pick = makePicker(o)`,
   * `((x) => (origin) => …)(o)`): the functions the factory returns, `'unknown'` for any other
   * return. Undefined when the callee is not such a product.
   */
  #producedFunctions(callee: Node, depth: number): (FunctionNode | 'unknown')[] | undefined {
    const product = resolveNode(callee, this.scopeOf(callee));
    if (product.type !== AST_NODE_TYPES.CallExpression || depth > MAX_DEPTH) return undefined;
    const factoryCallee = skipTypeWrappers(product.callee);
    const factory =
      factoryCallee.type === AST_NODE_TYPES.Identifier
        ? resolveNode(factoryCallee, this.scopeOf(factoryCallee))
        : factoryCallee;
    if (!isFunctionNode(factory) || factory.async || factory.generator) return undefined;
    const returned: Node[] = [];
    if (factory.body.type === AST_NODE_TYPES.BlockStatement) collectReturns(factory.body, returned);
    else returned.push(factory.body);
    return returned.flatMap((expression) =>
      this.#functionsOf(expression, factory, product, depth + 1),
    );
  }

  /** The functions an expression a factory returns may be: written there, a constant, or the factory's argument. */
  #functionsOf(
    expression: Node,
    factory: FunctionNode,
    call: TSESTree.CallExpression,
    depth: number,
  ): (FunctionNode | 'unknown')[] {
    const bare = skipTypeWrappers(expression);
    if (depth > MAX_DEPTH) return ['unknown'];
    if (bare.type === AST_NODE_TYPES.ConditionalExpression)
      return [
        ...this.#functionsOf(bare.consequent, factory, call, depth + 1),
        ...this.#functionsOf(bare.alternate, factory, call, depth + 1),
      ];
    const index = parameterIndexOf(bare, factory, this.scopeOf);
    if (index !== undefined) {
      const argument = call.arguments[index];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return ['unknown'];
      const passed = resolveNode(argument, this.scopeOf(argument));
      return isFunctionNode(passed) ? [passed] : ['unknown'];
    }
    const resolved = resolveNode(bare, this.scopeOf(bare));
    return isFunctionNode(resolved) ? [resolved] : ['unknown'];
  }

  /**
   * What a same-file function returns, its parameters read as the call's arguments (also inside
   * `origin || null` and `ok ? origin : null`). A request value a parameter hands back sits at the
   * call, where it enters; for a function a factory produced, at the return that hands it back,
   * which tells that function from the factory's others.
   */
  #returns(
    fn: FunctionNode,
    call: TSESTree.CallExpression,
    depth: number,
    produced: boolean,
  ): PossibleValue[] {
    const returned: Node[] = [];
    if (fn.body?.type === AST_NODE_TYPES.BlockStatement) collectReturns(fn.body, returned);
    else if (fn.body) returned.push(fn.body);
    const values: PossibleValue[] = [];
    for (const expression of returned)
      values.push(...this.#returned(expression, fn, call, produced ? expression : call, depth));
    return values.length > 0 ? values : [{ kind: 'literal', value: undefined, at: call }];
  }

  #returned(
    expression: Node,
    fn: FunctionNode,
    call: TSESTree.CallExpression,
    at: Node,
    depth: number,
  ): PossibleValue[] {
    const bare = skipTypeWrappers(expression);
    if (depth > MAX_DEPTH) return [{ kind: 'unknown', at: expression }];
    if (
      bare.type === AST_NODE_TYPES.LogicalExpression &&
      mentionsParameter(bare, fn, this.scopeOf)
    ) {
      return combineLogical(bare.operator, this.#returned(bare.left, fn, call, at, depth + 1), () =>
        this.#returned(bare.right, fn, call, at, depth + 1),
      );
    }
    if (
      bare.type === AST_NODE_TYPES.ConditionalExpression &&
      mentionsParameter(bare, fn, this.scopeOf)
    ) {
      return [
        ...this.#returned(bare.consequent, fn, call, at, depth + 1),
        ...this.#returned(bare.alternate, fn, call, at, depth + 1),
      ];
    }
    const parameterIndex = parameterIndexOf(bare, fn, this.scopeOf);
    if (parameterIndex === undefined) return [...this.#values(expression, depth)];
    const argument = call.arguments[parameterIndex];
    const variable =
      ASTUtils.findVariable(this.scopeOf(bare), bare as TSESTree.Identifier) ?? undefined;
    const guarded = this.#guardedAt(bare, variable);
    if (
      call.arguments
        .slice(0, parameterIndex + 1)
        .some((passed) => passed.type === AST_NODE_TYPES.SpreadElement)
    )
      return [{ kind: 'unknown', at: call }];
    if (!argument) {
      // Not passed: the parameter's default, or undefined.
      const parameter = fn.params[parameterIndex];
      return parameter?.type === AST_NODE_TYPES.AssignmentPattern
        ? [...this.#values(parameter.right, depth)]
        : [{ kind: 'literal', value: undefined, at: call }];
    }
    return this.#values(argument, depth).map((value) =>
      value.kind === 'request' ? { ...value, guarded: value.guarded || guarded, at } : value,
    );
  }

  /**
   * A value another project file exports (`import { CORS_ORIGIN } from './config'`), read there and
   * placed here: no report or fix may point into the other file.
   */
  #imported(identifier: TSESTree.Identifier, depth: number): PossibleValue[] | undefined {
    if (!this.file) return undefined;
    const foreign = resolveImportedExpression(identifier, this.scopeOf, this.file);
    if (!foreign) return undefined;
    return flowOf(foreign.reads, foreign.scopeOf, foreign.file).#valuesAt(
      foreign.expression,
      identifier,
      depth,
    );
  }

  /** The values of a node of this flow's file, relocated to a node of the file that asked. */
  #valuesAt(node: Node, local: Node, depth: number): PossibleValue[] {
    return this.#values(node, depth).map((value) => ({ ...value, at: local }));
  }

  /** `CONFIG.corsOrigin`, `CONFIG.cors.origin` of constant objects (here or imported, merged or frozen); other members are unknown. */
  #member(member: TSESTree.MemberExpression, depth: number): PossibleValue[] {
    const key =
      !member.computed && member.property.type === AST_NODE_TYPES.Identifier
        ? member.property.name
        : ASTUtils.getStaticValue(member.property, this.scopeOf(member.property))?.value;
    if (typeof key !== 'string') return [{ kind: 'unknown', at: member }];
    return (
      this.#propertyValues(member.object, key, member, depth) ?? [{ kind: 'unknown', at: member }]
    );
  }
}

/** The value of the last property named `key`, as at run time; none when a spread after it may override it. */
function lastProperty(
  object: TSESTree.ObjectExpression,
  key: string,
  scopeOf: ScopeOf,
): Node | undefined {
  let found: Node | undefined;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) found = undefined;
    else if (propertyKeyName(property, scopeOf(property)) === key) found = property.value;
  }
  return found;
}

/**
 * `left || right`, `left ?? right`: the left values that can win, and the right ones unless the left
 * always wins (`'https://a.example' || fallback`). `left && right`: the left's falsy literals and the right.
 */
function combineLogical(
  operator: TSESTree.LogicalExpression['operator'],
  left: readonly PossibleValue[],
  right: () => PossibleValue[],
): PossibleValue[] {
  if (operator === '&&')
    return [...left.filter((value) => value.kind === 'literal' && !value.value), ...right()];
  const passes =
    operator === '||'
      ? (value: PossibleValue) => value.kind !== 'literal' || !!value.value
      : (value: PossibleValue) => value.kind !== 'literal' || value.value != null;
  const kept = left.filter(passes);
  const leftAlwaysWins =
    left.length > 0 && left.every((value) => value.kind === 'literal' && passes(value));
  return leftAlwaysWins ? kept : [...kept, ...right()];
}

function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

function enclosingFunction(node: Node): Node | undefined {
  let owner = node.parent;
  while (owner && !isFunctionNode(owner)) owner = owner.parent;
  return owner;
}

/** Does the expression name a parameter of `fn` (outside nested functions)? */
function mentionsParameter(expression: Node, fn: FunctionNode, scopeOf: ScopeOf): boolean {
  let found = false;
  visitIdentifiers(expression, (identifier) => {
    if (!found && parameterIndexOf(identifier, fn, scopeOf) !== undefined) found = true;
  });
  return found;
}

/**
 * What an object is merged from, in order: its own properties and the objects it spreads
 * (`{ a: 1, ...rest }`), the arguments of `Object.assign(target, ...sources)`, the one of
 * `Object.freeze(object)`. Undefined for anything else.
 */
function mergedLayers(object: Node): Node[] | undefined {
  if (object.type === AST_NODE_TYPES.ObjectExpression)
    return object.properties.map((property) =>
      property.type === AST_NODE_TYPES.SpreadElement ? property.argument : property,
    );
  if (object.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipTypeWrappers(object.callee);
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.object.type !== AST_NODE_TYPES.Identifier ||
    callee.object.name !== 'Object'
  )
    return undefined;
  if (
    callee.property.type !== AST_NODE_TYPES.Identifier ||
    object.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)
  )
    return undefined;
  if (callee.property.name === 'assign') return [...object.arguments];
  return callee.property.name === 'freeze' && object.arguments.length === 1
    ? [...object.arguments]
    : undefined;
}

/**
 * The argument a function called where it is written (`((x) => …)(value)`) receives for `parameter`
 * (a top-level parameter node); null when the call passes none, undefined when unknown.
 */
function immediateArgument(fn: Node, parameter: Node): Node | null | undefined {
  if (
    fn.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
    fn.type !== AST_NODE_TYPES.FunctionExpression
  )
    return undefined;
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || skipTypeWrappers(call.callee) !== fn)
    return undefined;
  const index = fn.params.indexOf(parameter as TSESTree.Parameter);
  if (
    index < 0 ||
    call.arguments
      .slice(0, index + 1)
      .some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)
  )
    return undefined;
  return call.arguments[index] ?? null;
}

/** Literals the variable is reassigned away from: `if (x === '*') x = other` replaces '*'. */
function replacedLiterals(variable: Variable): Set<Primitive> {
  const replaced = new Set<Primitive>();
  for (const reference of variable.references) {
    if (!reference.isWrite() || reference.init) continue;
    for (
      let node: Node | undefined = reference.identifier.parent;
      node && !isFunctionNode(node);
      node = node.parent
    ) {
      if (node.type === AST_NODE_TYPES.IfStatement)
        collectComparedLiterals(node.test, variable, replaced);
    }
  }
  return replaced;
}

function collectComparedLiterals(test: Node, variable: Variable, into: Set<Primitive>): void {
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&') {
    collectComparedLiterals(test.left, variable, into);
    collectComparedLiterals(test.right, variable, into);
    return;
  }
  if (
    test.type !== AST_NODE_TYPES.BinaryExpression ||
    (test.operator !== '===' && test.operator !== '==')
  )
    return;
  const [named, other] =
    test.left.type === AST_NODE_TYPES.Identifier
      ? [test.left, test.right]
      : [test.right, test.left];
  if (
    named.type === AST_NODE_TYPES.Identifier &&
    named.name === variable.name &&
    other.type === AST_NODE_TYPES.Literal
  )
    into.add(other.value as Primitive);
}

function dedupe(values: readonly PossibleValue[]): PossibleValue[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = `${value.kind}:${value.at.range[0]}:${value.at.range[1]}:${value.kind === 'literal' ? String(value.value) : value.kind === 'request' ? String(value.guarded) : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isPrimitive(value: unknown): value is Primitive {
  return (
    value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value)
  );
}

/** A local variable is followed to its assignments rather than taken as one origin read. */
function isIdentifierOfLocal(node: Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier;
}

function applyStringMethod(value: string, method: string): string {
  if (method === 'toLowerCase' || method === 'toLocaleLowerCase') return value.toLowerCase();
  if (method === 'toUpperCase') return value.toUpperCase();
  if (method === 'trim') return value.trim();
  if (method === 'trimEnd') return value.trimEnd();
  if (method === 'trimStart') return value.trimStart();
  return value;
}

/** The index of the parameter `expression` names directly (`return origin`), if any. */
function parameterIndexOf(
  expression: Node,
  fn: TSESTree.FunctionLike,
  scopeOf: ScopeOf,
): number | undefined {
  const bare = skipTypeWrappers(expression);
  if (bare.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(scopeOf(bare), bare);
  const def = variable?.defs[0];
  if (def?.type !== 'Parameter' || def.node !== fn) return undefined;
  const index = fn.params.findIndex(
    (param) =>
      param === def.name ||
      (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === def.name),
  );
  return index >= 0 ? index : undefined;
}

/**
 * Does `test` compare or look up the variable (`allowed.includes(origin)`, `origin === A`)? A test
 * every origin passes, or none (`origin.startsWith('https://')`), decides nothing and does not count.
 */
function checksVariable(test: Node, variable: Variable, scopeOf: ScopeOf): boolean {
  const isVariable = (node: Node) =>
    node.type === AST_NODE_TYPES.Identifier &&
    node.name === variable.name &&
    ASTUtils.findVariable(scopeOf(node), node) === variable;
  const context: OriginTestContext = { isOrigin: isVariable, scopeOf };
  let found = false;
  const visit = (node: Node): void => {
    if (found || isFunctionNode(node)) return;
    if (node.type === AST_NODE_TYPES.Identifier) {
      if (isVariable(node) && isCheckingUse(node)) found = true;
      return;
    }
    if (
      DECIDING_NODES.has(node.type) &&
      (passesEveryOrigin(node, context) || passesNoOrigin(node, context))
    )
      return;
    forEachChild(node, visit);
  };
  visit(test);
  return found;
}

/** Expressions that may be a test deciding nothing about the origin. */
const DECIDING_NODES = new Set<string>([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.UnaryExpression,
]);

/** Does `test` check the expression at `node` (the same text, used in a check)? */
function checksNode(test: Node, node: Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  let found = false;
  visitIdentifiers(test, (identifier) => {
    if (!found && identifier.name === node.name && isCheckingUse(identifier)) found = true;
  });
  return found;
}

function visitIdentifiers(node: Node, visit: (identifier: TSESTree.Identifier) => void): void {
  if (node.type === AST_NODE_TYPES.Identifier) {
    visit(node);
    return;
  }
  if (isFunctionNode(node)) return;
  for (const key of Object.keys(node) as (keyof typeof node)[]) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    const child = node[key] as unknown;
    if (Array.isArray(child))
      child.forEach((item) => isNode(item) && visitIdentifiers(item, visit));
    else if (isNode(child)) visitIdentifiers(child, visit);
  }
}
