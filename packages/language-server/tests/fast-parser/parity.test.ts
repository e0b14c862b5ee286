/**
 * Switching TypeScript documents to the fast parser must change no rule result: for every sample,
 * the lint host's messages (rule, position and end, message, fix, suggestions) and fix-all output
 * are identical with the fast parser and with @typescript-eslint/parser. tokens.test.ts checks that
 * these samples are parsed by oxc, not handed to the fallback.
 */
import { LintHost } from '../../src/engine/lint-host.js';
import { ALL_SAMPLES, FIXTURE_SAMPLES, GENERATED_SAMPLES } from './corpus.js';
import { describeLintParity } from './lint-parity.js';

/** Each sample as it is, and read as CommonJS (`.cts`: a script with `globalReturn`). */
const CASES = [
  ...ALL_SAMPLES,
  ...[...FIXTURE_SAMPLES.slice(0, 5), GENERATED_SAMPLES[0]!].map((sample) => ({
    ...sample,
    name: `${sample.name} as .cts`,
    file: sample.file.replace(/\.tsx?$/, '.cts'),
  })),
];

describeLintParity(
  {
    fast: new LintHost({ typescriptParser: 'fast' }),
    reference: new LintHost({ typescriptParser: 'typescript-eslint' }),
  },
  CASES,
  'a.ts',
  40,
);
