import * as ESLintUtils from '@typescript-eslint/utils/eslint-utils';

export interface CorsRuleDocs {
  /** Which shipped config turns the rule on; `all` includes every rule regardless. */
  recommended?: 'recommended' | 'strict';
  /**
   * The plugin language a rule made for one language lints. Not `meta.languages`, on purpose: ESLint
   * ≥ 10.2 rejects a config that turns such a rule on for JavaScript, and configs that turn on every
   * rule of the plugin (`Object.keys(plugin.rules)`, the corpus scorers) would fail on every file.
   * These rules listen only to their language's root node (`Config`, `Module`), so elsewhere they do nothing.
   */
  languages?: readonly ('cors/nginx' | 'cors/django-settings')[];
}

export const DOCS_BASE_URL =
  'https://github.com/eslint-plugin-cors/eslint-plugin-cors/blob/main/packages/eslint-plugin/docs/rules/';

export const createRule = ESLintUtils.RuleCreator<CorsRuleDocs>(
  (name) => `${DOCS_BASE_URL}${name}.md`,
);
