import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NonFiniteGradientError, Rprop, useKernels, VARIANTS } from '../../src/index.js';
import { rpropKernelStep } from '../../src/kernels.js';
import { kernelThreadPool } from '../../src/kernels/kernel-threads.js';
import { MIN_PIPELINE_BYTES } from '../../src/kernels/thread-pool.js';
import { rpropConstantsFor } from '../../src/rules/rprop-constants.js';
import { rpropStep } from '../../src/rules/rprop-step.js';
import { kernelThreads, useKernelThreads } from '../../src/threads.js';
import type { Dtype } from '../properties/arbitraries.js';
import { edgeValue, firstDifference } from './edge-values.js';
import { values } from './seeded-values.js';
import { CTOR, difference, OPTIMIZERS, threeSteps } from './thread-steps.js';

// Ordinary arrays copied through the kernels' memory in a pipeline: this thread copies 64 KiB
// chunks in and back while the worker runs their kernels. This file's kernels' memory is its own
// (vitest isolates test files), made here, shared, first; pipelines from any size, so that arrays
// of a few chunks take them.
beforeAll(async () => {
  expect(await useKernelThreads(2, { minPipelineBytes: 0 })).toBe(2);
});
afterAll(() => useKernelThreads(1));
afterEach(() => useKernels(true));

const CHUNK_BYTES = 64 * 1024;
/** A length of several chunks and a ragged tail (not a whole number of vectors either). */
function chunksLength(d: Dtype, chunks: number): number {
  return (chunks * CHUNK_BYTES) / CTOR[d].BYTES_PER_ELEMENT + 37;
}
const pipelined = () => kernelThreadPool()!.pipelinedCalls;

