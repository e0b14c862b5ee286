/**
 * `cors/status`, a notification from the server to a client that asked for it
 * (`initializationOptions: { statusNotification: true }`): what the server is doing, for a status
 * display such as the VS Code extension's language status item. It is sent whenever that changes,
 * and each one carries the whole state, so a client is right again with the next one it reads.
 * Other clients get none: they would only log it as an unknown notification.
 */
export const STATUS_NOTIFICATION = 'cors/status';

/** The `initializationOptions` key a client sets to `true` to receive `cors/status`. */
export const STATUS_INITIALIZATION_OPTION = 'statusNotification';

export interface StatusParams {
  /** A lint or a fix-all is running or waiting in the lint worker. */
  busy: boolean;
  /**
   * Open documents whose check went over `cors.timeBudget` and was stopped (the server also sends a
   * `window/showMessage` warning): not checked again until reopened or the settings change.
   */
  overBudget: OverBudgetDocument[];
}

export interface OverBudgetDocument {
  uri: string;
  /** The budget it went over, in milliseconds. */
  budgetMs: number;
}
