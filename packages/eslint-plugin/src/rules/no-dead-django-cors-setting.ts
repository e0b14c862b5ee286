import {
  checkDjangoAllowHeaders,
  checkDjangoIgnoredNewName,
  checkDjangoShadowedAlias,
  checkDjangoUrlsRegex,
  messagesFor,
} from 'cors-lint-core';
import { createRule } from '../utils/create-rule.js';
import { djangoCorsHeadersVersion } from '../utils/django-cors-headers-version.js';
import { onDjangoSettingsModule } from '../utils/django-report.js';
import {
  canMatchSlashPath,
  djangoList,
  newNameWrites,
  setAlternatives,
  shadowedAliases,
} from '../utils/extract/django/settings-facts.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'no-dead-django-cors-setting'>>,
  string
>;

export default createRule<Options, MessageIds>({
  name: 'no-dead-django-cors-setting',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow django-cors-headers settings that can never take effect as written',
      recommended: 'recommended',
      languages: ['cors/django-settings'],
    },
    hasSuggestions: true,
    messages: messagesFor('no-dead-django-cors-setting'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onDjangoSettingsModule(context, ({ evaluation, usesCorsHeaders }, report) => {
      if (!usesCorsHeaders) return;
      for (const { value } of setAlternatives(evaluation, 'CORS_URLS_REGEX')) {
        if (value.kind === 'str')
          report(
            checkDjangoUrlsRegex({
              value: value.value,
              at: value.node,
              matchesSlashPaths: canMatchSlashPath(value.value),
            }),
          );
      }
      // Which name of a renamed setting is dead depends on the version (3.5.0 renamed them).
      const { version, facts } = djangoCorsHeadersVersion(context);
      if (facts.readsNewNames)
        for (const alias of shadowedAliases(evaluation)) report(checkDjangoShadowedAlias(alias));
      else
        for (const write of newNameWrites(evaluation))
          report(checkDjangoIgnoredNewName({ ...write, version: version ?? facts.version }));
      for (const { value } of setAlternatives(evaluation, 'CORS_ALLOW_HEADERS')) {
        const list = djangoList(value);
        if (list) report(checkDjangoAllowHeaders(list, facts.defaultHeaders));
      }
    });
  },
});
