import {
  TextDocument,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-textdocument';
import { lineShape } from 'cors-lint-core';
import { describe, expect, it } from 'vitest';
import { LineDocument } from '../src/line-document.js';

/** A small deterministic generator, so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const PIECES = [
  'a',
  'bc',
  '\n',
  '\r\n',
  '\r',
  'x\ny',
  '\r\r\n',
  ' ',
  '',
  '\u2028',
  '😀',
  'end\n\n',
];

/**
 * The reference: `TextDocument.update` applied one change at a time, each to a fresh document of
 * the text so far. Its own line table can drift from its text over a batch (a range starting at
 * line -1, character 2, then a CR LF inserted before it: 3 lines for a text of 2), and every later
 * change is then applied at the wrong place.
 */
function reference(
  document: TextDocument,
  changes: readonly TextDocumentContentChangeEvent[],
  version: number,
): TextDocument {
  let current = document;
  for (const change of changes) {
    current = TextDocument.create(current.uri, current.languageId, version, current.getText());
    TextDocument.update(current, [change], version);
  }
  return TextDocument.create(current.uri, current.languageId, version, current.getText());
}

/** Both documents agree on everything a caller can ask. */
function expectSame(ours: LineDocument, theirs: TextDocument): void {
  const text = theirs.getText();
  expect(ours.getText()).toBe(text);
  expect(ours.length).toBe(text.length);
  expect(ours.lineCount).toBe(theirs.lineCount);
  expect(ours.version).toBe(theirs.version);
  for (let offset = -1; offset <= text.length + 1; offset++)
    expect(ours.positionAt(offset)).toEqual(theirs.positionAt(offset));
  for (let line = -1; line <= theirs.lineCount; line++) {
    expect(ours.getLineRange(line)).toEqual(theirs.getLineRange(line));
    expect(ours.getEOLCharacters(line)).toBe(theirs.getEOLCharacters(line));
    for (const character of [-1, 0, 1, 2, 3, 50])
      expect(ours.offsetAt({ line, character })).toBe(theirs.offsetAt({ line, character }));
  }
}

describe('LineDocument', () => {
  it('answers as TextDocument does after any sequence of incremental and full edits', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(seed);
      const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
      const initial = Array.from({ length: Math.floor(next() * 12) }, () => pick(PIECES)).join('');
      let theirs = TextDocument.create('file:///a.js', 'javascript', 1, initial);
      const ours = new LineDocument('file:///a.js', 'javascript', 1, initial);
      for (let version = 2; version < 40; version++) {
        const lines = theirs.lineCount;
        const position = () => ({
          line: Math.floor(next() * (lines + 2)) - 1,
          character: Math.floor(next() * 6) - 1,
        });
        const changes: TextDocumentContentChangeEvent[] = [];
        for (let count = 1 + Math.floor(next() * 3); count > 0; count--) {
          const text = Array.from({ length: Math.floor(next() * 3) }, () => pick(PIECES)).join('');
          changes.push(
            next() < 0.05 ? { text } : { range: { start: position(), end: position() }, text },
          );
        }
        theirs = reference(theirs, changes, version);
        // The text is joined only on demand: leave it unjoined now and then, so ranges are read from the lines.
        ours.update(changes, version);
        if (next() < 0.5) {
          const range = { start: position(), end: position() };
          expect(ours.getText(range), `seed ${seed}, version ${version}`).toBe(
            theirs.getText(range),
          );
        }
        expectSame(ours, theirs);
      }
    }
  });

  it('gives core the shape of its text that core would measure', () => {
    const document = new LineDocument('file:///a.js', 'javascript', 1, 'ab\ncdef\n\nxyz');
    expect(document.shape()).toEqual(lineShape(document.getText()));
    expect(document.shape()).toEqual({ length: 12, lines: 4, longest: 4 });
    document.update(
      [{ range: { start: { line: 3, character: 3 }, end: { line: 3, character: 3 } }, text: '\n' }],
      2,
    );
    expect(document.shape()).toEqual(lineShape(document.getText()));
    expect(document.shape()).toEqual({ length: 13, lines: 4, longest: 4 });
  });
});
