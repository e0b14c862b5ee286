/**
 * The nginx language's side of a rule: the file's model (extracted once per file, shared by every
 * rule) and reporting core findings on nginx nodes with their fixes. A rule that applies to nginx adds
 * `...onNginx(context, run)` to its listeners; on a JavaScript file the `Config:exit` listener never runs.
 */
import type { Finding } from 'cors-lint-core';
import type { Config, NginxNode } from '../languages/nginx/ast.js';
import type { NginxFileModel, NginxPolicy } from './extract/nginx/model.js';
import { nginxModel } from './extract/nginx/model.js';
import type { AnyRuleContext, FindingReport, LanguageFile } from './language-report.js';
import { createLanguageReporter, languageFileOf } from './language-report.js';
import { nginxFixFromIntent } from './nginx-fixers.js';

export function nginxFileOf(context: AnyRuleContext): LanguageFile<Config, NginxNode> {
  return languageFileOf(context);
}

export function nginxModelOf(context: AnyRuleContext): NginxFileModel {
  return nginxModel(nginxFileOf(context).ast, context.filename, context.settings);
}

export type NginxReport = FindingReport<NginxNode>;

/** Reports findings on nginx nodes; a node shared by several places a response is made is reported once per message. */
export function createNginxReporter(context: AnyRuleContext): NginxReport {
  return createLanguageReporter(context, nginxFileOf(context), nginxFixFromIntent);
}

/** A listener running `run` on the nginx model when the file is linted with `cors/nginx`. */
export function onNginx(
  context: AnyRuleContext,
  run: (model: NginxFileModel, report: NginxReport) => void,
): Record<string, () => void> {
  return {
    'Config:exit'() {
      const file = nginxFileOf(context);
      if (!file.ast.nginx) return;
      run(nginxModelOf(context), createNginxReporter(context));
    },
  };
}

/** A listener running a policy check on every policy of the nginx file. */
export function onNginxPolicies(
  context: AnyRuleContext,
  check: (policy: NginxPolicy) => readonly Finding<NginxNode>[],
): Record<string, () => void> {
  return onNginx(context, (model, report) => {
    for (const policy of model.policies) report(check(policy));
  });
}
