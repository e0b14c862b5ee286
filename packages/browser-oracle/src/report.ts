/** The oracle's record: a Markdown table per run and one summary line for the test log. */
import fs from 'node:fs';
import path from 'node:path';
import type { ScenarioResult } from './run-scenario.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

export function summaryLine(results: readonly ScenarioResult[], errored: number = 0): string {
  const agree = results.filter((result) => result.problems.length === 0).length;
  const errors = errored > 0 ? `, ${errored} could not run` : '';
  return `oracle: ${results.length + errored} scenarios, ${agree} agree, ${results.length - agree} disagree${errors}`;
}

export function renderReport(
  results: readonly ScenarioResult[],
  errors: readonly { name: string; error: string }[],
  browserVersion: string,
): string {
  const lines = [
    '# Browser oracle report',
    '',
    `Chromium ${browserVersion}, eslint-plugin-cors \`recommended\`. ${summaryLine(results, errors.length)}.`,
    '',
    '| scenario | linter verdict (rule/message (effect)) | Chromium before | after the fix | attacker before/after | agrees |',
    '| --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (result) =>
        `| ${cell(result.name)} | ${cell(result.predicted)} | ${cell(result.before)} | ${cell(result.afterFix)} | ${cell(result.attacks)} | ${result.problems.length === 0 ? 'yes' : '**no**'} |`,
    ),
    ...errors.map((error) => `| ${cell(error.name)} | — | — | — | — | **error** |`),
    '',
  ];
  const details = results.filter(
    (result) => result.fixSteps.length > 0 || result.notes.length > 0 || result.problems.length > 0,
  );
  if (details.length > 0 || errors.length > 0) lines.push('## Details', '');
  for (const result of details) {
    lines.push(`### ${result.name}`, '');
    for (const step of result.fixSteps) lines.push(`- fix applied: ${step}`);
    for (const note of result.notes) lines.push(`- note: ${note}`);
    for (const problem of result.problems) lines.push('', '```', problem, '```');
    lines.push('');
  }
  for (const error of errors) lines.push(`### ${error.name}`, '', '```', error.error, '```', '');
  return lines.join('\n');
}

export function writeReport(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
