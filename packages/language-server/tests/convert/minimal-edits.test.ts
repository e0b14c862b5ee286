import { describe, expect, it } from 'vitest';
import { minimalEdits } from '../../src/convert/minimal-edits.js';
import { applyEdits, documentOf } from './helpers.js';

/** The edit must turn the old text into the new one, and replace no more than `replaced`. */
function check(oldText: string, newText: string, replaced: string) {
  const document = documentOf(oldText);
  const edits = minimalEdits(document, newText);
  expect(applyEdits(document, edits)).toBe(newText);
  expect(edits).toHaveLength(1);
  expect(document.getText(edits[0]!.range)).toBe(replaced);
  return edits[0]!;
}

describe('minimalEdits', () => {
  it('returns no edit when nothing changes', () => {
    expect(minimalEdits(documentOf('same\n'), 'same\n')).toEqual([]);
    expect(minimalEdits(documentOf(''), '')).toEqual([]);
  });

  it('replaces only what differs between the common prefix and suffix', () => {
    const oldText = "app.use(cors({ origin: 'https://a.example/' }));\n";
    const edit = check(oldText, "app.use(cors({ origin: 'https://a.example' }));\n", '/');
    expect(edit.newText).toBe('');
    expect(edit.range.start).toEqual({ line: 0, character: oldText.indexOf("/'") });
  });

  it('handles insertions, deletions and whole rewrites', () => {
    check('ac', 'abc', '');
    check('abc', 'ac', 'b');
    check('abc', 'xyz', 'abc');
    check('', 'new', '');
    check('old', '', 'old');
  });

  it('does not let prefix and suffix overlap on repeated text', () => {
    check('aaaa', 'aa', 'aa');
    check('aa', 'aaaa', '');
    check('abab', 'ab', 'ab');
  });

  it('places edits right after CRLF line breaks, and never inside one', () => {
    const edit = check('a\r\nb\r\nc', 'a\r\nB\r\nc', 'b');
    expect(edit.range.start).toEqual({ line: 1, character: 0 });
    // CR → CRLF: the edit replaces the whole old line break rather than splitting a CRLF in the new text.
    check('a\rb', 'a\r\nb', '');
    // CRLF → LF: the boundary would fall inside the old CRLF, so the edit takes the whole pair.
    const toLf = check('a\r\nb', 'a\nb', '\r\n');
    expect(toLf.range).toEqual({
      start: { line: 0, character: 1 },
      end: { line: 1, character: 0 },
    });
    check('x\r\n', 'x\r\ny\r\n', '');
  });

  it('keeps a BOM out of the edit', () => {
    const edit = check("\uFEFForigin: 'A'", "\uFEFForigin: 'a'", 'A');
    expect(edit.range.start).toEqual({ line: 0, character: 10 });
  });

  it('never cuts a surrogate pair in two', () => {
    // 😀 (D83D DE00) and 😁 (D83D DE01) share their high surrogate; 😀 and 🙀 (D83D DE40) too.
    check('a😀b', 'a😁b', '😀');
    check('😀', '🙀', '😀');
    check('x😀', 'x😀😀', '');
    check('😀😀y', '😀y', '😀');
  });

  it('stays fast on a large document', () => {
    const line = "app.use(cors({ origin: 'https://a.example/' }));\n";
    const oldText = line.repeat(50_000);
    const newText = `${line.repeat(25_000)}${line.replace("/'", "'")}${line.repeat(24_999)}`;
    const started = performance.now();
    check(oldText, newText, '/');
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
