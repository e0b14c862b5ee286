// Bundles the extension (the VS Code client, dist/extension.js), the language server
// (dist/server.mjs), its lint worker (dist/lint-worker.js) and its project index thread
// (dist/index-worker.js) into dist/, so the .vsix needs
// no node_modules: `node esbuild.mjs [--minify] [--watch]`.
import { readFile } from 'node:fs/promises';
import * as esbuild from 'esbuild';

const minify = process.argv.includes('--minify');
const watch = process.argv.includes('--watch');

/**
 * Our packages read their own package.json with `createRequire(import.meta.url)('../package.json')`,
 * which works for their ESM builds but not inside a CommonJS bundle (no `import.meta.url`, and the
 * bundle sits elsewhere). A plain `require('../package.json')` lets esbuild inline the right file.
 */
const inlineOwnPackageJson = {
  name: 'inline-own-package-json',
  setup(build) {
    build.onLoad(
      {
        filter:
          /[\\/]packages[\\/](core|eslint-plugin|language-server)[\\/](src|dist)[\\/].*\.[cm]?[jt]s$/,
      },
      async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('createRequire(import.meta.url)')) return undefined;
        return {
          contents: source.replaceAll(
            /createRequire\(import\.meta\.url\)\(\s*('[^']*package\.json')\s*\)/g,
            'require($1)',
          ),
          loader: args.path.endsWith('ts') ? 'ts' : 'js',
        };
      },
    );
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: !minify,
  minify,
  logLevel: 'info',
  // Dependencies that still use `import.meta.url` get the bundle's own URL.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const contexts = await Promise.all([
  esbuild.context({
    ...common,
    entryPoints: { extension: 'src/extension.ts' },
    outdir: 'dist',
    // Provided by VS Code at run time.
    external: ['vscode'],
  }),
  esbuild.context({
    ...common,
    // The server's entry uses top-level await, which CommonJS cannot express: this bundle is ESM
    // (`.mjs`, so Node loads it as a module whatever package.json says), with the `require`,
    // `__filename` and `__dirname` its CommonJS dependencies (TypeScript, ESLint) expect.
    format: 'esm',
    define: {},
    banner: {
      js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        "import { dirname as __dirnameOf } from 'node:path';",
        'const require = __createRequire(import.meta.url);',
        'const __filename = __fileURLToPath(import.meta.url);',
        'const __dirname = __dirnameOf(__filename);',
      ].join(' '),
    },
    entryPoints: { server: '../language-server/src/main.ts' },
    outExtension: { '.js': '.mjs' },
    outdir: 'dist',
    // ESLint needs jiti only to load TypeScript config files, which the server never does.
    // oxc-parser is a native, per-platform binding the .vsix does not carry: its import fails and the
    // server reads TypeScript with @typescript-eslint/parser, as before (engine/lint-host.ts).
    external: ['vscode', 'jiti', 'oxc-parser'],
    plugins: [inlineOwnPackageJson],
  }),
  esbuild.context({
    ...common,
    // The server starts its lint worker from `new URL('./lint-worker.js', import.meta.url)`, i.e. next to
    // server.mjs, and its project index thread from `./index-worker.js`; neither has top-level await,
    // so they can be CommonJS like the extension.
    entryPoints: {
      'lint-worker': '../language-server/src/engine/lint-worker.ts',
      'index-worker': '../language-server/src/project/index-worker.ts',
    },
    outdir: 'dist',
    external: ['vscode', 'jiti', 'oxc-parser'],
    plugins: [inlineOwnPackageJson],
  }),
]);

if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}
