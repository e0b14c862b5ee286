import type { MessageSpec } from 'cors-lint-core';

export interface IndexedScenario {
  /** Relative to the repository root, e.g. `test-fixtures/scenarios/null-origin-in-allow-list`. */
  readonly folder: string;
  readonly name: string;
  /** The rules its scenario.json names. */
  readonly rules: readonly string[];
}
type Catalog = Readonly<Record<string, Readonly<Record<string, MessageSpec>>>>;

export declare const SCENARIO_ROOTS: readonly string[];
export declare const INDEX_FILE: string;
export declare function readScenarios(repoRoot: string): IndexedScenario[];
export declare function browserEffectsOf(specs: Readonly<Record<string, MessageSpec>>): string[];
export declare function rulesWithBrowserEffect(ruleMessages: Catalog): string[];
export declare function rulesWithoutScenario(
  ruleMessages: Catalog,
  scenarios: readonly IndexedScenario[],
): string[];
export declare function renderIndex(
  ruleMessages: Catalog,
  scenarios: readonly IndexedScenario[],
): string;
