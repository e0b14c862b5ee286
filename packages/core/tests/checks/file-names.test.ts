/**
 * Core's check files are named after the rule that uses them (`checks/<rule>.ts`, as `pnpm new-rule`
 * writes them), so a rule's decision is found from its name. A file that exports no `check…` is a
 * helper the checks share; a file whose checks serve several rules is listed here with them.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleMessages } from '../../src/index.js';

const CHECKS = fileURLToPath(new URL('../../src/checks/', import.meta.url));

/** Files whose checks serve several rules: named after what the rules share. */
const SHARED: Record<string, readonly string[]> = {
  'django-settings': [
    'require-django-cors-middleware',
    'no-dead-django-cors-setting',
    'valid-django-allowed-origins',
  ],
  'permissive-origin': ['no-permissive-origin', 'no-permissive-local-server'],
};

const files = fs
  .readdirSync(CHECKS)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({
    stem: name.slice(0, -'.ts'.length),
    text: fs.readFileSync(`${CHECKS}${name}`, 'utf8'),
  }));

describe('core/src/checks/', () => {
  it('names each file that exports a check after its rule', () => {
    const withChecks = files
      .filter(({ text }) => /^export function check[A-Z]/m.test(text))
      .map(({ stem }) => stem);
    expect(withChecks.length).toBeGreaterThan(15);
    const rules = Object.keys(ruleMessages);
    expect(withChecks.filter((stem) => !rules.includes(stem) && !(stem in SHARED))).toEqual([]);
  });

  it('lists only shared files that exist, for rules that exist and have no file of their own', () => {
    for (const [stem, rules] of Object.entries(SHARED)) {
      expect(files.map((file) => file.stem)).toContain(stem);
      for (const rule of rules) {
        expect(Object.keys(ruleMessages)).toContain(rule);
        expect(files.map((file) => file.stem)).not.toContain(rule);
      }
    }
  });
});
