/**
 * The linter's prediction: lint a scenario's two files with the plugin's `recommended` config (or
 * `strict`, for a scenario that opts in) and turn each message into what Chromium should show,
 * through `browserEffect` from core.
 */
import path from 'node:path';
import type { BrowserEffect, MessageSpec, SecurityRuleName } from 'cors-lint-core';
import { browserEffect, ruleMessages, securityAttack } from 'cors-lint-core';
import type { ESLint } from 'eslint';
import { Linter } from 'eslint';
import plugin, { projectConsultation, serverFixEdits } from 'eslint-plugin-cors';

/** A Django scenario has `settings.py` in place of `server.js`. */
export type ScenarioFile = 'server.js' | 'client.js' | 'settings.py';

export interface TextFix {
  readonly range: readonly [number, number];
  readonly text: string;
}

export interface Finding {
  readonly file: ScenarioFile;
  readonly rule: string;
  readonly messageId: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** The message's placeholders (header name, member read…), read back from its text: ESLint does not keep them. */
  readonly data: Readonly<Record<string, string>>;
  /** What Chromium shows; undefined for security findings and for messages with no visible effect. */
  readonly effect: BrowserEffect | undefined;
  /** The attack that shows the finding (the catalog's `securityAttack`): a browser allows it, an attacker page reads. */
  readonly security: SecurityRuleName | undefined;
  readonly fix: TextFix | undefined;
  readonly suggestions: readonly { readonly desc: string; readonly fix: TextFix }[];
  /**
   * A cross-file finding's edit of the project's server.js (core's `serverFix`) that makes the
   * request pass there: ESLint cannot apply it, an editor offers it (the language server's code action).
   */
  readonly serverEdit?: { readonly desc: string; readonly fixes: readonly TextFix[] };
}

const SOURCE_TYPE: Record<Exclude<ScenarioFile, 'settings.py'>, 'commonjs' | 'module'> = {
  'server.js': 'commonjs',
  'client.js': 'module',
};

/** The plugin config a scenario is linted with. */
export type OracleConfig = 'recommended' | 'strict';

/** A folder named `strict-…` is linted with `strict`: its findings are ones only `strict` gives. */
export function scenarioConfig(folderName: string): OracleConfig {
  return folderName.startsWith('strict-') ? 'strict' : 'recommended';
}

function config(
  file: ScenarioFile,
  name: OracleConfig,
  project: string | undefined,
): Linter.Config[] {
  // The config's Django block, with the plugin's django-settings language.
  if (file === 'settings.py') return [plugin.configs[name][2] as unknown as Linter.Config];
  return [
    {
      files: ['**/*.js'],
      plugins: { cors: plugin as unknown as ESLint.Plugin },
      rules: plugin.configs[name][0].rules,
      languageOptions: { ecmaVersion: 'latest', sourceType: SOURCE_TYPE[file] },
      // A `project-…` scenario is a project of two files: the client is checked against server.js on disk (the project index).
      ...(project === undefined ? {} : { settings: { cors: { project: { root: project } } } }),
    },
  ];
}

/** A folder named `project-…` is linted with the project index on, its folder as the project: its findings need both files. */
export function scenarioProject(folderName: string, dir: string): string | undefined {
  return folderName.startsWith('project-') ? dir : undefined;
}

const linter = new Linter();

