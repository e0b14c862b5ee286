import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { Finding, OriginLiteral, Suggestion } from 'cors-lint-core';
import {
  classifyOriginSubstringCheck,
  messagesFor,
  safeReplacementForSubstringCheck,
} from 'cors-lint-core';
import type { PyNode } from '../languages/django-settings/ast.js';
import type { NginxNode } from '../languages/nginx/ast.js';
import { getCorsContext } from '../utils/cors-context.js';
import { createRule } from '../utils/create-rule.js';
import { pythonRegexLiteral } from '../utils/django-fixers.js';
import { onDjangoSettings } from '../utils/django-report.js';
import type { DjangoPolicy } from '../utils/extract/django/settings-policies.js';
import { nginxOriginPatterns } from '../utils/extract/nginx/rule-inputs.js';
import {
  calledMethodName,
  resolveNode,
  skipTypeWrappers,
} from '../utils/extract/values/resolve.js';
import { staticRegExp } from '../utils/extract/values/cors-values.js';
import { flowOf } from '../utils/extract/values/value-flow.js';
import { schemesPassingSubstringTest } from '../utils/extract/values/checks-every-origin-passes.js';
import { schemesMatchingEveryOrigin } from '../utils/extract/values/pattern-matches-every-origin.js';
import { originTestText } from '../utils/fixers.js';
import { nginxPatternWord, nginxRegexPrefix } from '../utils/nginx-fixers.js';
import { onNginx } from '../utils/nginx-report.js';
import { createNodeReporter } from '../utils/report.js';
import type {
  PatternRepair,
  RegexWeakness,
} from './no-unsafe-origin-check-utils/regex-weaknesses.js';
import { analyseOriginRegex } from './no-unsafe-origin-check-utils/regex-weaknesses.js';
import { SubstringOperands } from './no-unsafe-origin-check-utils/substring-operands.js';
import type { RegExpConstruction } from './no-unsafe-origin-check-utils/mapped-regexps.js';
import {
  isPlainDynamicPattern,
  isRegExpConstruction,
  mappedRegExpConstruction,
} from './no-unsafe-origin-check-utils/mapped-regexps.js';
import { verifiedRepair } from './no-unsafe-origin-check-utils/verified-repair.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'no-unsafe-origin-check'>>,
  string
>;

type Node = TSESTree.Node;

const SUBSTRING_METHODS = new Set(['includes', 'indexOf', 'startsWith', 'endsWith']);
const REGEX_METHODS_ON_STRING = new Set(['match', 'search', 'matchAll']);

