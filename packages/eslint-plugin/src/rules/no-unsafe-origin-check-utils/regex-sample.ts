import type { AST } from '@eslint-community/regexpp';

/**
 * A text the elements match (the first alternative, the least repetitions; a letter for a `.` in
 * `letterDots`), or `undefined` when an element has no such simple sample.
 */
export function sampleElements(
  elements: readonly AST.Element[],
  letterDots: ReadonlySet<AST.Node> = new Set(),
): string | undefined {
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
        return inner === undefined
          ? undefined
          : inner.repeat(Math.max(element.min, element.min === 0 ? 0 : 1));
      }
      case 'Group':
      case 'CapturingGroup':
        return element.alternatives[0]
          ? sampleElements(element.alternatives[0].elements, letterDots)
          : '';
      case 'Assertion':
        return '';
      default:
        return undefined;
    }
  };
  let text = '';
  for (const element of elements) {
    const part = sampleElement(element);
    if (part === undefined) return undefined;
    text += part;
  }
  return text;
}
