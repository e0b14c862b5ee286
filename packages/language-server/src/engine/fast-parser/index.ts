/**
 * Parsers for ESLint's `Linter` that parse with oxc (native, without loading TypeScript) and give
 * ESLint what its reference parser gives it: typescript.ts for TypeScript (as
 * `@typescript-eslint/parser`), javascript.ts for JavaScript (as espree). Each hands what it cannot
 * match to its reference parser.
 */
export { createFastJavaScriptParser, type Espree } from './javascript.js';
export type { FastParserOptions, OxcParser } from './oxc.js';
export { createFastTypeScriptParser } from './typescript.js';
