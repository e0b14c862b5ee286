import { RuleTester } from '@typescript-eslint/rule-tester';
import plugin from '../../src/index.js';

/**
 * A RuleTester whose cases are Python settings modules, linted with the `cors/django-settings` language.
 * typescript-eslint's RuleTester adds its parser to `languageOptions`; the language ignores it.
 */
export function djangoRuleTester(): RuleTester {
  return new RuleTester({ plugins: { cors: plugin }, language: 'cors/django-settings' } as never);
}
