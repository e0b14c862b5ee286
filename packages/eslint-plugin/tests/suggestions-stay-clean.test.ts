/**
 * Suggestions never hide a hole. Every suggestion and every autofix of every rule, applied alone to
 * every rule test case and every sample under `test-fixtures/` (the browser-oracle scenarios too),
 * must remove the finding it was offered for, leave its own rule silent on what it wrote, and leave
 * no other rule reporting anything new there: no repair that is itself reported (a pattern that
 * looks anchored but still matches every origin), none whose finding survives it.
 *
 * "New" compares the findings after the edit with those before, moved by the edit: a finding before
 * or after the edited text, or around it, is the same finding when rule and message id agree and it
 * sits where the old one now is (or on a part of it: a call's finding moves to the options object a
 * suggestion gives the call). Another rule's finding that sat on exactly the replaced text and sits
 * on the replacement is the same finding too: the edit did not claim to fix it (a duplicate header
 * stays a duplicate when its value changes). A finding on code the edit copied word for word was
 * reported already.
 *
 * One finding may follow a suggestion on purpose: with no `settings.cors.appOrigins`, a suggestion
 * that needs the app's origin writes a placeholder (`PLACEHOLDER_ORIGIN`), and valid-allow-origin
 * reports it (`placeholder`) until the user replaces it, rather than letting the finding vanish on a
 * made-up origin. That report is exempt only where no app origins are configured; with them, the
 * suggestion writes the app's origins and its result must be clean like any other.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { PLACEHOLDER_ORIGIN } from 'cors-lint-core';
import type { ESLint, Rule } from 'eslint';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { applyFix, configFor, listFixtures, relative } from './helpers/samples.js';

type Edit = { range: readonly [number, number]; text: string };

interface Sample {
  readonly name: string;
  readonly code: string;
  readonly filename: string;
  readonly config: Linter.Config[];
}

const linter = new Linter();

/** A message's place as offsets into `text`. */
function rangeOf(message: Linter.LintMessage, lineStarts: readonly number[]): [number, number] {
  const start = lineStarts[message.line - 1]! + message.column - 1;
  const end =
    message.endLine === undefined
      ? start
      : lineStarts[message.endLine - 1]! + (message.endColumn ?? 1) - 1;
  return [start, end];
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1))
    starts.push(index + 1);
  return starts;
}

/** Where a range of the text before the edit is after it, and whether it was exactly the text the edit replaced. */
interface Place {
  readonly range: [number, number];
  readonly rewritten: boolean;
}

/** Undefined when the range overlaps the replaced text only in part. */
function moved([start, end]: readonly [number, number], edit: Edit): Place | undefined {
  const [from, to] = edit.range;
  const shift = edit.text.length - (to - from);
  if (start === from && end === to && to > from)
    return { range: [from, from + edit.text.length], rewritten: true };
  if (end <= from) return { range: [start, end], rewritten: false };
  if (start >= to) return { range: [start + shift, end + shift], rewritten: false };
  if (start <= from && end >= to) return { range: [start, end + shift], rewritten: false };
  return undefined;
}

/** Overlap with the edited text; an edit that only removes text has a point that a finding must strictly contain. */
function touchesEdit(
  [start, end]: readonly [number, number],
  [from, to]: readonly [number, number],
): boolean {
  if (from === to) return start < from && from < end;
  return start < to && from < end;
}

/** Whether a sample's config lists app origins for the suggestions to write. */
function hasAppOrigins(config: readonly Linter.Config[]): boolean {
  return config.some((item) => {
    const origins = (item.settings?.['cors'] as { appOrigins?: unknown } | undefined)?.appOrigins;
    return Array.isArray(origins) && origins.length > 0;
  });
}

/** The placeholder a suggestion wrote, still reported as one: allowed only when no app origins are configured. */
const isPlaceholderReport = (
  message: Linter.LintMessage,
  afterText: string,
  range: readonly [number, number],
) =>
  message.ruleId === 'cors/valid-allow-origin' &&
  message.messageId === 'placeholder' &&
  afterText.slice(...range).includes(PLACEHOLDER_ORIGIN);

const describeMessage = (message: Linter.LintMessage) =>
  `${message.line}:${message.column} ${message.ruleId} ${message.messageId ?? ''}: ${message.message}`;

