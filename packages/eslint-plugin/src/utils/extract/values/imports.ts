/**
 * Values imported from another file of the project: `import { corsOptions } from '../cors-options'`,
 * `const { corsOptions } = require('../cors-options')`, `const corsOptions = require('../cors-options')`.
 * Followed when the path is relative, or names a package of the same workspace (`@acme/runtime/next`,
 * resolved to its source by `workspace-packages.ts`), and the file exists outside node_modules; the
 * exported expression is then read in its own file, through re-exports (`export { x } from './y'`,
 * `export * from './y'`). Anything else is unknown (ARCHITECTURE.md invariant 6).
 *
 * The other file is parsed with the parser of the current lint run, once per modification (mtime and size).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type * as ESLintApi from 'eslint';
import type { Linter } from 'eslint';
import { OriginReads } from './request-origin.js';
import { resolveNode, skipTypeWrappers, staticString } from './resolve.js';
import type { ScopeOf } from './scope.js';
import { resolveWorkspaceImport, stampOf } from './workspace-packages.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** What the current lint run knows about the file it lints. */
export interface LintedFile {
  readonly filename: string;
  /** The parser of the current run (`context.languageOptions.parser`); undefined means espree. */
  readonly parser: unknown;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];

/** An expression another project file exports, with what reading it there needs. */
export interface ImportedExpression {
  readonly expression: Node;
  readonly scopeOf: ScopeOf;
  readonly reads: OriginReads;
  readonly file: LintedFile;
}

/** The expression an identifier of the linted file imports from a project file (relative path or workspace package, outside node_modules). */
export function resolveImportedExpression(
  identifier: TSESTree.Identifier,
  scopeOf: ScopeOf,
  file: LintedFile,
): ImportedExpression | undefined {
  const binding = importedBinding(identifier, scopeOf);
  if (!binding || !path.isAbsolute(file.filename)) return undefined;
  const target = resolveSpecifier(path.dirname(file.filename), binding.specifier);
  return target ? exportedFrom(target, binding.name, file.parser, new Set()) : undefined;
}

/** What `file` exports as `name`, followed through its re-exports (each file at most once). */
function exportedFrom(
  target: string,
  name: string,
  parser: unknown,
  seen: Set<string>,
): ImportedExpression | undefined {
  if (seen.has(target)) return undefined;
  seen.add(target);
  const sourceCode = parsedModule(target, parser);
  if (!sourceCode) return undefined;
  const foreignScopeOf: ScopeOf = (node) => sourceCode.getScope(node);
  const exported = exportedValue(sourceCode.ast, name, foreignScopeOf);
  if (exported?.kind === 'here')
    return {
      expression: exported.node,
      scopeOf: foreignScopeOf,
      reads: readsOf(sourceCode, foreignScopeOf),
      file: { filename: target, parser },
    };
  for (const { specifier, name: reexported } of exported?.kind === 'from' ? exported.sources : []) {
    const next = resolveSpecifier(path.dirname(target), specifier);
    const found = next ? exportedFrom(next, reexported, parser, seen) : undefined;
    if (found) return found;
  }
  return undefined;
}

const foreignReads = new WeakMap<SourceCode, OriginReads>();

/** One OriginReads per parsed foreign file, so its value flow (memoised per reads) is built once per parse. */
function readsOf(sourceCode: SourceCode, scopeOf: ScopeOf): OriginReads {
  let reads = foreignReads.get(sourceCode);
  if (!reads) {
    reads = new OriginReads(scopeOf, sourceCode.visitorKeys);
    foreignReads.set(sourceCode, reads);
  }
  return reads;
}

/** `name` is the export read: a named export, `default`, or `module.exports` itself (`*`). */
function importedBinding(
  identifier: TSESTree.Identifier,
  scopeOf: ScopeOf,
): { specifier: string; name: string } | undefined {
  const variable = ASTUtils.findVariable(scopeOf(identifier), identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return undefined;
  if (def.type === 'ImportBinding') {
    const declaration = def.parent;
    if (
      declaration?.type !== AST_NODE_TYPES.ImportDeclaration ||
      typeof declaration.source.value !== 'string'
    )
      return undefined;
    const specifier = def.node;
    if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier)
      return { specifier: declaration.source.value, name: 'default' };
    if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) return undefined;
    const imported =
      specifier.imported.type === AST_NODE_TYPES.Identifier
        ? specifier.imported.name
        : String(specifier.imported.value);
    return { specifier: declaration.source.value, name: imported };
  }
  if (def.type !== 'Variable' || def.node.init === null || def.parent?.kind !== 'const')
    return undefined;
  const init = skipTypeWrappers(def.node.init);
  const id = def.node.id;
  const declared = def.name;
  // const corsOptions = require('../x').corsOptions
  if (
    init.type === AST_NODE_TYPES.MemberExpression &&
    !init.computed &&
    init.property.type === AST_NODE_TYPES.Identifier &&
    id === declared
  ) {
    const specifier = requiredPath(init.object);
    return specifier ? { specifier, name: init.property.name } : undefined;
  }
  const specifier = requiredPath(init);
  if (!specifier) return undefined;
  if (id === declared) return { specifier, name: '*' };
  // const { corsOptions } = require('../x')
  if (id.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of id.properties) {
      if (
        property.type === AST_NODE_TYPES.Property &&
        property.value === declared &&
        !property.computed &&
        property.key.type === AST_NODE_TYPES.Identifier
      ) {
        return { specifier, name: property.key.name };
      }
    }
  }
  return undefined;
}

