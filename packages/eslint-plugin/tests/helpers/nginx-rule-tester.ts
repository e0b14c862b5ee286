import { RuleTester } from '@typescript-eslint/rule-tester';
import plugin from '../../src/index.js';

/**
 * A RuleTester whose cases are nginx configuration files, linted with the `cors/nginx` language.
 * typescript-eslint's RuleTester adds its parser to `languageOptions`; the language ignores it.
 */
export function nginxRuleTester(): RuleTester {
  return new RuleTester({ plugins: { cors: plugin }, language: 'cors/nginx' } as never);
}

/** A config as the tests write it: one directive per line, indented by four per level. */
export const conf = (strings: TemplateStringsArray, ...values: unknown[]): string => {
  const text = String.raw({ raw: strings.raw }, ...values).replace(/^\n/, '');
  const indent = /^ */.exec(text)![0].length;
  return text
    .split('\n')
    .map((line) => line.slice(indent))
    .join('\n');
};
