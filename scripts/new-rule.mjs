#!/usr/bin/env node
/**
 * `pnpm new-rule <name> [--config recommended|strict]`: everything a new rule needs, working from the
 * first minute, so a contributor replaces a small decision instead of wiring ten files.
 *
 * It writes the core check, the rule, its RuleTester test, its doc page, a sample and a browser-oracle scenario, and
 * adds the rule to core's exports, the message catalog, the rules index, `SEVERITY` and the configs test.
 * The generated check reports one made-up origin (`https://<name>.invalid`, a reserved name no page has) so
 * that every piece has something true to say; CONTRIBUTING.md ("A rule, end to end") says what to replace.
 * Then it runs `pnpm run docs` (the README table, the page header and SCENARIOS.md).
 *
 * Options: `--config` (default `strict`); `--root <dir>` writes under another copy of the repository
 * (the test does); `--no-docs` skips `pnpm run docs`. It refuses a name that is not a kebab-case
 * `no-…`, `require-…` or `valid-…` rule name, a rule that exists, and any file that exists: it never
 * overwrites, and it writes nothing until every edit is known to apply.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const USAGE =
  'usage: pnpm new-rule <name> [--config recommended|strict] [--root <repository>] [--no-docs]';
/** Rule names say what they ask for (ARCHITECTURE guide: `no-*` prohibitions, `require-*` requirements). */
const NAME = /^(no|require|valid)(-[a-z0-9]+)+$/;
const CONFIGS = ['recommended', 'strict'];

function fail(message) {
  console.error(`new-rule: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = {
    name: undefined,
    config: 'strict',
    root: fileURLToPath(new URL('..', import.meta.url)),
    docs: true,
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--config') options.config = argv[++index];
    else if (arg === '--root') options.root = path.resolve(argv[++index] ?? fail(USAGE));
    else if (arg === '--no-docs') options.docs = false;
    else if (arg.startsWith('-') || options.name !== undefined)
      fail(`unknown argument ${arg}\n${USAGE}`);
    else options.name = arg;
  }
  if (options.name === undefined) fail(USAGE);
  if (!NAME.test(options.name))
    fail(
      `'${options.name}' is not a rule name: kebab-case, starting with no-, require- or valid- (e.g. no-wildcard-origin-with-credentials)`,
    );
  if (!CONFIGS.includes(options.config)) {
    // Every rule is in `strict` at least: tests/index.test.ts holds each config to meta.docs.recommended.
    fail(
      `--config must be one of ${CONFIGS.join(', ')} (every rule is in strict and all at least)`,
    );
  }
  return options;
}

const pascal = (name) =>
  name.replace(/(^|-)([a-z0-9])/g, (_, _dash, letter) => letter.toUpperCase());
const camel = (name) => pascal(name).replace(/^./, (letter) => letter.toLowerCase());

/** "no-foo-bar" → "Disallow foo bar": a start the author rewrites (tests/index.test.ts wants Disallow/Require). */
function description(name) {
  const [prefix, ...words] = name.split('-');
  return (
    { no: 'Disallow', require: 'Require', valid: 'Require valid' }[prefix] + ' ' + words.join(' ')
  );
}

// ---------------------------------------------------------------------------------------------
// Edits to files that exist: each finds its place or throws, before anything is written.

/**
 * Inserts `line` into the block of one-line entries that follows `anchor` (found after `from`, when
 * given), in the alphabetical order of the entries' quoted keys; other lines (spreads, comments) stay put.
 */
function insertEntry(text, line, anchor, from = '') {
  const fromAt = text.indexOf(from);
  const start = fromAt < 0 ? -1 : text.indexOf(anchor, fromAt);
  if (start < 0) throw new Error(`cannot find \`${[from, anchor].filter(Boolean).join(' … ')}\``);
  const lines = text.slice(start).split('\n');
  const indent = /^\s*/.exec(line)[0];
  const key = (entry) => /'([^']+)'/.exec(entry)?.[1] ?? '';
  let insertAt = -1;
  let lastEntry = 0;
  for (let index = 1; index < lines.length; index++) {
    const current = lines[index];
    if (current.trim().startsWith('}')) break;
    if (!current.startsWith(`${indent}'`)) continue;
    if (key(current) > key(line)) {
      insertAt = index;
      break;
    }
    lastEntry = index;
  }
  lines.splice(insertAt >= 0 ? insertAt : lastEntry + 1, 0, line);
  return text.slice(0, start) + lines.join('\n');
}

