/**
 * What values can this expression have here? The one answer every extractor asks for: a set of
 * possible values, each a literal, a request-controlled value (with where the request enters), or
 * unknown. Unknown stays unknown (ARCHITECTURE invariant 6): an environment variable, a parameter or
 * a call we cannot see into is never taken for a wildcard.
 *
 * Followed within the file, flow-insensitively (every assignment of a variable is possible, so every
 * branch is): constants and `let` variables with all their assignments, `a || b`, `a ?? b`, `a && b`,
 * `c ? a : b`, awaits, members of constant objects, returns of same-file functions and arrows (with
 * the call's arguments for their parameters), parameter defaults, and string-preserving methods
 * (`origin.toLowerCase()`). A request value is `guarded` when an allow-list check on it (or on the
 * request's Origin) decides whether that branch runs.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils, AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { OriginTestContext } from '../../every-origin/checks-every-origin-passes.js';
import { passesEveryOrigin, passesNoOrigin } from '../../every-origin/checks-every-origin-passes.js';
import { isGuardedBy } from './guards.js';
import type { OriginReads } from './request-origin.js';
import { isCheckingUse } from './request-origin.js';
import { ORIGIN_HEADER_SOURCE, requestSourceOf } from './request-sources.js';
import { isFunctionNode, propertyKeyName, resolveNode, skipTypeWrappers } from './resolve.js';
import type { ScopeOf } from './scope.js';
import type { LintedFile } from '../frameworks/imported-options.js';
import { resolveImportedExpression } from '../frameworks/imported-options.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

export type Primitive = string | number | boolean | null | undefined;

export type PossibleValue =
  /** A value written in the code; `at` is the literal (or the expression that computes it). */
  | { readonly kind: 'literal'; readonly value: Primitive; readonly at: Node }
  /**
   * A value the request controls. `source` names it for messages (`the Origin header`, `req.query`);
   * `at` is where it flows into the value asked about (the assignment or operand in that expression).
   */
  | { readonly kind: 'request'; readonly source: string; readonly guarded: boolean; readonly at: Node }
  | { readonly kind: 'unknown'; readonly at: Node };