/** What each fix and suggestion of `sample` leaves behind that it should not; empty when all are clean. */
function problemsAfterEdits(sample: Sample): string[] {
  const { code, config, filename } = sample;
  const verify = (text: string) => linter.verify(text, config, { filename });
  const before = verify(code);
  const fatal = before.find((message) => message.fatal);
  if (fatal) return [`does not parse: ${fatal.message}`];
  const unmatched = before.find(
    (message) => message.ruleId === null && message.message.startsWith('No matching configuration'),
  );
  if (unmatched) return [`is not linted: ${unmatched.message}`];
  // ESLint reports fix ranges without the BOM; the text we splice keeps it.
  const offset = code.startsWith('\uFEFF') ? 1 : 0;
  const beforeStarts = lineStartsOf(code.slice(offset));
  const problems: string[] = [];
  const placeholderAllowed = !hasAppOrigins(config);
  for (const message of before) {
    const edits: { label: string; edit: Edit }[] = [
      ...(message.fix ? [{ label: 'autofix', edit: message.fix }] : []),
      ...(message.suggestions ?? []).map((suggestion) => ({
        label: `suggestion ${suggestion.messageId ?? suggestion.desc}`,
        edit: suggestion.fix,
      })),
    ];
    for (const { label, edit } of edits) {
      const after = applyFix(code, edit);
      const afterMessages = verify(after);
      const what = `${describeMessage(message)}\n  ${label} → ${JSON.stringify(edit.text)} at ${edit.range.join('-')}`;
      const broken = afterMessages.find((afterMessage) => afterMessage.fatal);
      if (broken) {
        problems.push(`${what}\n  leaves code that does not parse: ${broken.message}`);
        continue;
      }
      const afterText = after.slice(offset);
      const afterStarts = lineStartsOf(afterText);
      const site: [number, number] = [edit.range[0], edit.range[0] + edit.text.length];
      const sameFinding = (a: Linter.LintMessage, b: Linter.LintMessage) =>
        a.ruleId === b.ruleId && a.messageId === b.messageId;
      const within = (inner: readonly [number, number], outer: readonly [number, number]) =>
        outer[0] <= inner[0] && inner[1] <= outer[1];
      const ownPlace = moved(rangeOf(message, beforeStarts), edit);
      /**
       * A finding that was there before: moved by the edit (or onto a part of what it covered), or copied
       * word for word with the code it was on. `onRewritten`: also one that sat on exactly the text the
       * edit replaced and sits on the replacement now (another rule's finding the edit did not claim to fix).
       */
      const isOld = (
        afterMessage: Linter.LintMessage,
        range: readonly [number, number],
        onRewritten: boolean,
      ) =>
        before.some((old) => {
          // The message may quote the edited value (`'*, https://app.example.com'`): rule and message id name the finding.
          if (!sameFinding(old, afterMessage)) return false;
          const oldRange = rangeOf(old, beforeStarts);
          // Reported code the edit copied (an OPTIONS route with the route's own `cors()`) was reported already.
          if (
            old.message === afterMessage.message &&
            code.slice(offset).slice(...oldRange) === afterText.slice(...range)
          )
            return true;
          const place = moved(oldRange, edit);
          return !!place && (onRewritten || !place.rewritten) && within(range, place.range);
        });
      for (const afterMessage of afterMessages) {
        const range = rangeOf(afterMessage, afterStarts);
        const atSite = touchesEdit(range, site);
        if (placeholderAllowed && atSite && isPlaceholderReport(afterMessage, afterText, range))
          continue;
        if (
          sameFinding(afterMessage, message) &&
          (ownPlace ? within(range, ownPlace.range) : atSite)
        ) {
          problems.push(`${what}\n  leaves its own finding: ${describeMessage(afterMessage)}`);
        } else if (atSite && !isOld(afterMessage, range, afterMessage.ruleId !== message.ruleId)) {
          // The edit's own rule must be silent on what the edit wrote; another rule, silent unless it already said the same there.
          problems.push(`${what}\n  is reported again: ${describeMessage(afterMessage)}`);
        }
      }
    }
  }
  return problems;
}

// ---- The samples: every test-fixtures file, and every case of every RuleTester suite. ----

function fixtureSamples(): Sample[] {
  return listFixtures({ scenarios: true }).map((file) => ({
    name: relative(file),
    code: fs.readFileSync(file, 'utf8'),
    filename: file,
    config: configFor(file),
  }));
}

type TestCase =
  | string
  | {
      code: string;
      options?: unknown[];
      filename?: string;
      settings?: Record<string, unknown>;
      languageOptions?: Linter.LanguageOptions;
    };
interface CollectedRun {
  /** The cases are nginx configurations (the suite uses `nginxRuleTester`). */
  readonly nginx?: boolean;
  /** The test file, relative to tests/. */
  readonly file: string;
  readonly suite: string;
  readonly rule: unknown;
  readonly cases: readonly TestCase[];
  /** Suites of `djangoRuleTester()` lint Django settings modules with the plugin's language. */
  readonly django: boolean;
}