export default createRule<Options, MessageIds>({
  name: 'no-unsafe-origin-check',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow origin checks that an attacker-controlled origin can pass',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    languages: ['js/js', 'cors/nginx', 'cors/django-settings'],
    messages: messagesFor('no-unsafe-origin-check'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    const scopeOf = (node: Node) => sourceCode.getScope(node);
    const report = createNodeReporter(context);

    /** A pattern that is a run-time value as it is (see mapped-regexps.ts): nobody can review it. */
    function reportDynamic(construction: RegExpConstruction | undefined): void {
      if (construction && isPlainDynamicPattern(construction))
        report([{ messageId: 'dynamicRegExp', data: {}, at: construction }]);
    }

    /**
     * A regex used to decide an origin: report each weakness, with the pattern repaired as a
     * suggestion. A pattern every origin passes is no check at all: the reflection rules report it.
     * An element of a list (`patterns.some((pattern) => pattern.test(origin))`) is each pattern of the list.
     */
    function checkRegex(node: Node, operands: SubstringOperands): void {
      const target = resolveNode(node, sourceCode.getScope(node));
      const regex = staticRegExp(target, sourceCode.getScope(target));
      if (!regex) {
        const list = operands.iteratedList(target);
        reportDynamic(
          isRegExpConstruction(target) ? target : list && mappedRegExpConstruction(list, scopeOf),
        );
        return;
      }
      if (schemesMatchingEveryOrigin(regex.source, regex.flags).length > 0) return;
      const { weaknesses, repair } = analyseOriginRegex(regex.source, regex.flags);
      // One repair for all weaknesses, so applying it leaves none of them behind.
      const verified =
        target.type === AST_NODE_TYPES.Literal
          ? verifiedRepair(regex.source, regex.flags, repair)
          : undefined;
      report(
        weaknessFindings(
          target,
          `/${regex.source}/${regex.flags}`,
          weaknesses,
          verified && {
            pattern: verified,
            flags: regex.flags,
            fixed: `/${verified.source}/${regex.flags}`,
          },
        ),
      );
    }

    /** `origin.endsWith('example.com')` and friends, on the origin or its parsed hostname, with each value the argument may have. */
    function checkSubstringCall(call: TSESTree.CallExpression, operands: SubstringOperands): void {
      const method = calledMethodName(call);
      if (!method || !SUBSTRING_METHODS.has(method)) return;
      const callee = skipTypeWrappers(call.callee) as TSESTree.MemberExpression;
      const [argument] = call.arguments;
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
      const texts = operands.values(argument) ?? [];
      if (texts.length === 0) {
        checkWildcardRest(call, callee.object, argument, method, operands);
        return;
      }
      const subject = operands.subject(callee.object);
      if (!subject) return;
      // `origin.indexOf(x) === 0` is a prefix test; other uses of indexOf ask "contains".
      const kind =
        method === 'indexOf' && isComparedWithZero(call)
          ? 'startsWith'
          : (method as 'includes' | 'indexOf' | 'startsWith' | 'endsWith');
      // `origin.startsWith('https://')` lets every origin through: no check, reported as the reflection it is.
      const testKind = kind === 'indexOf' ? 'includes' : kind;
      if (
        subject === 'origin' &&
        texts.some((text) => schemesPassingSubstringTest(testKind, text).length > 0)
      )
        return;
      const weak = texts
        .map((text) => ({ text, verdict: classifyOriginSubstringCheck(subject, kind, text) }))
        .find(({ verdict }) => !verdict.safe);
      if (!weak || weak.verdict.safe) return;
      if (weak.verdict.reason === 'shared-hosting') {
        // Every name on the domain passes; which are the project's own, only its authors know: no suggestion.
        report([
          {
            messageId: 'sharedHostingDomain',
            data: {
              check: sourceCode.getText(call),
              domain: weak.verdict.domain,
              example: weak.verdict.attackerExample,
            },
            at: call,
          },
        ]);
        return;
      }
      report([
        {
          messageId: 'substringCheck',
          data: { check: sourceCode.getText(call), example: weak.verdict.attackerExample },
          at: call,
          // One rewrite cannot stand for every entry of a list.
          suggestions:
            texts.length === 1 ? safeCheckSuggestion(call, callee.object, subject, weak.text) : [],
        },
      ]);
    }

    /**
     * `hostname.endsWith(entry.slice(1))` after `entry.startsWith('*')`: the entry comes from
     * configuration, but the code decides that its rest is a bare suffix. Nothing keeps that suffix to
     * whole labels (`*example.com` admits `attackerexample.com`) unless the code itself makes the rest
     * start with a dot (`startsWith('*.')`), which `classifyOriginSubstringCheck` judges on an entry
     * of that shape. An entry the code does not shape (`hostname.endsWith(domain)`) stays unknown.
     */
    function checkWildcardRest(
      call: TSESTree.CallExpression,
      subjectNode: Node,
      argument: Node,
      method: string,
      operands: SubstringOperands,
    ): void {
      if (method !== 'endsWith' && method !== 'includes') return;
      const shaped = operands.wildcardRest(argument);
      const subject = shaped && operands.subject(subjectNode);
      if (!shaped || !subject) return;
      const sample = `${shaped.rest}example.com`;
      const verdict = classifyOriginSubstringCheck(subject, method, sample);
      if (verdict.safe) return;
      report([
        {
          messageId: 'wildcardRest',
          data: {
            check: sourceCode.getText(call),
            entry: `${shaped.wildcard}example.com`,
            example: verdict.attackerExample,
          },
          at: call,
        },
      ]);
    }

    /**
     * The check the code most plausibly meant, as one an attacker cannot pass. It replaces the whole
     * test: the call, or `indexOf(…) !== -1` / `=== 0` around it.
     */
    function safeCheckSuggestion(
      call: TSESTree.CallExpression,
      subjectNode: Node,
      subject: 'origin' | 'hostname',
      argument: string,
    ): Suggestion<Node>[] {
      const replacement = safeReplacementForSubstringCheck(subject, argument);
      const target = testExpression(call);
      if (!replacement || !target) return [];
      const accept: OriginLiteral =
        replacement.kind === 'exact'
          ? { kind: 'exact', value: replacement.value }
          : { kind: 'pattern', source: replacement.pattern, flags: '' };
      const messageId: MessageIds =
        replacement.kind === 'exact' ? 'useExactOrigin' : 'useDomainPattern';
      return [
        {
          messageId,
          data: { fixed: originTestText(subjectNode, accept, sourceCode) },
          fix: { kind: 'replace-origin-test', at: target, subject: subjectNode, accept },
        },
      ];
    }

    /** `'https://a.com https://b.com'.includes(origin)`: a substring of the allowed text passes. */
    function checkOriginInString(call: TSESTree.CallExpression, operands: SubstringOperands): void {
      if (calledMethodName(call) !== 'includes' && calledMethodName(call) !== 'indexOf') return;
      const [argument] = call.arguments;
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
      const callee = skipTypeWrappers(call.callee) as TSESTree.MemberExpression;
      const [haystack] = operands.values(callee.object) ?? [];
      if (haystack === undefined || !operands.isOrigin(argument)) return;
      const firstOrigin = haystack.split(/[\s,]+/).find((part) => part.includes('://')) ?? haystack;
      report([
        {
          messageId: 'substringCheck',
          data: {
            check: sourceCode.getText(call),
            example: firstOrigin.slice(0, Math.max(firstOrigin.length - 1, 1)),
          },
          at: call,
        },
      ]);
    }

    /**
     * `CORS_ALLOWED_ORIGIN_REGEXES`: django-cors-headers runs each with `re.match`, anchored at the
     * start already, so only a missing end anchor and unescaped dots let attacker origins through.
     */
    function djangoPatternFindings(policy: DjangoPolicy): Finding<PyNode>[] {
      if (policy.origin.kind !== 'allow-list') return [];
      return policy.origin.entries.flatMap((entry) => {
        if (
          entry.kind !== 'pattern' ||
          entry.matchesEveryOriginOf ||
          schemesMatchingEveryOrigin(entry.source, entry.flags).length > 0
        )
          return [];
        const { weaknesses, repair } = analyseOriginRegex(entry.source, entry.flags);
        const verified = verifiedRepair(entry.source, entry.flags, repair);
        const written = sourceCode.text.slice(entry.at.range[0], entry.at.range[1]);
        const anchored = weaknesses.filter((weakness) => weakness.kind !== 'missing-start-anchor');
        return weaknessFindings(
          entry.at,
          written,
          anchored,
          verified && {
            pattern: verified,
            flags: entry.flags,
            fixed: pythonRegexLiteral(verified.source),
          },
        );
      });
    }

    /** nginx: a `map` key or `if` operand matched against the origin (PCRE, unanchored, as `RegExp#test`). */
    function nginxPatternFindings(pattern: {
      source: string;
      flags: string;
      at: NginxNode;
    }): Finding<NginxNode>[] {
      if (pattern.at.type !== 'Word') return [];
      const word = pattern.at;
      const { weaknesses, repair } = analyseOriginRegex(pattern.source, pattern.flags);
      const verified = verifiedRepair(pattern.source, pattern.flags, repair);
      return weaknessFindings(
        word,
        `${nginxRegexPrefix(word)}${pattern.source}`,
        weaknesses,
        verified && {
          pattern: verified,
          flags: pattern.flags,
          fixed: nginxPatternWord(word, verified.source),
        },
      );
    }

    return {
      ...onDjangoSettings(context, djangoPatternFindings),
      ...onNginx(context, (model, reportNginx) => {
        for (const pattern of nginxOriginPatterns(model))
          reportNginx(nginxPatternFindings(pattern));
      }),
      'Program:exit'() {
        const model = getCorsContext(context);
        const operands = new SubstringOperands(model, scopeOf);
        const flow = flowOf(model.originReads, scopeOf);
        for (const policy of model.policies) {
          // `origin: list.map((entry) => new RegExp(entry))`, or a variable or branch that may hold it.
          if (
            policy.origin.kind === 'unknown' &&
            policy.origin.at.type === AST_NODE_TYPES.Property
          ) {
            for (const value of flow.possibleValues(policy.origin.at.value))
              if (value.kind === 'unknown')
                reportDynamic(mappedRegExpConstruction(value.at, scopeOf));
          }
          if (policy.origin.kind !== 'allow-list') continue;
          for (const entry of policy.origin.entries) {
            if (
              (entry.kind === 'pattern' && !entry.matchesEveryOriginOf) ||
              (entry.kind === 'unknown' && isRegExpConstruction(entry.at))
            )
              checkRegex(entry.at, operands);
          }
        }
        for (const call of model.calls) {
          if (call.type !== AST_NODE_TYPES.CallExpression) continue;
          const method = calledMethodName(call);
          const callee = skipTypeWrappers(call.callee);
          const [argument] = call.arguments;
          if (
            method === 'test' &&
            argument &&
            argument.type !== AST_NODE_TYPES.SpreadElement &&
            model.originReads.isOrigin(argument) &&
            callee.type === AST_NODE_TYPES.MemberExpression
          ) {
            checkRegex(callee.object, operands);
          } else if (
            method &&
            REGEX_METHODS_ON_STRING.has(method) &&
            callee.type === AST_NODE_TYPES.MemberExpression &&
            model.originReads.isOrigin(callee.object) &&
            argument &&
            argument.type !== AST_NODE_TYPES.SpreadElement
          ) {
            checkRegex(argument, operands);
          } else {
            checkSubstringCall(call, operands);
            checkOriginInString(call, operands);
          }
        }
      },
    };
  },
});

