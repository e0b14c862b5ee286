/** One parity check for both fast parsers: the lint host gives the same result with it as with its reference. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LintHost } from '../../src/engine/lint-host.js';
import { normalizeSettings } from '../../src/protocol/settings.js';
import type { Sample } from './corpus.js';

export const PARITY_SETTINGS = [
  { name: 'all rules', settings: normalizeSettings({ config: 'all' }).settings },
  { name: 'recommended', settings: normalizeSettings({}).settings },
];

/**
 * For every case and both rule sets: identical messages (rule, position and end, message, fix,
 * suggestions) and fix-all output; and, so that the comparison is not vacuous, more than
 * `minimumMessages` findings among them, with fixes and suggestions.
 */
export function describeLintParity(
  hosts: { fast: LintHost; reference: LintHost },
  cases: readonly Sample[],
  preparedAs: string,
  minimumMessages: number,
): void {
  const { fast, reference } = hosts;
  beforeAll(async () => {
    await fast.prepare(preparedAs);
    await reference.prepare(preparedAs);
  });

  describe.each(PARITY_SETTINGS)('$name', ({ settings }) => {
    it.each(cases.map((sample) => [sample.name, sample] as const))(
      '%s',
      (_name, { file, text }) => {
        const expected = reference.lint(text, file, settings);
        expect(expected.parseError).toBeUndefined();
        expect(fast.lint(text, file, settings)).toEqual(expected);
        expect(fast.fixAll(text, file, settings)).toEqual(reference.fixAll(text, file, settings));
        // Four lints and two fix-all loops of a 2,000-line file: a correctness check, given room on a busy machine.
      },
      60_000,
    );
  });

  it('compares real findings, fixes and suggestions (the comparison is not vacuous)', () => {
    const { settings } = PARITY_SETTINGS[0]!;
    const messages = cases.flatMap(({ file, text }) => fast.lint(text, file, settings).messages);
    expect(messages.length).toBeGreaterThan(minimumMessages);
    expect(messages.some((message) => message.fix)).toBe(true);
    expect(messages.some((message) => (message.suggestions?.length ?? 0) > 0)).toBe(true);
  });
}
