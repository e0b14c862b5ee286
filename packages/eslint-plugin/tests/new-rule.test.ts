/**
 * `pnpm new-rule` (scripts/new-rule.mjs), run on a temporary folder holding copies of the five files it
 * edits (`--root`, `--no-docs`): the files it writes, where it adds the rule, and what it refuses. That the
 * generated rule builds, lints and passes its tests is checked by generating one in the repository
 * (CONTRIBUTING.md, "A rule, end to end").
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SCRIPT = path.join(REPO, 'scripts', 'new-rule.mjs');
/** The files the generator edits; it creates every other one. */
const EDITED = [
  'packages/core/src/index.ts',
  'packages/core/src/messages/catalog.ts',
  'packages/eslint-plugin/src/rules/index.ts',
  'packages/eslint-plugin/src/configs.ts',
  'packages/eslint-plugin/tests/index.test.ts',
];
const NAME = 'no-example-origin';
const realBefore = EDITED.map((file) => fs.readFileSync(path.join(REPO, file), 'utf8'));

let root = '';
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

function generate(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args, '--root', root, '--no-docs'], {
    encoding: 'utf8',
  });
}

/** Every file under the temporary root, by relative path, with its text. */
function snapshot(dir = root): Record<string, string> {
  return Object.fromEntries(
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory()
        ? Object.entries(snapshot(full))
        : [[path.relative(root, full), fs.readFileSync(full, 'utf8')]];
    }),
  );
}

/** Whether `after` is `before` with lines inserted and none changed or removed. */
function onlyInserts(before: string, after: string): boolean {
  const old = before.split('\n');
  let next = 0;
  for (const line of after.split('\n')) if (line === old[next]) next++;
  return next === old.length;
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'new-rule-'));
  for (const file of EDITED) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.copyFileSync(path.join(REPO, file), path.join(root, file));
  }
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

afterAll(() => {
  // The generator only ever wrote under the temporary roots.
  expect(EDITED.map((file) => fs.readFileSync(path.join(REPO, file), 'utf8'))).toEqual(realBefore);
  expect(fs.existsSync(path.join(REPO, 'packages/eslint-plugin/src/rules', `${NAME}.ts`))).toBe(
    false,
  );
});

