// Lint settings for this repository's own TypeScript (not the configs the plugin ships).
// Recommended rule sets without type information, so `pnpm lint` stays fast.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const noFocusedTests = ['describe', 'it', 'test'].map((object) => ({
  object,
  property: 'only',
  message: 'A focused test skips the rest of the suite. Remove `.only` before committing.',
}));

/**
 * The modules that turn findings into ESLint reports and fix intents into edits (ARCHITECTURE.md,
 * invariant 5). Everywhere else in the plugin's source, reporting goes through them.
 */
const REPORTER_MODULES = [
  'report.ts',
  'nginx-report.ts',
  'django-report.ts',
  'fixers.ts',
  'preflight-fixers.ts',
  'nginx-fixers.ts',
  'django-fixers.ts',
].map((file) => `packages/eslint-plugin/src/utils/${file}`);

const throughReporter =
  'Report through a reporter of src/utils/report.ts (or nginx-report.ts, django-report.ts): hand it findings, never call `context.report`.';
const throughFixIntent =
  'Only the fixers write source text: give the finding a fix intent (packages/core/src/findings.ts) and write its edit in src/utils/fixers.ts or the language’s fixers.';

const ONE_REPORTING_PATH = [
  { selector: "MemberExpression[property.name='report']", message: throughReporter },
  {
    selector:
      "VariableDeclarator[init.name='context'] > ObjectPattern > Property[key.name='report']",
    message: throughReporter,
  },
  { selector: "MemberExpression[object.name='fixer']", message: throughFixIntent },
  { selector: 'Property[key.name=/^(fix|suggest)$/] > :function', message: throughFixIntent },
];

export default defineConfig(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      '.test-output/**',
      'test-fixtures/**',
      'bench/.results/**',
      'packages/*/docs/**',
    ],
  },
  {
    files: ['packages/*/src/**/*.ts', 'packages/*/tests/**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Rule modules: metadata, messages and fixers checked by eslint-plugin-eslint-plugin.
    files: ['packages/eslint-plugin/src/rules/*.ts'],
    ignores: ['packages/eslint-plugin/src/rules/index.ts'],
    extends: [eslintPlugin.configs['rules-recommended']],
    rules: {
      // Rules report through createReporter (src/utils/report.ts), which adds the suggestions core
      // returns; the rule file itself never spells `suggest`, so this check cannot see them.
      'eslint-plugin/require-meta-has-suggestions': 'off',
    },
  },
  {
    // One reporting path: rules hand findings to a reporter; only the reporter and fixers talk to ESLint's report and fixer APIs.
    files: ['packages/eslint-plugin/src/**/*.ts'],
    ignores: REPORTER_MODULES,
    rules: {
      'no-restricted-syntax': ['error', ...ONE_REPORTING_PATH],
    },
  },
  {
    // RuleTester suites.
    files: ['packages/eslint-plugin/tests/rules/*.ts'],
    extends: [eslintPlugin.configs['tests-recommended']],
    rules: {
      'eslint-plugin/consistent-output': 'error',
      // Every expected error states where it is. (eslint-plugin/require-test-error-positions would
      // also demand endLine and endColumn on every error; the house style asks for line and column.)
      'no-restricted-syntax': [
        'error',
        {
          selector: `Property[key.name='invalid'] Property[key.name='errors'] > ArrayExpression > ObjectExpression:not(:has(> Property[key.name='line']))`,
          message: 'Give every expected error its `line` (and `column`).',
        },
        {
          selector: `Property[key.name='invalid'] Property[key.name='errors'] > ArrayExpression > ObjectExpression:not(:has(> Property[key.name='column']))`,
          message: 'Give every expected error its `column` (and `line`).',
        },
      ],
    },
  },
  {
    // Not tests/setup.ts, which hands `it.only` to RuleTester.
    files: ['packages/*/tests/**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', ...noFocusedTests],
    },
  },
);
