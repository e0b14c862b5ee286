/**
 * One walk over oxc's tree: adds `loc` to every node, gathers what the tokenizer needs to know
 * from the tree (tokens.ts), and notes what makes a document one for the fallback parser.
 */
import type { LineIndex } from './line-index.js';
import type { KnownToken, TokenHints } from './tokens.js';

export interface Node {
  type: string;
  range: [number, number];
  loc?: unknown;
  [key: string]: unknown;
}

export const isNode = (value: unknown): value is Node =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Node).type === 'string' &&
  Array.isArray((value as Node).range);

/** How the reference parser's tree differs from oxc's, per dialect. */
export interface TreeDialect {
  /** Optional members oxc sets to `null` where the reference parser leaves them `undefined`, by node type. */
  undefinedWhenNull?: Readonly<Record<string, readonly string[]>>;
  /** A node the reference parser would reject or build differently: the document goes to the fallback. */
  unsupported?: (node: Node) => boolean;
  /** Makes a node as the reference parser builds it (range, members); runs before `loc` is added. */
  conform?: (node: Node) => void;
}

export interface Annotation extends TokenHints {
  /**
   * The fallback parser must read this document: JSX text with an entity (`&amp;`), which the
   * reference parsers decode in `value` and oxc does not, or a node `TreeDialect.unsupported` names.
   */
  needsFallback: boolean;
}

export function annotate(
  program: Node,
  lines: LineIndex,
  text: string,
  dialect: TreeDialect,
): Annotation {
  const hints: Annotation = {
    known: new Map(),
    identifierStarts: new Set(),
    greaterThanOperators: new Map(),
    needsFallback: false,
  };
  const { undefinedWhenNull = {}, unsupported, conform } = dialect;
  const know = (node: Node, token: Omit<KnownToken, 'end'>): void => {
    hints.known.set(node.range[0], { ...token, end: node.range[1] });
  };
  const visit = (node: Node, parent: Node | undefined): void => {
    conform?.(node);
    const [start, end] = node.range;
    node.loc = lines.location(start, end);
    const nullable = undefinedWhenNull[node.type];
    if (nullable) for (const key of nullable) if (node[key] === null) node[key] = undefined;
    if (unsupported?.(node)) hints.needsFallback = true;
    switch (node.type) {
      case 'Identifier':
        // `import` and `new` in `import.meta` and `new.target` stay keywords.
        if (!(parent?.type === 'MetaProperty' && parent['meta'] === node))
          hints.identifierStarts.add(start);
        break;
      case 'JSXIdentifier':
        know(node, { type: 'JSXIdentifier' });
        break;
      case 'JSXText':
        if (containsAmpersand(text, start, end)) hints.needsFallback = true;
        know(node, { type: 'JSXText' });
        break;
      case 'TemplateElement':
        know(node, { type: 'Template' });
        break;
      case 'PrivateIdentifier':
        know(node, { type: 'PrivateIdentifier', value: node['name'] as string });
        break;
      case 'Literal':
        annotateLiteral(node, parent, know);
        if (parent?.type === 'JSXAttribute' && containsAmpersand(text, start, end))
          hints.needsFallback = true;
        break;
      case 'BinaryExpression':
      case 'AssignmentExpression': {
        const operator = node['operator'] as string;
        if (operator.startsWith('>'))
          hints.greaterThanOperators.set(
            operatorStart(text, (node['left'] as Node).range[1]),
            operator,
          );
        break;
      }
    }
    for (const key in node) {
      if (key === 'loc' || key === 'range' || key === 'parent') continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (const element of value) if (isNode(element)) visit(element, node);
      } else if (isNode(value)) visit(value, node);
    }
  };
  visit(program, undefined);
  return hints;
}

function containsAmpersand(text: string, start: number, end: number): boolean {
  const index = text.indexOf('&', start);
  return index !== -1 && index < end;
}

function annotateLiteral(
  node: Node,
  parent: Node | undefined,
  know: (node: Node, token: Omit<KnownToken, 'end'>) => void,
): void {
  const regex = node['regex'] as { pattern: string; flags: string } | undefined;
  if (regex)
    know(node, {
      type: 'RegularExpression',
      regex: { pattern: regex.pattern, flags: regex.flags },
    });
  else if (typeof node['value'] === 'string')
    know(node, { type: parent?.type === 'JSXAttribute' ? 'JSXText' : 'String' });
  else if (typeof node['value'] === 'number' || typeof node['bigint'] === 'string')
    know(node, { type: 'Numeric' });
  // `true`, `false` and `null` are words: the tokenizer types them.
}

/** First character of an operator after its left operand, past `)`s, white space and comments. */
function operatorStart(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    const char = text[index]!;
    if (char === ')' || /\s/.test(char)) index++;
    else if (text.startsWith('//', index)) index = lineEnd(text, index);
    else if (text.startsWith('/*', index)) index = text.indexOf('*/', index + 2) + 2;
    else break;
  }
  return index;
}

function lineEnd(text: string, from: number): number {
  const match = /[\r\n\u2028\u2029]/.exec(text.slice(from));
  return match ? from + match.index : text.length;
}