const TESTS_DIR = path.dirname(fileURLToPath(import.meta.url));

/**
 * Imports every RuleTester suite with `run` recording its cases instead of running them (the suites
 * run on their own elsewhere). Suites that also declare vitest tests of their own are left out.
 */
async function collectRuleTesterCases(): Promise<CollectedRun[]> {
  const runs: CollectedRun[] = [];
  const original = RuleTester.prototype.run;
  let file = '';
  let django = false;
  let nginxFile = false;
  RuleTester.prototype.run = function record(
    suite: string,
    rule: unknown,
    tests: { valid: readonly TestCase[]; invalid: readonly TestCase[] },
  ) {
    runs.push({
      file,
      suite,
      rule,
      cases: [...tests.valid, ...tests.invalid],
      django,
      nginx: nginxFile,
    });
  } as typeof original;
  try {
    for (const folder of ['rules', 'frameworks']) {
      for (const name of fs.readdirSync(path.join(TESTS_DIR, folder)).sort()) {
        const full = path.join(TESTS_DIR, folder, name);
        const text = fs.readFileSync(full, 'utf8');
        if (
          !name.endsWith('.test.ts') ||
          !(
            text.includes('new RuleTester(') ||
            text.includes('djangoRuleTester(') ||
            text.includes('nginxRuleTester(')
          ) ||
          text.includes("from 'vitest'")
        )
          continue;
        file = `${folder}/${name}`;
        django = text.includes('djangoRuleTester(');
        nginxFile = text.includes('nginxRuleTester(');
        await import(full);
      }
    }
  } finally {
    RuleTester.prototype.run = original;
  }
  return runs;
}

function ruleTesterSamples(runs: readonly CollectedRun[]): Sample[] {
  const names = new Map(
    Object.entries(plugin.rules).map(([name, rule]) => [rule as unknown, name]),
  );
  return runs.flatMap(({ file, suite, rule, cases, django, nginx }) => {
    const ruleName = names.get(rule);
    return cases.map((testCase, index) => {
      const item = typeof testCase === 'string' ? { code: testCase } : testCase;
      if (django) {
        // Every rule of `all` that reads settings, as the config's Django block turns them on.
        const config: Linter.Config[] = [
          {
            files: ['**/*.py'],
            plugins: { cors: plugin as unknown as ESLint.Plugin },
            language: 'cors/django-settings',
            rules: plugin.configs.all[2].rules as Linter.RulesRecord,
          },
        ];
        return {
          name: `${file}: ${suite} #${index + 1}`,
          code: item.code,
          filename: path.resolve(process.cwd(), 'settings.py'),
          config,
        };
      }
      if (nginx) {
        // As the nginx RuleTester lints: the cors/nginx language with the nginx block's rules.
        const nginxRules = {
          ...plugin.configs.all[1].rules,
          ...(ruleName && item.options ? { [`cors/${ruleName}`]: ['error', ...item.options] } : {}),
        };
        const config: Linter.Config[] = [
          // Not `**/*`: ESLint takes a pattern ending in `/*` for a catch-all that selects no file by itself.
          {
            files: [...plugin.configs.all[1].files, '**/*.conf'],
            plugins: { cors: plugin as unknown as ESLint.Plugin },
            language: 'cors/nginx',
            rules: nginxRules as Linter.RulesRecord,
            ...(item.settings ? { settings: item.settings } : {}),
          },
        ];
        return {
          name: `${file}: ${suite} #${index + 1}`,
          code: item.code,
          filename: path.resolve(process.cwd(), item.filename ?? 'file.conf'),
          config,
        };
      }
      const rules = {
        ...plugin.configs.all[0].rules,
        ...(ruleName && item.options ? { [`cors/${ruleName}`]: ['error', ...item.options] } : {}),
      };
      const config: Linter.Config[] = [
        {
          files: ['**/*.{js,mjs,cjs,ts,mts,cts,tsx}'],
          plugins: { cors: plugin as unknown as ESLint.Plugin },
          rules: rules as Linter.RulesRecord,
          // As RuleTester lints: @typescript-eslint/parser, a file named file.ts unless the case names one.
          languageOptions: { parser: tsParser as Linter.Parser, ...item.languageOptions },
          ...(item.settings ? { settings: item.settings } : {}),
        },
      ];
      return {
        name: `${file}: ${suite} #${index + 1}`,
        code: item.code,
        filename: path.resolve(process.cwd(), item.filename ?? 'file.ts'),
        config,
      };
    });
  });
}

