/**
 * What lets an attacker's origin pass an origin-checking regular expression, read from the parsed
 * pattern (regexpp), never from its text: unescaped `.` between host characters, and alternatives
 * not anchored with `^` and `$`. One repair covers them all (dots escaped, then anchors added), so
 * that fixing one weakness never leaves another to report.
 */
import type { AST } from '@eslint-community/regexpp';
import { RegExpParser } from '@eslint-community/regexpp';
import { parseOrigin } from 'cors-lint-core';
import { registrableLabel } from './shared-hosting-labels.js';
import { sampleElements } from './regex-sample.js';

export interface RegexWeakness {
  /** `shared-hosting-label`: names anyone can register on a shared hosting domain pass (shared-hosting-labels.ts). */
  readonly kind:
    'unescaped-dot' | 'missing-start-anchor' | 'missing-end-anchor' | 'shared-hosting-label';
  /** An origin an attacker can register that passes, checked with the real RegExp. */
  readonly example: string | undefined;
  /** The shared hosting domain, for `shared-hosting-label`. */
  readonly domain?: string;
}

/** The pattern with every weakness repaired; what it changed names the suggestion. */
export interface PatternRepair {
  readonly source: string;
  readonly escapesDots: boolean;
  readonly addsAnchors: boolean;
}

export interface RegexAnalysis {
  readonly weaknesses: readonly RegexWeakness[];
  /** Undefined when there is no weakness. */
  readonly repair: PatternRepair | undefined;
}

const parser = new RegExpParser({ ecmaVersion: 2025 });

function parse(source: string, flags: string): AST.Pattern | undefined {
  try {
    return parser.parsePattern(source, 0, source.length, {
      unicode: flags.includes('u'),
      unicodeSets: flags.includes('v'),
    });
  } catch {
    // An invalid pattern throws at run time already; that is not an origin-check weakness.
    return undefined;
  }
}

export function analyseOriginRegex(source: string, flags: string): RegexAnalysis {
  const pattern = parse(source, flags);
  if (!pattern) return { weaknesses: [], repair: undefined };
  const weaknesses: RegexWeakness[] = [];
  const example = (candidate: string | undefined) => verifiedExample(source, flags, candidate);
  const dots = literalDots(pattern);
  if (dots.length > 0) {
    // Replacing the first host dot with a letter gives a host an attacker can register.
    const alternative = pattern.alternatives.find(
      (candidate) => candidate.start <= dots[0]!.start && dots[0]!.end <= candidate.end,
    );
    weaknesses.push({
      kind: 'unescaped-dot',
      example: example(alternative && sampleAlternative(alternative, new Set([dots[0]!]))),
    });
  }
  // Without `^`, a pattern that starts with a scheme or a literal dot still only matches at a
  // boundary an attacker cannot move (an origin's host cannot contain `https://`), so only a
  // pattern that starts inside a host name is weak.
  const startWeak = pattern.alternatives.find(
    (alternative) => !startsAnchored(alternative) && !startsAtBoundary(alternative),
  );
  const endWeak = pattern.alternatives.find((alternative) => !endsAnchored(alternative));
  if (endWeak) {
    const base = sampleAlternative(endWeak);
    weaknesses.push({
      kind: 'missing-end-anchor',
      example: example(base && `${originFor(base) ?? base}.attacker.test`),
    });
  }
  if (startWeak) {
    const base = unanchoredStartSample(startWeak);
    weaknesses.push({
      kind: 'missing-start-anchor',
      example: example(
        base && !base.includes('://') ? `https://attacker${base.replace(/^[.-]+/, '')}` : undefined,
      ),
    });
  }
  // No repair for this one: which of the names on the domain are the project's own, only its authors know.
  const registrable = registrableLabel(pattern, source, flags);
  if (weaknesses.length === 0)
    return {
      weaknesses: registrable ? [sharedHostingWeakness(registrable)] : [],
      repair: undefined,
    };
  if (registrable) weaknesses.push(sharedHostingWeakness(registrable));
  const escaped = spliceAll(
    source,
    dots.map((dot) => [dot.start, dot.end, '\\.'] as const),
  );
  const escapedPattern = dots.length > 0 ? parse(escaped, flags) : pattern;
  if (!escapedPattern) return { weaknesses, repair: undefined };
  const addsAnchors = !!startWeak || !!endWeak;
  const repaired = addsAnchors ? anchor(escaped, escapedPattern, !!startWeak, !!endWeak) : escaped;
  return { weaknesses, repair: { source: repaired, escapesDots: dots.length > 0, addsAnchors } };
}

function sharedHostingWeakness({
  domain,
  example,
}: {
  domain: string;
  example: string;
}): RegexWeakness {
  return { kind: 'shared-hosting-label', example, domain };
}

/** A short string the pattern's first alternative matches (`https://example.com` for an origin pattern), or undefined. */
export function sampleOf(source: string, flags: string): string | undefined {
  const first = parse(source, flags)?.alternatives[0];
  return first && sampleAlternative(first);
}

/**
 * A sample match read as an origin: as it is, or with the scheme (and a subdomain label) that a
 * scheme-less pattern leaves out: `example.com` → `https://example.com`, `.example.com` → `https://a.example.com`.
 */
export function originFor(sample: string): string | undefined {
  const candidate = sample.includes('://')
    ? sample
    : `https://${/^[.-]/.test(sample) ? 'a' : ''}${sample}`;
  return parseOrigin(candidate) ? candidate : undefined;
}

