/**
 * Recognising reads of the request's `Origin` header, and whether code checks it before use.
 * This is what separates "reflects every origin" from "reflects origins on an allow-list".
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { OriginTestContext } from './checks-every-origin-passes.js';
import { passesEveryOrigin, passesNoOrigin } from './checks-every-origin-passes.js';
import { findVariable } from './find-variable.js';
import {
  calledMethodName,
  findConstantVariable,
  skipTypeWrappers,
  staticString,
} from './resolve.js';

type Scope = TSESLint.Scope.Scope;

/** Methods that turn an origin string into another form of the same string. */
const ORIGIN_PRESERVING_METHODS = new Set([
  'toLowerCase',
  'toLocaleLowerCase',
  'trim',
  'toString',
  'valueOf',
]);

export class OriginReads {
  /** Variables known to hold the request origin without being an initialised constant (origin-function parameters). */
  readonly #originVariables = new Set<TSESLint.Scope.Variable>();

  constructor(
    private readonly getScope: (node: TSESTree.Node) => Scope,
    /** The parser's visitor keys, for cheap walks. */
    readonly visitorKeys?: VisitorKeys,
  ) {}

  /** Declares a function parameter as carrying the request origin (the first parameter of an origin function). */
  addOriginParameter(parameter: TSESTree.Identifier): void {
    const variable = findVariable(this.getScope(parameter), parameter);
    if (variable) this.#originVariables.add(variable);
  }

  /** True when `node` evaluates to the request's Origin header (possibly with a fallback: `origin || '*'`). */
  isOrigin(node: TSESTree.Node, depth = 0): boolean {
    const expression = skipTypeWrappers(node);
    if (depth > 8) return false;
    switch (expression.type) {
      case AST_NODE_TYPES.Identifier:
        return this.#isOriginVariable(expression, depth);
      case AST_NODE_TYPES.MemberExpression:
        return this.#isOriginMember(expression);
      case AST_NODE_TYPES.CallExpression:
        return this.#isOriginGetter(expression);
      case AST_NODE_TYPES.LogicalExpression:
        return expression.operator !== '&&' && this.isOrigin(expression.left, depth + 1);
      default:
        return false;
    }
  }

  /**
   * True when `node` contains an expression that compares or tests the origin (not a mere presence test).
   * `answers` are an origin function's answers: handing the origin back (`cb(null, origin)`) is no check.
   */
  containsCheck(node: TSESTree.Node, answers: ReadonlySet<TSESTree.Node> = new Set()): boolean {
    let found = false;
    walk(
      node,
      (child) => {
        if (found) return false;
        // A test every origin passes (`/^https?:/.test(origin)`), or none does, decides nothing.
        if (this.decidesNothing(child)) return false;
        if (this.isOrigin(child)) {
          if (isCheckingUse(child) && !answers.has(child)) found = true;
          return false;
        }
        // `const allowed = list.includes(origin); if (allowed) …`: a constant that holds a check.
        if (child.type === AST_NODE_TYPES.Identifier && this.#holdsCheck(child, answers))
          found = true;
        return true;
      },
      this.visitorKeys,
    );
    return found;
  }

  /**
   * The one origin `test` lets through when it holds: `origin === 'https://app.example'` (`==`, either
   * side, a constant), or such a comparison as one operand of `&&`. Undefined for any other test.
   */
  admittedOrigin(test: TSESTree.Node): string | undefined {
    const expression = skipTypeWrappers(test);
    if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '&&')
      return this.admittedOrigin(expression.left) ?? this.admittedOrigin(expression.right);
    if (
      expression.type !== AST_NODE_TYPES.BinaryExpression ||
      (expression.operator !== '===' && expression.operator !== '==')
    )
      return undefined;
    const { left, right } = expression;
    const other = this.isOrigin(left) ? right : this.isOrigin(right) ? left : undefined;
    return other && staticString(other, this.getScope(other));
  }

  /** What the every-origin tests need: this reader's notion of the origin, and scopes. */
  readonly testContext: OriginTestContext = {
    isOrigin: (node) => this.isOrigin(node),
    scopeOf: (node) => this.getScope(node),
  };

  /** A test every origin passes, or none: `/^https?:/.test(origin)`, `allowed.has(origin) || origin.startsWith('https://')`, `!` of those. */
  decidesNothing(node: TSESTree.Node): boolean {
    if (
      node.type !== AST_NODE_TYPES.CallExpression &&
      node.type !== AST_NODE_TYPES.BinaryExpression &&
      node.type !== AST_NODE_TYPES.LogicalExpression &&
      node.type !== AST_NODE_TYPES.UnaryExpression
    )
      return false;
    // The origin read itself (`req.get('origin')`, `origin || ''`) is a use, not a test.
    if (this.isOrigin(node)) return false;
    return passesEveryOrigin(node, this.testContext) || passesNoOrigin(node, this.testContext);
  }

  #checkHolders = 0;