/** Methods that return the same string in another form: the value stays the request's. */
const STRING_PRESERVING = new Set(['toLowerCase', 'toLocaleLowerCase', 'toUpperCase', 'trim', 'trimEnd', 'trimStart', 'toString', 'valueOf', 'normalize']);
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
    return values.every((value) => value.kind === 'literal') ? values.map((value) => (value as { value: Primitive }).value) : undefined;
  }

  #values(node: Node, depth: number): readonly PossibleValue[] {
    const cached = this.#memo.get(node);
    if (cached) return cached;
    // A variable assigned from itself (`x = x || y`) adds nothing new on the second visit.
    if (this.#inProgress.has(node) || depth > MAX_DEPTH) return depth > MAX_DEPTH ? [{ kind: 'unknown', at: node }] : [];
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
        return 'regex' in node && node.regex ? [{ kind: 'unknown', at: node }] : [{ kind: 'literal', value: node.value as Primitive, at: node }];
      case AST_NODE_TYPES.TemplateLiteral:
        return this.#template(node, depth);
      case AST_NODE_TYPES.Identifier:
        return this.#identifier(node, depth);
      case AST_NODE_TYPES.LogicalExpression:
        return this.#logical(node, depth);
      case AST_NODE_TYPES.ConditionalExpression:
        return [...this.#branch(node.consequent, node.test, depth), ...this.#values(node.alternate, depth)];
      case AST_NODE_TYPES.AwaitExpression:
        return [...this.#values(node.argument, depth)];
      case AST_NODE_TYPES.AssignmentExpression:
        return node.operator === '=' ? [...this.#values(node.right, depth)] : [{ kind: 'unknown', at: original }];
      case AST_NODE_TYPES.SequenceExpression:
        return [...this.#values(node.expressions.at(-1)!, depth)];
      case AST_NODE_TYPES.CallExpression:
        return this.#call(node, depth);
      case AST_NODE_TYPES.MemberExpression:
        return this.#member(node, depth);
      default: {
        const result = ASTUtils.getStaticValue(node, this.scopeOf(node));
        return result && isPrimitive(result.value) ? [{ kind: 'literal', value: result.value, at: node }] : [{ kind: 'unknown', at: node }];
      }
    }
  }

  /** The request's Origin (through OriginReads), or another request-controlled read. */
  #requestRead(node: Node): PossibleValue | undefined {
    if (this.reads.isOrigin(node) && !isIdentifierOfLocal(node)) return { kind: 'request', source: ORIGIN_HEADER_SOURCE, guarded: this.#guardedAt(node), at: node };
    const source = requestSourceOf(node, this.scopeOf);
    return source ? { kind: 'request', source, guarded: this.#guardedAt(node), at: node } : undefined;
  }

  #guardedAt(node: Node, variable?: Variable): boolean {
    return isGuardedBy(node, (test) => this.reads.containsCheck(test) || (variable !== undefined && checksVariable(test, variable, this.scopeOf)));
  }

  #template(node: TSESTree.TemplateLiteral, depth: number): PossibleValue[] {
    if (node.expressions.length === 0) return [{ kind: 'literal', value: node.quasis[0]?.value.cooked ?? '', at: node }];
    const result = ASTUtils.getStaticValue(node, this.scopeOf(node));
    if (result && typeof result.value === 'string') return [{ kind: 'literal', value: result.value, at: node }];
    // `https://${req.query.host}`: the request controls part of it, which is enough to forge it.
    for (const expression of node.expressions) {
      const request = this.#values(expression, depth).find((value) => value.kind === 'request');
      if (request) return [{ ...request, at: node }];
    }
    return [{ kind: 'unknown', at: node }];
  }

  #logical(node: TSESTree.LogicalExpression, depth: number): PossibleValue[] {
    const left = this.#values(node.left, depth);
    const right = () => [...this.#values(node.right, depth)];
    if (node.operator === '&&') return [...left.filter((value) => value.kind === 'literal' && !value.value), ...this.#branch(node.right, node.left, depth)];
    const passes = node.operator === '||' ? (value: PossibleValue) => value.kind !== 'literal' || !!value.value : (value: PossibleValue) => value.kind !== 'literal' || value.value != null;
    const kept = left.filter(passes);
    // `'https://a.example' || fallback`: the left always wins.
    const leftAlwaysWins = left.length > 0 && left.every((value) => value.kind === 'literal' && passes(value));
    return leftAlwaysWins ? kept : [...kept, ...right()];
  }

  /** Values of a branch that runs only when `test` holds: request values are guarded when the test checks them. */
  #branch(branch: Node, test: Node, depth: number): PossibleValue[] {
    const values = this.#values(branch, depth);
    if (!this.reads.containsCheck(test) && !values.some((value) => value.kind === 'request' && checksNode(test, value.at))) return [...values];
    return values.map((value) => (value.kind === 'request' ? { ...value, guarded: true } : value));
  }

  #identifier(identifier: TSESTree.Identifier, depth: number): PossibleValue[] {
    if (identifier.name === 'undefined') return [{ kind: 'literal', value: undefined, at: identifier }];
    const variable = ASTUtils.findVariable(this.scopeOf(identifier), identifier);
    if (!variable || variable.defs.length === 0) return [{ kind: 'unknown', at: identifier }];
    const imported = this.#imported(identifier, depth);
    if (imported) return imported;
    const values: PossibleValue[] = [];
    for (const def of variable.defs) {
      // An origin function's parameter, or `const { origin } = req.headers`: the request's Origin itself.
      if (def.type === 'Parameter' || (def.type === 'Variable' && def.node.id.type !== AST_NODE_TYPES.Identifier)) {
        if (this.reads.isOrigin(identifier)) {
          values.push({ kind: 'request', source: ORIGIN_HEADER_SOURCE, guarded: this.#guardedAt(identifier, variable), at: identifier });
          continue;
        }
      }
      if (def.type === 'Parameter') values.push(...this.#parameter(def.name, identifier, depth));
      else if (def.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier) {
        if (def.node.init) values.push(...this.#flowsInto(def.node.init, variable, depth));
      } else if (def.type === 'Variable' && def.node.init) {
        // `const { redirect } = req.query`: a destructured request field.
        const source = requestSourceOf(def.node.init, this.scopeOf);
        values.push(source ? { kind: 'request', source, guarded: this.#guardedAt(identifier, variable), at: identifier } : { kind: 'unknown', at: identifier });
      } else {
        values.push({ kind: 'unknown', at: identifier });
      }
    }
    const replaced = replacedLiterals(variable);
    for (const reference of variable.references) {
      if (!reference.isWrite() || reference.init) continue;
      const assignment = reference.identifier.parent;
      if (assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === reference.identifier) {
        values.push(...(assignment.operator === '=' ? this.#flowsInto(assignment.right, variable, depth) : [{ kind: 'unknown' as const, at: assignment }]));
      } else {
        values.push({ kind: 'unknown', at: reference.identifier });
      }
    }
    // A declared variable never assigned here (`declare const`, `let x;` set elsewhere) is unknown.
    if (values.length === 0) return [{ kind: 'unknown', at: identifier }];
    // `if (origin in allowed) res.setHeader(…, origin)`: this use is reached only after a check on the variable.
    const checkedHere = values.some((value) => value.kind === 'request' && !value.guarded) && this.#guardedAt(identifier, variable);
    const used = checkedHere ? values.map((value) => (value.kind === 'request' ? { ...value, guarded: true } : value)) : values;
    // `if (credentials && origin === '*') origin = requestOrigin`: the code replaces that literal itself.
    return replaced.size === 0 ? used : used.filter((value) => value.kind !== 'literal' || !replaced.has(value.value));
  }

  /**
   * The values an assignment (or initialiser) gives a variable. A request value is re-homed at the
   * assigned expression, where the code decides to use it, and is guarded when that assignment only
   * runs after a check on the request or on the variable.
   */
  #flowsInto(expression: Node, variable: Variable, depth: number): PossibleValue[] {
    return this.#values(expression, depth).map((value) => {
      if (value.kind !== 'request') return value;
      return { ...value, at: expression, guarded: value.guarded || this.#guardedAt(expression, variable) };
    });
  }

  /** A parameter's default value is possible; whatever callers pass is unknown. */
  #parameter(name: TSESTree.BindingName, use: Node, depth: number): PossibleValue[] {
    const pattern = name.parent;
    if (pattern?.type === AST_NODE_TYPES.AssignmentPattern && pattern.left === name) return [...this.#values(pattern.right, depth), { kind: 'unknown', at: use }];
    return [{ kind: 'unknown', at: use }];
  }

  #call(call: TSESTree.CallExpression, depth: number): PossibleValue[] {
    const callee = skipTypeWrappers(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && STRING_PRESERVING.has(callee.property.name)) {
      const method = callee.property.name;
      return this.#values(callee.object, depth).map((value) => {
        if (value.kind !== 'literal') return value;
        return typeof value.value === 'string' ? { ...value, value: applyStringMethod(value.value, method) } : { kind: 'unknown' as const, at: call };
      });
    }
    const fn = callee.type === AST_NODE_TYPES.Identifier ? resolveNode(callee, this.scopeOf(callee)) : undefined;
    if (!fn || !isFunctionNode(fn) || fn.async || fn.generator) return [{ kind: 'unknown', at: call }];
    return this.#returns(fn, call, depth);
  }

  /** What a same-file function returns, its parameters read as the call's arguments. */
  #returns(fn: TSESTree.FunctionLike & (TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration), call: TSESTree.CallExpression, depth: number): PossibleValue[] {
    const returned: Node[] = [];
    if (fn.body?.type === AST_NODE_TYPES.BlockStatement) collectReturns(fn.body, returned);
    else if (fn.body) returned.push(fn.body);
    const values: PossibleValue[] = [];
    for (const expression of returned) {
      const parameterIndex = parameterIndexOf(expression, fn, this.scopeOf);
      if (parameterIndex === undefined) {
        values.push(...this.#values(expression, depth));
        continue;
      }
      const argument = call.arguments[parameterIndex];
      const variable = ASTUtils.findVariable(this.scopeOf(expression), expression as TSESTree.Identifier) ?? undefined;
      const guarded = this.#guardedAt(expression, variable);
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) values.push({ kind: 'unknown', at: call });
      else values.push(...this.#values(argument, depth).map((value) => (value.kind === 'request' ? { ...value, guarded: value.guarded || guarded, at: call } : value)));
    }
    return values.length > 0 ? values : [{ kind: 'literal', value: undefined, at: call }];
  }

  /**
   * A value another project file exports (`import { CORS_ORIGIN } from './config'`), read there and
   * placed here: no report or fix may point into the other file.
   */
  #imported(identifier: TSESTree.Identifier, depth: number): PossibleValue[] | undefined {
    if (!this.file) return undefined;
    const foreign = resolveImportedExpression(identifier, this.scopeOf, this.file);
    if (!foreign) return undefined;
    return flowOf(foreign.reads, foreign.scopeOf, foreign.file).#valuesAt(foreign.expression, identifier, depth);
  }

  /** The values of a node of this flow's file, relocated to a node of the file that asked. */
  #valuesAt(node: Node, local: Node, depth: number): PossibleValue[] {
    return this.#values(node, depth).map((value) => ({ ...value, at: local }));
  }

  /** `CONFIG.corsOrigin` of a constant object literal (here or imported); other members are unknown. */
  #member(member: TSESTree.MemberExpression, depth: number): PossibleValue[] {
    const base = skipTypeWrappers(member.object);
    if (base.type === AST_NODE_TYPES.Identifier && this.file && !member.computed && member.property.type === AST_NODE_TYPES.Identifier) {
      const foreign = resolveImportedExpression(base, this.scopeOf, this.file);
      if (foreign) {
        const foreignFlow = flowOf(foreign.reads, foreign.scopeOf, foreign.file);
        const object = resolveNode(foreign.expression, foreign.scopeOf(foreign.expression));
        const property = object.type === AST_NODE_TYPES.ObjectExpression ? lastProperty(object, member.property.name, foreign.scopeOf) : undefined;
        return property ? foreignFlow.#valuesAt(property, member, depth) : [{ kind: 'unknown', at: member }];
      }
    }
    const object = resolveNode(member.object, this.scopeOf(member.object));
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return [{ kind: 'unknown', at: member }];
    const key = !member.computed && member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : ASTUtils.getStaticValue(member.property, this.scopeOf(member.property))?.value;
    if (typeof key !== 'string') return [{ kind: 'unknown', at: member }];
    const found = lastProperty(object, key, this.scopeOf);
    return found ? [...this.#values(found, depth)] : [{ kind: 'unknown', at: member }];
  }
}

/** The value of the last property named `key`, as at run time; none when a spread after it may override it. */
function lastProperty(object: TSESTree.ObjectExpression, key: string, scopeOf: ScopeOf): Node | undefined {
  let found: Node | undefined;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) found = undefined;
    else if (propertyKeyName(property, scopeOf(property)) === key) found = property.value;
  }
  return found;
}

