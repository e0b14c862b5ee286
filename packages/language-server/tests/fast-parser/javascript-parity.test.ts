/**
 * Switching JavaScript documents from espree to the fast parser must change no rule result: for
 * every sample, the lint host's messages (rule, position and end, message, fix, suggestions) and
 * fix-all output are identical with both, as a module and as CommonJS (the source types the lint
 * host picks by extension), and where the lint host retries with the other source type.
 * javascript-tokens.test.ts checks that these samples are parsed by oxc, not handed to espree.
 */
import { expect, it } from 'vitest';
import { LintHost } from '../../src/engine/lint-host.js';
import { normalizeSettings } from '../../src/protocol/settings.js';
import { ALL_JS_SAMPLES, JS_FIXTURE_SAMPLES, JS_GENERATED_SAMPLES, type Sample } from './corpus.js';
import { describeLintParity } from './lint-parity.js';

const fast = new LintHost({ javascriptParser: 'fast' });

const SERVER =
  "const cors = require('cors');\napp.use(cors({ origin: true, credentials: true }));\n";

/** Documents that parse only with the other source type than their extension gives: the lint host retries. */
const RETRIED: Sample[] = [
  {
    name: 'sloppy-mode code in a .js file (`with`, a legacy octal)',
    file: '/project/sloppy.js',
    text: `${SERVER}with (config) { app.use(cors({ origin: '*' })); }\nconst mode = 0644;\n`,
  },
  {
    name: 'a top-level return in a .mjs file',
    file: '/project/early.mjs',
    text: `${SERVER}if (!app) return;\napp.use(cors({ origin: 'null' }));\n`,
  },
  {
    name: 'import in a .cjs file',
    file: '/project/imports.cjs',
    text: `import cors from 'cors';\n${SERVER.slice(SERVER.indexOf('\n') + 1)}`,
  },
];

/** Each sample as it is, and read with the other source type (`.mjs` ↔ `.cjs`) where it parses so. */
const CASES: Sample[] = [
  ...ALL_JS_SAMPLES,
  ...[
    ...JS_FIXTURE_SAMPLES.filter(
      (sample) => /\.c?js$/.test(sample.file) && !/\bimport\b|\bexport\b/.test(sample.text),
    ).slice(0, 8),
    JS_GENERATED_SAMPLES[0]!,
  ].map((sample) => ({
    ...sample,
    name: `${sample.name} as .cjs`,
    file: sample.file.replace(/\.[cm]?jsx?$/, '.cjs'),
  })),
  ...RETRIED,
];

describeLintParity(
  { fast, reference: new LintHost({ javascriptParser: 'espree' }) },
  CASES,
  'a.js',
  100,
);

it('lints the retried documents too: the retry ran the rules', () => {
  const { settings } = normalizeSettings({ config: 'all' });
  for (const { file, text } of RETRIED)
    expect(fast.lint(text, file, settings).messages.length).toBeGreaterThan(0);
});
