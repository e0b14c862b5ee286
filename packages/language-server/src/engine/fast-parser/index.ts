/**
 * A TypeScript parser for ESLint's `Linter` that parses with oxc (native, ~10x faster than
 * `@typescript-eslint/parser` and without loading TypeScript), then adds what ESLint needs and oxc
 * leaves out: `loc` on every node, tokens (see tokens.ts) and comment positions. The scope manager is
 * typescript-eslint's, built with the options its parser uses for a file without type information,
 * so rules see the same scopes. Any oxc diagnostic hands the document to `@typescript-eslint/parser`
 * (`fallback`), so broken code reports exactly the error it reported before.
 *
 * `parserServices` carry no TypeScript program or node maps: the plugin's rules are syntax-only and
 * read neither.
 */
import { analyze, type AnalyzeOptions } from '@typescript-eslint/scope-manager';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { Linter } from 'eslint';
import { LineIndex } from './line-index.js';
import { tokenize, type KnownToken, type TokenHints } from './tokens.js';

/** The part of oxc-parser this uses (the package is optional at run time, see `loadFastParser`). */
export interface OxcParser {
  parseSync(
    filename: string,
    source: string,
    options: { lang: 'ts' | 'tsx'; sourceType: 'module' | 'script'; astType: 'ts'; range: true; preserveParens: false; showSemanticErrors: boolean },
  ): { program: unknown; comments: OxcComment[]; errors: unknown[] };
}

interface OxcComment {
  type: 'Line' | 'Block';
  value: string;
  start: number;
  end: number;
}

interface Node {
  type: string;
  range: [number, number];
  loc?: unknown;
  [key: string]: unknown;
}

