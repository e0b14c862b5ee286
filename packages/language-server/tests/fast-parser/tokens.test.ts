/**
 * The fast parser must give ESLint what @typescript-eslint/parser gives it: the same tokens (type,
 * value, range, loc, regex), comments, the same tree, and a `loc` and `range` on every node.
 */
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { describe, expect, it } from 'vitest';
import { ALL_SAMPLES } from './corpus.js';
import { parseBoth } from './helpers.js';

interface Located {
  type: string;
  range: [number, number];
  loc: unknown;
}

/** Every node reachable through the visitor keys, in order: type, range and loc. */
function nodesOf(root: object): Array<Pick<Located, 'type' | 'range' | 'loc'>> {
  const out: Array<Pick<Located, 'type' | 'range' | 'loc'>> = [];
  const visit = (node: Located): void => {
    out.push({ type: node.type, range: node.range, loc: node.loc });
    for (const key of (visitorKeys as Record<string, readonly string[]>)[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const value of Array.isArray(child) ? child : [child]) if (value && typeof value === 'object' && 'type' in value) visit(value as Located);
    }
  };
  visit(root as Located);
  return out;
}

/** The tree without positions (compared on their own above) and oxc's extra `start`/`end`. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (typeof value === 'bigint' || value instanceof RegExp) return String(value);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (!['start', 'end', 'range', 'loc', 'parent', 'tokens', 'comments'].includes(key)) out[key] = shapeOf(child);
  }
  // typescript-estree keeps this deprecated member as a non-enumerable getter (same value).
  if ((value as { type?: unknown }).type === 'TSEnumMember') delete out['computed'];
  return out;
}

const strip = ({ type, value, range, loc, regex }: Record<string, unknown>) => ({ type, value, range, loc, ...(regex ? { regex } : {}) });

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
    expect(nodesOf(fast.ast)).toEqual(nodesOf(reference.ast));
  });

  it('has the same tree', () => {
    expect(shapeOf(fast.ast)).toEqual(shapeOf(reference.ast));
  });
});
