import { describe, expect, it } from 'vitest';
import config from '../../../vitest.config.js';

/**
 * A project that does not extend the root configuration falls back to vitest's 5-second test
 * timeout, and its tests then fail on a busy machine (issue 15, item 16): every project inherits.
 */
describe('the vitest configuration', () => {
  it('makes every project inherit the root timeouts', () => {
    const projects = (config.test?.projects ?? []) as {
      extends?: unknown;
      test?: { name?: string };
    }[];
    expect(projects.length).toBeGreaterThan(0);
    for (const project of projects) expect(project.extends, project.test?.name).toBe(true);
    expect(config.test?.testTimeout).toBeGreaterThanOrEqual(30_000);
    expect(config.test?.hookTimeout).toBeGreaterThanOrEqual(60_000);
  });
});
