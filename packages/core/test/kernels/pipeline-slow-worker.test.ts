import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Rprop, useKernels } from '../../src/index.js';
import { rpropKernelStep } from '../../src/kernels.js';
import { kernelThreadPool } from '../../src/kernels/kernel-threads.js';
import { rpropConstantsFor } from '../../src/rules/rprop-constants.js';
import { rpropStep } from '../../src/rules/rprop-step.js';
import { useKernelThreads } from '../../src/threads.js';
import { hookedWorkers, SLOW, type Hooks } from './hooked-worker.js';
import { firstDifference } from './edge-values.js';
import { values } from './seeded-values.js';

// Pipelines whose worker is slow (50 ms a kernel, as one descheduled on a busy machine): while it
// holds the oldest chunk, this thread copies in as many chunks as the ring has places, and no more —
// one more would overwrite the oldest chunk's place before its kernel has run and it is copied back.
// node:worker_threads is mocked with hooked workers; its own file, so that the kernels' memory is made
// shared here and the mock reaches no other test.
const hooks = vi.hoisted(() => ({ current: null as Hooks | null }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  hooks.current = hookedWorkers(real.Worker);
  return { ...real, Worker: hooks.current.Worker };
});

beforeAll(async () => {
  expect(await useKernelThreads(2, { minPipelineBytes: 0 })).toBe(2);
  hooks.current!.set(SLOW);
});
afterAll(() => useKernelThreads(1));

/** float32 weights in 20 chunks of 64 KiB and a ragged tail: more than twice the ring's places. */
const N = 20 * 16384 + 37;
const pipelined = () => kernelThreadPool()!.pipelinedCalls;

describe('pipelines with a slow worker', () => {
  it('a copy-through call (every operand ordinary) equals the reference rule bit for bit', () => {
    const buffers = () => ({
      param: Float32Array.from(values(N, 1)), grad: Float32Array.from(values(N, 2)), prev: Float32Array.from(values(N, 3)),
      stepSize: Float32Array.from(values(N, 4)).map(Math.abs), prevUpdate: Float32Array.from(values(N, 5)),
    });
    const c = rpropConstantsFor(new Float32Array(0), [0.5, 1.2], [1e-6, 50], false);
    const viaKernel = buffers();
    const viaRule = buffers();
    const before = pipelined();
    expect(rpropKernelStep('irprop+', viaKernel, c, true)).toBe(true);
    expect(pipelined()).toBe(before + 1);
    rpropStep('irprop+', viaRule, c, true);
    for (const key of ['param', 'prev', 'stepSize', 'prevUpdate'] as const) expect(firstDifference(viaKernel[key], viaRule[key]), key).toBeNull();
  });

  it('a group\'s ordinary tensors equal the reference rules bit for bit', () => {
    const step = (kernels: boolean) => {
      useKernels(kernels);
      const params = [N, 3 * 16384 + 5].map((n, k) => ({ data: Float32Array.from(values(n, 10 + k)), grad: Float32Array.from(values(n, 20 + k)) }));
      new Rprop(params).step();
      useKernels(true);
      return params.map((p) => p.data);
    };
    const before = pipelined();
    const viaKernel = step(true);
    expect(pipelined()).toBe(before + 1);
    const viaRule = step(false);
    viaKernel.forEach((w, k) => expect(firstDifference(w, viaRule[k]!), `tensor ${k}`).toBeNull());
  });
});
