import type { ESLint } from 'eslint';
import sarif from '@microsoft/eslint-formatter-sarif';
import type { AuditResult } from './results.js';

/** SARIF 2.1.0 for code-scanning uploads, written by Microsoft's ESLint formatter. */
export function formatSarif(results: readonly AuditResult[], eslint: ESLint, cwd: string): string {
  const eslintResults = results.map((result) => result.eslintResult);
  return `${sarif(eslintResults, { cwd, rulesMeta: eslint.getRulesMetaForResults(eslintResults) })}\n`;
}
