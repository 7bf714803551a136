import { defineConfig } from 'vitest/config';

// Store-backed suites start PGlite (seconds) or spawn the CLI; give them room on 2 cores.
// Two files at a time: a suite waits on PGlite's start, a spawned CLI or PostgreSQL much of the
// time, so two workers on the machine's 2 cores take 416 s where one took 596 s (PGlite run).
// Every answer of an app the helpers build is checked against the API document (test/setup-response-check.ts).
export default defineConfig({
  test: {
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    setupFiles: ['./test/setup-response-check.ts'],
  },
});
