import { describe, expect, it } from 'vitest';
import { generatedReason, lineShape } from '../../src/index.js';

const MB = 1024 * 1024;
const HAND_WRITTEN =
  "import cors from 'cors';\napp.use(cors({ origin: 'https://app.example.com' }));\n".repeat(400);

describe('generatedReason', () => {
  it('names a file over the size limit', () => {
    expect(generatedReason('src/app.js', 6 * MB, undefined, 5 * MB)).toBe(
      '6.0 MB, over the 5.0 MB limit for hand-written code',
    );
  });

  it('names a .min. file whatever its text', () => {
    expect(generatedReason('/x/vendor.min.mjs', 10, 'a', MB)).toBe('a minified file (.min.)');
  });

  it('names minified text: long lines on average, or one very long line', () => {
    const oneLine = 'var a=1,b=2;'.repeat(3000);
    expect(generatedReason('dist/app.js', oneLine.length, oneLine, MB)).toBe(
      `minified (lines of ${oneLine.length} characters on average)`,
    );
    const mixed = `${'x = 1;\n'.repeat(200)}${'y'.repeat(20_000)}\n${'z = 2;\n'.repeat(10)}`;
    expect(generatedReason('dist/app.js', mixed.length, mixed, MB)).toMatch(
      /^minified \(a line of 20000 characters\)$/,
    );
  });

  it('leaves hand-written code, small files and unknown text alone', () => {
    expect(generatedReason('src/app.js', HAND_WRITTEN.length, HAND_WRITTEN, MB)).toBeUndefined();
    expect(generatedReason('src/app.js', 100, 'x'.repeat(100), MB)).toBeUndefined();
    expect(generatedReason('src/app.js', 100, undefined, MB)).toBeUndefined();
  });

  it('measures a text as lines, and judges its line shape as it judges the text', () => {
    expect(lineShape('ab\ncdef\n\nxyz')).toEqual({ length: 12, lines: 4, longest: 4 });
    expect(lineShape('ab\n')).toEqual({ length: 3, lines: 1, longest: 2 });
    const oneLine = 'var a=1,b=2;'.repeat(3000);
    const mixed = `${'x = 1;\n'.repeat(200)}${'y'.repeat(20_000)}\n${'z = 2;\n'.repeat(10)}`;
    for (const text of [oneLine, mixed, HAND_WRITTEN]) {
      expect(generatedReason('dist/app.js', text.length, lineShape(text), MB)).toBe(
        generatedReason('dist/app.js', text.length, text, MB),
      );
    }
    expect(generatedReason('dist/app.js', mixed.length, lineShape(mixed), MB)).toBe(
      'minified (a line of 20000 characters)',
    );
  });
});
