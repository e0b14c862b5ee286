import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sarif from '@microsoft/eslint-formatter-sarif';
import { rulesMeta } from './lint-config.js';
import { asEslintResult, linted, skipped, unaudited, type AuditReport } from './results.js';

interface SarifLog {
  runs: { invocations?: Record<string, unknown>[] }[];
}

/**
 * SARIF 2.1.0 for code-scanning uploads: the findings as Microsoft's ESLint formatter writes them,
 * and one tool execution notification per file that could not be audited (level error: a file
 * nobody checked is not a pass) or was skipped as generated (level note).
 */
export function formatSarif(report: AuditReport, cwd: string): string {
  const log = JSON.parse(
    sarif(linted(report).map(asEslintResult), { cwd, rulesMeta: rulesMeta() }),
  ) as SarifLog;
  const location = (filePath: string, line?: number, column?: number) => ({
    physicalLocation: {
      artifactLocation: { uri: pathToFileURL(path.resolve(cwd, filePath)).href },
      ...(line === undefined ? {} : { region: { startLine: line, startColumn: column ?? 1 } }),
    },
  });
  const notifications = [
    ...unaudited(report).map((file) => ({
      level: 'error',
      message: { text: `Not audited: ${file.reason}` },
      locations: [location(file.filePath, file.line, file.column)],
    })),
    ...skipped(report).map((file) => ({
      level: 'note',
      message: { text: `Skipped as generated or minified: ${file.reason}` },
      locations: [location(file.filePath)],
    })),
    ...(report.fixes?.failed ?? []).map((failure) => ({
      level: 'error',
      message: { text: `Fixes not written: ${failure.reason}` },
      locations: [location(failure.filePath)],
    })),
  ];
  const [run] = log.runs;
  if (run) {
    const invocation = run.invocations?.[0] ?? {};
    const earlier = Array.isArray(invocation['toolExecutionNotifications'])
      ? (invocation['toolExecutionNotifications'] as unknown[])
      : [];
    run.invocations = [
      {
        ...invocation,
        executionSuccessful: notifications.every((notification) => notification.level !== 'error'),
        toolExecutionNotifications: [...earlier, ...notifications],
      },
    ];
  }
  return `${JSON.stringify(log, null, 2)}\n`;
}