/** Unquantified `.` next to a letter or digit: written as a host's dot, but matching any character. */
function literalDots(pattern: AST.Pattern): AST.CharacterSet[] {
  const dots: AST.CharacterSet[] = [];
  const visitAlternative = (alternative: AST.Alternative) => {
    alternative.elements.forEach((element, index) => {
      if (element.type === 'CharacterSet' && element.kind === 'any') {
        const neighbours = [alternative.elements[index - 1], alternative.elements[index + 1]];
        if (
          neighbours.some(
            (n) => n?.type === 'Character' && /[a-z0-9]/i.test(String.fromCodePoint(n.value)),
          )
        )
          dots.push(element);
      }
      for (const inner of innerAlternatives(element)) visitAlternative(inner);
    });
  };
  pattern.alternatives.forEach(visitAlternative);
  return dots;
}

function innerAlternatives(element: AST.Element): AST.Alternative[] {
  if (element.type === 'Group' || element.type === 'CapturingGroup') return element.alternatives;
  if (element.type === 'Quantifier') return innerAlternatives(element.element);
  return [];
}

function startsAnchored(alternative: AST.Alternative): boolean {
  const first = alternative.elements[0];
  if (!first) return false;
  if (first.type === 'Assertion') return first.kind === 'start';
  if (first.type === 'Group' || first.type === 'CapturingGroup')
    return first.alternatives.every(startsAnchored);
  return false;
}

function startsAtBoundary(alternative: AST.Alternative): boolean {
  const first = alternative.elements[0];
  if (first?.type === 'Character' && first.value === 0x2e) return true;
  return SCHEME_START.test(alternative.raw);
}

/** Scheme-less patterns get the scheme and a subdomain boundary as well as `^`, so they still match origins. */
const ORIGIN_PREFIX = String.raw`^https:\/\/(?:[a-z0-9-]+\.)*`;
const SCHEME_START = /^(?:https?|wss?)\b/i;

function endsAnchored(alternative: AST.Alternative): boolean {
  const last = alternative.elements.at(-1);
  if (!last) return false;
  if (last.type === 'Assertion') return last.kind === 'end';
  if (last.type === 'Group' || last.type === 'CapturingGroup')
    return last.alternatives.every(endsAnchored);
  return false;
}

/**
 * `^` and `$` around the pattern. Alternatives that all start with a scheme are grouped so the
 * anchors bind to all (`^(?:https:\/\/a\.com|https:\/\/b\.com)$`); otherwise each alternative is
 * anchored on its own, so a scheme-less one gets the scheme without a second scheme going to the others.
 */
function anchor(source: string, pattern: AST.Pattern, start: boolean, end: boolean): string {
  const hasScheme = (alternative: AST.Alternative) =>
    startsAnchored(alternative) || SCHEME_START.test(alternative.raw);
  if (pattern.alternatives.length === 1) {
    const [only] = pattern.alternatives;
    let body = source;
    if (start) body = `${only && hasScheme(only) ? '^' : ORIGIN_PREFIX}${body}`;
    if (end) body = `${body}$`;
    return body;
  }
  const stripped = pattern.alternatives.map((alternative) => {
    let text = alternative.raw;
    if (startsAnchored(alternative) && text.startsWith('^')) text = text.slice(1);
    if (endsAnchored(alternative) && text.endsWith('$') && !text.endsWith('\\$'))
      text = text.slice(0, -1);
    return text;
  });
  if (pattern.alternatives.every(hasScheme)) return `^(?:${stripped.join('|')})$`;
  // A leading-dot alternative (`\.example\.com`) keeps its boundary without `^`.
  const prefixOf = (alternative: AST.Alternative) =>
    hasScheme(alternative) ? '^' : startsAtBoundary(alternative) ? '' : ORIGIN_PREFIX;
  return pattern.alternatives
    .map((alternative, index) => `${prefixOf(alternative)}${stripped[index]}$`)
    .join('|');
}

/** A sample through the branch that is not anchored: `(?:^https:\/\/a\.com|b\.com)$` gives `b.com`. */
function unanchoredStartSample(alternative: AST.Alternative): string | undefined {
  const [first, ...rest] = alternative.elements;
  if (first?.type !== 'Group' && first?.type !== 'CapturingGroup')
    return sampleAlternative(alternative);
  const branch = first.alternatives.find(
    (inner) => !startsAnchored(inner) && !startsAtBoundary(inner),
  );
  const head = branch && sampleAlternative(branch);
  const tail = sampleElements(rest);
  return head === undefined || tail === undefined ? undefined : head + tail;
}

/** A short string an alternative matches, reading each element's simplest match; `letterDots` become `x`. */
function sampleAlternative(
  alternative: AST.Alternative,
  letterDots: ReadonlySet<AST.Node> = new Set(),
): string | undefined {
  return sampleElements(alternative.elements, letterDots);
}

/** Only claim an attacker origin passes when it is an origin and the real RegExp agrees. */
function verifiedExample(
  source: string,
  flags: string,
  candidate: string | undefined,
): string | undefined {
  if (!candidate || !parseOrigin(candidate)) return undefined;
  try {
    return new RegExp(source, flags).test(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

function spliceAll(source: string, edits: readonly (readonly [number, number, string])[]): string {
  let result = source;
  for (const [start, end, text] of [...edits].sort((a, b) => b[0] - a[0]))
    result = result.slice(0, start) + text + result.slice(end);
  return result;
}
