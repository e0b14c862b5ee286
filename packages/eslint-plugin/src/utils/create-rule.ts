import * as ESLintUtils from '@typescript-eslint/utils/eslint-utils';

export interface CorsRuleDocs {
  /** Which shipped config turns the rule on; `all` includes every rule regardless. */
  recommended?: 'recommended' | 'strict';
}

export const DOCS_BASE_URL = 'https://github.com/eslint-plugin-cors/eslint-plugin-cors/blob/main/packages/eslint-plugin/docs/rules/';

export const createRule = ESLintUtils.RuleCreator<CorsRuleDocs>((name) => `${DOCS_BASE_URL}${name}.md`);