/**
 * The expression that is the whole "is it allowed" test: the call itself for includes/startsWith/
 * endsWith, or `origin.indexOf(x) !== -1` (contains) / `=== 0` (starts with). Undefined for other
 * uses of indexOf, whose meaning a rewrite could invert.
 */
function testExpression(call: TSESTree.CallExpression): Node | undefined {
  const method = calledMethodName(call);
  if (method !== 'indexOf') return call;
  const comparison = comparisonOf(call);
  if (!comparison) return undefined;
  const { operator, value, expression } = comparison;
  const positive =
    ((operator === '!==' || operator === '!=') && value === -1) ||
    (operator === '>' && value === -1) ||
    (operator === '>=' && value === 0) ||
    ((operator === '===' || operator === '==') && value === 0);
  return positive ? expression : undefined;
}

const MIRRORED: Readonly<Record<string, string>> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

/**
 * `origin.indexOf(x) !== -1`, `-1 < origin.indexOf(x)`, `origin?.indexOf(x) >= 0`: the comparison of
 * the call with a number, written with the call on the left (a mirrored operator when it is not).
 */
function comparisonOf(
  call: TSESTree.CallExpression,
): { operator: string; value: number; expression: TSESTree.BinaryExpression } | undefined {
  const used = call.parent?.type === AST_NODE_TYPES.ChainExpression ? call.parent : call;
  const parent = used.parent;
  if (parent?.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const callOnLeft = parent.left === used;
  const value = numberValue(callOnLeft ? parent.right : parent.left);
  if (value === undefined) return undefined;
  return {
    operator: callOnLeft ? parent.operator : (MIRRORED[parent.operator] ?? parent.operator),
    value,
    expression: parent,
  };
}

/** `0`, `-1`: a number literal, negated or not. */
function numberValue(node: Node): number | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number') return node.value;
  if (
    node.type === AST_NODE_TYPES.UnaryExpression &&
    node.operator === '-' &&
    node.argument.type === AST_NODE_TYPES.Literal &&
    typeof node.argument.value === 'number'
  )
    return -node.argument.value;
  return undefined;
}

