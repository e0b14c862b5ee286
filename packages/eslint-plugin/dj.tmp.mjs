import { Linter } from 'eslint';
import plugin from './dist/index.js';
const linter = new Linter();
const [rule, code] = process.argv.slice(2);
const cfg = [{ files: ['**/*.py'], plugins: { cors: plugin }, language: 'cors/django-settings', rules: { [`cors/${rule}`]: 'error' } }];
const msgs = linter.verify(code, cfg, 'settings.py');
for (const m of msgs) { console.log(m.line+':'+m.column+'-'+m.endLine+':'+m.endColumn, m.messageId, m.message.slice(0,140)); if (m.fix) console.log('  fix', JSON.stringify(m.fix)); for (const s of m.suggestions ?? []) console.log('  sugg', s.messageId, JSON.stringify(s.desc), JSON.stringify(s.fix)); }
