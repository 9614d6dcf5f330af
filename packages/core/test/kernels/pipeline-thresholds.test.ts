import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Rprop, useKernels } from '../../src/index.js';
import { rpropKernelStep } from '../../src/kernels.js';
import { kernelThreadPool } from '../../src/kernels/kernel-threads.js';
import { rpropConstantsFor } from '../../src/rules/rprop-constants.js';
import { rpropStep } from '../../src/rules/rprop-step.js';
import { useKernelThreads } from '../../src/threads.js';
import type { Dtype } from '../properties/arbitraries.js';
import { firstDifference } from './edge-values.js';
import { values } from './seeded-values.js';
import { CTOR } from './thread-steps.js';

// Which calls take the pipeline, at the edges of its thresholds: a copy-through call needs two 64 KiB
// chunks at least; a group's ordinary tensors of 4 KiB or more go in together, and need two chunks
// in all; both need minPipelineBytes, inclusive. Each edge is met from both sides, in float32 and
// float64 (a wrong element size moves the edge). This file's kernels' memory is its own (vitest
// isolates test files), made here, shared, first.
beforeAll(async () => {
  expect(await useKernelThreads(2, { minPipelineBytes: 0 })).toBe(2);
});
afterAll(() => useKernelThreads(1));
afterEach(async () => {
  useKernels(true);
  await useKernelThreads(2, { minPipelineBytes: 0 });
});

const CHUNK_BYTES = 64 * 1024;
const pipelined = () => kernelThreadPool()!.pipelinedCalls;
/** Elements of `d` in `bytes` bytes. */
const elements = (d: Dtype, bytes: number) => bytes / CTOR[d].BYTES_PER_ELEMENT;

/**
 * One iRprop+ step by `rpropKernelStep` on ordinary arrays of length n, held to the reference rule bit
 * for bit; whether it took the pipeline.
 */
function kernelStepPipelines(d: Dtype, n: number): boolean {
  const buffers = () => ({
    param: CTOR[d].from(values(n, 1)), grad: CTOR[d].from(values(n, 2)), prev: CTOR[d].from(values(n, 3)),
    stepSize: CTOR[d].from(values(n, 4)).map(Math.abs), prevUpdate: CTOR[d].from(values(n, 5)),
  });
  const c = rpropConstantsFor(new CTOR[d](0), [0.5, 1.2], [1e-6, 50], false);
  const viaKernel = buffers();
  const viaRule = buffers();
  const before = pipelined();
  expect(rpropKernelStep('irprop+', viaKernel, c, true)).toBe(true);
  const took = pipelined() > before;
  rpropStep('irprop+', viaRule, c, true);
  for (const key of ['param', 'prev', 'stepSize', 'prevUpdate'] as const) expect(firstDifference(viaKernel[key], viaRule[key]), key).toBeNull();
  return took;
}

/**
 * One Rprop step of a group of ordinary tensors of `lengths`, held to the reference rules bit for
 * bit; the pipelines it ran.
 */
function groupStepPipelines(d: Dtype, lengths: number[]): number {
  const step = (kernels: boolean) => {
    useKernels(kernels);
    const params = lengths.map((n, k) => ({ data: CTOR[d].from(values(n, 10 + k)), grad: CTOR[d].from(values(n, 20 + k)) }));
    new Rprop(params).step();
    return params.map((p) => p.data);
  };
  const before = pipelined();
  const viaKernel = step(true);
  const calls = pipelined() - before;
  const viaRule = step(false);
  viaKernel.forEach((w, k) => expect(firstDifference(w, viaRule[k]!), `tensor ${k}`).toBeNull());
  return calls;
}

describe.each(['float32', 'float64'] as Dtype[])('which calls are pipelined (%s)', (d) => {
  const chunk = elements(d, CHUNK_BYTES);
  const smallest = elements(d, 4096); // the smallest tensor a group's pipeline takes

  it('a copy-through call of exactly one chunk is not; one element more (two chunks) is', () => {
    expect(kernelStepPipelines(d, chunk)).toBe(false);
    expect(kernelStepPipelines(d, chunk + 1)).toBe(true);
  });

  it('a copy-through call of exactly minPipelineBytes is; one element less is not', async () => {
    await useKernelThreads(2, { minPipelineBytes: 2 * CHUNK_BYTES + 64 });
    const n = elements(d, 2 * CHUNK_BYTES + 64);
    expect(kernelStepPipelines(d, n)).toBe(true);
    expect(kernelStepPipelines(d, n - 1)).toBe(false);
  });

  it('a group of a single chunk is not; of one element more is', () => {
    expect(groupStepPipelines(d, [chunk])).toBe(0);
    expect(groupStepPipelines(d, [chunk + 1])).toBe(1);
  });

  it('tensors of exactly 4 KiB join a group\'s pipeline; one element less stay out', () => {
    expect(groupStepPipelines(d, [smallest, smallest])).toBe(1);
    expect(groupStepPipelines(d, [smallest - 1, smallest - 1, chunk + 1])).toBe(1); // the large one alone: still two chunks
    expect(groupStepPipelines(d, [smallest - 1, chunk])).toBe(0); // the small one left out: a single chunk
  });

  it('a group is pipelined from exactly minPipelineBytes in all (every member counted); one byte more is not', async () => {
    const lengths = [smallest, 2 * smallest, smallest];
    const bytes = 4 * 4096;
    await useKernelThreads(2, { minPipelineBytes: bytes });
    expect(groupStepPipelines(d, lengths)).toBe(1);
    await useKernelThreads(2, { minPipelineBytes: bytes + 1 });
    expect(groupStepPipelines(d, lengths)).toBe(0);
  });
});
