/**
 * Does an origin-checking regular expression let every origin through? Decided on the parsed
 * pattern (regexpp): the pattern is run, as `RegExp#test` runs it (anywhere in the string unless
 * anchored), against `<scheme>://<host>` for every host made of letters and dots, the hosts any
 * attacker can register. It lets every origin of the scheme through exactly when no such host
 * fails it: `.*`, `.`, `[a-z]`, `^https?:`, `^https:\/\/.*$`, `^https:\/\/[^/]+$`. A pattern that
 * names a host (`^https:\/\/[a-z]+\.example\.com$`) does not.
 *
 * The host is read as symbols, "any letter" and ".", never as sample strings: an element takes
 * "any letter" only when it matches all of a–z, so the verdict holds for every host, not for one.
 * What the walk cannot model (lookarounds, back-references, `\b`, inline modifiers) makes the
 * answer "no": the pattern is then judged by the other checks.
 */
import type { AST } from '@eslint-community/regexpp';
import { RegExpParser } from '@eslint-community/regexpp';
import type { OriginScheme } from 'cors-lint-core';

const SCHEMES: readonly OriginScheme[] = ['https', 'http'];
const parser = new RegExpParser({ ecmaVersion: 2025 });
const verdicts = new Map<string, readonly OriginScheme[]>();

/** The schemes every origin of which the pattern matches; empty when some host fails it. */
export function schemesMatchingEveryOrigin(source: string, flags: string): readonly OriginScheme[] {
  const key = `${flags}/${source}`;
  let verdict = verdicts.get(key);
  if (!verdict) {
    const automaton = buildAutomaton(source, flags);
    verdict = automaton ? SCHEMES.filter((scheme) => matchesEveryHost(automaton, scheme)) : [];
    verdicts.set(key, verdict);
  }
  return verdict;
}

/** A letter stands for every letter a–z; `.` for the dot between labels. */
type HostSymbol = string | typeof LETTER;
const LETTER = Symbol('any letter');

type Edge = { readonly to: number } & (
  | { readonly kind: 'empty' | 'start' | 'end' }
  | { readonly kind: 'char'; readonly accepts: (symbol: HostSymbol) => boolean }
);

interface Automaton {
  readonly edges: Edge[][];
  readonly start: number;
  readonly accept: number;
}

/** Past this many states a pattern (`a{1,500}` nested) is not worth modelling. */
const MAX_STATES = 4000;

class Unsupported extends Error {}

