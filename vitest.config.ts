import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    // Vitest's default (one worker per core but one) runs the files one at a time on a 2-core machine,
    // while most of the slow files wait on child processes (the CLI, Chromium): two files at a time
    // took the suite from 419 s to 280 s here. The slowest single test stays far under the timeout.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