/** Lints one file; a parse error is thrown, not predicted: a scenario must be valid code. */
export function lintFile(
  file: ScenarioFile,
  text: string,
  configName: OracleConfig = 'recommended',
  project?: string,
  serverText?: string,
): Finding[] {
  const messages = linter.verify(text, config(file, configName, project), {
    filename: project === undefined ? file : path.join(project, file),
  });
  const fatal = messages.find((message) => message.fatal);
  if (fatal)
    throw new Error(`${file}:${fatal.line}:${fatal.column} does not parse: ${fatal.message}`);
  const consultation =
    project === undefined ? undefined : projectConsultation(linter.getSourceCode().ast as never);
  return messages.map((message) => {
    const rule = (message.ruleId ?? '').replace(/^cors\//, '');
    const messageId = message.messageId ?? '';
    return {
      file,
      rule,
      messageId,
      message: message.message,
      line: message.line,
      column: message.column,
      data: messageData(rule, messageId, message.message),
      effect: browserEffect(rule, messageId),
      security: securityAttack(rule, messageId),
      fix: message.fix ? { range: message.fix.range, text: message.fix.text } : undefined,
      suggestions: (message.suggestions ?? []).map((s) => ({
        desc: s.desc,
        fix: { range: s.fix.range, text: s.fix.text },
      })),
      ...serverEditOf(consultation, project, rule, message, serverText),
    };
  });
}

/** The server-side edit of a cross-file message, on `serverText`, the server.js the project index read. */
function serverEditOf(
  consultation: ReturnType<typeof projectConsultation>,
  project: string | undefined,
  rule: string,
  message: Linter.LintMessage,
  serverText: string | undefined,
): { serverEdit?: NonNullable<Finding['serverEdit']> } {
  const serverFix = consultation?.findings.find(
    (finding) =>
      finding.messageId === message.messageId &&
      finding.line === message.line &&
      finding.column + 1 === message.column,
  )?.serverFix;
  if (!serverFix || project === undefined || serverText === undefined) return {};
  if (serverFix.policy.file !== 'server.js') return {};
  const fixes = serverFixEdits(project, serverFix, serverText);
  const template = (ruleMessages as Record<string, Record<string, MessageSpec>>)[rule]?.[
    serverFix.messageId
  ]?.text;
  if (!fixes || fixes.length === 0 || template === undefined) return {};
  const desc = template.replace(
    /\{\{\s*(\w+)\s*\}\}/g,
    (whole, name: string) => serverFix.data[name] ?? whole,
  );
  return { serverEdit: { desc, fixes } };
}

/**
 * The values a message's `{{placeholders}}` took, recovered by matching the message against its
 * catalog template (each placeholder a lazy group, a repeated one a back-reference). Empty when the
 * template is unknown or does not match.
 */
export function messageData(
  rule: string,
  messageId: string,
  message: string,
): Record<string, string> {
  const template = (ruleMessages as Record<string, Record<string, MessageSpec>>)[rule]?.[messageId]
    ?.text;
  if (template === undefined) return {};
  const seen = new Set<string>();
  const pattern = template
    .split(/(\{\{\s*\w+\s*\}\})/)
    .map((part) => {
      const name = /^\{\{\s*(\w+)\s*\}\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (seen.has(name)) return `\\k<${name}>`;
      seen.add(name);
      return `(?<${name}>[\\s\\S]*?)`;
    })
    .join('');
  return { ...new RegExp(`^${pattern}$`).exec(message)?.groups };
}

export interface ScenarioSources {
  /** server.js; for a Django scenario, its settings.py. */
  readonly server: string;
  /** The server is a Django settings module (settings.py), not an Express app. */
  readonly django?: boolean;
  readonly client: string;
  /** `recommended` when absent; kept by the fix loop, which spreads the sources. */
  readonly config?: OracleConfig;
  /** The scenario's folder, for a `project-…` scenario: the project whose index the client is checked against. */
  readonly project?: string;
}

export function lintScenario(sources: ScenarioSources): Finding[] {
  return [
    ...lintFile(
      sources.django ? 'settings.py' : 'server.js',
      sources.server,
      sources.config,
      sources.project,
    ),
    ...lintFile('client.js', sources.client, sources.config, sources.project, sources.server),
  ];
}

/** Findings the oracle checks: a browser-visible effect or a security meaning. */
export function observable(findings: readonly Finding[]): Finding[] {
  return findings.filter(
    (finding) => finding.effect !== undefined || finding.security !== undefined,
  );
}

/** The attacker origin a `no-unsafe-origin-check` message names (`such as <origin>`). */
export function attackerExample(finding: Finding): string | undefined {
  const example = /such as (\S+?)[,.]?(?:\s|$)/.exec(finding.message)?.[1];
  return example !== undefined &&
    /^(?:https?:\/\/)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?$/i.test(example)
    ? example
    : undefined;
}

export function describeFinding(finding: Finding): string {
  const effect = finding.effect
    ? 'failure' in finding.effect
      ? `${finding.effect.kind}:${finding.effect.failure}`
      : finding.effect.kind
    : finding.security
      ? 'attack'
      : 'no effect';
  return `${finding.rule}/${finding.messageId} (${effect}) at ${finding.file}:${finding.line}:${finding.column}`;
}
