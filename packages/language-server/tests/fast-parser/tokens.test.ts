/**
 * The fast parser must give ESLint what @typescript-eslint/parser gives it: the same tokens (type,
 * value, range, loc, regex), comments, the same tree, and a `loc` and `range` on every node.
 */
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { describe, expect, it } from 'vitest';
import { ALL_SAMPLES } from './corpus.js';
import { parseBoth } from './helpers.js';
import { nodesOf, shapeOf, strip } from './tree-compare.js';

describe.each(ALL_SAMPLES)('$name', ({ file, text }) => {
  const { fast, reference } = parseBoth(file, text);

  it('parses with oxc, not the fallback', () => {
    // oxc's nodes carry `start`, typescript-estree's do not.
    expect(fast.ast.start).toBe(0);
  });

  it('has the same tokens', () => {
    expect(fast.ast.tokens.map(strip)).toEqual(reference.ast.tokens.map(strip));
  });

  it('has the same comments', () => {
    expect(fast.ast.comments.map(strip)).toEqual(reference.ast.comments.map(strip));
  });

  it('has the same nodes with the same range and loc', () => {
    expect(nodesOf(fast.ast, visitorKeys)).toEqual(nodesOf(reference.ast, visitorKeys));
  });

  it('has the same tree', () => {
    expect(shapeOf(fast.ast)).toEqual(shapeOf(reference.ast));
  });
});
