import { Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import plugin from './dist/index.js';
import * as tsParser from '@typescript-eslint/parser';
const [rule, file] = process.argv.slice(2);
const code = readFileSync(file, 'utf8');
const linter = new Linter();
const rules = rule === 'all' ? plugin.configs.all.rules : { ['cors/' + rule]: 'error' };
const messages = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { cors: plugin }, rules }], 'x.ts');
const apply = (fix) => code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
for (const m of messages) {
  console.log(`--- ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} [${m.messageId}] ${m.message}`);
  if (m.fix) console.log('FIX>>>' + apply(m.fix) + '<<<');
  for (const s of m.suggestions ?? []) console.log(`SUGG ${s.messageId} ${s.desc}>>>` + apply(s.fix) + '<<<');
}
