/**
 * Does an origin pattern let through a name an attacker can register on a shared hosting domain?
 * `/^https:\/\/myapp-[a-z0-9-]+\.onrender\.com$/` is anchored and escaped, yet anyone can create
 * `myapp-attacker.onrender.com` (the domains and why: core's `origin/shared-hosting.ts`). An exact
 * name (`myapp\.onrender\.com`), a few exact names (`(?:app|admin)\.onrender\.com`) and names under
 * the customer's own name (`[a-z]+\.myapp\.onrender\.com`) are fine.
 *
 * Read from the parsed pattern: each way through it is written out as literal text and "variable"
 * parts (classes, `.`, `\d`, repetitions), alternatives and optional parts taken both ways. When the
 * label right in front of a shared hosting domain holds a variable part, an attacker's name is
 * filled in there, and the finding stands only when the real RegExp accepts that origin and the name
 * under the domain is indeed made of the filled-in text.
 */
import type { AST } from '@eslint-community/regexpp';
import { parseOrigin, SHARED_HOSTING_DOMAINS, sharedHostingDomainOf } from 'cors-lint-core';
import { sampleElements } from './regex-sample.js';

export interface RegistrableLabel {
  /** The shared hosting domain (`onrender.com`). */
  readonly domain: string;
  /** An origin on it that the pattern accepts and an attacker can register. */
  readonly example: string;
}

/** A part of a written-out way through the pattern: literal text, a variable part, or an anchor. */
type Part = string | { readonly sample: string } | typeof START | typeof END;
type Way = readonly Part[];

const START = Symbol('^');
const END = Symbol('$');
/** More ways than this through a pattern: not worth writing out, and the pattern stays unreported. */
const MAX_WAYS = 64;
/** Stands for a variable part in the written-out text; no pattern or host contains it. */
const HOLE = '\uE000';
/** What an attacker fills in: a name, or a name and its dot where the variable part takes whole labels. */
const ATTACKER_NAMES = ['attacker', 'attacker.'];
/** Longest first, so `up.railway.app` is found before a shorter domain that ends it. */
const DOMAINS = [...SHARED_HOSTING_DOMAINS].sort((a, b) => b.length - a.length);

export function registrableLabel(
  pattern: AST.Pattern,
  source: string,
  flags: string,
): RegistrableLabel | undefined {
  const ways = expandAlternatives(pattern.alternatives);
  if (!ways) return undefined;
  for (const way of ways) {
    const found = inWay(way, source, flags);
    if (found) return found;
  }
  return undefined;
}

function expandAlternatives(alternatives: readonly AST.Alternative[]): Way[] | undefined {
  const ways: Way[] = [];
  for (const alternative of alternatives) {
    const expanded = expandElements(alternative.elements);
    if (!expanded || ways.length + expanded.length > MAX_WAYS) return undefined;
    ways.push(...expanded);
  }
  return ways;
}

function expandElements(elements: readonly AST.Element[]): Way[] | undefined {
  let ways: Way[] = [[]];
  for (const element of elements) {
    const options = expandElement(element);
    if (!options) return undefined;
    const next: Way[] = [];
    for (const way of ways) {
      for (const option of options) next.push([...way, ...option]);
      if (next.length > MAX_WAYS) return undefined;
    }
    ways = next;
  }
  return ways;
}

function expandElement(element: AST.Element): Way[] | undefined {
  switch (element.type) {
    case 'Character':
      return [[String.fromCodePoint(element.value)]];
    case 'CharacterClass': {
      const [only, ...rest] = element.elements;
      if (!element.negate && rest.length === 0 && only?.type === 'Character')
        return [[String.fromCodePoint(only.value)]];
      return [[variable(element)]];
    }
    case 'CharacterSet':
    case 'ExpressionCharacterClass':
      return [[variable(element)]];
    case 'Group':
    case 'CapturingGroup':
      return expandAlternatives(element.alternatives);
    case 'Assertion':
      if (element.kind === 'start') return [[START]];
      if (element.kind === 'end') return [[END]];
      if (element.kind === 'word') return [[]];
      // A lookaround may exclude exactly the names we would fill in.
      return undefined;
    case 'Quantifier': {
      const inner = () => expandElement(element.element);
      if (element.min === 0 && element.max === 1) {
        const once = inner();
        return once && [[], ...once];
      }
      if (element.min === element.max && element.min <= 4) {
        const once = inner();
        if (!once) return undefined;
        return expandElements(Array.from({ length: element.min }, () => element.element));
      }
      return [[variable(element)]];
    }
    default:
      // Backreferences: the text depends on another part.
      return undefined;
  }
}

