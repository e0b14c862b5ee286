/** A mistake in how the command was called, or in its input: reported in one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
