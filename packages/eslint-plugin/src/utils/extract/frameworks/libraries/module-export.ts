/**
 * Is an expression a library's factory under whatever name the file gave it? Default, named and
 * namespace imports (a namespace is callable under CommonJS interop), TypeScript's
 * `import x = require('m')`, `require('m')` (declared global or not), `require('m').name`,
 * destructuring, `await import('m')`, and constants aliasing any of these.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { skipTypeWrappers, staticPrimitive } from '../../values/resolve.js';
import type { ScopeOf } from '../../values/scope.js';
import { findVariable } from '../../values/find-variable.js';
import { writeReferences } from '../../values/variable-writes.js';
import type { CorsLibrary } from './library.js';

type Node = TSESTree.Node;
/** A module's export as this finder needs it: the factory of a CORS library, or `{ module: 'socket.io', namedExports: ['Server'] }`. */
export type ModuleExport = Pick<CorsLibrary, 'module' | 'moduleIsFactory' | 'namedExports'>;
type Library = ModuleExport;

const MAX_DEPTH = 6;

/**
 * Whether the file's text names `module` as a string (`'cors'`, `"socket.io"`, `` `hono/cors` ``):
 * every import, require or constant that reaches a module spells it so. A cheap test that spares
 * the scope lookups of `isLibraryFactory` in files that cannot use the module.
 */
export function namesModule(text: string, module: string): boolean {
  if (!text.includes(module)) return false;
  const escaped = module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`['"\`]${escaped}['"\`]`).test(text);
}

export function isLibraryFactory(
  node: Node,
  library: Library,
  scopeOf: ScopeOf,
  depth = 0,
): boolean {
  const expression = unwrap(node);
  if (depth > MAX_DEPTH) return false;
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(expression);
    return (
      name !== undefined &&
      isExportName(name, library) &&
      isModuleValue(expression.object, library, scopeOf, depth + 1)
    );
  }
  if (expression.type === AST_NODE_TYPES.Identifier)
    return bindingIs(expression, library, scopeOf, depth, 'factory');
  return library.moduleIsFactory && isModuleValue(expression, library, scopeOf, depth + 1);
}

/** The module object itself: `require('m')`, `await import('m')`, a namespace import or a variable holding one. */
function isModuleValue(node: Node, library: Library, scopeOf: ScopeOf, depth: number): boolean {
  const expression = unwrap(node);
  if (depth > MAX_DEPTH) return false;
  if (expression.type === AST_NODE_TYPES.ImportExpression)
    return staticPrimitive(expression.source, scopeOf(expression)) === library.module;
  if (expression.type === AST_NODE_TYPES.CallExpression)
    return isRequireOf(expression, library.module, scopeOf);
  if (expression.type === AST_NODE_TYPES.Identifier)
    return bindingIs(expression, library, scopeOf, depth, 'module');
  return false;
}

/** What the variable behind `identifier` holds: the factory, or the module object. */
function bindingIs(
  identifier: TSESTree.Identifier,
  library: Library,
  scopeOf: ScopeOf,
  depth: number,
  wanted: 'factory' | 'module',
): boolean {
  const variable = findVariable(scopeOf(identifier), identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return false;
  if (def.type === 'ImportBinding') {
    const specifier = def.node;
    if (specifier.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = specifier.moduleReference;
      return (
        reference.type === AST_NODE_TYPES.TSExternalModuleReference &&
        reference.expression.value === library.module &&
        (wanted === 'module' || library.moduleIsFactory)
      );
    }
    if (
      specifier.parent?.type !== AST_NODE_TYPES.ImportDeclaration ||
      specifier.parent.source.value !== library.module
    )
      return false;
    if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier)
      return wanted === 'module' || library.moduleIsFactory;
    if (wanted === 'module') return false;
    if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return library.moduleIsFactory;
    if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) return false;
    const imported =
      specifier.imported.type === AST_NODE_TYPES.Identifier
        ? specifier.imported.name
        : specifier.imported.value;
    return isExportName(imported, library);
  }
  if (
    def.type !== 'Variable' ||
    def.node.type !== AST_NODE_TYPES.VariableDeclarator ||
    !def.node.init
  )
    return false;
  // `let`/`var` too, as long as nothing assigns it again.
  if (variable && writeReferences(variable).length > 1) return false;
  const { id, init } = def.node;
  if (id.type === AST_NODE_TYPES.Identifier) {
    return wanted === 'factory'
      ? isLibraryFactory(init, library, scopeOf, depth + 1)
      : isModuleValue(init, library, scopeOf, depth + 1);
  }
  // `const { fastifyCors } = require('@fastify/cors')`
  if (wanted !== 'factory' || id.type !== AST_NODE_TYPES.ObjectPattern) return false;
  const property = id.properties.find(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && p.value === def.name,
  );
  const key =
    property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier
      ? property.key.name
      : undefined;
  return (
    key !== undefined &&
    isExportName(key, library) &&
    isModuleValue(init, library, scopeOf, depth + 1)
  );
}

function isExportName(name: string, library: Library): boolean {
  return library.namedExports.includes(name) || (name === 'default' && library.moduleIsFactory);
}

function isRequireOf(call: TSESTree.CallExpression, module: string, scopeOf: ScopeOf): boolean {
  const callee = skipTypeWrappers(call.callee);
  const [first] = call.arguments;
  if (
    callee.type !== AST_NODE_TYPES.Identifier ||
    callee.name !== 'require' ||
    !first ||
    first.type === AST_NODE_TYPES.SpreadElement
  )
    return false;
  // A `require` declared in the file is not Node's.
  const variable = findVariable(scopeOf(callee), callee);
  if (variable && variable.defs.length > 0) return false;
  return staticPrimitive(first, scopeOf(first)) === module;
}

function unwrap(node: Node): Node {
  let expression = skipTypeWrappers(node);
  while (expression.type === AST_NODE_TYPES.AwaitExpression)
    expression = skipTypeWrappers(expression.argument);
  return expression;
}

function memberName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier)
    return member.property.name;
  return member.property.type === AST_NODE_TYPES.Literal &&
    typeof member.property.value === 'string'
    ? member.property.value
    : undefined;
}