interface ParserOptions {
  sourceType?: string;
  ecmaFeatures?: { jsx?: boolean; globalReturn?: boolean };
  jsxPragma?: string | null;
  jsxFragmentName?: string | null;
  lib?: AnalyzeOptions['lib'];
  [key: string]: unknown;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string' && Array.isArray((value as Node).range);

/**
 * Optional members oxc sets to `null` where typescript-estree leaves them `undefined`, by node type
 * (found by comparing both trees on the test corpus); rules may test either.
 */
const UNDEFINED_WHEN_NULL: Record<string, readonly string[]> = {
  CallExpression: ['typeArguments'],
  NewExpression: ['typeArguments'],
  ExpressionStatement: ['directive'],
  TSTypeReference: ['typeArguments'],
  TSTypeQuery: ['typeArguments'],
  TSInterfaceHeritage: ['typeArguments'],
  JSXOpeningElement: ['typeArguments'],
  TSPropertySignature: ['accessibility'],
  TSIndexSignature: ['accessibility'],
  MethodDefinition: ['accessibility'],
  PropertyDefinition: ['accessibility', 'typeAnnotation'],
  ArrowFunctionExpression: ['typeParameters', 'returnType'],
  FunctionDeclaration: ['typeParameters', 'returnType'],
  FunctionExpression: ['typeParameters', 'returnType'],
  TSFunctionType: ['typeParameters'],
  TSInterfaceDeclaration: ['typeParameters'],
  TSTypeAliasDeclaration: ['typeParameters'],
  ClassDeclaration: ['typeParameters', 'superTypeArguments'],
  ClassExpression: ['typeParameters', 'superTypeArguments'],
  TSTypeParameter: ['default', 'constraint'],
  TSEnumMember: ['initializer'],
  Identifier: ['typeAnnotation'],
  ArrayPattern: ['typeAnnotation'],
  ObjectPattern: ['typeAnnotation'],
};

interface Annotation extends TokenHints {
  /**
   * JSX text with an entity (`&amp;`): typescript-estree decodes it in `value`, oxc does not, so
   * such a document goes to the fallback parser.
   */
  hasJsxEntity: boolean;
}

/** Adds `loc` to every node and gathers what the tokenizer needs to know from the tree. */
function annotate(program: Node, lines: LineIndex, text: string): Annotation {
  const hints: Annotation = { known: new Map(), identifierStarts: new Set(), greaterThanOperators: new Map(), hasJsxEntity: false };
  const know = (node: Node, token: Omit<KnownToken, 'end'>): void => {
    hints.known.set(node.range[0], { ...token, end: node.range[1] });
  };
  const visit = (node: Node, parent: Node | undefined): void => {
    const [start, end] = node.range;
    node.loc = lines.location(start, end);
    const nullable = UNDEFINED_WHEN_NULL[node.type];
    if (nullable) for (const key of nullable) if (node[key] === null) node[key] = undefined;
    switch (node.type) {
      case 'Identifier':
        // `import` and `new` in `import.meta` and `new.target` stay keywords.
        if (!(parent?.type === 'MetaProperty' && parent['meta'] === node)) hints.identifierStarts.add(start);
        break;
      case 'JSXIdentifier':
        know(node, { type: 'JSXIdentifier' });
        break;
      case 'JSXText':
        if (containsAmpersand(text, start, end)) hints.hasJsxEntity = true;
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
        if (parent?.type === 'JSXAttribute' && containsAmpersand(text, start, end)) hints.hasJsxEntity = true;
        break;
      case 'BinaryExpression':
      case 'AssignmentExpression': {
        const operator = node['operator'] as string;
        if (operator.startsWith('>')) hints.greaterThanOperators.set(operatorStart(text, (node['left'] as Node).range[1]), operator);
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

function annotateLiteral(node: Node, parent: Node | undefined, know: (node: Node, token: Omit<KnownToken, 'end'>) => void): void {
  const regex = node['regex'] as { pattern: string; flags: string } | undefined;
  if (regex) know(node, { type: 'RegularExpression', regex: { pattern: regex.pattern, flags: regex.flags } });
  else if (typeof node['value'] === 'string') know(node, { type: parent?.type === 'JSXAttribute' ? 'JSXText' : 'String' });
  else if (typeof node['value'] === 'number' || typeof node['bigint'] === 'string') know(node, { type: 'Numeric' });
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

export interface FastParserOptions {
  oxc: OxcParser;
  /** Parses what oxc rejects, so errors read as before: `@typescript-eslint/parser`. */
  fallback: () => Linter.Parser;
}

type ParseForESLint = NonNullable<Extract<Linter.Parser, { parseForESLint: unknown }>['parseForESLint']>;

/** ESLint parser object; `meta.name` lets ESLint cache and report it. */
export function createFastParser({ oxc, fallback }: FastParserOptions): Linter.Parser {
  const parseForESLint = (code: string, options: ParserOptions = {}): ReturnType<ParseForESLint> => {
    // As @typescript-eslint/parser: ESLint's `commonjs` arrives as `script` with `globalReturn`.
    const sourceType = options.sourceType === 'module' ? 'module' : 'script';
    const jsx = options.ecmaFeatures?.jsx === true;
    const result = oxc.parseSync(jsx ? 'file.tsx' : 'file.ts', code, {
      lang: jsx ? 'tsx' : 'ts',
      sourceType,
      astType: 'ts',
      range: true,
      preserveParens: false,
      // Semantic errors too (a redeclared `let`, a misplaced `new.target`): such a document goes to the
      // fallback, which errs on the side of giving exactly the previous result for dubious code.
      showSemanticErrors: true,
    });
    if (result.errors.length > 0) return parseWithFallback(fallback(), code, options);

    const lines = new LineIndex(code);
    const program = result.program as Node;
    program.range = [0, code.length];
    const hints = annotate(program, lines, code);
    if (hints.hasJsxEntity) return parseWithFallback(fallback(), code, options);
    const comments = result.comments.map(({ type, value, start, end }) => ({ type, value, range: [start, end] as [number, number], loc: lines.location(start, end) }));
    program['comments'] = comments;
    program['tokens'] = tokenize(code, result.comments, hints, lines);
    program.sourceType = sourceType;
    delete program['hashbang'];

    const analyzeOptions: AnalyzeOptions = {
      globalReturn: options.ecmaFeatures?.globalReturn,
      jsxFragmentName: options.jsxFragmentName,
      jsxPragma: options.jsxPragma,
      lib: options.lib,
      sourceType,
    };
    const scopeManager = analyze(program as unknown as Parameters<typeof analyze>[0], analyzeOptions);
    return {
      ast: program as unknown as ReturnType<ParseForESLint>['ast'],
      scopeManager: scopeManager as unknown as ReturnType<ParseForESLint>['scopeManager'],
      visitorKeys: visitorKeys as ReturnType<ParseForESLint>['visitorKeys'],
      services: { program: null, emitDecoratorMetadata: false, experimentalDecorators: false, isolatedDeclarations: false },
    };
  };
  return { meta: { name: 'cors-language-server/fast-parser' }, parseForESLint };
}

function parseWithFallback(parser: Linter.Parser, code: string, options: ParserOptions): ReturnType<ParseForESLint> {
  if ('parseForESLint' in parser && parser.parseForESLint) return parser.parseForESLint(code, options);
  return { ast: (parser as { parse: (code: string, options: unknown) => ReturnType<ParseForESLint>['ast'] }).parse(code, options) };
}
