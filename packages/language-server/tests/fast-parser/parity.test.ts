/**
 * Switching TypeScript documents to the fast parser must change no rule result: for every sample,
 * the lint host's messages (rule, position and end, message, fix, suggestions) and fix-all output
 * are identical with the fast parser and with @typescript-eslint/parser. tokens.test.ts checks that
 * these samples are parsed by oxc, not handed to the fallback.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LintHost } from '../../src/engine/lint-host.js';
import { normalizeSettings } from '../../src/protocol/settings.js';
import { ALL_SAMPLES, FIXTURE_SAMPLES, GENERATED_SAMPLES } from './corpus.js';

const fast = new LintHost({ typescriptParser: 'fast' });
const reference = new LintHost({ typescriptParser: 'typescript-eslint' });

const SETTINGS = [
  { name: 'all rules', settings: normalizeSettings({ config: 'all' }).settings },
  { name: 'recommended', settings: normalizeSettings({}).settings },
];

/** Each sample as it is, and read as CommonJS (`.cts`: a script with `globalReturn`). */
const CASES = [
  ...ALL_SAMPLES,
  ...[...FIXTURE_SAMPLES.slice(0, 5), GENERATED_SAMPLES[0]!].map((sample) => ({ ...sample, name: `${sample.name} as .cts`, file: sample.file.replace(/\.tsx?$/, '.cts') })),
];

beforeAll(async () => {
  await fast.prepare('a.ts');
  await reference.prepare('a.ts');
});

describe.each(SETTINGS)('$name', ({ settings }) => {
  it.each(CASES.map((sample) => [sample.name, sample] as const))('%s', (_name, { file, text }) => {
    const expected = reference.lint(text, file, settings);
    expect(expected.parseError).toBeUndefined();
    expect(fast.lint(text, file, settings)).toEqual(expected);
    expect(fast.fixAll(text, file, settings)).toEqual(reference.fixAll(text, file, settings));
  });
});

it('compares real findings, fixes and suggestions (the comparison is not vacuous)', () => {
  const { settings } = SETTINGS[0]!;
  const messages = ALL_SAMPLES.flatMap(({ file, text }) => fast.lint(text, file, settings).messages);
  expect(messages.length).toBeGreaterThan(40);
  expect(messages.some((message) => message.fix)).toBe(true);
  expect(messages.some((message) => (message.suggestions?.length ?? 0) > 0)).toBe(true);
});
