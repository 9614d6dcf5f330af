import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kernelThreadPool } from '../../src/kernels/kernel-threads.js';
import { useKernelThreads } from '../../src/threads.js';
import { checkRandomPrograms } from './random-programs.js';

// This file's kernels' memory is its own (vitest isolates test files): shared, made here first.
// Ordinary arrays are pipelined from any size, so the programs' larger tensors (128 KiB: two 64 KiB
// chunks) go through the pipeline whenever they are not resident; nothing is split.
beforeAll(async () => {
  expect(await useKernelThreads(2, { minPipelineBytes: 0, minSplitBytes: Number.MAX_SAFE_INTEGER })).toBe(2);
});
afterAll(() => useKernelThreads(1));

describe('random programs with pipelined copies and on the reference rules', () => {
  it('agree after every operation: outcome, parameters and state, bit for bit', () => {
    const before = kernelThreadPool()!.pipelinedCalls;
    checkRandomPrograms(40);
    expect(kernelThreadPool()!.pipelinedCalls).toBeGreaterThan(before); // the pipeline did take part
  });
});
