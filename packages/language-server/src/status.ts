/**
 * What the server is doing, as `cors/status` reports it (`protocol/status.ts`): whether the lint
 * worker has work, and which documents were stopped for their time budget. `DocumentLinter` tells
 * it; it sends the whole state to `notify` each time that state changes, and never twice the same.
 */
import type { OverBudgetDocument, StatusParams } from './protocol/status.js';

export class LintStatus {
  readonly #notify: (params: StatusParams) => void;
  #pending = 0;
  readonly #overBudget = new Map<string, number>();
  #last = '';

  constructor(notify: (params: StatusParams) => void = () => undefined) {
    this.#notify = notify;
  }

  /** `work` (a lint or fix-all in the worker) counts as busy until it settles. */
  async track<T>(work: Promise<T>): Promise<T> {
    this.#pending++;
    this.#send();
    try {
      return await work;
    } finally {
      this.#pending--;
      this.#send();
    }
  }

  /** `uri` went over its budget of `budgetMs` and is left alone. */
  overBudget(uri: string, budgetMs: number): void {
    this.#overBudget.set(uri, budgetMs);
    this.#send();
  }

  /** `uri` closed, or may be linted again: it is no longer reported as stopped. */
  forget(uri: string): void {
    if (this.#overBudget.delete(uri)) this.#send();
  }

  get params(): StatusParams {
    const overBudget: OverBudgetDocument[] = [...this.#overBudget].map(([uri, budgetMs]) => ({
      uri,
      budgetMs,
    }));
    return { busy: this.#pending > 0, overBudget };
  }

  #send(): void {
    const params = this.params;
    const key = JSON.stringify(params);
    if (key === this.#last) return;
    this.#last = key;
    this.#notify(params);
  }
}
