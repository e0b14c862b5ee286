/**
 * The django-settings language's side of a rule: the policies of a settings module (extracted once per
 * module, shared by every rule) and reporting core findings on Python nodes with their fixes.
 * A rule that applies to settings adds `...onDjangoSettings(context, check)` to its listeners; on a
 * JavaScript file the `Module:exit` listener never runs.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { Finding } from 'cors-lint-core';
import type { Module, PyNode } from '../languages/django-settings/ast.js';
import type { PythonFile } from './django-fixers.js';
import { pythonFixFromIntent } from './django-fixers.js';
import type { DjangoPolicy, DjangoSettingsModel } from './extract/django/settings-policies.js';
import { djangoSettingsModel } from './extract/django/settings-policies.js';
import type { Reporting } from './report.js';
import { reportFindings } from './report.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The settings module being linted, as the fixers see it. */
export function pythonFileOf(context: AnyContext): PythonFile & { ast: Module } {
  const sourceCode = context.sourceCode as unknown as { text: string; ast: Module; getParent(node: PyNode): PyNode | undefined };
  return { text: sourceCode.text, ast: sourceCode.ast, getParent: (node) => sourceCode.getParent(node) };
}

export function djangoModelOf(context: AnyContext): DjangoSettingsModel {
  return djangoSettingsModel(pythonFileOf(context).ast);
}

/** Reports findings on Python nodes; a node shared by several policies (branches) is reported once per message. */
export function createPythonReporter(context: AnyContext): (findings: readonly Finding<PyNode>[]) => void {
  const seen = new Set<string>();
  const file = pythonFileOf(context);
  const reporting: Reporting<PyNode> = {
    place: (at) => ({ where: { loc: at.loc }, range: at.range }),
    edit: (intent) => pythonFixFromIntent(intent, file),
  };
  return (findings) => reportFindings(context, seen, findings, reporting);
}

/** A listener running `check` on every policy of the settings module when it is linted with `cors/django-settings`. */
export function onDjangoSettings(context: AnyContext, check: (policy: DjangoPolicy) => readonly Finding<PyNode>[]): Record<string, () => void> {
  return {
    'Module:exit'() {
      const report = createPythonReporter(context);
      for (const policy of djangoModelOf(context).policies) report(check(policy));
    },
  };
}
