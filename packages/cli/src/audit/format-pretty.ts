import path from 'node:path';
import type { Io } from '../output.js';
import { painter } from '../output.js';
import type { AuditResult } from './results.js';

/**
 * Grouped by file, one finding per block: where, the rule, and the message, which already says what
 * breaks and quotes the Chrome and Firefox console text.
 */
export function formatPretty(results: readonly AuditResult[], io: Io): string {
  const paint = painter(io.stdout);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  let files = 0;
  for (const result of results) {
    if (result.findings.length === 0 && !result.parseError) continue;
    out.push(paint('underline', path.relative(io.cwd, result.filePath) || result.filePath));
    if (result.parseError) {
      const { line, column, message } = result.parseError;
      out.push(`  ${line}:${column}  ${paint('yellow', 'not parsed')}  ${message} (no CORS rule ran on this file)`);
    }
    if (result.findings.length > 0) files++;
    for (const finding of result.findings) {
      const error = finding.severity === 2;
      if (error) errors++;
      else warnings++;
      if (finding.fix) fixable++;
      const severity = error ? paint('red', 'error') : paint('yellow', 'warning');
      out.push(`  ${finding.line}:${finding.column}  ${severity}  ${paint('bold', finding.ruleId ?? '')}${finding.fix ? paint('dim', ' (fixable with --fix)') : ''}`);
      out.push(`    ${finding.message}`);
      for (const suggestion of finding.suggestions ?? []) out.push(paint('dim', `    suggestion: ${suggestion.desc}`));
    }
    out.push('');
  }
  const total = errors + warnings;
  if (total === 0) {
    out.push(paint('green', `No CORS problems found in ${results.length} file(s).`));
  } else {
    const summary = `${total} CORS problem(s) (${errors} error(s), ${warnings} warning(s)) in ${files} of ${results.length} file(s)`;
    out.push(paint(errors > 0 ? 'red' : 'yellow', summary) + (fixable > 0 ? `; ${fixable} fixable with --fix` : ''));
  }
  return `${out.join('\n')}\n`;
}
