/**
 * Where does this file's code run: in a browser page, on a server, both, or can't we tell? CORS is
 * enforced by browsers only, so a `fetch` in a Node script or a test sends no preflight and reads
 * every response; and a browser bundle configures no server. The client rules report only where a
 * browser may run the code, the server rules only where a server may.
 *
 * Evidence, strongest first (the lists are in `runtime-evidence.ts`):
 * 1. `settings.cors.runtime` ('browser' | 'server' | 'both'), for files a glob in the config names;
 * 2. the file itself: `'use client'` / `'use server'`, the modules it imports or requires (Node's own
 *    modules and server packages, or UI renderers and client routers), the browser-only globals it
 *    reads (`window`, `document`, `XMLHttpRequest`, …) and Node's `__dirname`;
 * 3. its path inside its package: file-system routes (`app/**\/route.ts`, `pages/api/**`,
 *    `middleware.ts`, `*.server.ts`), folders such as `server/`, `scripts/`, `client/`, `public/`;
 * 4. the nearest package.json: a `browser` field or a UI renderer or bundler makes a browser package,
 *    a server framework or database driver (or a `bin`) a server package.
 * Test files (`*.test.*`, `__tests__/`, `e2e/`, …) run under a Node test runner: `isTest`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  isBrowserGlobal,
  isBrowserModule,
  isServerGlobal,
  isServerModule,
  isTestPath,
  runtimeOfManifest,
  runtimeOfPath,
} from './runtime-evidence.js';

export type Runtime = 'browser' | 'server' | 'both' | 'unknown';

export interface RuntimeContext {
  readonly runtime: Runtime;
  /** Code run by a test runner, not by a user's browser. */
  readonly isTest: boolean;
  /** Why, in words, for hovers and debugging: `imports 'express'`, `path pages/api/`, … */
  readonly evidence: string;
}

/** May a browser run this file's requests? Test files run under Node (or drive a browser from Node). */
export function mayRunInBrowser(context: RuntimeContext): boolean {
  return context.runtime !== 'server' && !context.isTest;
}

/** May a server run this file's CORS set-up? */
export function mayRunOnServer(context: RuntimeContext): boolean {
  return context.runtime !== 'browser';
}

export function classifyRuntime(
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
  settings: unknown,
): RuntimeContext {
  const packageRoot = nearestPackageRoot(filename);
  const relative = toForwardSlashes(
    packageRoot ? path.relative(packageRoot.folder, filename) : filename,
  );
  const isTest = isTestPath(relative);
  const configured = configuredRuntime(settings);
  if (configured) return { runtime: configured, isTest, evidence: 'settings.cors.runtime' };

  const file = fileEvidence(sourceCode);
  if (file.server && file.browser)
    return { runtime: 'both', isTest, evidence: `${file.server}; ${file.browser}` };
  if (file.server) return { runtime: 'server', isTest, evidence: file.server };
  if (file.browser) return { runtime: 'browser', isTest, evidence: file.browser };

  const byPath = runtimeOfPath(relative);
  if (byPath) return { runtime: byPath, isTest, evidence: `path ${relative}` };

  const byPackage = packageRoot?.runtime;
  if (byPackage && byPackage !== 'both')
    return { runtime: byPackage, isTest, evidence: `package ${packageRoot.file}` };
  return {
    runtime: byPackage ?? 'unknown',
    isTest,
    evidence: byPackage ? `package ${packageRoot.file}` : 'no evidence',
  };
}

interface FileEvidence {
  /** The first piece of server evidence, in words; undefined when there is none. */
  server?: string;
  browser?: string;
}

function fileEvidence(sourceCode: Readonly<TSESLint.SourceCode>): FileEvidence {
  const evidence: FileEvidence = {};
  const program = sourceCode.ast;
  for (const statement of program.body) {
    if (
      statement.type !== AST_NODE_TYPES.ExpressionStatement ||
      !('directive' in statement) ||
      typeof statement.directive !== 'string'
    )
      break;
    if (statement.directive === 'use client') evidence.browser ??= "'use client'";
    if (statement.directive === 'use server') evidence.server ??= "'use server'";
  }
  for (const name of importedModules(sourceCode)) {
    if (isServerModule(name)) evidence.server ??= `imports '${name}'`;
    else if (isBrowserModule(name)) evidence.browser ??= `imports '${name}'`;
  }
  const globalScope = sourceCode.scopeManager?.globalScope;
  for (const reference of globalScope?.through ?? []) {
    const { name } = reference.identifier;
    if (isBrowserGlobal(name)) evidence.browser ??= `reads the global '${name}'`;
    else if (isServerGlobal(name)) evidence.server ??= `reads '${name}'`;
  }
  return evidence;
}

/** Module names of static imports and re-exports, and of `require('x')` and `import('x')` anywhere. */
function importedModules(sourceCode: Readonly<TSESLint.SourceCode>): string[] {
  const names: string[] = [];
  for (const statement of sourceCode.ast.body) {
    if (
      (statement.type === AST_NODE_TYPES.ImportDeclaration ||
        statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration) &&
      statement.source
    ) {
      names.push(statement.source.value);
    }
  }
  // require() and import() can sit anywhere in the file; the text finds them without a tree walk.
  for (const match of sourceCode.text.matchAll(
    /\b(?:require|import)\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
  ))
    names.push(match[2] as string);
  return names;
}

function configuredRuntime(settings: unknown): Exclude<Runtime, 'unknown'> | undefined {
  const cors = isRecord(settings) ? settings['cors'] : undefined;
  const runtime = isRecord(cors) ? cors['runtime'] : undefined;
  return runtime === 'browser' || runtime === 'server' || runtime === 'both' ? runtime : undefined;
}

interface PackageRoot {
  readonly folder: string;
  readonly file: string;
  readonly runtime: 'server' | 'browser' | 'both' | undefined;
}

const CACHE_MS = 5_000;
const packageCache = new Map<
  string,
  { readonly root: PackageRoot | undefined; readonly readAt: number }
>();

/** The nearest folder above the file with a readable package.json, and what it says; cached briefly per folder. */
function nearestPackageRoot(filename: string): PackageRoot | undefined {
  if (!path.isAbsolute(filename)) return undefined;
  return packageRootFrom(path.dirname(filename));
}

function packageRootFrom(folder: string): PackageRoot | undefined {
  const cached = packageCache.get(folder);
  if (cached && Date.now() - cached.readAt < CACHE_MS) return cached.root;
  const file = path.join(folder, 'package.json');
  const manifest = readManifest(file);
  const parent = path.dirname(folder);
  const root = manifest
    ? { folder, file, runtime: runtimeOfManifest(manifest) }
    : parent === folder
      ? undefined
      : packageRootFrom(parent);
  packageCache.set(folder, { root, readAt: Date.now() });
  return root;
}

function readManifest(file: string): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isRecord(json) ? json : undefined;
  } catch {
    return undefined;
  }
}

function toForwardSlashes(file: string): string {
  return file.split(path.sep).join('/');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
