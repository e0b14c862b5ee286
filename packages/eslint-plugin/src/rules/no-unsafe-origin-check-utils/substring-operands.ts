/**
 * The operands of a substring test as `no-unsafe-origin-check` needs them, beyond the request origin
 * itself and one constant string:
 * - the origin under another name: a transformed copy (`origin.toLowerCase()`), or the parameter of a
 *   helper the file calls with the origin (`function isAllowed(origin) {…}` … `isAllowed(req.headers.origin)`);
 * - its host name: `new URL(origin).hostname`, through a constant (`const { hostname } = new URL(origin)`),
 *   or `url.parse(origin).hostname`;
 * - each entry of a constant list the argument runs over: `ALLOWED.some((domain) => origin.includes(domain))`,
 *   `for (const domain of ALLOWED) if (origin.endsWith(domain)) …`;
 * - the rest of a wildcard entry whose text comes from configuration:
 *   `if (entry.startsWith('*')) { const suffix = entry.slice(1); … hostname.endsWith(suffix) }`. Its
 *   text is unknown, but the code fixes how it starts (`''` here, `'.'` after `startsWith('*.')`), and
 *   that is what decides whether a suffix test on it keeps to whole labels.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import type { TSESLint } from '@typescript-eslint/utils';
import type { CorsFileModel } from '../../utils/cors-context.js';
import { arrayElements } from '../../utils/extract/values/cors-values.js';
import {
  calledMethodName,
  isFunctionNode,
  resolveNode,
  skipTypeWrappers,
  staticPrimitive,
  staticString,
} from '../../utils/extract/values/resolve.js';
import type { ScopeOf } from '../../utils/extract/values/scope.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** Methods that hand back the same origin in another form. */
const ORIGIN_PRESERVING = new Set([
  'toLowerCase',
  'toLocaleLowerCase',
  'trim',
  'toString',
  'valueOf',
]);
/** Array methods whose callback's first parameter is each element in turn. */
const ELEMENT_CALLBACKS = new Set([
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'filter',
  'forEach',
  'map',
]);
const MAX_DEPTH = 6;
/** String methods that drop a string's first characters: `entry.slice(1)`. */
const REST_METHODS = new Set(['slice', 'substring', 'substr']);

export class SubstringOperands {
  /** Parameters decided so far: does each receive the origin? */
  readonly #parameters = new Map<Variable, boolean>();

  constructor(
    private readonly model: CorsFileModel,
    private readonly scopeOf: ScopeOf,
  ) {}

  /** The request's origin, in any of the forms above. */
  isOrigin(node: Node, depth = 0): boolean {
    const expression = skipTypeWrappers(node);
    if (depth > MAX_DEPTH) return false;
    if (this.model.originReads.isOrigin(expression)) return true;
    if (
      expression.type === AST_NODE_TYPES.CallExpression &&
      ORIGIN_PRESERVING.has(calledMethodName(expression) ?? '')
    ) {
      return this.isOrigin(
        (skipTypeWrappers(expression.callee) as TSESTree.MemberExpression).object,
        depth + 1,
      );
    }
    if (expression.type === AST_NODE_TYPES.ChainExpression)
      return this.isOrigin(expression.expression, depth + 1);
    if (expression.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = ASTUtils.findVariable(this.scopeOf(expression), expression);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || !def) return false;
    if (def.type === 'Parameter') return this.#isOriginParameter(variable, depth);
    // `const lower = origin.toLowerCase()`, never assigned again.
    if (def.type !== 'Variable' || def.node.id !== def.name || !def.node.init) return false;
    const init = skipTypeWrappers(def.node.init);
    if (
      init.type !== AST_NODE_TYPES.CallExpression ||
      !ORIGIN_PRESERVING.has(calledMethodName(init) ?? '')
    )
      return false;
    return (
      !variable.references.some(
        (reference) => reference.isWrite() && reference.identifier !== def.name,
      ) && this.isOrigin(init, depth + 1)
    );
  }

  /** What a substring method is called on: the origin, its parsed host name, or neither. */
  subject(node: Node): 'origin' | 'hostname' | undefined {
    if (this.isOrigin(node)) return 'origin';
    return this.#isHostname(node, 0) ? 'hostname' : undefined;
  }

  /**
   * The constant strings an operand stands for: one for a constant, every entry for a callback
   * parameter or loop variable running over a constant list of strings; undefined when unknown.
   */
  values(node: Node): string[] | undefined {
    const text = staticString(node, this.scopeOf(node));
    if (text !== undefined) return [text];
    const list = this.iteratedList(node);
    return list && this.#strings(list);
  }