function variable(element: AST.Element): { sample: string } {
  return { sample: sampleElements([element]) ?? 'a' };
}

/** The written-out text of a way, a HOLE per variable part; unanchored ends become variable parts. */
function layout(way: Way, ignoreCase: boolean): { text: string; samples: string[] } | undefined {
  const parts = [...way];
  if (parts[0] === START) parts.shift();
  else parts.unshift({ sample: '' });
  if (parts.at(-1) === END) parts.pop();
  else parts.push({ sample: '' });
  let text = '';
  const samples: string[] = [];
  for (const part of parts) {
    if (part === START || part === END) return undefined;
    // Origins are lowercase; under the `i` flag the pattern's own letters match them either way.
    if (typeof part === 'string') text += ignoreCase ? part.toLowerCase() : part;
    else {
      text += HOLE;
      samples.push(part.sample);
    }
  }
  return { text, samples };
}

/** Where the host lies in an origin-like text: after `://` (or from the start), up to a port or path. */
function hostSpan(text: string): [number, number] {
  const scheme = text.indexOf('://');
  const start = scheme === -1 ? 0 : scheme + 3;
  let end = start;
  while (end < text.length && text[end] !== ':' && text[end] !== '/') end++;
  return [start, end];
}

function inWay(way: Way, source: string, flags: string): RegistrableLabel | undefined {
  const laid = layout(way, flags.includes('i'));
  if (!laid) return undefined;
  const { text } = laid;
  const [hostStart, hostEnd] = hostSpan(text);
  const host = text.slice(hostStart, hostEnd).toLowerCase();
  for (const domain of DOMAINS) {
    if (host.length <= domain.length || !host.endsWith(domain)) continue;
    const domainStart = hostEnd - domain.length;
    const before = text[domainStart - 1];
    if (before !== '.' && before !== HOLE) continue;
    // The label in front of the domain: back to the nearest literal dot.
    const labelEnd = before === '.' ? domainStart - 1 : domainStart;
    const labelStart = text.lastIndexOf('.', labelEnd - 1) + 1;
    const holes = indexesOf(text, HOLE, Math.max(labelStart, hostStart), labelEnd);
    if (holes.length === 0) continue;
    const example = attackerExample(laid, new Set(holes), domain, source, flags);
    if (example) return { domain, example };
  }
  return undefined;
}

/**
 * An origin the pattern accepts whose name under `domain` is made of filled-in text: the attacker's
 * own word in the label's variable parts, every other variable part its simplest match. A label that
 * takes only digits or a few letters (`pr-\d+`) is not claimed: whether such names are open to
 * anyone depends on the provider's naming rules.
 */
function attackerExample(
  laid: { text: string; samples: string[] },
  labelHoles: ReadonlySet<number>,
  domain: string,
  source: string,
  flags: string,
): string | undefined {
  for (const name of ATTACKER_NAMES) {
    const fill = (hole: number, sample: string) => (labelHoles.has(hole) ? name : sample);
    let example = '';
    const filled: [number, number][] = [];
    let holeIndex = 0;
    for (let index = 0; index < laid.text.length; index++) {
      const char = laid.text[index]!;
      if (char !== HOLE) {
        example += char;
        continue;
      }
      const piece = fill(index, laid.samples[holeIndex++] ?? '');
      if (labelHoles.has(index) && piece.length > 0)
        filled.push([example.length, example.length + piece.length]);
      example += piece;
    }
    const prefix = example.includes('://') ? '' : 'https://';
    const origin = `${prefix}${example}`;
    if (!parseOrigin(origin) || !accepts(source, flags, origin)) continue;
    const [hostStart, hostEnd] = hostSpan(origin);
    const host = origin.slice(hostStart, hostEnd).toLowerCase();
    if (sharedHostingDomainOf(host) !== domain) continue;
    // The registrable name: the label right under the domain, which the filled-in text must make up.
    const labelEnd = hostEnd - domain.length - 1;
    const labelStart = origin.lastIndexOf('.', labelEnd - 1) + 1;
    if (
      filled.some(
        ([start, end]) =>
          start + prefix.length < labelEnd && end + prefix.length > Math.max(labelStart, hostStart),
      )
    )
      return origin;
  }
  return undefined;
}

function indexesOf(text: string, char: string, from: number, to: number): number[] {
  const found: number[] = [];
  for (let index = from; index < to; index++) if (text[index] === char) found.push(index);
  return found;
}

function accepts(source: string, flags: string, text: string): boolean {
  try {
    return new RegExp(source, flags).test(text);
  } catch {
    return false;
  }
}
