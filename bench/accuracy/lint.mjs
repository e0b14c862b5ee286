// Loads a checkout's built plugin and lints texts with it the way the shared scorers do
// (../shared/corpus/score/lint-harness.mjs), so that our totals equal theirs for the same rules.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CONFIG_NAMES = ['recommended', 'strict', 'all'];
const PREFIX = 'cors/';

// ESLint 9/10 lint .ts/.tsx only when a config lists their extension, and never match a file
// outside the Linter's cwd; the scorers list the extensions, so do we.
const LINT_GLOBS = [
  '**/*.js',
  '**/*.mjs',
  '**/*.cjs',
  '**/*.jsx',
  '**/*.ts',
  '**/*.mts',
  '**/*.cts',
  '**/*.tsx',
];
// The scorers try each in turn and keep the first that parses.
const SOURCE_TYPES = ['module', 'script', 'commonjs'];

/** Thrown when the checkout has no build; the caller turns it into exit code 2. */
export class MissingInput extends Error {}

/**
 * The plugin as built in `checkout`, with the eslint, parser and typescript that its package
 * resolves (the versions the checkout's lockfile pins, not whatever this script runs beside).
 */
export async function loadBuild(checkout) {
  const pluginDir = path.join(checkout, 'packages', 'eslint-plugin');
  const entry = path.join(pluginDir, 'dist', 'index.js');
  if (!existsSync(path.join(pluginDir, 'package.json')))
    throw new MissingInput(`no packages/eslint-plugin in ${checkout}`);
  if (!existsSync(entry))
    throw new MissingInput(
      `no build: ${entry} is missing (run \`npx --yes pnpm@10.34.8 build\` in ${checkout})`,
    );
  const require = createRequire(path.join(pluginDir, 'package.json'));
  const load = (name) => {
    try {
      return require(name);
    } catch (error) {
      throw new MissingInput(
        `cannot load ${name} from ${pluginDir} (run \`npx --yes pnpm@10.34.8 install --frozen-lockfile\`): ${firstLine(error.message)}`,
      );
    }
  };
  const { Linter } = load('eslint');
  const tsParser = load('@typescript-eslint/parser');
  const typescript = load('typescript');
  const pluginModule = await import(pathToFileURL(entry).href);
  const plugin = pluginModule.default ?? pluginModule;
  const versions = {
    eslint: Linter.version,
    typescript: typescript.version,
    plugin: require('./package.json').version,
  };
  return { plugin, Linter, tsParser, typescript, versions };
}

/**
 * The rule entries a config turns on, as shipped (severity and options), keyed `cors/<rule>`.
 * `withoutOptions` gives what the shared harness lints with: the same rules, no options.
 */
export function configRules(plugin, configName, { withoutOptions = false } = {}) {
  const config = plugin.configs?.[configName];
  if (!config)
    throw new MissingInput(
      `the build has no config ${configName}; it has ${Object.keys(plugin.configs ?? {}).join(', ')}`,
    );
  const entries = {};
  for (const layer of Array.isArray(config) ? config : [config]) {
    for (const [id, entry] of Object.entries(layer.rules ?? {})) {
      const severity = Array.isArray(entry) ? entry[0] : entry;
      if (!id.startsWith(PREFIX) || severity === 'off' || severity === 0) continue;
      entries[id] = withoutOptions ? 'error' : entry;
    }
  }
  return entries;
}

/** A message that stops the file, as the harness counts it: fatal, or a rule-less error. */
const isParseError = (message) => message.fatal || (!message.ruleId && message.severity === 2);

/**
 * A linter whose files live under `cwd` (the corpus folder: ESLint matches nothing outside it).
 * lint(text, filename, rules) -> { findings, crashes, parseError?, sourceType? }, where findings
 * are the messages of our rules ({ ruleId, line, column, message }).
 */
export function makeLinter(build, cwd) {
  const linter = new build.Linter({ configType: 'flat', cwd });
  const flatConfig = (sourceType, jsx, rules) => [
    {
      files: LINT_GLOBS,
      languageOptions: {
        parser: build.tsParser,
        ecmaVersion: 'latest',
        sourceType,
        parserOptions: { ecmaFeatures: { jsx } },
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { cors: build.plugin },
      rules,
    },
  ];

  function verify(text, filename, rules) {
    const jsx = /\.[jt]sx$/i.test(filename);
    let firstFatal;
    for (const sourceType of SOURCE_TYPES) {
      const messages = linter.verify(text, flatConfig(sourceType, jsx, rules), { filename });
      // A file no config matches is linted with no rules and reports this: a harness bug, not a clean file.
      const unmatched = messages.find(
        (message) => !message.ruleId && /No matching configuration/.test(message.message),
      );
      if (unmatched) throw new Error(`harness error for ${filename}: ${unmatched.message}`);
      const fatal = messages.find(isParseError);
      if (!fatal) return { messages, sourceType };
      firstFatal ??= fatal;
    }
    return { parseError: `${firstFatal.line}:${firstFatal.column} ${firstFatal.message}` };
  }

  const ours = (messages, only) =>
    messages
      .filter((message) => message.ruleId?.startsWith(PREFIX) && (!only || message.ruleId === only))
      .map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message }));

  return function lint(text, filename, rules) {
    try {
      const result = verify(text, filename, rules);
      if (result.parseError) return { findings: [], crashes: [], parseError: result.parseError };
      return { findings: ours(result.messages), crashes: [], sourceType: result.sourceType };
    } catch (error) {
      if (String(error.message).startsWith('harness error')) throw error;
      return lintRuleByRule(verify, ours, text, filename, rules, error);
    }
  };
}

/** One rule threw: lint again rule by rule, keep the others' findings and name the culprit. */
function lintRuleByRule(verify, ours, text, filename, rules, firstError) {
  const findings = [];
  const crashes = [];
  let parseError;
  let sourceType;
  for (const [id, entry] of Object.entries(rules)) {
    try {
      const result = verify(text, filename, { [id]: entry });
      if (result.parseError) parseError = result.parseError;
      else {
        sourceType = result.sourceType;
        findings.push(...ours(result.messages, id));
      }
    } catch (error) {
      crashes.push({ rule: id, message: firstLine(error.message) });
    }
  }
  if (!crashes.length) crashes.push({ rule: '?', message: firstLine(firstError.message) });
  return { findings, crashes, parseError, sourceType };
}

const firstLine = (text) => String(text).split('\n')[0].slice(0, 200);

/** Parse failures and rule crashes, reported apart from findings, as the scorers do. */
export function lintProblems(results) {
  const parseFailures = [];
  const crashes = [];
  for (const [key, result] of results) {
    if (result.parseError) parseFailures.push(`${key}: ${result.parseError}`);
    for (const crash of result.crashes) crashes.push(`${key}: ${crash.rule}: ${crash.message}`);
  }
  return { parseFailures, crashes };
}
