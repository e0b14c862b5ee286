/**
 * Following values through constants in the same file. Anything that is not a constant
 * (environment variables, parameters, calls) resolves to `undefined`: unknown, never guessed.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { writeReferences } from './variable-writes.js';
import { findVariable } from './find-variable.js';

type Scope = TSESLint.Scope.Scope;

/** Strips TypeScript-only wrappers (`x as T`, `x!`, `x satisfies T`) and parentheses are already gone in ESTree. */
export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion
  ) {
    current = current.expression;
  }
  return current;
}

/**
 * The variable an identifier refers to, when it is bound exactly once (a `const`, or a `let`/`var`
 * never written again) by a plain `name = init` declaration.
 */
export function findConstantVariable(
  identifier: TSESTree.Identifier,
  scope: Scope,
): TSESLint.Scope.Variable | undefined {
  const variable = findVariable(scope, identifier);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (
    !def ||
    def.type !== 'Variable' ||
    def.node.id.type !== AST_NODE_TYPES.Identifier ||
    !def.node.init
  )
    return undefined;
  const writes = writeReferences(variable);
  if (writes.length !== 1 || writes[0]?.identifier !== def.node.id) return undefined;
  return variable;
}

/**
 * Follows identifiers to the expression they were initialised with (and function and class
 * declarations to themselves), so a rule can look at `const corsOptions = {...}` when the code says `cors(corsOptions)`.
 */
export function resolveNode(node: TSESTree.Node, scope: Scope, depth = 0): TSESTree.Node {
  const bare = skipTypeWrappers(node);
  if (bare.type !== AST_NODE_TYPES.Identifier || depth > 8) return bare;
  const variable = findVariable(scope, bare);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'FunctionName' || def?.type === 'ClassName') return def.node;
  const constant = findConstantVariable(bare, scope);
  const declarator = constant?.defs[0]?.node;
  if (!declarator || declarator.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init)
    return bare;
  return resolveNode(declarator.init, scope, depth + 1);
}

/** A statically known primitive (string, number, boolean, null), through constants and concatenation. */
export function staticPrimitive(
  node: TSESTree.Node,
  scope: Scope,
): string | number | boolean | null | undefined {
  const result = ASTUtils.getStaticValue(skipTypeWrappers(node), scope);
  if (!result) return undefined;
  const { value } = result;
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  )
    return value;
  return undefined;
}

export function staticString(node: TSESTree.Node, scope: Scope): string | undefined {
  const value = staticPrimitive(node, scope);
  return typeof value === 'string' ? value : undefined;
}

/** True for a string literal or an expression-free template literal: nodes a fix may rewrite. */
export function isEditableString(
  node: TSESTree.Node,
): node is TSESTree.StringLiteral | TSESTree.TemplateLiteral {
  return (
    (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') ||
    (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0)
  );
}

/** The static name of a property key (`origin`, `'Access-Control-Allow-Origin'`, `[CONST]`). */
export function propertyKeyName(property: TSESTree.Property, scope: Scope): string | undefined {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier)
    return property.key.name;
  return (
    staticString(property.key, scope) ??
    (typeof staticPrimitive(property.key, scope) === 'number'
      ? String(staticPrimitive(property.key, scope))
      : undefined)
  );
}

export interface ResolvedProperty {
  readonly name: string;
  readonly property: TSESTree.Property;
  /** The property's value, followed through constants. */
  readonly value: TSESTree.Node;
}

/**
 * The properties of an object expression, spreads of same-file constant objects included, later
 * ones overriding earlier ones as at run time. `complete` is false when a spread or computed key
 * could not be resolved: a missing property may then still be set.
 */
export function objectProperties(
  node: TSESTree.ObjectExpression,
  scope: Scope,
  depth = 0,
): { properties: Map<string, ResolvedProperty>; complete: boolean } {
  const properties = new Map<string, ResolvedProperty>();
  let complete = true;
  for (const element of node.properties) {
    if (element.type === AST_NODE_TYPES.SpreadElement) {
      const spread = resolveNode(element.argument, scope);
      if (spread.type === AST_NODE_TYPES.ObjectExpression && depth < 8) {
        const inner = objectProperties(spread, scope, depth + 1);
        for (const [name, value] of inner.properties) properties.set(name, value);
        complete &&= inner.complete;
      } else {
        complete = false;
      }
      continue;
    }
    const name = propertyKeyName(element, scope);
    if (name === undefined) {
      complete = false;
      continue;
    }
    properties.set(name, { name, property: element, value: resolveNode(element.value, scope) });
  }
  return { properties, complete };
}

/** The name of a called method: `res.setHeader(...)` → `setHeader`. */
export function calledMethodName(call: TSESTree.CallExpression): string | undefined {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (!callee.computed && callee.property.type === AST_NODE_TYPES.Identifier)
    return callee.property.name;
  if (callee.property.type === AST_NODE_TYPES.Literal && typeof callee.property.value === 'string')
    return callee.property.value;
  return undefined;
}

/** Any function node: declarations, expressions and arrows. */
export function isFunctionNode(
  node: TSESTree.Node,
): node is TSESTree.FunctionLike &
  (TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration) {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  );
}
