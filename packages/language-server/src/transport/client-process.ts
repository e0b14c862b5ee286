import { readFileSync } from 'node:fs';
import { CLIENT_PROCESS_POLL_MS } from '../limits.js';

/**
 * Whether process `pid` still runs. `kill(pid, 0)` alone is not enough: a client that was killed but
 * not yet reaped by its parent is a zombie, which `kill` still finds; on Linux its state in
 * `/proc/<pid>/stat` says so. Elsewhere `kill` is all there is.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, as another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return true;
  }
  // `pid (command) state …`; the command may itself contain parentheses.
  const state = stat.slice(stat.lastIndexOf(')') + 2).charAt(0);
  return state !== 'Z' && state !== 'X' && state !== 'x';
}

/**
 * Calls `onGone` once the client process is gone (checked every `intervalMs`): the editor that
 * started the server was killed without closing its end of the connection, or a grandchild still
 * holds it open. The timer never keeps the server alive by itself.
 */
export function whenProcessGone(
  pid: number,
  onGone: () => void,
  intervalMs = CLIENT_PROCESS_POLL_MS,
): () => void {
  const timer = setInterval(() => {
    if (isProcessAlive(pid)) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
