import { styleText } from 'node:util';

/** Where the CLI writes; tests pass their own streams. */
export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly cwd: string;
}

type Style = Parameters<typeof styleText>[0];

/** Colour only for a terminal, and never when NO_COLOR is set (no-color.org). */
export function painter(stream: Io['stdout']): (style: Style, text: string) => string {
  const colour = stream.isTTY === true && process.env['NO_COLOR'] === undefined;
  return (style, text) => (colour ? styleText(style, text) : text);
}
