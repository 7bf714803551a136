import { defineConfig } from 'vitest/config';

// One server and one browser for all suites (globalSetup), suites one after another.
export default defineConfig({
  test: {
    globalSetup: ['./test/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
