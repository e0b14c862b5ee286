/**
 * Reports one contract rule's share of the file's cross-file findings (project-contract.ts):
 * `reportContract` in a listener of the rule's own, `reportContractListener` as the whole of a rule
 * that reports nothing else.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { ContractMessageId } from 'cors-lint-core';
import { contractFindings } from './project-contract.js';
import { createRequestReporter } from './report.js';

export function reportContract<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>,
  messageIds: readonly (ContractMessageId & MessageIds)[],
): void {
  const wanted = new Set<string>(messageIds);
  createRequestReporter(context)(
    contractFindings(context).filter((finding) => wanted.has(finding.messageId)),
  );
}

/** The listeners of a rule that reports only its share of the contract findings, once the file is read. */
export function reportContractListener<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>,
  messageIds: readonly (ContractMessageId & MessageIds)[],
): TSESLint.RuleListener {
  return {
    'Program:exit'() {
      reportContract(context, messageIds);
    },
  };
}
