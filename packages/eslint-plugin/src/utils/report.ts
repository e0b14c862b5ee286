import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Finding } from 'cors-lint-core';
import type { ExtractedPolicy } from './cors-context.js';
import { fixFromIntent, fixFromRequestIntent, removesCodeThatRuns, valueNodeOf } from './fixers.js';

/**
 * Reports core findings through ESLint. A value shared by several policies (one header written once,
 * read by two responses' policies) is reported once.
 */
export function createReporter<MessageIds extends string>(context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>) {
  const seen = new Set<string>();
  return (policy: ExtractedPolicy, findings: readonly Finding<TSESTree.Node>[]): void => {
    for (const finding of findings) {
      const node = valueNodeOf(finding.at) ?? finding.at;
      const key = `${node.range[0]}:${node.range[1]}:${finding.messageId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const fix = finding.fix && fixFromIntent(finding.fix, policy, context.sourceCode);
      const suggest = (finding.suggestions ?? []).flatMap((suggestion) => {
        const suggestionFix = fixFromIntent(suggestion.fix, policy, context.sourceCode);
        return suggestionFix ? [{ messageId: suggestion.messageId as MessageIds, data: suggestion.data ?? {}, fix: suggestionFix }] : [];
      });
      context.report({
        node,
        messageId: finding.messageId as MessageIds,
        data: finding.data,
        ...(fix ? { fix } : {}),
        ...(suggest.length > 0 ? { suggest } : {}),
      });
    }
  };
}

/** Reports findings on client requests; a write shared by two requests (one options constant) is reported once. */
export function createRequestReporter<MessageIds extends string>(context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>) {
  const seen = new Set<string>();
  return (findings: readonly Finding<TSESTree.Node>[]): void => {
    for (const finding of findings) {
      // Two findings at one node differ by their data (two dropped headers taken through one `headers` option).
      const key = `${finding.at.range[0]}:${finding.at.range[1]}:${finding.messageId}:${JSON.stringify(finding.data ?? {})}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // An autofix must keep behaviour: deleting code that runs something (`{ Cookie: track() }`) is left to a suggestion.
      const fix = finding.fix && !removesCodeThatRuns(finding.fix, context.sourceCode) ? fixFromRequestIntent(finding.fix, context.sourceCode) : undefined;
      // A suggestion that repeats the autofix is shown only where the autofix is withheld.
      const suggestions = (finding.suggestions ?? []).filter((suggestion) => !fix || suggestion.fix !== finding.fix);
      const suggest = suggestions.flatMap((suggestion) => {
        const suggestionFix = fixFromRequestIntent(suggestion.fix, context.sourceCode);
        return suggestionFix ? [{ messageId: suggestion.messageId as MessageIds, data: suggestion.data ?? {}, fix: suggestionFix }] : [];
      });
      context.report({
        node: finding.at,
        messageId: finding.messageId as MessageIds,
        data: finding.data,
        ...(fix ? { fix } : {}),
        ...(suggest.length > 0 ? { suggest } : {}),
      });
    }
  };
}
