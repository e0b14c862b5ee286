declare module '@microsoft/eslint-formatter-sarif' {
  import type { ESLint } from 'eslint';

  /** An ESLint formatter: results in, a SARIF 2.1.0 log as JSON text out. */
  export default function format(
    results: ESLint.LintResult[],
    data?: ESLint.LintResultData,
  ): string;
}
