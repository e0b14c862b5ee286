/**
 * The listeners of a rule that is one core check run on every policy of a file, in each language the
 * rule runs on: JavaScript (`Program:exit`), nginx (`Config:exit`) and Django settings (`Module:exit`).
 * A rule that reads more of the file than its policies writes its own listeners with the same reporters.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { CorsPolicy, Finding, RepairOptions } from 'cors-lint-core';
import { readAppOrigins } from './app-origins.js';
import { getCorsContext } from './cors-context.js';
import { onDjangoSettings } from './django-report.js';
import { onNginxPolicies } from './nginx-report.js';
import { createReporter } from './report.js';

/** A language a policy rule may run on, as its `meta.languages` names it. */
export type PolicyLanguage = 'js/js' | 'cors/nginx' | 'cors/django-settings';

/**
 * A check that takes a policy of any language and returns findings on that policy's handles. `repair`
 * holds the app's origins (`settings.cors.appOrigins`) for the checks whose suggestions write one.
 */
export type PolicyCheck = <H>(
  policy: CorsPolicy<H>,
  repair: RepairOptions,
) => readonly Finding<H>[];

/** `languages` is the rule's `meta.languages`: a listener for a language the rule does not declare would run it where its check was never meant to. */
export function reportEachPolicy<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>,
  languages: readonly PolicyLanguage[],
  check: PolicyCheck,
): TSESLint.RuleListener {
  const report = createReporter(context);
  const repair: RepairOptions = { appOrigins: readAppOrigins(context, undefined) };
  const run = <H>(policy: CorsPolicy<H>) => check(policy, repair);
  return {
    ...(languages.includes('cors/django-settings') ? onDjangoSettings(context, run) : {}),
    ...(languages.includes('cors/nginx') ? onNginxPolicies(context, run) : {}),
    ...(languages.includes('js/js')
      ? {
          'Program:exit'() {
            for (const policy of getCorsContext(context).policies) report(policy, run(policy));
          },
        }
      : {}),
  };
}
