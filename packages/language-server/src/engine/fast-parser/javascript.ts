/**
 * A JavaScript parser for ESLint's `Linter` that parses with oxc and gives ESLint what espree (its
 * default parser) gives it: oxc's ESTree tree, which follows acorn's, plus `loc` on every node,
 * espree's tokens (tokens.ts) and comment positions. Scopes are left to ESLint, which analyses the
 * tree with eslint-scope exactly as it does for espree's.
 *
 * espree reads whatever this does not promise to read as espree would: a document oxc rejects (so a
 * syntax error reads as before), syntax espree does not know (decorators, `import defer`, a node type
 * outside ESLint's visitor keys), a regular expression this Node cannot build, JSX entities, and
 * parser options the language server never sets.
 */
import type { Linter } from 'eslint';
import { annotate, type Node, type TreeDialect } from './annotate.js';
import { LineIndex } from './line-index.js';
import {
  commentsOf,
  parseWithFallback,
  type OxcParser,
  type ParseResult,
  type ParserOptions,
} from './oxc.js';
import { tokenize } from './tokens.js';

/** The part of espree this uses. */
export interface Espree {
  parse(code: string, options: unknown): unknown;
  /** The node types espree builds and ESLint walks (eslint-visitor-keys). */
  VisitorKeys: Readonly<Record<string, readonly string[]>>;
  /** As espree counts it: 17 for ES2026. */
  latestEcmaVersion: number;
}

export interface FastJavaScriptParserOptions {
  oxc: OxcParser;
  espree: Espree;
}

/** ESLint hands `ecmaVersion` over as a year ('latest' already resolved), espree counts from ES5 = 5. */
const espreeEcmaVersion = (version: number): number => (version >= 2015 ? version - 2009 : version);

function handlesOptions(options: ParserOptions, espree: Espree): boolean {
  const { ecmaVersion, ecmaFeatures = {} } = options;
  // Without one, espree reads ES5.
  const latest =
    ecmaVersion === 'latest' ||
    (typeof ecmaVersion === 'number' && espreeEcmaVersion(ecmaVersion) >= espree.latestEcmaVersion);
  return latest && !ecmaFeatures.globalReturn && !ecmaFeatures.impliedStrict;
}

function espreeTree(espree: Espree, jsx: boolean): TreeDialect {
  return {
    unsupported: (node: Node) =>
      !(node.type in espree.VisitorKeys) ||
      (!jsx && node.type.startsWith('JSX')) ||
      // Source-phase and deferred imports (`import defer * as ns from 'x'`), a stage-3 proposal.
      ((node.type === 'ImportDeclaration' || node.type === 'ImportExpression') &&
        node['phase'] != null) ||
      // oxc leaves `value` null for a pattern this Node's RegExp cannot build; espree may reject it.
      (node.type === 'Literal' && node['regex'] !== undefined && node['value'] === null),
    conform: (node: Node) => {
      // Members oxc's nodes have and espree's do not: an import's `phase: null` (see above), and a
      // class's or class member's `decorators: []` (a decorator itself is a node type espree lacks).
      if (
        node['phase'] === null &&
        (node.type === 'ImportDeclaration' || node.type === 'ImportExpression')
      )
        delete node['phase'];
      if (Array.isArray(node['decorators']) && node['decorators'].length === 0)
        delete node['decorators'];
      // oxc gives a template part acorn's range (its characters only); espree widens it to the
      // delimiters around it (`` `a${ ``, `}b` ``), as its Template token does.
      if (node.type !== 'TemplateElement') return;
      node.range = [node.range[0] - 1, node.range[1] + (node['tail'] ? 1 : 2)];
      node['start'] = node.range[0];
      node['end'] = node.range[1];
    },
  };
}

/** ESLint parser object; `meta.name` lets ESLint cache and report it. */
export function createFastJavaScriptParser({
  oxc,
  espree,
}: FastJavaScriptParserOptions): Linter.Parser {
  const trees = { jsx: espreeTree(espree, true), plain: espreeTree(espree, false) };
  const parseForESLint = (code: string, options: ParserOptions = {}): ParseResult => {
    if (!handlesOptions(options, espree))
      return parseWithFallback(espree as Linter.Parser, code, options);
    const jsx = options.ecmaFeatures?.jsx === true;
    const sourceType =
      options.sourceType === 'module' || options.sourceType === 'commonjs'
        ? options.sourceType
        : 'script';
    const result = oxc.parseSync(jsx ? 'file.jsx' : 'file.js', code, {
      lang: jsx ? 'jsx' : 'js',
      sourceType,
      astType: 'js',
      range: true,
      preserveParens: false,
      // acorn reports early errors (a redeclared `let`, `new.target` outside a function) as syntax errors too.
      showSemanticErrors: true,
    });
    if (result.errors.length > 0) return parseWithFallback(espree as Linter.Parser, code, options);

    const lines = new LineIndex(code);
    const program = result.program as Node;
    const hints = annotate(program, lines, code, jsx ? trees.jsx : trees.plain);
    if (hints.needsFallback) return parseWithFallback(espree as Linter.Parser, code, options);
    program['comments'] = commentsOf(result.comments, (start, end) => lines.location(start, end));
    program['tokens'] = tokenize(code, result.comments, hints, lines, 'espree');
    program['sourceType'] = sourceType;
    delete program['hashbang'];
    // No scope manager and no visitor keys: ESLint uses its own, as for espree.
    return { ast: program as unknown as ParseResult['ast'] };
  };
  return { meta: { name: 'cors-language-server/fast-javascript-parser' }, parseForESLint };
}
