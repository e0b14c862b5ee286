/**
 * Options imported from another file of the project (`import { corsOptions } from '../cors-options'`):
 * the object the import names, read in its own file through `values/imports.ts`, and its policy's
 * handles moved to the local use: findings are reported there, where no fix can edit the other file.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ListValue, OriginSetting, Setting } from 'cors-lint-core';
import type { MiddlewarePolicy } from './cors-package.js';
import { resolveImportedExpression, type LintedFile } from '../values/imports.js';
import type { OriginReads } from '../values/request-origin.js';
import { resolveNode } from '../values/resolve.js';
import type { ScopeOf } from '../values/scope.js';

type Node = TSESTree.Node;

export type { LintedFile } from '../values/imports.js';

/** An object literal found in another file, with what reading it needs there. */
export interface ImportedObject {
  readonly object: TSESTree.ObjectExpression;
  readonly scopeOf: ScopeOf;
  readonly reads: OriginReads;
}

/** The object an identifier of the linted file imports from a project file, if it is a constant object literal there. */
export function resolveImportedObject(
  identifier: TSESTree.Identifier,
  scopeOf: ScopeOf,
  file: LintedFile,
): ImportedObject | undefined {
  const imported = resolveImportedExpression(identifier, scopeOf, file);
  const object =
    imported && resolveNode(imported.expression, imported.scopeOf(imported.expression));
  if (!imported || object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  return { object, scopeOf: imported.scopeOf, reads: imported.reads };
}

/**
 * The same policy with every handle moved to `local` (the use in the linted file): findings are
 * reported there, and no fix can reach into the other file.
 */
export function relocateHandles(policy: MiddlewarePolicy, local: Node): MiddlewarePolicy {
  const setting = <T>(value: Setting<T, Node>): Setting<T, Node> =>
    value.kind === 'known' || value.kind === 'unknown' ? { ...value, at: local } : value;
  const list = (value: Setting<ListValue<Node>, Node>): Setting<ListValue<Node>, Node> =>
    value.kind === 'known'
      ? {
          ...value,
          at: local,
          value: {
            ...value.value,
            pieces: value.value.pieces.map((piece) => ({ ...piece, at: local })),
          },
        }
      : setting(value);
  const origin: OriginSetting<Node> =
    policy.origin.kind === 'allow-list'
      ? {
          ...policy.origin,
          at: local,
          entries: policy.origin.entries.map((entry) => ({ ...entry, at: local })),
        }
      : { ...policy.origin, at: local };
  return {
    ...policy,
    optionsObject: undefined,
    origin,
    credentials: setting(policy.credentials),
    allowMethods: list(policy.allowMethods),
    allowHeaders: list(policy.allowHeaders),
    exposeHeaders: list(policy.exposeHeaders),
    maxAge: setting(policy.maxAge),
  };
}
