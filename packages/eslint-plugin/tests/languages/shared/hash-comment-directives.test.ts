import { describe, expect, it } from 'vitest';
import type { HashComment } from '../../../src/languages/shared/hash-comment-directives.js';
import { HashCommentDirectives } from '../../../src/languages/shared/hash-comment-directives.js';

/** `#` comments on consecutive lines, each starting at column 0. */
function comments(...values: string[]): HashComment[] {
  let offset = 0;
  return values.map((value, index) => {
    const start = offset;
    offset += value.length + 2;
    return {
      type: 'Comment',
      value,
      range: [start, start + 1 + value.length],
      loc: {
        start: { line: index + 1, column: 0 },
        end: { line: index + 1, column: 1 + value.length },
      },
    };
  });
}

describe('HashCommentDirectives', () => {
  it('reads all four disable forms from one-line # comments, with their justification', () => {
    const directives = new HashCommentDirectives(
      comments(
        ' eslint-disable cors/a',
        ' eslint-enable',
        ' eslint-disable-line cors/b, cors/c',
        ' eslint-disable-next-line cors/d -- proxied app sets no ACAO',
      ),
    ).getDisableDirectives();
    expect(directives.problems).toEqual([]);
    expect(
      directives.directives.map(({ type, value, justification }) => ({
        type,
        value,
        justification,
      })),
    ).toEqual([
      { type: 'disable', value: 'cors/a', justification: '' },
      { type: 'enable', value: '', justification: '' },
      { type: 'disable-line', value: 'cors/b, cors/c', justification: '' },
      { type: 'disable-next-line', value: 'cors/d', justification: 'proxied app sets no ACAO' },
    ]);
  });

  it('keeps only directive comments as inline config nodes', () => {
    const all = comments(
      ' upstream sets ACAO itself',
      ' eslint-disable-next-line',
      'eslint cors/x: off',
      ' eslintrc is not a directive',
      ' global foo',
    );
    expect(new HashCommentDirectives(all).getInlineConfigNodes()).toEqual([all[1], all[2]]);
  });

  it('turns "# eslint rule: severity" into a rules config at the comment', () => {
    const all = comments(' eslint cors/a: off, cors/b: ["error", { "all": true }]');
    expect(new HashCommentDirectives(all).applyInlineConfig()).toEqual({
      configs: [
        {
          config: { rules: { 'cors/a': 'off', 'cors/b': ['error', { all: true }] } },
          loc: all[0]!.loc,
        },
      ],
      problems: [],
    });
  });

  it('reports an inline config it cannot read at the comment instead of dropping it', () => {
    const all = comments(' eslint cors/a: [off');
    const result = new HashCommentDirectives(all).applyInlineConfig();
    expect(result.configs).toEqual([]);
    expect(result.problems).toEqual([
      {
        ruleId: null,
        message: expect.stringContaining('Failed to parse JSON') as unknown as string,
        loc: all[0]!.loc,
      },
    ]);
  });
});
