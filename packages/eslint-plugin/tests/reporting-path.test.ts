/**
 * One reporting path (ARCHITECTURE.md, invariant 5): rules hand findings to a reporter, and only the
 * reporter and fixer modules call `context.report` or ESLint's fixer. The repository's own lint config
 * (`eslint.config.js`) holds the source to it; these tests lint samples with that config, so the guard
 * cannot be dropped or widened without a test failing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SRC = path.join(ROOT, 'packages/eslint-plugin/src');

const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: path.join(ROOT, 'eslint.config.js') });

/** The guard's reports on `code` linted as the file `file` (relative to the repository). */
async function guardReports(code: string, file: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-syntax')
    .map(({ line, column, message }) => ({ line, column, message }));
}

const THROUGH_REPORTER = expect.stringContaining('never call `context.report`');
const THROUGH_FIX_INTENT = expect.stringContaining('give the finding a fix intent');

const DIRECT_REPORT = `import { createRule } from '../utils/create-rule.js';

export default createRule({
  name: 'sample',
  meta: { type: 'problem', docs: { description: 'A sample' }, fixable: 'code', messages: { bad: 'Bad.' }, schema: [] },
  defaultOptions: [],
  create(context) {
    const { report } = context;
    return {
      Literal(node) {
        context.report({ node, messageId: 'bad', fix: (fixer) => fixer.remove(node) });
        report({ node, messageId: 'bad' });
      },
    };
  },
});
`;

const THROUGH_A_REPORTER = `import { checkNullOrigin } from 'cors-lint-core';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { createReporter } from '../utils/report.js';

export default createRule({
  name: 'sample',
  meta: { type: 'problem', docs: { description: 'A sample' }, messages: { bad: 'Bad.' }, schema: [] },
  defaultOptions: [],
  create(context) {
    const report = createReporter(context);
    return {
      'Program:exit'() {
        for (const policy of getCorsContext(context).policies) report(policy, checkNullOrigin(policy));
      },
    };
  },
});
`;

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('one reporting path', () => {
  it('fails a rule that calls context.report or writes its own fix', async () => {
    expect(await guardReports(DIRECT_REPORT, 'packages/eslint-plugin/src/rules/sample.ts')).toEqual(
      [
        { line: 8, column: 13, message: THROUGH_REPORTER },
        { line: 11, column: 9, message: THROUGH_REPORTER },
        { line: 11, column: 55, message: THROUGH_FIX_INTENT },
        { line: 11, column: 66, message: THROUGH_FIX_INTENT },
      ],
    );
  });

  it('fails a helper beside the rules that reports directly', async () => {
    const reports = await guardReports(
      DIRECT_REPORT,
      'packages/eslint-plugin/src/rules/sample-utils/report-it.ts',
    );
    expect(reports.map(({ line }) => line)).toEqual([8, 11, 11, 11]);
  });

  it('passes a rule that hands findings to a reporter', async () => {
    expect(
      await guardReports(THROUGH_A_REPORTER, 'packages/eslint-plugin/src/rules/sample.ts'),
    ).toEqual([]);
  });

  it('exempts the reporter and fixer modules, and nothing else of the plugin source', async () => {
    const exempt: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const config = (await eslint.calculateConfigForFile(file)) as {
        rules?: Record<string, unknown>;
      };
      const guard = JSON.stringify(config.rules?.['no-restricted-syntax'] ?? []);
      if (!guard.includes("MemberExpression[property.name='report']"))
        exempt.push(path.relative(SRC, file).split(path.sep).join('/'));
    }
    expect(exempt.sort()).toEqual([
      'utils/django-fixers.ts',
      'utils/django-report.ts',
      'utils/fixers.ts',
      'utils/nginx-fixers.ts',
      'utils/nginx-report.ts',
      'utils/preflight-fixers.ts',
      'utils/report.ts',
    ]);
  });
});
