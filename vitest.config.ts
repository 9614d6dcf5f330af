import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const ALL = ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts'];
// The kernels' WebAssembly memory, its threads and its staging limits are one per module graph, and
// these tests set them up from the start (useKernelThreads must come before the memory is used): each
// file gets a fresh graph.
const OWN_MODULES = ['packages/core/test/kernels/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Vitest's default (one worker per core but one) runs the files one at a time on a 2-core machine,
    // while most of the slow files wait on child processes (the CLI, Chromium): two files at a time
    // took the suite from 419 s to 280 s here. The slowest single test stays far under the timeout.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: { name: 'own-modules', include: OWN_MODULES, isolate: true },
      },
      {
        extends: true,
        // The other files share their worker's modules: TF.js and the library load once per worker, not
        // once per file (vitest's import time on a fresh clone here: 159 s → 35 s, 2026-11-27). A file
        // must therefore leave what it changes as it found it (backends, kernels switched off …); the
        // suite passes with the files shuffled (--sequence.shuffle.files).
        test: { name: 'shared-modules', include: ALL, exclude: OWN_MODULES, isolate: false },
      },
    ],
  },
});
