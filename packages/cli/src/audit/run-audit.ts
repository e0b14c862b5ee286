import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import type { AuditArgs } from '../args.js';
import { UsageError } from '../errors.js';
import type { Io } from '../output.js';
import { toQuery, type AuditOptionsQuery } from './eslint-options.js';
import { corsOnly, type AuditResult } from './results.js';
import { formatJson } from './format-json.js';
import { formatPretty } from './format-pretty.js';
import { formatSarif } from './format-sarif.js';

/** Lints the paths with the plugin's rules; 0 when nothing is found, 1 when something is. */
export async function runAudit(args: AuditArgs, io: Io): Promise<number> {
  for (const target of args.paths) {
    if (!fs.existsSync(path.resolve(io.cwd, target))) throw new UsageError(`no such file or folder: ${target}`);
  }
  const optionsUrl = new URL(`./eslint-options.js?${toQuery({ cwd: io.cwd, config: args.config, fix: args.fix, concurrency: args.concurrency, appOrigins: args.appOrigins })}`, import.meta.url);
  const eslint = await ESLint.fromOptionsModule(optionsUrl);

  // ESLint's API reports nothing until every file is done: on a terminal, a ticking line shows it is alive.
  const progress = io.stderr.isTTY === true;
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const ticker = progress ? setInterval(() => io.stderr.write(`\rcors-lint: linting ${args.paths.join(' ')} … ${elapsed()}`), 250) : undefined;
  let lintResults: ESLint.LintResult[];
  try {
    lintResults = await eslint.lintFiles([...args.paths]);
  } catch (error) {
    clearInterval(ticker);
    if (progress) io.stderr.write('\n');
    // ESLint's own words for "nothing to lint" are about patterns; say what it means here.
    if (error instanceof Error && /No files matching|All files matched by .* are ignored/.test(error.message)) {
      throw new UsageError(`no JavaScript or TypeScript files to audit in ${args.paths.join(', ')} (node_modules and .gitignore'd files are skipped)`);
    }
    throw error;
  }
  lintResults = await retryAsScripts(lintResults, { cwd: io.cwd, config: args.config, fix: args.fix, appOrigins: args.appOrigins });
  clearInterval(ticker);
  if (progress) io.stderr.write(`\rcors-lint: ${lintResults.length} file(s) linted in ${elapsed()}\n`);
  if (args.fix) await ESLint.outputFixes(lintResults);

  const results = corsOnly(lintResults);
  io.stdout.write(await format(args, results, eslint, io));
  return results.some((result) => result.findings.length > 0) ? 1 : 0;
}

/** `.js`/`.jsx` may be CommonJS written for sloppy mode, which does not parse as a module. */
const SCRIPT_CANDIDATE = /\.jsx?$/i;

/**
 * Lints again, as CommonJS scripts, the `.js` files that did not parse as modules (`with`, an
 * octal literal, a top-level `return`): Node runs such files as CommonJS, so they are valid code.
 * A file that fails as a script too keeps its first parse error.
 */
async function retryAsScripts(results: ESLint.LintResult[], query: Omit<AuditOptionsQuery, 'concurrency'>): Promise<ESLint.LintResult[]> {
  const failed = results.filter((result) => SCRIPT_CANDIDATE.test(result.filePath) && result.messages.some((message) => message.fatal === true));
  if (failed.length === 0) return results;
  const optionsUrl = new URL(`./eslint-options.js?${toQuery({ ...query, concurrency: 'off', script: true })}`, import.meta.url);
  const eslint = await ESLint.fromOptionsModule(optionsUrl);
  const retried = new Map((await eslint.lintFiles(failed.map((result) => result.filePath))).map((result) => [result.filePath, result]));
  return results.map((result) => {
    const again = retried.get(result.filePath);
    return again && !again.messages.some((message) => message.fatal === true) ? again : result;
  });
}

async function format(args: AuditArgs, results: AuditResult[], eslint: ESLint, io: Io): Promise<string> {
  switch (args.format) {
    case 'json':
      return formatJson(results, io.cwd);
    case 'sarif':
      return formatSarif(results, eslint, io.cwd);
    case 'pretty':
      return formatPretty(results, io);
  }
}