const runs = await collectRuleTesterCases();

/**
 * The suggestion issue 14 was about, as a rule of its own: a pattern that looks anchored but still
 * matches every origin (`^https:\/\/(?:[a-z0-9-]+\.)*.*$`, what anchoring `/.*\/` gave).
 */
const widensToEveryOrigin: Rule.RuleModule = {
  meta: {
    type: 'problem',
    hasSuggestions: true,
    messages: { exact: 'an exact origin', usePattern: 'accept subdomains too' },
  },
  create: (context) => ({
    'Property[key.name="origin"] > Literal'(node: Rule.Node) {
      if (node.type !== 'Literal' || typeof node.value !== 'string') return;
      context.report({
        node,
        messageId: 'exact',
        suggest: [
          {
            messageId: 'usePattern',
            fix: (fixer) => fixer.replaceText(node, String.raw`/^https:\/\/(?:[a-z0-9-]+\.)*.*$/`),
          },
        ],
      });
    },
  }),
};

describe('suggestions and autofixes leave nothing to report where they edit', () => {
  it('catches a suggestion whose result is reported again', () => {
    const [config] = configFor('server.js');
    const sample: Sample = {
      name: 'a pattern that still matches every origin',
      code: "import cors from 'cors';\napp.use(cors({ origin: 'https://app.example.com', credentials: true }));\n",
      filename: path.resolve('server.js'),
      config: [
        {
          ...config,
          plugins: { ...config!.plugins, test: { rules: { widen: widensToEveryOrigin } } },
          rules: { ...config!.rules, 'test/widen': 'error' },
        },
      ],
    };
    expect(problemsAfterEdits(sample)).toEqual([
      expect.stringMatching(
        /suggestion usePattern → .*\n {2}is reported again: 2:24 cors\/no-reflected-origin-with-credentials reflectedWithCredentials/,
      ),
    ]);
  });

  it('lets a placeholder stay reported only where no app origins are configured', () => {
    const [config] = configFor('server.js');
    const writesPlaceholder: Rule.RuleModule = {
      meta: {
        type: 'problem',
        hasSuggestions: true,
        messages: { any: 'any origin', usePlaceholder: 'the placeholder' },
      },
      create: (context) => ({
        'Property[key.name="origin"] > Literal'(node: Rule.Node) {
          if (node.type !== 'Literal' || node.value !== 'https://app.example.com') return;
          context.report({
            node,
            messageId: 'any',
            suggest: [
              {
                messageId: 'usePlaceholder',
                fix: (fixer) => fixer.replaceText(node, `'${PLACEHOLDER_ORIGIN}'`),
              },
            ],
          });
        },
      }),
    };
    const sample = (settings: Record<string, unknown>): Sample => ({
      name: 'a suggestion that writes the placeholder',
      code: "import cors from 'cors';\napp.use(cors({ origin: 'https://app.example.com' }));\n",
      filename: path.resolve('server.js'),
      config: [
        {
          ...config,
          settings,
          plugins: { ...config!.plugins, test: { rules: { placeholder: writesPlaceholder } } },
          rules: { ...config!.rules, 'test/placeholder': 'error' },
        },
      ],
    });
    expect(problemsAfterEdits(sample({}))).toEqual([]);
    expect(
      problemsAfterEdits(sample({ cors: { appOrigins: ['https://app.example.com'] } })),
    ).toEqual([
      expect.stringMatching(
        /suggestion usePlaceholder → .*\n {2}is reported again: 2:24 cors\/valid-allow-origin placeholder/,
      ),
    ]);
  });

  it('finds the RuleTester suites of every rule', () => {
    const names = new Map(
      Object.entries(plugin.rules).map(([name, rule]) => [rule as unknown, name]),
    );
    const covered = new Set(runs.map((run) => names.get(run.rule)));
    expect(Object.keys(plugin.rules).filter((name) => !covered.has(name))).toEqual([]);
  });

  describe.each(ruleTesterSamples(runs).map((sample) => [sample.name, sample] as const))(
    '%s',
    (_name, sample) => {
      it('is clean after each suggestion and fix', () => {
        expect(problemsAfterEdits(sample)).toEqual([]);
      });
    },
  );

  describe.each(fixtureSamples().map((sample) => [sample.name, sample] as const))(
    'test-fixtures/%s',
    (_name, sample) => {
      it('is clean after each suggestion and fix', () => {
        expect(problemsAfterEdits(sample)).toEqual([]);
      });
    },
  );
});
