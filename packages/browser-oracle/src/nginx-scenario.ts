/**
 * nginx scenarios: a folder `test-fixtures/nginx-scenarios/<name>/` with an `nginx.conf` (the `http`
 * block's servers, listening on `__API__`, an upstream on `__UPSTREAM__` where one is proxied to) and
 * a `client.js` as in the JavaScript scenarios. The config is linted with the plugin's nginx block
 * (`strict` for a `strict-…` folder), each finding is mapped to what Chromium must show with core's
 * `browserEffect`, and the linter's own repair (autofix, else first suggestion) gives the fixed config.
 */
import { browserEffect, PLACEHOLDER_ORIGIN } from 'cors-lint-core';
import type { BrowserFailure } from 'cors-lint-core';
import type { Linter } from 'eslint';
import { Linter as ESLintLinter } from 'eslint';
import plugin from 'eslint-plugin-cors';
import { APP_ORIGIN } from './hosts.js';
import { MAX_FIX_ROUNDS } from './fix.js';
import type { OracleConfig } from './lint.js';

export interface NginxFinding {
  readonly rule: string;
  readonly messageId: string;
  readonly line: number;
  /** What Chromium must show: the failure of a `blocked` effect; undefined for findings with another effect. */
  readonly blocked: BrowserFailure | undefined;
  readonly message: Linter.LintMessage;
}

export function lintNginx(text: string, filename: string, config: OracleConfig): NginxFinding[] {
  const messages = new ESLintLinter().verify(
    text,
    [...(plugin.configs[config] as unknown as Linter.Config[])],
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

export interface NginxFixResult {
  readonly text: string;
  readonly applied: readonly string[];
}

/** Applies the first blocked finding's autofix, else its first suggestion, until none is left. */
export function fixNginx(text: string, filename: string, config: OracleConfig): NginxFixResult {
  let current = text;
  const applied: string[] = [];
  for (let round = 0; round < MAX_FIX_ROUNDS; round += 1) {
    const first = lintNginx(current, filename, config).find((finding) => finding.blocked);
    if (!first) break;
    const fix = first.message.fix ?? first.message.suggestions?.[0]?.fix;
    if (!fix)
      throw new Error(`no fix offered for ${first.rule}/${first.messageId} at line ${first.line}`);
    current =
      current.slice(0, fix.range[0]) +
      fix.text.split(PLACEHOLDER_ORIGIN).join(APP_ORIGIN) +
      current.slice(fix.range[1]);
    applied.push(
      `${first.rule}/${first.messageId}: ${first.message.fix ? 'autofix' : `suggestion "${first.message.suggestions?.[0]?.desc ?? ''}"`}`,
    );
  }
  return { text: current, applied };
}