function requiredPath(node: Node): string | undefined {
  if (
    node.type !== AST_NODE_TYPES.CallExpression ||
    node.callee.type !== AST_NODE_TYPES.Identifier ||
    node.callee.name !== 'require'
  )
    return undefined;
  const [first] = node.arguments;
  return first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string'
    ? first.value
    : undefined;
}

/** The project file an import names: a relative path, or a workspace package's source. */
function resolveSpecifier(folder: string, specifier: string): string | undefined {
  if (
    specifier.startsWith('./') ||
    specifier.startsWith('../') ||
    specifier === '.' ||
    specifier === '..'
  )
    return resolveFile(path.resolve(folder, specifier));
  return resolveWorkspaceImport(folder, specifier, resolveFile);
}

/** `…/cors-options` → the file it names: as written, with an extension, a `.js` written for a `.ts` source, or an index file. */
function resolveFile(base: string): string | undefined {
  const withoutJs = base.replace(/\.([cm]?)js$/, '');
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => base + ext),
    ...(withoutJs !== base ? EXTENSIONS.map((ext) => withoutJs + ext) : []),
    ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
  ];
  return candidates.find(
    (candidate) => !candidate.split(path.sep).includes('node_modules') && isFile(candidate),
  );
}

function isFile(file: string): boolean {
  return stampOf(file) !== undefined;
}

const parsed = new Map<
  string,
  {
    readonly mtimeMs: number;
    readonly size: number;
    readonly parser: unknown;
    readonly sourceCode: SourceCode | undefined;
  }
>();

const requireHere = createRequire(import.meta.url);
let loadedLinter: typeof Linter | undefined;

/** ESLint's Linter, loaded when a file first imports options: loading ESLint costs about 0.2 s, which most lints never need. */
export function linterClass(): typeof Linter {
  loadedLinter ??= (requireHere('eslint') as typeof ESLintApi).Linter;
  return loadedLinter;
}

/** The files `parsedModule` was asked for during `recordImportedFiles`; undefined outside it. */
let reads: Set<string> | undefined;

/**
 * Runs `run` (a lint) and returns with its result the other files its rules read through imports
 * and re-exports (absolute paths), for an editor that lints the file again when one of them changes.
 */
export function recordImportedFiles<T>(run: () => T): { result: T; files: string[] } {
  const outer = reads;
  const files = new Set<string>();
  reads = files;
  try {
    return { result: run(), files: [...files] };
  } finally {
    reads = outer;
    for (const file of files) outer?.add(file);
  }
}

/** The other file as ESLint sees it (AST with parents, scopes), parsed once per modification. */
export function parsedModule(file: string, parser: unknown): SourceCode | undefined {
  reads?.add(file);
  const stamp = stampOf(file);
  if (!stamp) return undefined;
  const { mtimeMs, size } = stamp;
  const cached = parsed.get(file);
  if (cached && cached.mtimeMs === mtimeMs && cached.size === size && cached.parser === parser)
    return cached.sourceCode;
  let sourceCode: SourceCode | undefined;
  const capture = {
    create: (context: { sourceCode: SourceCode }) => ((sourceCode = context.sourceCode), {}),
  };
  const linter = new (linterClass())({ cwd: path.dirname(file) });
  const messages = linter.verify(
    readFileSync(file, 'utf8'),
    [
      {
        files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
        languageOptions: {
          ecmaVersion: 'latest',
          sourceType: file.endsWith('.cjs') ? 'commonjs' : 'module',
          ...(parser ? { parser: parser as Linter.Parser } : {}),
        },
        plugins: { imported: { rules: { capture: capture as never } } },
        rules: { 'imported/capture': 'error' },
      },
    ],
    { filename: file },
  );
  if (messages.some((message) => message.fatal)) sourceCode = undefined;
  parsed.set(file, { mtimeMs, size, parser, sourceCode });
  return sourceCode;
}

/** Where a module's export `name` is: a node of its own, or other modules it re-exports it from (in order). */
type Exported =
  | { readonly kind: 'here'; readonly node: Node }
  | {
      readonly kind: 'from';
      readonly sources: readonly { readonly specifier: string; readonly name: string }[];
    };

