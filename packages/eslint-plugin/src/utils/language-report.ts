/**
 * What the plugin's text languages (nginx, Django settings) share on a rule's side: the file being
 * linted as their fixers see it, and reporting core findings on its nodes with their fixes. Each
 * language's `*-report.ts` adds its model and listener; its `*-fixers.ts` turns fix intents into text.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { Finding, FixIntent } from 'cors-lint-core';
import type { NodeBase } from '../languages/shared/tree.js';

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
  return { text: sourceCode.text, ast: sourceCode.ast, getParent: (node) => sourceCode.getParent(node) };
}

export type FindingReport<Node> = (findings: readonly Finding<Node>[]) => void;

/** A language's fixer: a fix intent → an ESLint fix function, or undefined where it writes nothing. */
export type FixFromIntent<Node, File> = (intent: FixIntent<Node>, file: File) => ((fixer: TSESLint.RuleFixer) => unknown) | undefined;

/**
 * Reports findings on a text language's nodes; a node shared by several policies (nginx's places a
 * response is made, Python's `if` branches) is reported once per message.
 */
export function createLanguageReporter<Node extends NodeBase<string>, File>(context: AnyRuleContext, file: File, fixFromIntent: FixFromIntent<Node, File>): FindingReport<Node> {
  const seen = new Set<string>();
  return (findings) => {
    for (const finding of findings) {
      const key = `${finding.at.range[0]}:${finding.at.range[1]}:${finding.messageId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const fix = finding.fix && fixFromIntent(finding.fix, file);
      const suggest = (finding.suggestions ?? []).flatMap((suggestion) => {
        const suggestionFix = fixFromIntent(suggestion.fix, file);
        return suggestionFix ? [{ messageId: suggestion.messageId, data: suggestion.data ?? {}, fix: suggestionFix }] : [];
      });
      context.report({
        loc: finding.at.loc,
        messageId: finding.messageId,
        data: finding.data,
        ...(fix ? { fix } : {}),
        ...(suggest.length > 0 ? { suggest } : {}),
      } as unknown as Parameters<AnyRuleContext['report']>[0]);
    }
  };
}
