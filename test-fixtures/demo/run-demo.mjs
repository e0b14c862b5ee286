#!/usr/bin/env node
/**
 * Lints the demo app with its own config and prints what eslint-plugin-cors finds.
 *
 * The demo exists to show findings, so lint problems do not fail this script. Anything else does:
 * a crash (ESLint's CLI would exit 2), a file that does not parse, or a demo with no findings at
 * all (which would mean the plugin silently stopped working).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const demoDir = path.dirname(fileURLToPath(import.meta.url));

async function main() {
  const eslint = new ESLint({ cwd: demoDir, overrideConfigFile: path.join(demoDir, 'eslint.config.js') });
  const results = await eslint.lintFiles(['.']);
  const formatter = await eslint.loadFormatter('stylish');
  process.stdout.write(await formatter.format(results));

  const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal).map((message) => `${path.relative(demoDir, result.filePath)}:${message.line}:${message.column} ${message.message}`));
  if (fatal.length > 0) throw new Error(`the demo has files ESLint could not parse:\n  ${fatal.join('\n  ')}`);
  const problems = results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
  if (problems === 0) throw new Error('eslint-plugin-cors reported nothing on the demo: the demo exists to show findings, so something is broken.');
  console.log(`Demo: ${problems} CORS problem(s) in ${results.filter((result) => result.messages.length > 0).length} of ${results.length} file(s). They are deliberate; see test-fixtures/README.md.`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
