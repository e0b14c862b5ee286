/** Which variables hold a module (`import express from 'express'`, `const http = require('node:http')`), and calls of it. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calledMethodName, skipTypeWrappers } from '../values/resolve.js';
import type { ScopeOf } from '../values/scope.js';
import { findVariable } from '../values/find-variable.js';

type Variable = TSESLint.Scope.Variable;

export interface ModuleBindings {
  readonly defaults: Set<Variable>;
  readonly named: Map<string, Set<Variable>>;
}

/** Variables bound to a module: default or namespace import, `require(name)`; and named imports by name. */
export function moduleBindings(
  sourceCode: Readonly<TSESLint.SourceCode>,
  scopeOf: ScopeOf,
  names: readonly string[],
): ModuleBindings {
  const defaults = new Set<Variable>();
  const named = new Map<string, Set<Variable>>();
  const addNamed = (name: string, variables: readonly Variable[]) => {
    const set = named.get(name) ?? new Set();
    for (const variable of variables) set.add(variable);
    named.set(name, set);
  };
  for (const statement of sourceCode.ast.body) {
    if (
      statement.type === AST_NODE_TYPES.ImportDeclaration &&
      names.includes(statement.source.value)
    ) {
      for (const specifier of statement.specifiers) {
        const variables = sourceCode.getDeclaredVariables(specifier);
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
          const imported =
            specifier.imported.type === AST_NODE_TYPES.Identifier
              ? specifier.imported.name
              : specifier.imported.value;
          if (imported === 'default') variables.forEach((variable) => defaults.add(variable));
          else addNamed(imported, variables);
        } else {
          variables.forEach((variable) => defaults.add(variable));
        }
      }
    }
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      if (!declarator.init || !isRequireOf(declarator.init, names)) continue;
      if (declarator.id.type === AST_NODE_TYPES.Identifier) {
        sourceCode.getDeclaredVariables(declarator).forEach((variable) => defaults.add(variable));
      } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
        for (const property of declarator.id.properties) {
          if (
            property.type !== AST_NODE_TYPES.Property ||
            property.key.type !== AST_NODE_TYPES.Identifier ||
            property.value.type !== AST_NODE_TYPES.Identifier
          )
            continue;
          const variable = findVariable(scopeOf(property.value), property.value);
          if (variable) addNamed(property.key.name, [variable]);
        }
      }
    }
  }
  return { defaults, named };
}

export function isRequireOf(node: TSESTree.Node, names: readonly string[]): boolean {
  const bare = skipTypeWrappers(node);
  if (
    bare.type !== AST_NODE_TYPES.CallExpression ||
    bare.callee.type !== AST_NODE_TYPES.Identifier ||
    bare.callee.name !== 'require'
  )
    return false;
  const [first] = bare.arguments;
  return (
    first?.type === AST_NODE_TYPES.Literal &&
    typeof first.value === 'string' &&
    names.includes(first.value)
  );
}

/** `express()`, `fastify({ … })`, or straight off the require: `require('express')()`. */
export function callsModule(
  call: TSESTree.CallExpression,
  modules: readonly string[],
  bindings: ReadonlySet<Variable>,
  scopeOf: ScopeOf,
): boolean {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.CallExpression) return isRequireOf(callee, modules);
  // Most files bind none of the modules: skip the scope lookup.
  if (callee.type !== AST_NODE_TYPES.Identifier || bindings.size === 0) return false;
  const variable = findVariable(scopeOf(callee), callee);
  return variable !== null && bindings.has(variable);
}

/** `bound.method(…)` where `bound` holds the module (`express.json()`, `http.createServer(…)`), or a named import called directly. */
export function callsModuleMember(
  call: TSESTree.CallExpression,
  method: string,
  bindings: ModuleBindings,
  scopeOf: ScopeOf,
): boolean {
  if (bindings.defaults.size === 0 && bindings.named.size === 0) return false;
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(scopeOf(callee), callee);
    return variable !== null && (bindings.named.get(method)?.has(variable) ?? false);
  }
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.object.type !== AST_NODE_TYPES.Identifier ||
    calledMethodName(call) !== method
  )
    return false;
  const variable = findVariable(scopeOf(callee.object), callee.object);
  return variable !== null && bindings.defaults.has(variable);
}
