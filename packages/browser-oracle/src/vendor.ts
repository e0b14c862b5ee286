/**
 * Libraries a scenario's client may import by their bare name (`import axios from 'axios'`): the
 * real browser builds from the root node_modules, never copied into the repository. The page gets
 * them through an import map; Node (capture-request.ts) through the same files, named by path.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** Bare name → the browser build's file. */
export const VENDOR_MODULES: ReadonlyMap<string, string> = new Map([
  // axios's self-contained ES module build for browsers: it imports nothing.
  ['axios', path.join(packageDir('axios'), 'dist', 'esm', 'axios.js')],
]);

/** Where the page servers serve a library. */
export const vendorRoute = (name: string) => `/vendor/${name}.js`;

/** The import map that resolves a client's bare imports to the page server's `/vendor/` routes. */
export const IMPORT_MAP = JSON.stringify({
  imports: Object.fromEntries([...VENDOR_MODULES.keys()].map((name) => [name, vendorRoute(name)])),
});

/** `from 'axios'` (or `import 'axios'`, `import('axios')`) with `name` a vendor library: the quoted specifier. */
const BARE_IMPORT = /(\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"]+)\2/g;

/**
 * The client's source with each vendor import naming the build's file URL plus `query`, so that
 * Node loads the browser build afresh (it decides at load time whether it runs in a browser).
 */
export function withVendorFileUrls(source: string, query: string): string {
  return source.replace(BARE_IMPORT, (whole, keyword: string, quote: string, specifier: string) => {
    const file = VENDOR_MODULES.get(specifier);
    return file === undefined
      ? whole
      : `${keyword}${quote}${pathToFileURL(file).href}${query}${quote}`;
  });
}

export const importsVendorModule = (source: string) =>
  [...source.matchAll(BARE_IMPORT)].some((match) => VENDOR_MODULES.has(match[3] ?? ''));