/** Inserts `addition` just before (`before: true`) or after the line that contains `anchor`. */
function insertAtLine(text, anchor, addition, { before = false } = {}) {
  const at = text.indexOf(anchor);
  if (at < 0) throw new Error(`cannot find \`${anchor}\``);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const lineEnd = text.indexOf('\n', at) + 1;
  return before
    ? text.slice(0, lineStart) + addition + text.slice(lineStart)
    : text.slice(0, lineEnd) + addition + text.slice(lineEnd);
}

// ---------------------------------------------------------------------------------------------
// The generated files

function files({ name, config }) {
  const check = `check${pascal(name)}`;
  const origin = `https://${name}.invalid`;
  const scenario = config === 'strict' ? `strict-${name}` : name;
  const invalidLine = `app.use(cors({ origin: '${origin}' }));`;
  const column = invalidLine.indexOf(`'`) + 1;

  const created = {
    [`packages/core/src/checks/${name}.ts`]: `import type { Finding } from '../findings.js';
import type { CorsPolicy } from '../policy/cors-policy.js';

/**
 * TODO(${name}): what this check decides, and the standard it rests on (link the section).
 * Generated start: it reports the one origin '${origin}' (\`.invalid\` is reserved, RFC 2606, so no
 * page has it), which gives the rule's test, doc page and scenario something true to find. Replace it.
 */
export function ${check}<H>(policy: CorsPolicy<H>): Finding<H>[] {
  const { origin } = policy;
  if (origin.kind !== 'fixed' || origin.value !== '${origin}') return [];
  return [{ messageId: 'reservedOrigin', data: { value: origin.value }, at: origin.at }];
}
`,
    [`packages/eslint-plugin/src/rules/${name}.ts`]: `import { ${check}, messagesFor } from 'cors-lint-core';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { createReporter } from '../utils/report.js';

export type Options = [];
export type MessageIds = Extract<keyof ReturnType<typeof messagesFor<'${name}'>>, string>;

export default createRule<Options, MessageIds>({
  name: '${name}',
  meta: {
    type: 'problem',
    docs: {
      description: '${description(name)}',
      recommended: '${config}',
    },
    messages: messagesFor('${name}'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const report = createReporter(context);
    return {
      'Program:exit'() {
        for (const policy of getCorsContext(context).policies) report(policy, ${check}(policy));
      },
    };
  },
});
`,
    [`packages/eslint-plugin/tests/rules/${name}.test.ts`]: `import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/${name}.js';

const ruleTester = new RuleTester();

ruleTester.run('${name}', rule, {
  valid: [
    \`
import cors from 'cors';
app.use(cors({ origin: 'https://app.example.com' }));
\`,
  ],
  invalid: [
    {
      code: \`
import cors from 'cors';
${invalidLine}
\`,
      output: null,
      errors: [{ messageId: 'reservedOrigin', data: { value: '${origin}' }, line: 3, column: ${column}, endLine: 3, endColumn: ${column + origin.length + 2} }],
    },
  ],
});
`,
    [`packages/eslint-plugin/docs/rules/${name}.md`]: `# ${description(name)} (\`cors/${name}\`)

<!-- end auto-generated rule header -->

TODO: what the rule reports, what a browser does with it (quote the Chrome and Firefox console text) or
what an attacker gains, with links to the standard. The generated rule reports the origin
'${origin}', which no page has.

**Config:** \`${config}\`: TODO say why this config.

## Examples

❌ Incorrect

\`\`\`ts
import cors from 'cors';
import express from 'express';

const app = express();
${invalidLine}
\`\`\`

✅ Correct

\`\`\`ts
import cors from 'cors';
import express from 'express';

const app = express();
app.use(cors({ origin: 'https://app.example.com' }));
\`\`\`

## Options

This rule has no options.

## When Not To Use It

TODO: when the finding does not matter.

## Further Reading

- [Fetch standard: the CORS protocol](https://fetch.spec.whatwg.org/#http-cors-protocol)
`,
    [`test-fixtures/scenarios/${scenario}/server.js`]: `// ${name}: TODO what this server gets wrong and what Chromium shows. Generated start: cors() allows
// only '${origin}', an origin no page has, so Chromium blocks the app's request.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: '${origin}' }));

app.get('/items', (req, res) => {
  res.json([{ id: 1, name: 'Kettle' }]);
});

module.exports = app;
`,
    // A sample for tests/fixtures.test.ts, which wants every rule reported on some sample (and snapshots each).
    [`test-fixtures/express/${name}.js`]: `// ${name}: TODO a realistic app that has the problem. Generated start: cors() allows only
// '${origin}', an origin no page has.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: '${origin}' }));

app.get('/items', (req, res) => {
  res.json([{ id: 1 }]);
});

app.listen(3000);
`,
    [`test-fixtures/scenarios/${scenario}/client.js`]: `export default function request() {
  return fetch('http://api.example.test/items');
}
`,
    [`test-fixtures/scenarios/${scenario}/scenario.json`]: `${JSON.stringify({ rules: [name] }, null, 2)}\n`,
  };

  const severity = 'error';
  const configured =
    config === 'recommended' ? ['recommended', 'strict', 'all'] : ['strict', 'all'];
  const edited = {
    'packages/core/src/index.ts': (text) =>
      insertAtLine(
        text,
        '// Checks: one per rule, policy in, findings out',
        `export { ${check} } from './checks/${name}.js';\n`,
      ),
    'packages/core/src/messages/catalog.ts': (text) =>
      insertAtLine(
        text,
        '} as const satisfies Record<string, Record<string, MessageSpec>>;',
        `  // TODO(${name}): generated start. The first sentence says what breaks (at most 100 characters, placeholders filled).
  // The helper says what a browser shows: failing(text, failure) blocks with that console line (quoted after the text),
  // plain(text, effect) another effect, exposing(text) a security finding the browser allows (security: true).
  '${name}': {
    reservedOrigin: failing("No page has this origin: '{{value}}' is a reserved .invalid name. TODO: say what breaks, then why.", 'allow-origin-mismatch'),
  },
`,
        { before: true },
      ),
    'packages/eslint-plugin/src/rules/index.ts': (text) => {
      // The rule's import, in the alphabetical order of the rule imports.
      const lines = text.split('\n');
      const importLine = `import ${camel(name)} from './${name}.js';`;
      const ruleImports = lines.flatMap((line, index) =>
        /^import \w+ from '\.\/[\w-]+\.js';$/.test(line) ? [index] : [],
      );
      if (ruleImports.length === 0)
        throw new Error("cannot find the rule imports (`import x from './x.js';`)");
      const before = ruleImports.find(
        (index) =>
          lines[index].slice(lines[index].indexOf("'")) > importLine.slice(importLine.indexOf("'")),
      );
      lines.splice(before ?? ruleImports.at(-1) + 1, 0, importLine);
      return insertEntry(
        lines.join('\n'),
        `  '${name}': ${camel(name)},`,
        'export const rules = {',
      );
    },
    'packages/eslint-plugin/src/configs.ts': (text) =>
      insertEntry(
        text,
        `  '${name}': '${severity}',`,
        'const SEVERITY: Record<RuleName, Severity> = {',
      ),
    'packages/eslint-plugin/tests/index.test.ts': (text) => {
      // A row: the rule's entry in recommended, strict and all (`null`: left out).
      const row = (entry) =>
        `[${['recommended', 'strict', 'all'].map((block) => (configured.includes(block) ? `'${entry}'` : 'null')).join(', ')}]`;
      const next = insertEntry(
        text,
        `  'cors/${name}': ${row(severity)},`,
        'const EXPECTED_RULES: Record<string, ConfigRow> = {',
      );
      // A JavaScript-only rule is turned off in the nginx blocks of the configs that turn it on.
      return config === 'recommended'
        ? insertEntry(next, `  'cors/${name}': 'off',`, 'const JS_ONLY_OFF = {')
        : insertEntry(
            next,
            `  'cors/${name}': ${row('off')},`,
            'const EXPECTED_NGINX_RULES: Record<string, ConfigRow> = {',
          );
    },
  };
  return { created, edited, scenario };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const { name, root } = options;
  const at = (file) => path.join(root, file);
  const { created, edited, scenario } = files(options);

  const catalog = readFileSync(at('packages/core/src/messages/catalog.ts'), 'utf8');
  const index = readFileSync(at('packages/eslint-plugin/src/rules/index.ts'), 'utf8');
  if (catalog.includes(`\n  '${name}': {`) || index.includes(`\n  '${name}':`))
    fail(`the rule ${name} already exists (in the catalog or the rules index)`);
  const existing = Object.keys(created).filter((file) => existsSync(at(file)));
  if (existsSync(at(`test-fixtures/scenarios/${scenario}`)))
    existing.push(`test-fixtures/scenarios/${scenario}/`);
  if (existing.length > 0) fail(`refusing to overwrite: ${[...new Set(existing)].join(', ')}`);

  const edits = {};
  for (const [file, edit] of Object.entries(edited)) {
    try {
      edits[file] = edit(readFileSync(at(file), 'utf8'));
    } catch (error) {
      fail(
        `${file}: ${error.message}; nothing was written. Add the rule there by hand (CONTRIBUTING.md lists each place).`,
      );
    }
  }

  for (const [file, text] of Object.entries(created)) {
    mkdirSync(path.dirname(at(file)), { recursive: true });
    writeFileSync(at(file), await formatted(at(file), text), { flag: 'wx' });
  }
  for (const [file, text] of Object.entries(edits))
    writeFileSync(at(file), await formatted(at(file), text));
  console.log(
    [
      'new-rule: wrote',
      ...Object.keys(created),
      'and added the rule to',
      ...Object.keys(edits),
    ].join('\n  '),
  );

  if (options.docs) {
    // pnpm sets npm_execpath to itself when it runs this script (`pnpm new-rule …`).
    const pnpm = process.env.npm_execpath;
    if (!pnpm)
      console.log(
        'new-rule: now run `npx --yes pnpm@10.34.8 run docs` (README table, doc header, SCENARIOS.md).',
      );
    else if (
      spawnSync(process.execPath, [pnpm, 'run', 'docs'], { cwd: root, stdio: 'inherit' }).status !==
      0
    )
      fail('`pnpm run docs` failed (see above)');
  }
  console.log(`new-rule: next, record the new sample's snapshot (npx vitest run packages/eslint-plugin/tests/fixtures.test.ts),
  then follow CONTRIBUTING.md "A rule, end to end": replace the generated decision in packages/core/src/checks/${name}.ts.`);
}

/** Written code in the repository's Prettier style, so `pnpm format:check` stays green. */
async function formatted(filePath, text) {
  if (!/\.(?:[cm]?[jt]s)$/.test(filePath)) return text;
  const prettier = await import('prettier');
  // This repository's settings, also when --root points at a copy without them.
  const options = await prettier.resolveConfig(fileURLToPath(import.meta.url));
  return prettier.format(text, { ...options, filepath: filePath });
}

await main();