/** The expression a module exports under `name` (ESM or CommonJS), top-level statements only. */
function exportedValue(
  program: TSESTree.Program,
  name: string,
  scopeOf: ScopeOf,
): Exported | undefined {
  let moduleExports: Node | undefined;
  let found: Node | undefined;
  const reexports: { specifier: string; name: string }[] = [];
  const starExports: { specifier: string; name: string }[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && name === 'default')
      found = statement.declaration;
    if (
      statement.type === AST_NODE_TYPES.ExportAllDeclaration &&
      !statement.exported &&
      name !== 'default'
    )
      starExports.push({ specifier: statement.source.value, name });
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const declaration = statement.declaration;
      if (
        declaration?.type === AST_NODE_TYPES.VariableDeclaration &&
        declaration.kind === 'const'
      ) {
        for (const declarator of declaration.declarations)
          if (
            declarator.id.type === AST_NODE_TYPES.Identifier &&
            declarator.id.name === name &&
            declarator.init
          )
            found = declarator.init;
      }
      if (
        (declaration?.type === AST_NODE_TYPES.FunctionDeclaration ||
          declaration?.type === AST_NODE_TYPES.ClassDeclaration) &&
        declaration.id?.name === name
      )
        found = declaration;
      for (const specifier of statement.specifiers) {
        const exportedName =
          specifier.exported.type === AST_NODE_TYPES.Identifier
            ? specifier.exported.name
            : specifier.exported.value;
        if (exportedName !== name) continue;
        const localName =
          specifier.local.type === AST_NODE_TYPES.Identifier
            ? specifier.local.name
            : specifier.local.value;
        if (statement.source)
          reexports.push({ specifier: statement.source.value, name: localName });
        else if (specifier.local.type === AST_NODE_TYPES.Identifier) found = specifier.local;
      }
    }
    if (
      statement.type !== AST_NODE_TYPES.ExpressionStatement ||
      statement.expression.type !== AST_NODE_TYPES.AssignmentExpression
    )
      continue;
    const { left, right } = statement.expression;
    if (isModuleExports(left)) moduleExports = right;
    else if (
      left.type === AST_NODE_TYPES.MemberExpression &&
      !left.computed &&
      left.property.type === AST_NODE_TYPES.Identifier &&
      left.property.name === name &&
      (isModuleExports(left.object) || isIdentifier(left.object, 'exports'))
    ) {
      found = right;
    }
  }
  if (found) return { kind: 'here', node: found };
  if (reexports.length > 0 || (starExports.length > 0 && !moduleExports))
    return { kind: 'from', sources: [...reexports, ...starExports] };
  if (!moduleExports) return undefined;
  if (name === '*' || name === 'default') return { kind: 'here', node: moduleExports };
  const object = resolveNode(moduleExports, scopeOf(moduleExports));
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = property.computed
      ? staticString(property.key, scopeOf(property.key))
      : property.key.type === AST_NODE_TYPES.Identifier
        ? property.key.name
        : undefined;
    if (key === name) return { kind: 'here', node: property.value };
  }
  return undefined;
}

function isModuleExports(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    isIdentifier(node.object, 'module') &&
    isIdentifier(node.property, 'exports')
  );
}

function isIdentifier(node: Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name;
}

/** An expression as defined where it is written: in the linted file or in another project file. */
export interface Definition {
  readonly node: Node;
  readonly scopeOf: ScopeOf;
  readonly file: LintedFile;
  /** The file's parsed source when it is another file than the one asking, for extracting its facts. */
  readonly sourceCode?: SourceCode;
}

const MAX_HOPS = 8;

/**
 * What `node` stands for, through constants and imports across files (`handler` → `Factory(…)` here,
 * `Factory` → the function another package exports). Stops at anything else; undefined only when an
 * import cannot be read.
 */
export function definitionOf(
  node: Node,
  scopeOf: ScopeOf,
  file: LintedFile,
  sourceCode?: SourceCode,
  hops = 0,
): Definition | undefined {
  const resolved = resolveNode(node, scopeOf(node));
  if (resolved.type !== AST_NODE_TYPES.Identifier || hops > MAX_HOPS)
    return { node: resolved, scopeOf, file, ...(sourceCode ? { sourceCode } : {}) };
  const imported = resolveImportedExpression(resolved, scopeOf, file);
  if (!imported) return undefined;
  return definitionOf(
    imported.expression,
    imported.scopeOf,
    imported.file,
    parsedModule(imported.file.filename, imported.file.parser),
    hops + 1,
  );
}

/** What another module exports as `name` (`export { GET } from '@acme/api'` in the linted file). */
export function exportedBy(
  file: LintedFile,
  specifier: string,
  name: string,
): Definition | undefined {
  if (!path.isAbsolute(file.filename)) return undefined;
  const target = resolveSpecifier(path.dirname(file.filename), specifier);
  const found = target ? exportedFrom(target, name, file.parser, new Set()) : undefined;
  if (!found) return undefined;
  return definitionOf(
    found.expression,
    found.scopeOf,
    found.file,
    parsedModule(found.file.filename, found.file.parser),
  );
}
