/**
 * The django-settings language's side of a rule: the policies of a settings module (extracted once per
 * module, shared by every rule) and reporting core findings on Python nodes with their fixes.
 * A rule that applies to settings adds `...onDjangoSettings(context, check)` to its listeners; on a
 * JavaScript file the `Module:exit` listener never runs.
 */
import type { Finding } from 'cors-lint-core';
import type { PyNode } from '../languages/django-settings/ast.js';
import type { PythonFile } from './django-fixers.js';
import { pythonFixFromIntent } from './django-fixers.js';
import type { DjangoPolicy, DjangoSettingsModel } from './extract/django/settings-policies.js';
import { djangoCorsHeadersVersion } from './django-cors-headers-version.js';
import { djangoSettingsModel } from './extract/django/settings-policies.js';
import type { AnyRuleContext, FindingReport } from './language-report.js';
import { createLanguageReporter, languageFileOf } from './language-report.js';

/** The settings module being linted, as the fixers see it. */
export function pythonFileOf(context: AnyRuleContext): PythonFile {
  return languageFileOf(context);
}

/** The module's model, read as the django-cors-headers version the lint assumes reads it. */
export function djangoModelOf(context: AnyRuleContext): DjangoSettingsModel {
  return djangoSettingsModel(pythonFileOf(context).ast, djangoCorsHeadersVersion(context).facts);
}

/** Reports findings on Python nodes; a node shared by several policies (branches) is reported once per message. */
export function createPythonReporter(context: AnyRuleContext): FindingReport<PyNode> {
  return createLanguageReporter(context, pythonFileOf(context), pythonFixFromIntent);
}

/**
 * The listener of a rule on a settings module linted with `cors/django-settings`: `run` gets the
 * module's model and a reporter once the module is read.
 */
export function onDjangoSettingsModule(
  context: AnyRuleContext,
  run: (model: DjangoSettingsModel, report: FindingReport<PyNode>) => void,
): Record<string, () => void> {
  return {
    'Module:exit'() {
      run(djangoModelOf(context), createPythonReporter(context));
    },
  };
}

/** A listener running `check` on every policy of the settings module when it is linted with `cors/django-settings`. */
export function onDjangoSettings(
  context: AnyRuleContext,
  check: (policy: DjangoPolicy) => readonly Finding<PyNode>[],
): Record<string, () => void> {
  return onDjangoSettingsModule(context, (model, report) => {
    for (const policy of model.policies) report(check(policy));
  });
}