/** What the repair of a pattern writes: the repair, the pattern's flags, and its text as the suggestion shows it. */
interface ShownRepair {
  readonly pattern: PatternRepair;
  readonly flags: string;
  readonly fixed: string;
}

/**
 * A finding for each weakness of the origin pattern at `at` (written `shown`). Each but a shared
 * hosting domain offers the one repair of them all as a suggestion: tightening a pattern changes which
 * origins may read, so never an autofix. Tightening to a shared hosting domain's own names needs the
 * project's names: no suggestion.
 */
function weaknessFindings<H>(
  at: H,
  shown: string,
  weaknesses: readonly RegexWeakness[],
  repair: ShownRepair | undefined,
): Finding<H>[] {
  return weaknesses.map((weakness): Finding<H> => {
    if (weakness.kind === 'shared-hosting-label')
      return {
        messageId: 'sharedHostingDomain',
        data: { check: shown, domain: weakness.domain ?? '', example: weakness.example ?? '' },
        at,
      };
    const messageId: MessageIds =
      weakness.kind === 'unescaped-dot'
        ? 'unescapedDot'
        : weakness.kind === 'missing-start-anchor'
          ? 'missingStartAnchor'
          : 'missingEndAnchor';
    return {
      messageId,
      data: { pattern: shown, example: weakness.example ?? 'an origin of their choosing' },
      at,
      suggestions: repair
        ? [
            {
              messageId: repairMessage(repair.pattern),
              data: { fixed: repair.fixed },
              fix: {
                kind: 'replace-pattern',
                at,
                source: repair.pattern.source,
                flags: repair.flags,
              },
            },
          ]
        : [],
    };
  });
}

/** The suggestion's words say what the repair changes. */
function repairMessage(repair: PatternRepair): MessageIds {
  if (repair.escapesDots && repair.addsAnchors) return 'escapeDotsAndAnchor';
  return repair.escapesDots ? 'escapeDots' : 'addAnchors';
}

function isComparedWithZero(call: TSESTree.CallExpression): boolean {
  const comparison = comparisonOf(call);
  return (
    !!comparison &&
    ['===', '==', '!==', '!='].includes(comparison.operator) &&
    comparison.value === 0
  );
}
