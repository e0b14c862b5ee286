/** A mistake in how the command was called, or in its input: reported in one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The network or the server failed (refused, timed out, TLS): one line, exit code 2, and no usage hint. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
