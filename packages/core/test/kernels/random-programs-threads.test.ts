import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kernelThreadPool } from '../../src/kernels/kernel-threads.js';
import { useKernelThreads } from '../../src/threads.js';
import { checkRandomPrograms } from './random-programs.js';

// This file's kernels' memory is its own (vitest isolates test files): shared, made here first.
// Calls split from 4 KiB per thread, so the programs' larger tensors (128 KiB) are cut in two and
// groups of small resident tensors are shared out whole.
beforeAll(async () => {
  expect(await useKernelThreads(2, { minSplitBytes: 4096 })).toBe(2);
});
afterAll(() => useKernelThreads(1));

describe('random programs on two kernel threads and on the reference rules', () => {
  it('agree after every operation: outcome, parameters and state, bit for bit', () => {
    const before = kernelThreadPool()!.splitCalls;
    checkRandomPrograms(40);
    expect(kernelThreadPool()!.splitCalls).toBeGreaterThan(before); // the threads did take part
  });
});
