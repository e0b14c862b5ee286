/** Reports one contract rule's share of the file's cross-file findings (project-contract.ts). */
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
