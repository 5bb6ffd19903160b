import { defineConfig } from 'vitest/config';

/** End-to-end tests: real browsers driving the built extension, one file at a time. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // One retry: on a 2-core machine under load a few two-browser specs miss a timing (see the closing note of wave 3); a test that fails twice fails.
    retry: 1,
  },
});
