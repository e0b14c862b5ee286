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
import { annotate, type Node, type TreeDialect } from './annotate.js';
import { LineIndex } from './line-index.js';
import {
  commentsOf,
  parseWithFallback,
  type FastParserOptions,
  type ParseResult,
  type ParserOptions,
} from './oxc.js';
import { tokenize } from './tokens.js';

interface TypeScriptParserOptions extends ParserOptions {
  jsxPragma?: string | null;
  jsxFragmentName?: string | null;
  lib?: AnalyzeOptions['lib'];
}

/**
 * Optional members oxc sets to `null` where typescript-estree leaves them `undefined`, by node type
 * (found by comparing both trees on the test corpus); rules may test either.
 */
const TYPESCRIPT_TREE: TreeDialect = {
  undefinedWhenNull: {
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
  },
};

/** ESLint parser object; `meta.name` lets ESLint cache and report it. */
export function createFastTypeScriptParser({ oxc, fallback }: FastParserOptions): Linter.Parser {
  const parseForESLint = (code: string, options: TypeScriptParserOptions = {}): ParseResult => {
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
    const hints = annotate(program, lines, code, TYPESCRIPT_TREE);
    if (hints.needsFallback) return parseWithFallback(fallback(), code, options);
    program['comments'] = commentsOf(result.comments, (start, end) => lines.location(start, end));
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
    const scopeManager = analyze(
      program as unknown as Parameters<typeof analyze>[0],
      analyzeOptions,
    );
    return {
      ast: program as unknown as ParseResult['ast'],
      scopeManager: scopeManager as unknown as ParseResult['scopeManager'],
      visitorKeys: visitorKeys as ParseResult['visitorKeys'],
      services: {
        program: null,
        emitDecoratorMetadata: false,
        experimentalDecorators: false,
        isolatedDeclarations: false,
      },
    };
  };
  return { meta: { name: 'cors-language-server/fast-typescript-parser' }, parseForESLint };
}
