/**
 * nginx scenarios: a folder `test-fixtures/nginx-scenarios/<name>/` with an `nginx.conf` (the `http`
 * block's servers, listening on `__API__`, an upstream on `__UPSTREAM__` where one is proxied to) and
 * a `client.js` as in the JavaScript scenarios. The config is linted with the plugin's nginx block
 * (`strict` for a `strict-…` folder), each finding is mapped to what Chromium must show with core's
 * `browserEffect`, and the linter's own repair (autofix, else first suggestion) gives the fixed config.
 *
 * A `project-…` (or `strict-project-…`) folder is nginx in front of an app: `server.cjs` (an Express app, `module.exports = app`)
 * is served on `__UPSTREAM__`, and `client.js` is linted too, with the project index on and the folder
 * as the project, so its cross-file findings name the nginx location or the app's `cors()` that fails it.
 */
import path from 'node:path';
import { browserEffect, PLACEHOLDER_ORIGIN } from 'cors-lint-core';
import type { BrowserFailure } from 'cors-lint-core';
import type { Linter } from 'eslint';
import { Linter as ESLintLinter } from 'eslint';
import plugin from 'eslint-plugin-cors';
import { APP_ORIGIN } from './hosts.js';
import { MAX_FIX_ROUNDS } from './fix.js';
import type { OracleConfig } from './lint.js';
import { lintFile } from './lint.js';

export interface NginxFinding {
  readonly rule: string;
  readonly messageId: string;
  readonly line: number;
  /** What Chromium must show: the failure of a `blocked` effect; undefined for findings with another effect. */
  readonly blocked: BrowserFailure | undefined;
  readonly message: Linter.LintMessage;
}

/** Lints an nginx config; with `project`, the project index is on with that folder as the root. */
export function lintNginx(
  text: string,
  filename: string,
  config: OracleConfig,
  project?: string,
): NginxFinding[] {
  const messages = new ESLintLinter().verify(
    text,
    [
      ...(plugin.configs[config] as unknown as Linter.Config[]),
      ...(project === undefined ? [] : [{ settings: { cors: { project: { root: project } } } }]),
    ],
    { filename },
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${filename} does not parse: ${fatal.message}`);
  return messages.flatMap((message) => {
    if (!message.ruleId?.startsWith('cors/') || !message.messageId) return [];
    const rule = message.ruleId.slice('cors/'.length);
    const effect = browserEffect(rule, message.messageId);
    return [
      {
        rule,
        messageId: message.messageId,
        line: message.line,
        blocked: effect?.kind === 'blocked' ? effect.failure : undefined,
        message,
      },
    ];
  });
}

/**
 * A `project-…` nginx scenario (`strict-project-…` with the strict config): nginx in front of
 * `server.cjs`, the config and the client checked across files.
 */
export const isProjectScenario = (name: string) => /^(?:strict-)?project-/.test(name);

/** One checked file's finding, with the linter's own repair (autofix, else first suggestion). */
export interface ScenarioFinding {
  readonly file: 'nginx.conf' | 'client.js';
  readonly rule: string;
  readonly messageId: string;
  readonly line: number;
  readonly blocked: BrowserFailure | undefined;
  readonly repair:
    | { readonly range: readonly [number, number]; readonly text: string; readonly how: string }
    | undefined;
}

export interface ScenarioTexts {
  readonly config: string;
  readonly client: string;
}

/**
 * The findings of an nginx scenario: its config's, and for a project scenario the client's, linted
 * against the project in `projectDir` (the folder, or a copy holding a repaired config).
 */
export function lintScenarioFiles(
  name: string,
  projectDir: string,
  texts: ScenarioTexts,
  config: OracleConfig,
): ScenarioFinding[] {
  const project = isProjectScenario(name) ? projectDir : undefined;
  const nginx = lintNginx(texts.config, path.join(projectDir, 'nginx.conf'), config, project).map(
    (finding): ScenarioFinding => {
      const { fix, suggestions } = finding.message;
      const suggestion = suggestions?.[0];
      return {
        file: 'nginx.conf',
        rule: finding.rule,
        messageId: finding.messageId,
        line: finding.line,
        blocked: finding.blocked,
        repair: fix
          ? { ...fix, how: 'autofix' }
          : suggestion
            ? { ...suggestion.fix, how: `suggestion "${suggestion.desc}"` }
            : undefined,
      };
    },
  );
  if (!isProjectScenario(name)) return nginx;
  const client = lintFile('client.js', texts.client, config, projectDir).map(
    (finding): ScenarioFinding => {
      const effect = finding.effect;
      const suggestion = finding.suggestions[0];
      return {
        file: 'client.js',
        rule: finding.rule,
        messageId: finding.messageId,
        line: finding.line,
        blocked: effect?.kind === 'blocked' ? effect.failure : undefined,
        repair: finding.fix
          ? { ...finding.fix, how: 'autofix' }
          : suggestion
            ? { ...suggestion.fix, how: `suggestion "${suggestion.desc}"` }
            : undefined,
      };
    },
  );
  return [...nginx, ...client];
}

export interface ScenarioRepair {
  readonly texts: ScenarioTexts;
  readonly applied: readonly string[];
  /** Blocked findings left after the repair, linted as the repaired files stand. */
  readonly remaining: readonly ScenarioFinding[];
}

/**
 * Applies the first blocked finding's repair, in whichever file it is, until none is left. In a project
 * scenario the config may be repaired only while the client has no finding: the index reads the
 * config from the folder on disk (test-fixtures is never written), so the client's verdicts would not
 * see the repair. The config's own findings read the other files of the project only.
 */
export function repairScenario(
  name: string,
  dir: string,
  texts: ScenarioTexts,
  config: OracleConfig,
): ScenarioRepair {
  let current = texts;
  const applied: string[] = [];
  const blocked = () =>
    lintScenarioFiles(name, dir, current, config).filter((finding) => finding.blocked);
  for (let round = 0; round < MAX_FIX_ROUNDS; round += 1) {
    const [first] = blocked();
    if (!first) break;
    const { repair } = first;
    if (!repair)
      throw new Error(
        `no fix offered for ${first.rule}/${first.messageId} at ${first.file}:${first.line}`,
      );
    if (
      first.file === 'nginx.conf' &&
      isProjectScenario(name) &&
      lintScenarioFiles(name, dir, current, config).some((finding) => finding.file === 'client.js')
    )
      throw new Error(
        `${name}: nginx.conf:${first.line} ${first.rule} is blocked beside client findings, which read the config on disk`,
      );
    const splice = (text: string) =>
      text.slice(0, repair.range[0]) +
      repair.text.split(PLACEHOLDER_ORIGIN).join(APP_ORIGIN) +
      text.slice(repair.range[1]);
    current =
      first.file === 'client.js'
        ? { ...current, client: splice(current.client) }
        : { ...current, config: splice(current.config) };
    applied.push(`${first.file} ${first.rule}/${first.messageId}: ${repair.how}`);
  }
  return { texts: current, applied, remaining: blocked() };
}
