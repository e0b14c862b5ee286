/**
 * ESLint directives written in `#` comments, for the languages whose only comment is `#` to the end
 * of the line (nginx configs, Python settings modules):
 *
 *   # eslint-disable-next-line cors/some-rule -- why
 *   # eslint-disable cors/some-rule
 *   # eslint-enable
 *   # eslint cors/some-rule: off
 *
 * Every `#` comment is one line, so unlike JavaScript's `//` comments all four disable forms are
 * allowed in it (ESLint's JS source code accepts only the `-line` forms in line comments, because
 * `/* … *\/` exists for the others). A language's SourceCode delegates `getInlineConfigNodes`,
 * `getDisableDirectives` and `applyInlineConfig` to `HashCommentDirectives`, which parses each
 * comment once with plugin-kit's `ConfigCommentParser`, as ESLint parses its own comments.
 */
import type { FileProblem, RulesConfig, SourceLocation } from '@eslint/core';
import { ConfigCommentParser, Directive } from '@eslint/plugin-kit';

/** A `#` comment as the languages keep it: `value` is the text after `#`. */
export interface HashComment {
  readonly type: string;
  readonly value: string;
  readonly range: readonly [number, number];
  readonly loc: SourceLocation;
}

type DisableType = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

const DISABLE_LABELS: ReadonlyMap<string, DisableType> = new Map([
  ['eslint-disable', 'disable'],
  ['eslint-enable', 'enable'],
  ['eslint-disable-line', 'disable-line'],
  ['eslint-disable-next-line', 'disable-next-line'],
]);

/** The label of inline rule configuration (`# eslint cors/rule: off`). */
const CONFIG_LABEL = 'eslint';

export interface InlineConfigResult {
  readonly configs: { config: { rules: RulesConfig }; loc: SourceLocation }[];
  readonly problems: FileProblem[];
}

export interface DisableDirectivesResult {
  readonly directives: Directive[];
  readonly problems: FileProblem[];
}

interface ParsedComment<C extends HashComment> {
  readonly comment: C;
  readonly label: string;
  readonly value: string;
  readonly justification: string;
}

const parser = new ConfigCommentParser();

/** The directives of one file's `#` comments, parsed on first use. */
export class HashCommentDirectives<C extends HashComment> {
  readonly #comments: readonly C[];
  #parsed: ParsedComment<C>[] | undefined;

  constructor(comments: readonly C[]) {
    this.#comments = comments;
  }

  #directiveComments(): ParsedComment<C>[] {
    this.#parsed ??= this.#comments.flatMap((comment) => {
      const directive = parser.parseDirective(comment.value);
      if (!directive || (directive.label !== CONFIG_LABEL && !DISABLE_LABELS.has(directive.label)))
        return [];
      return [
        {
          comment,
          label: directive.label,
          value: directive.value,
          justification: directive.justification,
        },
      ];
    });
    return this.#parsed;
  }

  /** The comments that carry a directive (ESLint warns on them under `noInlineConfig`). */
  getInlineConfigNodes(): C[] {
    return this.#directiveComments().map(({ comment }) => comment);
  }

  /** `eslint-disable`, `eslint-enable`, `eslint-disable-line` and `eslint-disable-next-line`. */
  getDisableDirectives(): DisableDirectivesResult {
    const directives: Directive[] = [];
    for (const { comment, label, value, justification } of this.#directiveComments()) {
      const type = DISABLE_LABELS.get(label);
      if (type) directives.push(new Directive({ type, node: comment, value, justification }));
    }
    return { directives, problems: [] };
  }

  /** `# eslint rule: severity` comments, as rule configs at the comment's location. */
  applyInlineConfig(): InlineConfigResult {
    const configs: InlineConfigResult['configs'] = [];
    const problems: FileProblem[] = [];
    for (const { comment, label, value } of this.#directiveComments()) {
      if (label !== CONFIG_LABEL) continue;
      const result = parser.parseJSONLikeConfig(value);
      if (result.ok) configs.push({ config: { rules: result.config }, loc: comment.loc });
      else problems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
    }
    return { configs, problems };
  }
}
