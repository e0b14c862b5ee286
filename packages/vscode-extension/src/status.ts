/**
 * What the CORS language status item shows, from what the client knows: the server's state (its
 * process) and the `cors/status` notifications (its work). Pure, so it is unit-tested without VS Code;
 * extension.ts puts the result on the item.
 */
import type { StatusParams } from 'cors-language-server/protocol/status';

export type ServerState =
  | { kind: 'starting' }
  | { kind: 'running' }
  /** It could not start, or it stopped without being asked to (crashed more often than the client restarts it). */
  | { kind: 'failed'; reason: string };

export interface StatusView {
  /** The item's text; the details go to `detail`. */
  text: string;
  detail: string;
  severity: 'information' | 'warning' | 'error';
  busy: boolean;
}

export const NO_WORK: StatusParams = { busy: false, overBudget: [] };

/**
 * `documentUri` is the active editor's document (the item is shown for it); `busy` is whether the
 * server has been busy long enough to say so (extension.ts delays it, so a keystroke's lint does not
 * make the item flicker).
 */
export function statusView(
  state: ServerState,
  work: StatusParams,
  busy: boolean,
  documentUri: string | undefined,
): StatusView {
  if (state.kind === 'failed')
    return { text: 'CORS: stopped', detail: state.reason, severity: 'error', busy: false };
  if (state.kind === 'starting')
    return { text: 'CORS', detail: 'starting', severity: 'information', busy: true };
  const stopped = work.overBudget.find((document) => document.uri === documentUri);
  if (stopped !== undefined) {
    return {
      text: 'CORS: slow file',
      detail: `not checked: it took over ${stopped.budgetMs / 1000} s (cors.timeBudget)`,
      severity: 'warning',
      busy,
    };
  }
  return { text: 'CORS', detail: busy ? 'checking' : 'running', severity: 'information', busy };
}
