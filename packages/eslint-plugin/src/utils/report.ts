/**
 * The one way findings reach ESLint. A rule hands a reporter the findings core's checks return (or
 * findings it builds the same way, with fix intents); `reportFindings` places each one, turns its
 * intents into edits through the language's fixer (`fixers.ts`, `nginx-fixers.ts`, `django-fixers.ts`)
 * and reports it once. Rule files never call `context.report` nor write edits: `eslint.config.js`
 * forbids it there. This module holds the JavaScript reporters; `nginx-report.ts` and `django-report.ts`
 * hold those of the other languages.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Finding, FixIntent } from 'cors-lint-core';
import type { ExtractedPolicy } from './cors-context.js';
import { fixFromIntent, fixFromRequestIntent, removesCodeThatRuns, valueNodeOf } from './fixers.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type RuleContext<MessageIds extends string> = Readonly<
  TSESLint.RuleContext<MessageIds, readonly unknown[]>
>;

/** An edit in the form the language's fixer writes it; ESLint calls it with its fixer. */
export type Edit = (fixer: TSESLint.RuleFixer) => unknown;

/** How findings on one language's handles reach ESLint. */
export interface Reporting<H> {
  /** Where a finding on `at` is shown (an ESTree node, or a location in another language), and its source range. */
  place(at: H): {
    readonly where: { readonly node: TSESTree.Node } | { readonly loc: TSESTree.SourceLocation };
    readonly range: readonly [number, number];
  };
  /** The edit an intent stands for, or undefined where the code is not in a shape to edit safely. */
  edit(intent: FixIntent<H>): Edit | undefined;
  /** Whether an intent may be applied as an autofix; one that may not is still offered as a suggestion. Every one by default. */
  mayAutofix?(intent: FixIntent<H>): boolean;
  /** Findings at one place with one message and other data are reported each (two headers dropped through one option). */
  distinctByData?: boolean;
}

/**
 * Reports findings, each once per `seen` (a value shared by several policies is one finding): with its
 * autofix and the suggestions that have an edit. A suggestion that is the autofix itself is offered only
 * where the autofix is withheld.
 */
export function reportFindings<H>(
  context: AnyContext,
  seen: Set<string>,
  findings: readonly Finding<H>[],
  reporting: Reporting<H>,
): void {
  for (const finding of findings) {
    const { where, range } = reporting.place(finding.at);
    const key = `${range[0]}:${range[1]}:${finding.messageId}${reporting.distinctByData ? `:${JSON.stringify(finding.data ?? {})}` : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const fix =
      finding.fix && (reporting.mayAutofix?.(finding.fix) ?? true)
        ? reporting.edit(finding.fix)
        : undefined;
    const suggest = (finding.suggestions ?? []).flatMap((suggestion) => {
      if (fix && suggestion.fix === finding.fix) return [];
      const suggestionFix = reporting.edit(suggestion.fix);
      return suggestionFix
        ? [{ messageId: suggestion.messageId, data: suggestion.data ?? {}, fix: suggestionFix }]
        : [];
    });
    context.report({
      ...where,
      messageId: finding.messageId,
      data: finding.data,
      ...(fix ? { fix } : {}),
      ...(suggest.length > 0 ? { suggest } : {}),
    } as Parameters<AnyContext['report']>[0]);
  }
}

/**
 * Reports findings on policies, on the value of the setting they name. The policy is the one the
 * findings are about: the fixer reads it (the middleware whose options a fix adds to).
 */
export function createReporter<MessageIds extends string>(
  context: RuleContext<MessageIds>,
): (policy: ExtractedPolicy, findings: readonly Finding<TSESTree.Node>[]) => void {
  const seen = new Set<string>();
  return (policy, findings) => {
    reportFindings(context, seen, findings, {
      place: (at) => {
        const node = valueNodeOf(at) ?? at;
        return { where: { node }, range: node.range };
      },
      edit: (intent) => fixFromIntent(intent, policy, context.sourceCode),
    });
  };
}

/**
 * Reports findings on the nodes they name: code a rule judges itself (an origin check), or routes and
 * handlers. `policy`, when the findings are about one, is what the fixer reads (the headers an
 * OPTIONS handler copies).
 */
export function createNodeReporter<MessageIds extends string>(
  context: RuleContext<MessageIds>,
): (findings: readonly Finding<TSESTree.Node>[], policy?: ExtractedPolicy) => void {
  const seen = new Set<string>();
  return (findings, policy) => {
    reportFindings(context, seen, findings, {
      place: (at) => ({ where: { node: at }, range: at.range }),
      edit: (intent) => fixFromIntent(intent, policy, context.sourceCode),
      distinctByData: true,
    });
  };
}

/** Reports findings on client requests; a write shared by two requests (one options constant) is reported once. */
export function createRequestReporter<MessageIds extends string>(
  context: RuleContext<MessageIds>,
): (findings: readonly Finding<TSESTree.Node>[]) => void {
  const seen = new Set<string>();
  const reporting: Reporting<TSESTree.Node> = {
    place: (at) => ({ where: { node: at }, range: at.range }),
    edit: (intent) => fixFromRequestIntent(intent, context.sourceCode),
    // An autofix must keep behaviour: deleting code that runs something (`{ Cookie: track() }`) is left to a suggestion.
    mayAutofix: (intent) => !removesCodeThatRuns(intent, context.sourceCode),
    // Two findings at one node differ by their data (two dropped headers taken through one `headers` option).
    distinctByData: true,
  };
  return (findings) => reportFindings(context, seen, findings, reporting);
}
