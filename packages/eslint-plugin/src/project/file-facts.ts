/**
 * The facts the project index keeps of one JavaScript or TypeScript file, read from a rule context:
 * its server surface, or the dev proxies of a Vite or Next.js config. The index's own parse of a
 * file (project-index.ts) and a lint that already has the file's tree (the language server's lint of
 * an open document, which hands them to its index instead of having the same text parsed again) both
 * read them here, so both give the same facts.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { ProxiedPrefix, ServerSurface } from 'cors-lint-core';
import { getCorsContext } from '../utils/cors-context.js';
import { configProxies, NEXT_CONFIG, VITE_CONFIG } from './dev-proxies.js';
import type { ReexportedRouteHandler } from './facts/js.js';
import { jsServerSurface, reexportedRouteHandler } from './facts/js.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A file's facts as plain data: no AST, only `SourceRef` handles. */
export interface FileFacts {
  readonly surfaces: readonly ServerSurface[];
  /** Set for a dev-server config only. */
  readonly proxies?: readonly ProxiedPrefix[];
  /** Set for a Next.js route module that exports, without OPTIONS, a handler made elsewhere. */
  readonly reexported?: ReexportedRouteHandler;
}

/** The facts of `file` (relative to the project `root`, `/` separators), parsed in `context`. */
export function jsFileFacts(context: Context, file: string, root: string): FileFacts {
  if (VITE_CONFIG.test(file) || NEXT_CONFIG.test(file))
    return { surfaces: [], proxies: configProxies(file, context.sourceCode) };
  const model = getCorsContext(context);
  const surface = jsServerSurface(model, context.sourceCode, file);
  const reexported = reexportedRouteHandler(model, context, file, root);
  return { surfaces: surface ? [surface] : [], ...(reexported ? { reexported } : {}) };
}
