/**
 * The fast JavaScript parser must give ESLint what espree gives it: the same tokens (type, value,
 * range, loc, regex), comments, the same tree, and a `loc` and `range` on every node.
 */
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import { ALL_JS_SAMPLES } from './corpus.js';
import { espreeFallback, parseBothJavaScript } from './helpers.js';
import { nodesOf, shapeOf, strip } from './tree-compare.js';

describe.each(ALL_JS_SAMPLES)('$name', ({ file, text }) => {
  const before = espreeFallback.calls;
  const { fast, reference } = parseBothJavaScript(file, text);
  const fallbackCalls = espreeFallback.calls - before;

  it('parses with oxc, not the fallback', () => {
    expect(fallbackCalls).toBe(0);
  });

  it('has the same tokens', () => {
    expect(fast.ast.tokens.map(strip)).toEqual(reference.ast.tokens.map(strip));
  });

  it('has the same comments', () => {
    expect(fast.ast.comments.map(strip)).toEqual(reference.ast.comments.map(strip));
  });

  it('has the same nodes with the same range and loc', () => {
    expect(nodesOf(fast.ast, espree.VisitorKeys)).toEqual(
      nodesOf(reference.ast, espree.VisitorKeys),
    );
  });

  it('has the same tree', () => {
    expect(shapeOf(fast.ast)).toEqual(shapeOf(reference.ast));
  });
});