/** Literals the variable is reassigned away from: `if (x === '*') x = other` replaces '*'. */
function replacedLiterals(variable: Variable): Set<Primitive> {
  const replaced = new Set<Primitive>();
  for (const reference of variable.references) {
    if (!reference.isWrite() || reference.init) continue;
    for (let node: Node | undefined = reference.identifier.parent; node && !isFunctionNode(node); node = node.parent) {
      if (node.type === AST_NODE_TYPES.IfStatement) collectComparedLiterals(node.test, variable, replaced);
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
  if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== '===' && test.operator !== '==')) return;
  const [named, other] = test.left.type === AST_NODE_TYPES.Identifier ? [test.left, test.right] : [test.right, test.left];
  if (named.type === AST_NODE_TYPES.Identifier && named.name === variable.name && other.type === AST_NODE_TYPES.Literal) into.add(other.value as Primitive);
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
  return value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);
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

/** Return arguments of a function body, not of functions nested in it. */
function collectReturns(node: Node, into: Node[]): void {
  if (node.type === AST_NODE_TYPES.ReturnStatement) {
    if (node.argument) into.push(node.argument);
    return;
  }
  if (isFunctionNode(node)) return;
  for (const key of Object.keys(node) as (keyof typeof node)[]) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    const child = node[key] as unknown;
    if (Array.isArray(child)) child.forEach((item) => isNode(item) && collectReturns(item, into));
    else if (isNode(child)) collectReturns(child, into);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The index of the parameter `expression` names directly (`return origin`), if any. */
function parameterIndexOf(expression: Node, fn: TSESTree.FunctionLike, scopeOf: ScopeOf): number | undefined {
  const bare = skipTypeWrappers(expression);
  if (bare.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(scopeOf(bare), bare);
  const def = variable?.defs[0];
  if (def?.type !== 'Parameter' || def.node !== fn) return undefined;
  const index = fn.params.findIndex((param) => param === def.name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === def.name));
  return index >= 0 ? index : undefined;
}

/**
 * Does `test` compare or look up the variable (`allowed.includes(origin)`, `origin === A`)? A test
 * every origin passes, or none (`origin.startsWith('https://')`), decides nothing and does not count.
 */
function checksVariable(test: Node, variable: Variable, scopeOf: ScopeOf): boolean {
  const isVariable = (node: Node) => node.type === AST_NODE_TYPES.Identifier && node.name === variable.name && ASTUtils.findVariable(scopeOf(node), node) === variable;
  const context: OriginTestContext = { isOrigin: isVariable, scopeOf };
  let found = false;
  const visit = (node: Node): void => {
    if (found || isFunctionNode(node)) return;
    if (node.type === AST_NODE_TYPES.Identifier) {
      if (isVariable(node) && isCheckingUse(node)) found = true;
      return;
    }
    if (DECIDING_NODES.has(node.type) && (passesEveryOrigin(node, context) || passesNoOrigin(node, context))) return;
    forEachChild(node, visit);
  };
  visit(test);
  return found;
}

/** Expressions that may be a test deciding nothing about the origin. */
const DECIDING_NODES = new Set<string>([AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.BinaryExpression, AST_NODE_TYPES.LogicalExpression, AST_NODE_TYPES.UnaryExpression]);

function forEachChild(node: Node, visit: (child: Node) => void): void {
  for (const key of Object.keys(node) as (keyof typeof node)[]) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    const child = node[key] as unknown;
    if (Array.isArray(child)) child.forEach((item) => isNode(item) && visit(item));
    else if (isNode(child)) visit(child);
  }
}

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
    if (Array.isArray(child)) child.forEach((item) => isNode(item) && visitIdentifiers(item, visit));
    else if (isNode(child)) visitIdentifiers(child, visit);
  }
}
