// Lints a corpus of real Django settings modules kept outside the repository (see README.md) with the
// `all` config's Django block, and prints one JSON line per finding, parse error or crash.
// usage: node bench/django-settings/lint-corpus.mjs <corpus-dir>   (run `npx tsc -b` first)
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import plugin from '../../packages/eslint-plugin/dist/index.js';

const root = path.resolve(process.argv[2] ?? '/work/scratch/django-settings');
const manifest = fs
  .readFileSync(path.join(root, 'MANIFEST.tsv'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split('\t'));
const config = [{ ...plugin.configs.all[2], files: ['**/*.py'] }];
const linter = new Linter({ cwd: root });
const summary = { files: 0, corsFiles: 0, parseErrors: 0, crashes: 0, findings: 0 };
for (const [repo, commit, file, cors] of manifest) {
  const text = fs.readFileSync(path.join(root, repo, file), 'utf8');
  summary.files += 1;
  if (Number(cors) > 0) summary.corsFiles += 1;
  let messages;
  try {
    messages = linter.verify(text, config, { filename: path.join(root, repo, file) });
  } catch (error) {
    summary.crashes += 1;
    console.log(JSON.stringify({ repo, commit, file, crash: String(error).split('\n')[0] }));
    continue;
  }
  for (const message of messages) {
    if (message.fatal) summary.parseErrors += 1;
    else summary.findings += 1;
    console.log(
      JSON.stringify({
        repo,
        commit,
        file,
        line: message.line,
        column: message.column,
        rule: message.ruleId,
        messageId: message.messageId,
        fatal: message.fatal ?? false,
        text: text
          .split(/\r\n|[\r\n]/)
          [message.line - 1]?.trim()
          .slice(0, 160),
        message: message.message.split('. ')[0],
      }),
    );
  }
}
console.log(JSON.stringify({ summary }));