describe('pipelined copies of ordinary arrays (rprop/threads)', () => {
  describe.each(Object.keys(OPTIMIZERS))('%s', (name) => {
    it.each(['float32', 'float64'] as Dtype[])('equal the reference rules bit for bit, parameters and state (%s)', (d) => {
      // 11 chunks: more than the 8 in flight, so chunk places are reused; one tensor of a single chunk (not pipelined).
      const lengths = [chunksLength(d, 11), chunksLength(d, 2), 1000];
      const reference = threeSteps(name, d, lengths, [false, false, false], true, pipelined);
      const kernel = threeSteps(name, d, lengths, [false, false, false], false, pipelined);
      expect([reference.calls, kernel.calls]).toEqual([0, 3]); // the group's ordinary tensors as one pipeline per step
      expect(difference(kernel, reference)).toBeNull();
    });
  });

  describe.each(Object.keys(OPTIMIZERS))('%s over many tensors', (name) => {
    it.each(['float32', 'float64'] as Dtype[])('pipeline every ordinary tensor of a group at once, resident ones among them, equal to the reference rules bit for bit (%s)', (d) => {
      // 40 tensors of 1000–12999 weights, most too small for a chunk of their own; every seventh resident.
      const lengths = Array.from({ length: 40 }, (_, k) => 1000 + ((k * 7919) % 12000));
      const resident = lengths.map((_, k) => k % 7 === 3);
      const reference = threeSteps(name, d, lengths, resident, true, pipelined);
      const kernel = threeSteps(name, d, lengths, resident, false, pipelined);
      expect([reference.calls, kernel.calls]).toEqual([0, 3]);
      expect(difference(kernel, reference)).toBeNull();
    });
  });

  it('equal the reference rule on random values, lengths and options, with every operand ordinary (rpropKernelStep)', () => {
    const dtype = fc.constantFrom<Dtype>('float32', 'float64');
    fc.assert(
      fc.property(
        dtype.chain((d) =>
          fc.record({
            d: fc.constant(d),
            n: fc.integer({ min: CHUNK_BYTES / CTOR[d].BYTES_PER_ELEMENT + 1, max: (4 * CHUNK_BYTES) / CTOR[d].BYTES_PER_ELEMENT + 3 }),
            pool: fc.array(edgeValue(d), { minLength: 64, maxLength: 64 }),
            variant: fc.constantFrom(...VARIANTS),
            maximize: fc.boolean(),
            revert: fc.boolean(),
            seed: fc.integer({ min: 0, max: 1000 }),
          }),
        ),
        ({ d, n, pool, variant, maximize, revert, seed }) => {
          // Values drawn from the pool (zeros, signed zeros, subnormals, extremes) at seeded places.
          const pick = (k: number) => CTOR[d].from(values(n, seed + k).map((v) => pool[Math.floor(Math.abs(v) * 997) % pool.length]!));
          const buffers = () => ({ param: pick(0), grad: pick(1), prev: pick(2), stepSize: pick(3).map(Math.abs), prevUpdate: pick(4) });
          const c = rpropConstantsFor(new CTOR[d](0), [0.5, 1.2], [1e-6, 50], maximize);
          const viaKernel = buffers();
          const viaRule = buffers();
          const before = pipelined();
          expect(rpropKernelStep(variant, viaKernel, c, revert)).toBe(true);
          expect(pipelined()).toBe(before + 1);
          rpropStep(variant, viaRule, c, revert);
          for (const key of ['param', 'grad', 'prev', 'stepSize', 'prevUpdate'] as const) {
            const diff = firstDifference(viaKernel[key], viaRule[key]);
            if (diff !== null) throw new Error(`${key}: ${diff}`);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuse a step whose gradient has a NaN in its last chunk, changing nothing', () => {
    const n = chunksLength('float32', 5);
    const p = { data: Float32Array.from(values(n, 1)), grad: null as Float32Array | null };
    const opt = new Rprop([p], { variant: 'irprop+' });
    p.grad = Float32Array.from(values(n, 2));
    opt.step(() => 1);
    const before = { params: [p.data.slice()], state: opt.stateDict() };
    const calls = pipelined();
    p.grad = Float32Array.from(values(n, 3));
    p.grad[n - 2] = NaN;
    let error: unknown;
    try {
      opt.step(() => 2);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NonFiniteGradientError);
    expect((error as NonFiniteGradientError).index).toBe(n - 2);
    expect(pipelined()).toBe(calls); // refused before any copy
    expect(difference({ params: [p.data.slice()], state: opt.stateDict() }, before)).toBeNull();
  });

  it('leave arrays below minPipelineBytes (the default: 1 MiB) on the calling thread, with the same results', async () => {
    expect(MIN_PIPELINE_BYTES).toBe(2 ** 20);
    const n = chunksLength('float32', 6); // 384 KiB and a little
    const steps = () => {
      const p = { data: Float32Array.from(values(n, 4)), grad: Float32Array.from(values(n, 5)) };
      const opt = new Rprop([p]);
      opt.step();
      p.grad = Float32Array.from(values(n, 6));
      opt.step();
      return { params: [p.data], state: opt.stateDict() };
    };
    const piped = steps();
    await useKernelThreads(2);
    const calls = pipelined();
    const unpiped = steps();
    expect(pipelined()).toBe(calls);
    expect(difference(unpiped, piped)).toBeNull();
    await useKernelThreads(2, { minPipelineBytes: 0 });
  });

  it.each([-1, 0.5, NaN, -Infinity])('refuse minPipelineBytes %s, naming the rule', async (minPipelineBytes) => {
    await expect(useKernelThreads(2, { minPipelineBytes })).rejects.toThrow(`useKernelThreads: minPipelineBytes must be an integer ≥ 0 or Infinity, got ${minPipelineBytes}`);
    expect(kernelThreadPool()!.minPipelineBytes).toBe(0);
    expect(kernelThreads()).toBe(2);
  });

  it('take Infinity for minPipelineBytes: nothing is pipelined', async () => {
    expect(await useKernelThreads(2, { minPipelineBytes: Infinity })).toBe(2);
    const calls = pipelined();
    const p = { data: new Float32Array(chunksLength('float32', 3)), grad: new Float32Array(chunksLength('float32', 3)).fill(1) };
    new Rprop([p]).step();
    expect(pipelined()).toBe(calls);
    expect(p.data[0]).toBe(Math.fround(-0.01)); // stepped, on this thread
    await useKernelThreads(2, { minPipelineBytes: 0 });
  });
});
