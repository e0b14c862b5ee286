import path from 'node:path';
import { linted, skipped, unaudited, type AuditReport } from './results.js';

/**
 * A stable, documented shape for scripts: files with findings or that could not be audited, paths
 * relative to the working folder with `/` separators, 1-based lines and columns.
 */
interface JsonFile {
  readonly file: string;
  readonly notAudited?: {
    readonly reason: string;
    readonly line?: number;
    readonly column?: number;
  };
  readonly notes?: readonly {
    readonly message: string;
    readonly line: number;
    readonly column: number;
  }[];
  readonly findings: readonly unknown[];
}

export function formatJson(report: AuditReport, cwd: string): string {
  const relative = (filePath: string) => path.relative(cwd, filePath).split(path.sep).join('/');
  const files = report.files.flatMap((file): JsonFile[] => {
    if (file.status === 'unaudited')
      return [
        {
          file: relative(file.filePath),
          notAudited: {
            reason: file.reason,
            ...(file.line === undefined ? {} : { line: file.line, column: file.column }),
          },
          findings: [],
        },
      ];
    if (file.status !== 'linted' || (file.findings.length === 0 && file.notes.length === 0))
      return [];
    return [
      {
        file: relative(file.filePath),
        ...(file.notes.length > 0
          ? {
              notes: file.notes.map((note) => ({
                message: note.message,
                line: note.line,
                column: note.column,
              })),
            }
          : {}),
        findings: file.findings.map((message) => ({
          rule: message.ruleId,
          severity: message.severity === 2 ? 'error' : 'warning',
          message: message.message,
          line: message.line,
          column: message.column,
          endLine: message.endLine,
          endColumn: message.endColumn,
          fixable: message.fix !== undefined,
          suggestions: (message.suggestions ?? []).map((suggestion) => suggestion.desc),
        })),
      },
    ];
  });
  const findings = files.reduce((sum, file) => sum + file.findings.length, 0);
  const json = {
    files,
    ...(skipped(report).length > 0
      ? {
          skipped: skipped(report).map((file) => ({
            file: relative(file.filePath),
            reason: file.reason,
          })),
        }
      : {}),
    ...(report.fixes
      ? {
          fixes: {
            written: report.fixes.written.map(relative),
            failed: report.fixes.failed.map((failure) => ({
              file: relative(failure.filePath),
              reason: failure.reason,
            })),
          },
        }
      : {}),
    summary: {
      filesLinted: linted(report).length,
      filesWithFindings: files.filter((file) => file.findings.length > 0).length,
      findings,
      filesNotAudited: unaudited(report).length,
      filesSkipped: skipped(report).length,
    },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
