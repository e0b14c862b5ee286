import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run against the TypeScript sources; workspace packages are aliased to their `src`
// so a change in core is seen by the plugin's tests without a build.
const coreSource = fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url));

export default defineConfig({
  resolve: { alias: { 'cors-lint-core': coreSource } },
  test: {
    include: ['packages/*/tests/**/*.test.ts'],
    setupFiles: ['packages/eslint-plugin/tests/setup.ts'],
    testTimeout: 30_000,
  },
});
