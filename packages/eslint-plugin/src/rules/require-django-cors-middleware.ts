import {
  WHITENOISE_ALLOW_ALL_ORIGINS,
  checkDjangoCorsMiddleware,
  messagesFor,
} from 'cors-lint-core';
import { createRule } from '../utils/create-rule.js';
import { onDjangoSettingsModule } from '../utils/django-report.js';
import {
  configuredBy,
  djangoList,
  setAlternatives,
} from '../utils/extract/django/settings-facts.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'require-django-cors-middleware'>>,
  string
>;

export default createRule<Options, MessageIds>({
  name: 'require-django-cors-middleware',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require django-cors-headers’ CorsMiddleware in MIDDLEWARE, above the middlewares that answer requests themselves',
      recommended: 'recommended',
      languages: ['cors/django-settings'],
    },
    hasSuggestions: true,
    messages: messagesFor('require-django-cors-middleware'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onDjangoSettingsModule(context, ({ evaluation, usesCorsHeaders }, report) => {
      const by = usesCorsHeaders ? configuredBy(evaluation) : undefined;
      if (!by) return;
      // WhiteNoise sends its own `*` unless this is False on every branch; unset or unknown: it may.
      const whiteNoise = evaluation.binding(WHITENOISE_ALLOW_ALL_ORIGINS)?.alternatives ?? [];
      const whiteNoiseAllowsAllOrigins =
        whiteNoise.length > 0 &&
        whiteNoise.every(
          ({ unset, value }) => !unset && value.kind === 'bool' && value.value === false,
        )
          ? false
          : undefined;
      // MIDDLEWARE_CLASSES is Django < 1.10's name for the same list.
      for (const name of ['MIDDLEWARE', 'MIDDLEWARE_CLASSES']) {
        for (const { value } of setAlternatives(evaluation, name)) {
          const list = djangoList(value);
          if (list) report(checkDjangoCorsMiddleware(list, by, whiteNoiseAllowsAllOrigins));
        }
      }
    });
  },
});
