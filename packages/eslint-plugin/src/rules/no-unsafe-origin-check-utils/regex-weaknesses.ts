/**
 * What lets an attacker's origin pass an origin-checking regular expression, read from the parsed
 * pattern (regexpp), never from its text: unescaped `.` between host characters, and alternatives
 * not anchored with `^` and `$`.
 */
import type { AST } from '@eslint-community/regexpp';
import { RegExpParser } from '@eslint-community/regexpp';

export type RegexWeakness =
  | { readonly kind: 'unescaped-dot'; readonly fixed: string; readonly example: string | undefined }
  | { readonly kind: 'missing-start-anchor'; readonly fixed: string; readonly example: string | undefined }
  | { readonly kind: 'missing-end-anchor'; readonly fixed: string; readonly example: string | undefined };

const parser = new RegExpParser({ ecmaVersion: 2025 });

export function findRegexWeaknesses(source: string, flags: string): RegexWeakness[] {
  let pattern: AST.Pattern;
  try {
    pattern = parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
  } catch {
    // An invalid pattern throws at run time already; that is not an origin-check weakness.
    return [];
  }
  const weaknesses: RegexWeakness[] = [];
  const dots = literalDots(pattern);
  if (dots.length > 0) {
    const fixed = spliceAll(source, dots.map((dot) => [dot.start, dot.end, '\\.'] as const));
    // Replacing the first host dot with a letter gives a host an attacker can register.
    const example = verifiedExample(source, flags, sampleMatch(pattern, new Set([dots[0]!]), ''));
    weaknesses.push({ kind: 'unescaped-dot', fixed, example });
  }
  // Without `^`, a pattern that starts with a scheme or a literal dot still only matches at a
  // boundary an attacker cannot move (an origin's host cannot contain `https://`), so only a
  // pattern that starts inside a host name is weak.
  const unanchoredStart = pattern.alternatives.some((alternative) => !startsAnchored(alternative) && !startsAtBoundary(alternative));
  const unanchoredEnd = pattern.alternatives.some((alternative) => !endsAnchored(alternative));
  if (unanchoredStart || unanchoredEnd) {
    const fixed = anchor(source, pattern, unanchoredStart, unanchoredEnd);
    const base = sampleMatch(pattern, new Set(), '');
    if (unanchoredEnd) weaknesses.push({ kind: 'missing-end-anchor', fixed, example: verifiedExample(source, flags, base && `${base}.attacker.test`) });
    if (unanchoredStart) {
      const attacker = base && (/^[a-z][a-z0-9+.-]*:\/\//i.test(base) ? undefined : `https://attacker${base.replace(/^[.-]+/, '')}`);
      weaknesses.push({ kind: 'missing-start-anchor', fixed, example: verifiedExample(source, flags, attacker) });
    }
  }
  return weaknesses;
}

/** Unquantified `.` next to a letter or digit: written as a host's dot, but matching any character. */
function literalDots(pattern: AST.Pattern): AST.CharacterSet[] {
  const dots: AST.CharacterSet[] = [];
  const visitAlternative = (alternative: AST.Alternative) => {
    alternative.elements.forEach((element, index) => {
      if (element.type === 'CharacterSet' && element.kind === 'any') {
        const neighbours = [alternative.elements[index - 1], alternative.elements[index + 1]];
        if (neighbours.some((n) => n?.type === 'Character' && /[a-z0-9]/i.test(String.fromCodePoint(n.value)))) dots.push(element);
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
  if (first.type === 'Group' || first.type === 'CapturingGroup') return first.alternatives.every(startsAnchored);
  return false;
}

function startsAtBoundary(alternative: AST.Alternative): boolean {
  const first = alternative.elements[0];
  if (first?.type === 'Character' && first.value === 0x2e) return true;
  return /^(?:https?|wss?)\b/i.test(alternative.raw);
}

/** Scheme-less patterns get the scheme and a subdomain boundary as well as `^`, so they still match origins. */
const ORIGIN_PREFIX = String.raw`^https:\/\/(?:[a-z0-9-]+\.)*`;

function endsAnchored(alternative: AST.Alternative): boolean {
  const last = alternative.elements.at(-1);
  if (!last) return false;
  if (last.type === 'Assertion') return last.kind === 'end';
  if (last.type === 'Group' || last.type === 'CapturingGroup') return last.alternatives.every(endsAnchored);
  return false;
}

/** `^` and `$` around the whole pattern; alternatives are grouped first so the anchors bind to all. */
function anchor(source: string, pattern: AST.Pattern, start: boolean, end: boolean): string {
  let body = source;
  const prefix = pattern.alternatives.every((alternative) => startsAnchored(alternative) || /^(?:https?|wss?)\b/i.test(alternative.raw)) ? '^' : ORIGIN_PREFIX;
  if (pattern.alternatives.length > 1) {
    const stripped = pattern.alternatives.map((alternative) => {
      let text = alternative.raw;
      if (startsAnchored(alternative) && text.startsWith('^')) text = text.slice(1);
      if (endsAnchored(alternative) && text.endsWith('$') && !text.endsWith('\\$')) text = text.slice(0, -1);
      return text;
    });
    return `${prefix}(?:${stripped.join('|')})$`;
  }
  if (start) body = `${prefix}${body}`;
  if (end) body = `${body}$`;
  return body;
}

/** A short string the pattern matches, reading each element's simplest match; `letterDots` become `x`. */
function sampleMatch(pattern: AST.Pattern, letterDots: ReadonlySet<AST.Node>, fallback: string): string | undefined {
  const sampleAlternative = (alternative: AST.Alternative): string | undefined => {
    let text = '';
    for (const element of alternative.elements) {
      const part = sampleElement(element);
      if (part === undefined) return undefined;
      text += part;
    }
    return text;
  };
  const sampleElement = (element: AST.Element): string | undefined => {
    switch (element.type) {
      case 'Character':
        return String.fromCodePoint(element.value);
      case 'CharacterSet':
        if (element.kind === 'any') return letterDots.has(element) ? 'x' : '.';
        if (element.kind === 'digit') return element.negate ? 'a' : '0';
        if (element.kind === 'word') return element.negate ? '.' : 'a';
        if (element.kind === 'space') return element.negate ? 'a' : undefined;
        return undefined;
      case 'CharacterClass': {
        if (element.negate) return 'a';
        const first = element.elements[0];
        if (first?.type === 'Character') return String.fromCodePoint(first.value);
        if (first?.type === 'CharacterClassRange') return String.fromCodePoint(first.min.value);
        return undefined;
      }
      case 'Quantifier': {
        const inner = sampleElement(element.element);
        return inner === undefined ? undefined : inner.repeat(Math.max(element.min, element.min === 0 ? 0 : 1));
      }
      case 'Group':
      case 'CapturingGroup':
        return element.alternatives[0] ? sampleAlternative(element.alternatives[0]) : '';
      case 'Assertion':
        return '';
      default:
        return undefined;
    }
  };
  const first = pattern.alternatives[0];
  return first ? sampleAlternative(first) : fallback;
}

/** Only claim an attacker origin passes when the real RegExp agrees. */
function verifiedExample(source: string, flags: string, candidate: string | undefined): string | undefined {
  if (!candidate) return undefined;
  try {
    return new RegExp(source, flags).test(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

function spliceAll(source: string, edits: readonly (readonly [number, number, string])[]): string {
  let result = source;
  for (const [start, end, text] of [...edits].sort((a, b) => b[0] - a[0])) result = result.slice(0, start) + text + result.slice(end);
  return result;
}
