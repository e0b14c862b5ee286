import nodeModule, { createRequire } from 'node:module';

/**
 * Most of the server's start-up is V8 compiling ESLint, the plugin and TypeScript. Node can keep the
 * compiled code between runs: `module.enableCompileCache()` (Node ≥ 22.1, ESM and CommonJS, kept in
 * the OS temp folder) or, on Node 20, `v8-compile-cache`, which does the same for CommonJS modules,
 * i.e. for ESLint and TypeScript. Both check the source before using a cached entry, and a cache that
 * cannot be used only costs speed, so a failure here is ignored.
 */
export function enableCompileCache(): void {
  try {
    const builtIn = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
    if (typeof builtIn === 'function') {
      builtIn();
      return;
    }
    // Absent from the editor extension's single-file bundle, which has no node_modules.
    createRequire(import.meta.url)('v8-compile-cache');
  } catch {
    // No cache: the server starts as fast as Node alone makes it.
  }
}
