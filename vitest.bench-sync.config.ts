import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** `npm run bench:sync`: the sync engine at scale against rclone on 127.0.0.1 (scripts/bench-sync.test.ts). */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['scripts/bench-sync.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 60_000,
  },
});
