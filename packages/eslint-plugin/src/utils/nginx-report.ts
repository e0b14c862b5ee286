/**
 * The nginx language's side of a rule: the file's model (extracted once per file, shared by every
 * rule) and reporting core findings on nginx nodes with their fixes. A rule that applies to nginx adds
 * `...onNginx(context, run)` to its listeners; on a JavaScript file the `Config:exit` listener never runs.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { Finding } from 'cors-lint-core';
import type { Config, NginxNode } from '../languages/nginx/ast.js';
import type { NginxFileModel, NginxPolicy } from './extract/nginx/model.js';
import { nginxModel } from './extract/nginx/model.js';
import type { NginxFile } from './nginx-fixers.js';
import { nginxFixFromIntent } from './nginx-fixers.js';
import type { Reporting } from './report.js';
import { reportFindings } from './report.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

interface NginxSourceCodeLike {
  readonly text: string;
  readonly ast: Config;
  getParent(node: NginxNode): NginxNode | undefined;
}

export function nginxFileOf(context: AnyContext): NginxFile & { ast: Config } {
  const sourceCode = context.sourceCode as unknown as NginxSourceCodeLike;
  return { text: sourceCode.text, ast: sourceCode.ast, getParent: (node) => sourceCode.getParent(node) };
}

export function nginxModelOf(context: AnyContext): NginxFileModel {
  return nginxModel(nginxFileOf(context).ast, context.filename, context.settings);
}

export type NginxReport = (findings: readonly Finding<NginxNode>[]) => void;

/** Reports findings on nginx nodes; a node shared by several places a response is made is reported once per message. */
export function createNginxReporter(context: AnyContext): NginxReport {
  const seen = new Set<string>();
  const file = nginxFileOf(context);
  const reporting: Reporting<NginxNode> = {
    place: (at) => ({ where: { loc: at.loc }, range: at.range }),
    edit: (intent) => nginxFixFromIntent(intent, file),
  };
  return (findings) => reportFindings(context, seen, findings, reporting);
}

/** A listener running `run` on the nginx model when the file is linted with `cors/nginx`. */
export function onNginx(context: AnyContext, run: (model: NginxFileModel, report: NginxReport) => void): Record<string, () => void> {
  return {
    'Config:exit'() {
      const file = nginxFileOf(context);
      if (!file.ast.nginx) return;
      run(nginxModelOf(context), createNginxReporter(context));
    },
  };
}

/** A listener running a policy check on every policy of the nginx file. */
export function onNginxPolicies(context: AnyContext, check: (policy: NginxPolicy) => readonly Finding<NginxNode>[]): Record<string, () => void> {
  return onNginx(context, (model, report) => {
    for (const policy of model.policies) report(check(policy));
  });
}
