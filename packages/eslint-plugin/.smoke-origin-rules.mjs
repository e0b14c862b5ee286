import { Linter } from 'eslint';
import fs from 'node:fs';
import plugin from './dist/index.js';
import * as tsParser from '@typescript-eslint/parser';
const arg = process.argv[2];
const code = fs.existsSync(arg) ? fs.readFileSync(arg, 'utf8') : arg;
const linter = new Linter();
const messages = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { cors: plugin }, rules: plugin.configs.all.rules }], 'x.ts');
for (const m of messages) console.log(`${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.message.slice(0,200)}${m.fix? ' FIX='+JSON.stringify(m.fix.text):''}${m.suggestions? ' SUGG='+JSON.stringify(m.suggestions.map(s=>s.desc+' => '+s.fix.text)):''}`);
