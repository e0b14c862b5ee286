/**
 * What the plugin's text languages (nginx, Django settings) share on a rule's side: the file being
 * linted as their fixers see it, and reporting core findings on its nodes with their fixes. Each
 * language's `*-report.ts` adds its model and listener; its `*-fixers.ts` turns fix intents into text.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { Finding, FixIntent } from 'cors-lint-core';
import type { NodeBase } from '../languages/shared/tree.js';
import type { Edit, Reporting } from './report.js';
import { reportFindings } from './report.js';

export type AnyRuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The file being linted: its text, its tree, and parents. */
export interface LanguageFile<Root, Node> {
  readonly text: string;
  readonly ast: Root;
  getParent(node: Node): Node | undefined;
}

/** The linted file of a text language (its SourceCode is a `HashCommentSourceCode`). */
export function languageFileOf<Root, Node>(context: AnyRuleContext): LanguageFile<Root, Node> {
  const sourceCode = context.sourceCode as unknown as LanguageFile<Root, Node>;
  return {
    text: sourceCode.text,
    ast: sourceCode.ast,
    getParent: (node) => sourceCode.getParent(node),
  };
}

export type FindingReport<Node> = (findings: readonly Finding<Node>[]) => void;

/** A language's fixer: a fix intent → an ESLint fix function, or undefined where it writes nothing. */
export type FixFromIntent<Node, File> = (intent: FixIntent<Node>, file: File) => Edit | undefined;

/**
 * Reports findings on a text language's nodes; a node shared by several policies (nginx's places a
 * response is made, Python's `if` branches) is reported once per message.
 */
export function createLanguageReporter<Node extends NodeBase<string>, File>(
  context: AnyRuleContext,
  file: File,
  fixFromIntent: FixFromIntent<Node, File>,
): FindingReport<Node> {
  const seen = new Set<string>();
  const reporting: Reporting<Node> = {
    place: (at) => ({ where: { loc: at.loc }, range: at.range }),
    edit: (intent) => fixFromIntent(intent, file),
  };
  return (findings) => reportFindings(context, seen, findings, reporting);
}
