import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kernelThreadPool } from '../../src/kernels/kernel-threads.js';
import { useKernelThreads } from '../../src/threads.js';
import { checkRandomPrograms } from './random-programs.js';

// This file's kernels' memory is its own (vitest isolates test files): shared, made here first.
// Ordinary arrays are pipelined from any size in all, so the programs' larger tensors (128 KiB: two
// 64 KiB chunks; tensors under 4 KiB stay out) go through the pipeline whenever they are not
// resident; nothing is split.
beforeAll(async () => {
  expect(await useKernelThreads(2, { minPipelineBytes: 0, minSplitBytes: Number.MAX_SAFE_INTEGER })).toBe(2);
});
afterAll(() => useKernelThreads(1));

describe('random programs with pipelined copies and on the reference rules', () => {
  it('agree after every operation: outcome, parameters and state, bit for bit', () => {
    const before = kernelThreadPool()!.pipelinedCalls;
    // A pipeline takes an ordinary tensor of 4 KiB or more, which the programs draw one time in seven:
    // another 40 programs (new random ones) until one has stepped it, at most four times in all.
    for (let batch = 0; batch < 4 && kernelThreadPool()!.pipelinedCalls === before; batch++) checkRandomPrograms(40);
    expect(kernelThreadPool()!.pipelinedCalls).toBeGreaterThan(before); // the pipeline did take part
  });
});