function buildAutomaton(source: string, flags: string): Automaton | undefined {
  let pattern: AST.Pattern;
  try {
    pattern = parser.parsePattern(source, 0, source.length, {
      unicode: flags.includes('u'),
      unicodeSets: flags.includes('v'),
    });
  } catch {
    return undefined;
  }
  const edges: Edge[][] = [];
  const state = () => {
    if (edges.length >= MAX_STATES) throw new Unsupported();
    edges.push([]);
    return edges.length - 1;
  };
  const link = (from: number, edge: Edge) => edges[from]!.push(edge);
  // One single-character test per element, with the pattern's own flags (`i`, `u`, `v`, `s`).
  const elementFlags = flags.replace(/[gyd]/g, '');
  const charTest = (element: AST.Node): ((symbol: HostSymbol) => boolean) => {
    let regex: RegExp;
    try {
      regex = new RegExp(`^(?:${element.raw})$`, elementFlags);
    } catch {
      throw new Unsupported();
    }
    const cache = new Map<HostSymbol, boolean>();
    return (symbol) => {
      let result = cache.get(symbol);
      if (result === undefined) {
        result =
          symbol === LETTER
            ? [...'abcdefghijklmnopqrstuvwxyz'].every((letter) => regex.test(letter))
            : regex.test(symbol);
        cache.set(symbol, result);
      }
      return result;
    };
  };

  const alternatives = (list: readonly AST.Alternative[], from: number): number => {
    const to = state();
    for (const alternative of list) {
      let at = from;
      for (const element of alternative.elements) at = elementFrom(element, at);
      link(at, { kind: 'empty', to });
    }
    return to;
  };
  const elementFrom = (element: AST.Element, from: number): number => {
    switch (element.type) {
      case 'Character':
      case 'CharacterSet':
      case 'CharacterClass':
      case 'ExpressionCharacterClass': {
        const to = state();
        link(from, { kind: 'char', accepts: charTest(element), to });
        return to;
      }
      case 'Group':
        if (element.modifiers) throw new Unsupported();
        return alternatives(element.alternatives, from);
      case 'CapturingGroup':
        return alternatives(element.alternatives, from);
      case 'Assertion': {
        if (element.kind !== 'start' && element.kind !== 'end') throw new Unsupported();
        const to = state();
        link(from, { kind: element.kind, to });
        return to;
      }
      case 'Quantifier':
        return quantified(element, from);
      default:
        throw new Unsupported();
    }
  };
  const quantified = (quantifier: AST.Quantifier, from: number): number => {
    let at = from;
    for (let count = 0; count < quantifier.min; count++) at = elementFrom(quantifier.element, at);
    if (quantifier.max === Infinity) {
      const loop = state();
      link(at, { kind: 'empty', to: loop });
      link(elementFrom(quantifier.element, loop), { kind: 'empty', to: loop });
      return loop;
    }
    const end = state();
    for (let count = quantifier.min; count < quantifier.max; count++) {
      link(at, { kind: 'empty', to: end });
      at = elementFrom(quantifier.element, at);
    }
    link(at, { kind: 'empty', to: end });
    return end;
  };

  try {
    const start = state();
    const accept = alternatives(pattern.alternatives, start);
    return { edges, start, accept };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** The states reachable without reading a character; `^` holds only at the start, `$` only at the end. */
function closure(
  automaton: Automaton,
  states: Iterable<number>,
  atStart: boolean,
  atEnd: boolean,
): Set<number> {
  const reached = new Set<number>();
  const stack = [...states];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (reached.has(current)) continue;
    reached.add(current);
    for (const edge of automaton.edges[current]!) {
      if (
        edge.kind === 'empty' ||
        (edge.kind === 'start' && atStart) ||
        (edge.kind === 'end' && atEnd)
      )
        stack.push(edge.to);
    }
  }
  return reached;
}

function step(automaton: Automaton, states: ReadonlySet<number>, symbol: HostSymbol): number[] {
  const next: number[] = [];
  for (const current of states) {
    for (const edge of automaton.edges[current]!)
      if (edge.kind === 'char' && edge.accepts(symbol)) next.push(edge.to);
  }
  return next;
}

/**
 * Hosts as a small automaton over "letter" and ".": at least two labels of letters (`attacker.test`).
 * States: 0 before the first letter, 1 in the first label, 2 after a dot, 3 in a later label (a whole host).
 */
const HOST_STEPS: readonly (readonly [HostSymbol, number][])[] = [
  [[LETTER, 1]],
  [
    [LETTER, 1],
    ['.', 2],
  ],
  [[LETTER, 3]],
  [
    [LETTER, 3],
    ['.', 2],
  ],
];
const WHOLE_HOST = 3;

/**
 * True when `RegExp#test` passes for `<scheme>://<host>` and every host: the pattern may start
 * matching at any position, and a path that has matched needs nothing more.
 */
function matchesEveryHost(automaton: Automaton, scheme: OriginScheme): boolean {
  const { start, accept } = automaton;
  let states: number[] = [];
  const prefix = `${scheme}://`;
  for (let index = 0; index < prefix.length; index++) {
    const here = closure(automaton, [...states, start], index === 0, false);
    if (here.has(accept)) return true;
    states = step(automaton, here, prefix[index]!);
  }
  // Walk every host, remembering which (host state, pattern states) pairs were already explored.
  const seen = new Set<string>();
  const queue: [number, number[]][] = [[0, states]];
  while (queue.length > 0) {
    const [host, pending] = queue.shift()!;
    const here = closure(automaton, [...pending, start], false, false);
    if (here.has(accept)) continue;
    if (host === WHOLE_HOST && !closure(automaton, here, false, true).has(accept)) return false;
    for (const [symbol, nextHost] of HOST_STEPS[host]!) {
      const next = [...new Set(step(automaton, here, symbol))].sort((a, b) => a - b);
      const key = `${nextHost}:${next.join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push([nextHost, next]);
    }
  }
  return true;
}
