import { Linter } from 'eslint';
import plugin from '/work/main/packages/eslint-plugin/dist/index.js';
import * as tsParser from '/work/main/packages/eslint-plugin/node_modules/@typescript-eslint/parser/dist/index.js';
const code = process.argv[2];
const linter = new Linter();
const messages = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { cors: plugin }, rules: plugin.configs.all.rules }], 'x.ts');
for (const m of messages) console.log(`${m.line}:${m.column} ${m.ruleId} ${m.message}${m.fix? ' FIX='+JSON.stringify(m.fix.text):''}${m.suggestions? ' SUGG='+JSON.stringify(m.suggestions.map(s=>s.desc+' => '+s.fix.text)):''}`);
