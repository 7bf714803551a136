import { defineConfig } from 'vitest/config';

// Store-backed suites start PGlite (seconds) or spawn the CLI; give them room on 2 cores.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 120_000 } });
