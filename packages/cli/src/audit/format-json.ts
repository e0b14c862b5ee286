import path from 'node:path';
import type { AuditResult } from './results.js';

/**
 * A stable, documented shape for scripts: files with findings or a parse error, paths relative to
 * the working folder with `/` separators, 1-based lines and columns.
 */
export function formatJson(results: readonly AuditResult[], cwd: string): string {
  const files = results
    .filter((result) => result.findings.length > 0 || result.parseError)
    .map((result) => ({
      file: path.relative(cwd, result.filePath).split(path.sep).join('/'),
      ...(result.parseError ? { parseError: { message: result.parseError.message, line: result.parseError.line, column: result.parseError.column } } : {}),
      findings: result.findings.map((message) => ({
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
    }));
  const findings = files.reduce((sum, file) => sum + file.findings.length, 0);
  return `${JSON.stringify({ files, summary: { filesLinted: results.length, filesWithFindings: files.filter((file) => file.findings.length > 0).length, findings } }, null, 2)}\n`;
}
