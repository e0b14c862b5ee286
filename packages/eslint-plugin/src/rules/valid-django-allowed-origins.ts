import { checkDjangoAllowedOrigins, messagesFor } from 'cors-lint-core';
import { createRule } from '../utils/create-rule.js';
import { djangoCorsHeadersVersion } from '../utils/django-cors-headers-version.js';
import { onDjangoSettingsModule } from '../utils/django-report.js';
import { allowedOriginValues } from '../utils/extract/django/settings-facts.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'valid-django-allowed-origins'>>,
  string
>;

export default createRule<Options, MessageIds>({
  name: 'valid-django-allowed-origins',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow entries of CORS_ALLOWED_ORIGINS that django-cors-headers can never match, or that admit Origin: null',
      recommended: 'recommended',
      languages: ['cors/django-settings'],
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: messagesFor('valid-django-allowed-origins'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onDjangoSettingsModule(context, ({ evaluation }, report) => {
      for (const { setting, value } of allowedOriginValues(
        evaluation,
        djangoCorsHeadersVersion(context).facts.readsNewNames,
      ))
        report(checkDjangoAllowedOrigins(setting, value));
    });
  },
});
