import { defineConfig } from 'vitest/config';

// Store-backed suites start PGlite (seconds) or spawn the CLI; give them room on 2 cores.
// Every answer of an app the helpers build is checked against the API document (test/setup-response-check.ts).
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 120_000, setupFiles: ['./test/setup-response-check.ts'] },
});