  /**
   * What the code fixes of an operand that is the rest of a wildcard entry: `entry.slice(k)` (or
   * `substring(k)`, `substr(k)`), inline or through a constant, reached only when `entry.startsWith(P)`
   * holds for a string `P` with a `*` among its first `k` characters. `wildcard` is `P`, `rest` what
   * the operand is known to start with (`P.slice(k)`). Undefined for any other operand.
   */
  wildcardRest(node: Node): { wildcard: string; rest: string } | undefined {
    const expression = resolveNode(skipTypeWrappers(node), this.scopeOf(node));
    if (
      expression.type !== AST_NODE_TYPES.CallExpression ||
      !REST_METHODS.has(calledMethodName(expression) ?? '') ||
      expression.arguments.length !== 1
    )
      return undefined;
    const [start] = expression.arguments;
    const cut = start && staticPrimitive(start, this.scopeOf(start));
    const entry = skipTypeWrappers(
      (skipTypeWrappers(expression.callee) as TSESTree.MemberExpression).object,
    );
    if (typeof cut !== 'number' || cut < 1 || entry.type !== AST_NODE_TYPES.Identifier)
      return undefined;
    const variable = ASTUtils.findVariable(this.scopeOf(entry), entry);
    if (!variable) return undefined;
    for (const wildcard of this.#prefixesHolding(expression, variable)) {
      if (wildcard.slice(0, cut).includes('*')) return { wildcard, rest: wildcard.slice(cut) };
    }
    return undefined;
  }

  /**
   * The strings `P` of the `variable.startsWith(P)` tests that hold wherever `node` runs: the tests of
   * the `if`s, `?:`s and `&&`s whose taken side holds it, up to the enclosing function.
   */
  #prefixesHolding(node: Node, variable: Variable): string[] {
    const prefixes: string[] = [];
    let child: Node = node;
    for (
      let parent = node.parent;
      parent && !isFunctionNode(parent);
      child = parent, parent = parent.parent
    ) {
      const test =
        (parent.type === AST_NODE_TYPES.IfStatement ||
          parent.type === AST_NODE_TYPES.ConditionalExpression) &&
        child === parent.consequent
          ? parent.test
          : parent.type === AST_NODE_TYPES.LogicalExpression &&
              parent.operator === '&&' &&
              child === parent.right
            ? parent.left
            : undefined;
      if (test) prefixes.push(...this.#startsWithTests(test, variable));
    }
    return prefixes;
  }

