import type { ESLint, Linter } from 'eslint';
import type { Unreadable } from './collect-files.js';
import type { FileOutcome } from './lint-file.js';
import type { FixReport } from './write-fixes.js';

/** Everything an audit found out, for the formatters and the exit code. */
export interface AuditReport {
  /** Every file read, in path order: linted, skipped as generated, or not audited. */
  readonly files: readonly FileOutcome[];
  /** What `--fix` wrote and could not write. */
  readonly fixes: FixReport | undefined;
}

export type LintedFile = Extract<FileOutcome, { status: 'linted' }>;
export type UnauditedFile = Extract<FileOutcome, { status: 'unaudited' }>;
export type SkippedFile = Extract<FileOutcome, { status: 'skipped' }>;

export const linted = (report: AuditReport): LintedFile[] =>
  report.files.filter((file): file is LintedFile => file.status === 'linted');
export const unaudited = (report: AuditReport): UnauditedFile[] =>
  report.files.filter((file): file is UnauditedFile => file.status === 'unaudited');
export const skipped = (report: AuditReport): SkippedFile[] =>
  report.files.filter((file): file is SkippedFile => file.status === 'skipped');

export function asOutcomes(unreadable: readonly Unreadable[]): FileOutcome[] {
  return unreadable.map(({ filePath, reason }) => ({ status: 'unaudited', filePath, reason }));
}

/**
 * Exit codes: 2 when fixes could not be written (a usage or internal error exits 2 as well), 1 when
 * CORS problems were found, 3 when none were but a file could not be audited (a file nobody checked
 * is not a pass), 0 otherwise.
 */
export function exitCode(report: AuditReport): number {
  if ((report.fixes?.failed.length ?? 0) > 0) return 2;
  if (linted(report).some((file) => file.findings.length > 0)) return 1;
  if (unaudited(report).length > 0) return 3;
  return 0;
}

/** ESLint's result shape for a linted file (SARIF's formatter reads it). */
export function asEslintResult(file: LintedFile): ESLint.LintResult {
  const count = (severity: number, fixable = false) =>
    file.findings.filter(
      (m: Linter.LintMessage) => m.severity === severity && (!fixable || m.fix !== undefined),
    ).length;
  return {
    filePath: file.filePath,
    messages: [...file.findings],
    suppressedMessages: [],
    errorCount: count(2),
    warningCount: count(1),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
    fatalErrorCount: 0,
    usedDeprecatedRules: [],
  };
}