describe('pnpm new-rule', () => {
  it('writes the check, rule, test, page, sample and scenario, and adds a strict rule to each list', () => {
    const result = generate(NAME);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    expect(Object.keys(snapshot()).sort()).toEqual(
      [
        ...EDITED,
        `packages/core/src/checks/${NAME}.ts`,
        `packages/eslint-plugin/docs/rules/${NAME}.md`,
        `packages/eslint-plugin/src/rules/${NAME}.ts`,
        `packages/eslint-plugin/tests/rules/${NAME}.test.ts`,
        `test-fixtures/express/${NAME}.js`,
        `test-fixtures/scenarios/strict-${NAME}/client.js`,
        `test-fixtures/scenarios/strict-${NAME}/scenario.json`,
        `test-fixtures/scenarios/strict-${NAME}/server.js`,
      ].sort(),
    );
    expect(read(`packages/core/src/checks/${NAME}.ts`)).toContain(
      'export function checkNoExampleOrigin<H>(policy: CorsPolicy<H>): Finding<H>[] {',
    );
    const rule = read(`packages/eslint-plugin/src/rules/${NAME}.ts`);
    expect(rule).toContain(`name: '${NAME}',`);
    expect(rule).toContain("description: 'Disallow example origin',");
    expect(rule).toContain("recommended: 'strict',");
    expect(rule).toContain(`messages: messagesFor('${NAME}'),`);
    // `app.use(cors({ origin: '` is 23 characters: the literal starts at column 24.
    // Compared with whitespace collapsed: the generator writes in the repository's Prettier style.
    expect(
      read(`packages/eslint-plugin/tests/rules/${NAME}.test.ts`).replace(/\s+/g, ' '),
    ).toContain(
      `errors: [ { messageId: 'reservedOrigin', data: { value: 'https://${NAME}.invalid' }, line: 3, column: 24, endLine: 3, endColumn: 59, }, ]`,
    );
    const page = read(`packages/eslint-plugin/docs/rules/${NAME}.md`);
    expect(page.split('\n').filter((line) => line.startsWith('## '))).toEqual([
      '## Examples',
      '## Options',
      '## When Not To Use It',
      '## Further Reading',
    ]);
    expect(page).toContain('<!-- end auto-generated rule header -->');
    expect(JSON.parse(read(`test-fixtures/scenarios/strict-${NAME}/scenario.json`))).toEqual({
      rules: [NAME],
    });
    expect(read(`test-fixtures/scenarios/strict-${NAME}/server.js`)).toContain(
      `app.use(cors({ origin: 'https://${NAME}.invalid' }));`,
    );

    for (const [index, file] of EDITED.entries())
      expect(
        onlyInserts(realBefore[index] ?? '', read(file)),
        `${file} was changed, not added to`,
      ).toBe(true);
    expect(read('packages/core/src/index.ts')).toContain(
      `export { checkNoExampleOrigin } from './checks/${NAME}.js';\n`,
    );
    expect(read('packages/core/src/messages/catalog.ts')).toMatch(
      new RegExp(
        `\n  '${NAME}': \\{\n    reservedOrigin: failing\\(\\s*".+",\\s*'allow-origin-mismatch',?\\s*\\),\n  \\},\n\\} as const satisfies`,
      ),
    );
    const index = read('packages/eslint-plugin/src/rules/index.ts');
    expect(index).toContain(
      `import noDuplicateAllowOrigin from './no-duplicate-allow-origin.js';\nimport noExampleOrigin from './${NAME}.js';\nimport noForbiddenRequestHeader`,
    );
    expect(index).toContain(
      `  'no-duplicate-allow-origin': noDuplicateAllowOrigin,\n  '${NAME}': noExampleOrigin,\n  'no-forbidden-request-header'`,
    );
    expect(read('packages/eslint-plugin/src/configs.ts')).toContain(
      `  'no-duplicate-allow-origin': 'error',\n  '${NAME}': 'error',\n  'no-forbidden-request-header'`,
    );
    const configsTest = read('packages/eslint-plugin/tests/index.test.ts');
    expect(configsTest).toMatch(
      new RegExp(`const EXPECTED_RULES[^;]*\n  'cors/${NAME}': \\[null, 'error', 'error'\\],\n`),
    );
    expect(configsTest).toMatch(
      new RegExp(`const EXPECTED_NGINX_RULES[^;]*\n  'cors/${NAME}': \\[null, 'off', 'off'\\],\n`),
    );
    expect(configsTest.split(`'cors/${NAME}'`).length - 1).toBe(2);
  });

  it('puts a --config recommended rule in every config, off for nginx through JS_ONLY_OFF', () => {
    expect(generate(NAME, '--config', 'recommended').status).toBe(0);
    expect(read(`packages/eslint-plugin/src/rules/${NAME}.ts`)).toContain(
      "recommended: 'recommended',",
    );
    expect(fs.existsSync(path.join(root, `test-fixtures/scenarios/${NAME}/scenario.json`))).toBe(
      true,
    );
    const configsTest = read('packages/eslint-plugin/tests/index.test.ts');
    expect(configsTest).toMatch(
      new RegExp(`const EXPECTED_RULES[^;]*\n  'cors/${NAME}': \\['error', 'error', 'error'\\],\n`),
    );
    expect(configsTest.split(`'cors/${NAME}'`).length - 1).toBe(2);
    expect(configsTest).toMatch(
      new RegExp(`const JS_ONLY_OFF = \\{[^}]*\n  'cors/${NAME}': 'off',\n`),
    );
  });

  it('refuses a rule that exists, a second run and bad arguments, writing nothing', () => {
    const pristine = snapshot();
    const existing = generate('no-null-origin');
    expect(existing.status).toBe(1);
    expect(existing.stderr).toMatch(/the rule no-null-origin already exists/);
    for (const args of [
      ['NoExample'],
      ['example-origin'],
      ['no-'],
      ['no_example'],
      ['no-example--origin'],
      [NAME, '--config', 'none'],
      [NAME, 'extra'],
      [],
    ]) {
      const result = generate(...args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toMatch(/^new-rule: /);
    }
    expect(snapshot()).toEqual(pristine);

    expect(generate(NAME).status).toBe(0);
    const once = snapshot();
    const again = generate(NAME);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(snapshot()).toEqual(once);
  });

  it('never overwrites a file: one that exists stops it before anything is written', () => {
    const page = path.join(root, `packages/eslint-plugin/docs/rules/${NAME}.md`);
    fs.mkdirSync(path.dirname(page), { recursive: true });
    fs.writeFileSync(page, 'my own page\n');
    const pristine = snapshot();
    const result = generate(NAME);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `refusing to overwrite: packages/eslint-plugin/docs/rules/${NAME}.md`,
    );
    expect(snapshot()).toEqual(pristine);
  });
});