  /** `variable.startsWith('*')` in a test, alone or as a conjunct. */
  #startsWithTests(test: Node, variable: Variable): string[] {
    const expression = skipTypeWrappers(test);
    if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '&&')
      return [
        ...this.#startsWithTests(expression.left, variable),
        ...this.#startsWithTests(expression.right, variable),
      ];
    if (
      expression.type !== AST_NODE_TYPES.CallExpression ||
      calledMethodName(expression) !== 'startsWith'
    )
      return [];
    const subject = skipTypeWrappers(
      (skipTypeWrappers(expression.callee) as TSESTree.MemberExpression).object,
    );
    const [argument] = expression.arguments;
    if (
      subject.type !== AST_NODE_TYPES.Identifier ||
      ASTUtils.findVariable(this.scopeOf(subject), subject) !== variable ||
      !argument ||
      argument.type === AST_NODE_TYPES.SpreadElement
    )
      return [];
    const prefix = staticString(argument, this.scopeOf(argument));
    return prefix === undefined ? [] : [prefix];
  }

  /**
   * The list an element variable runs over: `list` for the callback parameter of `list.some((x) => …)`
   * (and the other element callbacks) or for `x` in `for (const x of list)`; undefined otherwise.
   */
  iteratedList(node: Node): Node | undefined {
    const expression = skipTypeWrappers(node);
    if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = ASTUtils.findVariable(this.scopeOf(expression), expression);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (
      !def ||
      variable?.references.some(
        (reference) => reference.isWrite() && reference.identifier !== def.name,
      )
    )
      return undefined;
    return def.type === 'Parameter'
      ? this.#iteratedByCallback(def.node, def.name)
      : def.type === 'Variable'
        ? this.#iteratedByLoop(def.parent)
        : undefined;
  }

  /** `list.some((name) => …)`: the list, when `name` is the callback's first parameter. */
  #iteratedByCallback(fn: Node, name: Node): Node | undefined {
    if (!isFunctionNode(fn) || fn.params[0] !== name) return undefined;
    const call = fn.parent;
    if (
      call?.type !== AST_NODE_TYPES.CallExpression ||
      call.arguments[0] !== fn ||
      !ELEMENT_CALLBACKS.has(calledMethodName(call) ?? '')
    )
      return undefined;
    return (skipTypeWrappers(call.callee) as TSESTree.MemberExpression).object;
  }

  /** `for (const name of list)`: the list. */
  #iteratedByLoop(declaration: Node | null | undefined): Node | undefined {
    const loop = declaration?.parent;
    return loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === declaration
      ? loop.right
      : undefined;
  }

  #strings(list: Node): string[] | undefined {
    const array = resolveNode(list, this.scopeOf(list));
    if (array.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
    const { elements, complete } = arrayElements(array, this.scopeOf(array));
    const texts = elements.map((element) => staticString(element, this.scopeOf(element)));
    return complete && texts.length > 0 && texts.every((text): text is string => text !== undefined)
      ? texts
      : undefined;
  }

  #isHostname(node: Node, depth: number): boolean {
    const expression = skipTypeWrappers(node);
    if (depth > MAX_DEPTH) return false;
    if (
      expression.type === AST_NODE_TYPES.CallExpression &&
      ORIGIN_PRESERVING.has(calledMethodName(expression) ?? '')
    ) {
      return this.#isHostname(
        (skipTypeWrappers(expression.callee) as TSESTree.MemberExpression).object,
        depth + 1,
      );
    }
    // `origin ? new URL(origin).hostname : ''`: the host name whenever there is an origin.
    if (expression.type === AST_NODE_TYPES.ConditionalExpression)
      return (
        this.#isHostname(expression.consequent, depth + 1) ||
        this.#isHostname(expression.alternate, depth + 1)
      );
    if (expression.type === AST_NODE_TYPES.MemberExpression)
      return (
        isHostProperty(expression.property, expression.computed) &&
        this.#isParsedOrigin(expression.object, depth + 1)
      );
    if (expression.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = ASTUtils.findVariable(this.scopeOf(expression), expression);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || !def.node.init) return false;
    // `const { hostname } = new URL(origin)`
    if (def.node.id.type === AST_NODE_TYPES.ObjectPattern) {
      const property = def.node.id.properties.find(
        (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && p.value === def.name,
      );
      return (
        !!property &&
        isHostProperty(property.key, property.computed) &&
        this.#isParsedOrigin(def.node.init, depth + 1)
      );
    }
    const resolved = resolveNode(expression, this.scopeOf(expression));
    return resolved !== expression && this.#isHostname(resolved, depth + 1);
  }

  /** `new URL(origin)` or `url.parse(origin)`, inline or through a constant. */
  #isParsedOrigin(node: Node, depth: number): boolean {
    const expression = resolveNode(node, this.scopeOf(node));
    if (depth > MAX_DEPTH) return false;
    const [input] =
      expression.type === AST_NODE_TYPES.NewExpression ||
      expression.type === AST_NODE_TYPES.CallExpression
        ? expression.arguments
        : [];
    if (!input || input.type === AST_NODE_TYPES.SpreadElement) return false;
    const parses =
      (expression.type === AST_NODE_TYPES.NewExpression &&
        expression.callee.type === AST_NODE_TYPES.Identifier &&
        expression.callee.name === 'URL') ||
      (expression.type === AST_NODE_TYPES.CallExpression &&
        calledMethodName(expression) === 'parse' &&
        isIdentifier(
          (skipTypeWrappers(expression.callee) as TSESTree.MemberExpression).object,
          'url',
        ));
    return parses && this.isOrigin(input, depth + 1);
  }

  /**
   * Whether a parameter receives the origin: the function is one of this file's, and a call of it by
   * name passes the origin in that position (`isAllowed(origin)`). A helper calling a helper is
   * followed; a parameter being decided counts as no origin (recursion).
   */
  #isOriginParameter(variable: Variable, depth: number): boolean {
    const known = this.#parameters.get(variable);
    if (known !== undefined) return known;
    this.#parameters.set(variable, false);
    const def = variable.defs[0];
    const fn = def?.node;
    const index = fn && isFunctionNode(fn) ? fn.params.indexOf(def.name as TSESTree.Parameter) : -1;
    const calls = index === -1 || !fn ? [] : callsByName(fn as TSESTree.FunctionLike, this.scopeOf);
    const result = calls.some((call) => {
      const argument = call.arguments[index];
      return (
        !!argument &&
        argument.type !== AST_NODE_TYPES.SpreadElement &&
        this.isOrigin(argument, depth + 1)
      );
    });
    this.#parameters.set(variable, result);
    return result;
  }
}

/** The calls of a function through the name it is declared or stored under (`function isAllowed() {}`, `const isAllowed = () => …`). */
function callsByName(fn: TSESTree.FunctionLike, scopeOf: ScopeOf): TSESTree.CallExpression[] {
  const holder =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn.id
      : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn
        ? fn.parent.id
        : undefined;
  if (holder?.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = ASTUtils.findVariable(scopeOf(holder), holder);
  if (!variable) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    if (reference.init || !reference.isRead()) continue;
    const use = reference.identifier;
    if (use.parent?.type === AST_NODE_TYPES.CallExpression && use.parent.callee === use)
      calls.push(use.parent);
  }
  return calls;
}

function isHostProperty(key: Node, computed: boolean): boolean {
  if (!computed && key.type === AST_NODE_TYPES.Identifier)
    return key.name === 'hostname' || key.name === 'host';
  return key.type === AST_NODE_TYPES.Literal && (key.value === 'hostname' || key.value === 'host');
}

function isIdentifier(node: Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name;
}
