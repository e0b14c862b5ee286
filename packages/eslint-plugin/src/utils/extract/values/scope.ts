import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** The innermost scope of a node: every extractor resolves identifiers where they are written. */
export type ScopeOf = (node: TSESTree.Node) => TSESLint.Scope.Scope;
