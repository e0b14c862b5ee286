import { describe, expect, it } from 'vitest';
import { eslintLineTable } from '../../src/convert/eslint-positions.js';
import { LineDocument } from '../../src/line-document.js';

/** ESLint's own line breaks, as its `createGlobalLinebreakMatcher` finds them. */
function expectedLines(text: string): { starts: number[]; ends: number[] } {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const starts = [bom];
  const ends: number[] = [];
  for (const match of text.matchAll(/\r\n|[\r\n\u2028\u2029]/g)) {
    ends.push(match.index);
    starts.push(match.index + match[0].length);
  }
  ends.push(text.length);
  return { starts, ends };
}

describe('eslintLineTable', () => {
  it('breaks lines where ESLint does: CR LF, CR, LF, U+2028, U+2029, after a BOM', () => {
    for (const text of [
      '',
      'a',
      '\uFEFFa\nb',
      'a\r\nb\rc\nd\u2028e\u2029f',
      '\r\r\n\n\r',
      'x\r',
      '\n',
      'a\u2028\r\n',
    ]) {
      const table = eslintLineTable(new LineDocument('file:///a.js', 'javascript', 1, text));
      expect({ starts: table.starts, ends: table.ends }, JSON.stringify(text)).toEqual(
        expectedLines(text),
      );
    }
  });
});
