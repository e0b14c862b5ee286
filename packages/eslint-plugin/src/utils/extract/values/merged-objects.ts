/**
 * Objects built by merging others: `Object.assign(target, ...sources)`, lodash's `merge`/`assign`
 * (`lodash.merge`, `lodash/merge`, `_.merge`, …) and `deepmerge(a, b)`. Each copies its sources'
 * own properties in order, so a later source wins, as for spreads in an object literal. Options
 * are often written this way (`fetch(url, merge({}, defaults, { mode: 'no-cors' }, options))`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from './find-variable.js';
import type { ResolvedProperty } from './resolve.js';
import { objectProperties, resolveNode, skipTypeWrappers } from './resolve.js';

type Node = TSESTree.Node;
type Scope = TSESLint.Scope.Scope;

/** Whether a later source replaces an earlier property whole (`assign`) or merges into it (`merge`). */
type Depth = 'shallow' | 'deep';

/** Module → export → how it merges; `default` is the module itself (`import merge from 'lodash.merge'`). */
const MERGE_FUNCTIONS: ReadonlyMap<string, ReadonlyMap<string, Depth>> = new Map([
  ...['lodash', 'lodash-es', 'underscore'].map(
    (module) =>
      [
        module,
        new Map<string, Depth>([
          ['merge', 'deep'],
          ['assign', 'shallow'],
          ['assignIn', 'shallow'],
          ['extend', 'shallow'],
        ]),
      ] as const,
  ),
  ...[
    'lodash.merge',
    'lodash/merge',
    'lodash/merge.js',
    'lodash-es/merge',
    'lodash-es/merge.js',
    'deepmerge',
  ].map((module) => [module, new Map<string, Depth>([['default', 'deep']])] as const),
  ...[
    'lodash.assign',
    'lodash/assign',
    'lodash/assign.js',
    'lodash-es/assign',
    'lodash-es/assign.js',
    'object-assign',
  ].map((module) => [module, new Map<string, Depth>([['default', 'shallow']])] as const),
]);

export interface MergedObject {
  /** The merged objects' arguments, in order: later ones win. */
  readonly sources: readonly Node[];
  readonly depth: Depth;
}

/** The sources of a merge call, or undefined when `node` is not one. */
export function mergeCall(node: Node, scope: Scope): MergedObject | undefined {
  const call = skipTypeWrappers(node);
  if (
    call.type !== AST_NODE_TYPES.CallExpression ||
    call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)
  )
    return undefined;
  const depth = mergeDepth(skipTypeWrappers(call.callee), scope);
  return depth ? { sources: call.arguments, depth } : undefined;
}

/**
 * The properties of an object literal or of a merge of them, later sources winning. `complete` is
 * false when a source cannot be read (a parameter, a call), or when a deep merge meets the same
 * property twice: the result then holds both objects' members, of which only the last's are listed.
 */
export function mergedObjectProperties(
  node: Node,
  scope: Scope,
  depth = 0,
): { properties: Map<string, ResolvedProperty>; complete: boolean } | undefined {
  const resolved = resolveNode(node, scope);
  if (resolved.type === AST_NODE_TYPES.ObjectExpression) return objectProperties(resolved, scope);
  const merge = depth < 4 ? mergeCall(resolved, scope) : undefined;
  if (!merge) return undefined;
  const properties = new Map<string, ResolvedProperty>();
  let complete = true;
  for (const source of merge.sources) {
    const inner = mergedObjectProperties(source, scope, depth + 1);
    if (!inner) {
      complete = false;
      continue;
    }
    complete &&= inner.complete;
    for (const [name, property] of inner.properties) {
      if (merge.depth === 'deep' && properties.has(name) && isObjectValue(property.value))
        complete = false;
      properties.set(name, property);
    }
  }
  return { properties, complete };
}

function isObjectValue(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ObjectExpression ||
    node.type === AST_NODE_TYPES.NewExpression ||
    node.type === AST_NODE_TYPES.Identifier ||
    node.type === AST_NODE_TYPES.CallExpression
  );
}

/** `Object.assign`, a merge function imported or required from a module above, or `_.merge` on such a module. */
function mergeDepth(callee: Node, scope: Scope): Depth | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const imported = importedAs(callee, scope);
    return imported && MERGE_FUNCTIONS.get(imported.module)?.get(imported.name);
  }
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.property.type !== AST_NODE_TYPES.Identifier ||
    callee.object.type !== AST_NODE_TYPES.Identifier
  )
    return undefined;
  const method = callee.property.name;
  if (callee.object.name === 'Object')
    return method === 'assign' && !findVariable(scope, callee.object)?.defs.length
      ? 'shallow'
      : undefined;
  const imported = importedAs(callee.object, scope);
  return imported && (imported.name === 'default' || imported.name === '*')
    ? MERGE_FUNCTIONS.get(imported.module)?.get(method)
    : undefined;
}

/** The module and export an identifier is bound to: `import x from 'm'` (default), `import * as x` (*), `import { y as x }` (y), `const x = require('m')`, `const { y: x } = require('m')`. */
export function importedAs(
  identifier: TSESTree.Identifier,
  scope: Scope,
): { module: string; name: string } | undefined {
  const variable = findVariable(scope, identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return undefined;
  if (def.type === 'ImportBinding') {
    const declaration = def.parent;
    if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration || declaration.importKind === 'type')
      return undefined;
    const specifier = def.node;
    const module = declaration.source.value;
    if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier)
      return { module, name: 'default' };
    if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { module, name: '*' };
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      return {
        module,
        name:
          specifier.imported.type === AST_NODE_TYPES.Identifier
            ? specifier.imported.name
            : specifier.imported.value,
      };
    }
    return undefined;
  }
  if (
    def.type !== 'Variable' ||
    def.node.type !== AST_NODE_TYPES.VariableDeclarator ||
    !def.node.init
  )
    return undefined;
  const module = requiredModule(def.node.init);
  if (module === undefined) return undefined;
  if (def.node.id.type === AST_NODE_TYPES.Identifier) return { module, name: 'default' };
  if (def.node.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of def.node.id.properties) {
    if (
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      property.value === def.name
    )
      return { module, name: property.key.name };
  }
  return undefined;
}

function requiredModule(node: Node): string | undefined {
  const call = skipTypeWrappers(node);
  if (
    call.type !== AST_NODE_TYPES.CallExpression ||
    call.callee.type !== AST_NODE_TYPES.Identifier ||
    call.callee.name !== 'require'
  )
    return undefined;
  const [first] = call.arguments;
  return first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string'
    ? first.value
    : undefined;
}
