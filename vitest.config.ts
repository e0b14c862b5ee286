import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run against the TypeScript sources; workspace packages are aliased to their `src`
// so a change in core is seen by the plugin's tests without a build.
const coreSource = fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url));
const pluginSource = fileURLToPath(
  new URL('./packages/eslint-plugin/src/index.ts', import.meta.url),
);
const alias = { 'cors-lint-core': coreSource };

export default defineConfig({
  test: {
    // Generous, because the machines are shared: a test waits on states, and a timeout only stops a hung one.
    // Every project inherits these (`extends: true`); without it a project falls back to vitest's 5 s.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        resolve: { alias },
        test: { name: 'core', include: ['packages/core/tests/**/*.test.ts'] },
      },
      {
        extends: true,
        resolve: { alias },
        // RuleTester reports through the test framework: the setup file hands it vitest's hooks.
        test: {
          name: 'eslint-plugin',
          include: ['packages/eslint-plugin/tests/**/*.test.ts'],
          setupFiles: ['packages/eslint-plugin/tests/setup.ts'],
        },
      },
      {
        extends: true,
        // The plugin from source too, so the oracle judges the rules as they are now, not the last build.
        resolve: { alias: { ...alias, 'eslint-plugin-cors': pluginSource } },
        // Headless Chromium runs every scenario: a test launches the browser and several pages.
        test: {
          name: 'browser-oracle',
          include: ['packages/browser-oracle/tests/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'test-environment',
          include: ['packages/test-environment/tests/**/*.test.ts'],
        },
      },
      {
        extends: true,
        // The server lints with the plugin's current source, as the parity test compares against it.
        resolve: { alias: { ...alias, 'eslint-plugin-cors': pluginSource } },
        // A test waits up to STATE_WAIT_MS (tests/helpers/lsp-client.ts) for a state; this stays above it.
        test: {
          name: 'language-server',
          include: ['packages/language-server/tests/**/*.test.ts'],
          testTimeout: 120_000,
          // Hooks wait on states too (a workspace's project index being built), up to STATE_WAIT_MS.
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        // The built CLI is run as a process, as users run it (the test command builds first). Each
        // run starts Node and ESLint afresh, so on a machine loaded many times over (seen at a load
        // of 27 on 2 CPUs) one test of several runs needs more than a minute: a guard, not a target.
        test: { name: 'cli', include: ['packages/cli/tests/**/*.test.ts'], testTimeout: 180_000 },
      },
      {
        extends: true,
        // Real VS Code (code-server) in headless Chromium; the first run installs code-server (~2 min).
        test: {
          name: 'vscode-extension',
          include: ['packages/vscode-extension/tests/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
