import type { ESLint, Linter } from 'eslint';

/** One file's audit: the plugin's findings, and the parse error that stopped it, if any. */
export interface AuditResult {
  readonly filePath: string;
  readonly findings: readonly Linter.LintMessage[];
  readonly parseError: Linter.LintMessage | undefined;
  /** The result as ESLint gave it, restricted to the findings (for formatters that take ESLint's shape). */
  readonly eslintResult: ESLint.LintResult;
}

const isCors = (message: Linter.LintMessage): boolean => message.ruleId?.startsWith('cors/') === true;

/**
 * Only the plugin's messages count: an inline `/* eslint some-other-rule: … *\/` comment names a
 * rule this run does not load, and that is not the audited code's problem.
 */
export function corsOnly(results: readonly ESLint.LintResult[]): AuditResult[] {
  return results.map((result) => {
    const findings = result.messages.filter(isCors);
    const parseError = result.messages.find((message) => message.fatal === true);
    const count = (severity: number, fixable = false) => findings.filter((m) => m.severity === severity && (!fixable || m.fix !== undefined)).length;
    const eslintResult: ESLint.LintResult = {
      ...result,
      messages: parseError ? [...findings, parseError] : [...findings],
      errorCount: count(2) + (parseError ? 1 : 0),
      warningCount: count(1),
      fixableErrorCount: count(2, true),
      fixableWarningCount: count(1, true),
      fatalErrorCount: parseError ? 1 : 0,
    };
    return { filePath: result.filePath, findings, parseError, eslintResult };
  });
}
