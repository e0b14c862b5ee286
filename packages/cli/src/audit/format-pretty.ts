import path from 'node:path';
import type { Io } from '../output.js';
import { painter } from '../output.js';
import { linted, skipped, unaudited, type AuditReport } from './results.js';

/**
 * Grouped by file, one finding per block: where, the rule, and the message, which already says what
 * breaks and quotes the Chrome and Firefox console text. Files that could not be audited are listed
 * with the reason, never left out, and so are the files skipped as generated and what `--fix` wrote.
 */
export function formatPretty(report: AuditReport, io: Io): string {
  const paint = painter(io.stdout);
  const relative = (filePath: string) => path.relative(io.cwd, filePath) || filePath;
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  let filesWithFindings = 0;
  for (const file of report.files) {
    if (file.status === 'skipped') continue;
    if (file.status === 'unaudited') {
      out.push(paint('underline', relative(file.filePath)));
      const where = file.line === undefined ? '' : `${file.line}:${file.column ?? 0}  `;
      out.push(
        `  ${where}${paint('yellow', 'not audited')}  ${file.reason} (no CORS rule ran on this file)`,
        '',
      );
      continue;
    }
    if (file.findings.length === 0 && file.notes.length === 0) continue;
    out.push(paint('underline', relative(file.filePath)));
    for (const note of file.notes)
      out.push(
        `  ${note.line}:${note.column}  ${paint('dim', 'note')}  ${note.message} (the file was audited)`,
      );
    if (file.findings.length > 0) filesWithFindings++;
    for (const finding of file.findings) {
      const error = finding.severity === 2;
      if (error) errors++;
      else warnings++;
      if (finding.fix) fixable++;
      const severity = error ? paint('red', 'error') : paint('yellow', 'warning');
      out.push(
        `  ${finding.line}:${finding.column}  ${severity}  ${paint('bold', finding.ruleId ?? '')}${finding.fix ? paint('dim', ' (fixable with --fix)') : ''}`,
      );
      out.push(`    ${finding.message}`);
      for (const suggestion of finding.suggestions ?? [])
        out.push(paint('dim', `    suggestion: ${suggestion.desc}`));
    }
    out.push('');
  }

  const generated = skipped(report);
  if (generated.length > 0) {
    out.push(
      paint(
        'dim',
        `Skipped ${generated.length} generated or minified file(s); pass --include-generated to audit them:`,
      ),
    );
    for (const file of generated)
      out.push(paint('dim', `  ${relative(file.filePath)}  ${file.reason}`));
    out.push('');
  }
  if (report.fixes && report.fixes.written.length > 0)
    out.push(
      `Fixed ${report.fixes.written.length} file(s): ${report.fixes.written.map(relative).join(', ')}`,
    );
  if (report.fixes && report.fixes.failed.length > 0) {
    out.push(
      paint(
        'red',
        `Could not write the fixes of ${report.fixes.failed.length} file(s); they are unchanged:`,
      ),
    );
    for (const failure of report.fixes.failed)
      out.push(`  ${relative(failure.filePath)}  ${failure.reason}`);
  }

  const audited = linted(report).length;
  const total = errors + warnings;
  if (total === 0) {
    out.push(paint('green', `No CORS problems found in ${audited} file(s).`));
  } else {
    const summary = `${total} CORS problem(s) (${errors} error(s), ${warnings} warning(s)) in ${filesWithFindings} of ${audited} file(s)`;
    out.push(
      paint(errors > 0 ? 'red' : 'yellow', summary) +
        (fixable > 0 ? `; ${fixable} fixable with --fix` : ''),
    );
  }
  const notAudited = unaudited(report).length;
  if (notAudited > 0)
    out.push(
      paint('yellow', `${notAudited} file(s) could not be audited (listed above with the reason).`),
    );
  return `${out.join('\n')}\n`;
}