  #holdsCheck(identifier: TSESTree.Identifier, answers: ReadonlySet<TSESTree.Node>): boolean {
    if (this.#checkHolders > 2) return false;
    const variable = findConstantVariable(identifier, this.getScope(identifier));
    const declarator = variable?.defs[0]?.node;
    if (
      !variable?.references.some(
        (reference) => reference.identifier === identifier && reference.isRead(),
      )
    )
      return false;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init) return false;
    this.#checkHolders++;
    try {
      return this.containsCheck(declarator.init, answers);
    } finally {
      this.#checkHolders--;
    }
  }

  #isOriginVariable(identifier: TSESTree.Identifier, depth: number): boolean {
    const scope = this.getScope(identifier);
    const variable = findVariable(scope, identifier);
    if (!variable) return false;
    if (this.#originVariables.has(variable)) return true;
    const def = variable.defs[0];
    if (variable.defs.length !== 1 || def?.type !== 'Variable') return false;
    const declarator = def.node;
    // `const { origin } = req.headers`
    if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && declarator.init) {
      const init = skipTypeWrappers(declarator.init);
      const property = declarator.id.properties.find(
        (p): p is TSESTree.Property =>
          p.type === AST_NODE_TYPES.Property &&
          p.value.type === AST_NODE_TYPES.Identifier &&
          p.value.name === identifier.name,
      );
      return !!property && isHeadersObject(init) && keyName(property) === 'origin';
    }
    if (!findConstantVariable(identifier, scope) || !declarator.init) return false;
    return this.isOrigin(declarator.init, depth + 1);
  }

  #isOriginMember(member: TSESTree.MemberExpression): boolean {
    const name = memberName(member);
    return name?.toLowerCase() === 'origin' && isHeadersObject(skipTypeWrappers(member.object));
  }

  #isOriginGetter(call: TSESTree.CallExpression): boolean {
    const method = calledMethodName(call);
    if (method !== 'get' && method !== 'header' && method !== 'getHeader') return false;
    const [first] = call.arguments;
    if (!first || first.type === AST_NODE_TYPES.SpreadElement) return false;
    return staticString(first, this.getScope(first))?.toLowerCase() === 'origin';
  }
}

/** `req.headers`, `ctx.request.header`, `event.headers`. */
function isHeadersObject(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(node);
  return name === 'headers' || name === 'header';
}

function memberName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier)
    return member.property.name;
  if (member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === 'string')
    return member.property.value;
  return undefined;
}

function keyName(property: TSESTree.Property): string | undefined {
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name.toLowerCase();
  if (property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string')
    return property.key.value.toLowerCase();
  return undefined;
}

/**
 * Whether a use of the origin decides something about it: passed to a function (`list.includes(origin)`,
 * `re.test(origin)`), a method called on it (`origin.endsWith(...)`), compared with `===`, or looked
 * up with `in`.
 * `if (origin)` or `typeof origin` only test presence and do not count.
 */
export function isCheckingUse(use: TSESTree.Node): boolean {
  let node: TSESTree.Node = use;
  // Climb through transformations that keep the value an origin: origin.toLowerCase().
  for (;;) {
    const parent = node.parent;
    if (
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === node &&
      parent.parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.parent.callee === parent &&
      ORIGIN_PRESERVING_METHODS.has(memberName(parent) ?? '')
    ) {
      node = parent.parent;
      continue;
    }
    if (
      parent &&
      (parent.type === AST_NODE_TYPES.TSAsExpression ||
        parent.type === AST_NODE_TYPES.TSNonNullExpression)
    ) {
      node = parent;
      continue;
    }
    break;
  }
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.CallExpression:
      return parent.arguments.includes(node as TSESTree.CallExpressionArgument);
    case AST_NODE_TYPES.MemberExpression:
      return (
        parent.object === node &&
        parent.parent?.type === AST_NODE_TYPES.CallExpression &&
        parent.parent.callee === parent
      );
    case AST_NODE_TYPES.BinaryExpression: {
      // `origin in allowedOrigins`: a lookup in an object keyed by the allowed origins.
      if (parent.operator === 'in') return parent.left === node;
      if (!['===', '!==', '==', '!='].includes(parent.operator)) return false;
      const other = parent.left === node ? parent.right : parent.left;
      // Comparing with '*', '' or 'null' decides nothing about who the caller is; only an origin does.
      return (
        !isNullish(other) &&
        !(
          other.type === AST_NODE_TYPES.Literal &&
          typeof other.value === 'string' &&
          !other.value.includes('://')
        )
      );
    }
    case AST_NODE_TYPES.SwitchStatement:
      return parent.discriminant === node;
    case AST_NODE_TYPES.NewExpression:
      // new URL(origin).hostname === ... — the check is on the parsed URL; count it.
      return true;
    default:
      return false;
  }
}

function isNullish(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.value === null) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined')
  );
}

/** Child-node keys per node type, from the parser (`sourceCode.visitorKeys`). */
export type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** Keys that hold no child nodes (or, on Program, every token and comment). */
const NON_CHILD_KEYS = new Set(['parent', 'loc', 'range', 'tokens', 'comments']);

/**
 * Depth-first walk over a subtree in source order; `visit` returns false to skip a node's children.
 * With the parser's visitor keys only child properties are read, which is what keeps the walk cheap.
 */
export function walk(
  root: TSESTree.Node,
  visit: (node: TSESTree.Node) => boolean,
  keys?: VisitorKeys,
): void {
  const stack: TSESTree.Node[] = [root];
  const children: TSESTree.Node[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!visit(node)) continue;
    children.length = 0;
    const fields = node as unknown as Record<string, unknown>;
    const childKeys = keys?.[node.type];
    if (childKeys) {
      for (const key of childKeys) collectChildren(fields[key], children);
    } else {
      for (const key in fields)
        if (!NON_CHILD_KEYS.has(key)) collectChildren(fields[key], children);
    }
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
}

function collectChildren(value: unknown, into: TSESTree.Node[]): void {
  if (Array.isArray(value)) {
    for (const item of value) if (isNode(item)) into.push(item);
  } else if (isNode(value)) {
    into.push(value);
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}
