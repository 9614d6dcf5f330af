import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NonFiniteGradientError, Rprop, useKernels } from '../../src/index.js';
import { kernels } from '../../src/kernels/instance.js';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';
import { kernelThreadPool } from '../../src/kernels/kernel-threads.js';
import { MIN_SPLIT_BYTES } from '../../src/kernels/thread-pool.js';
import { kernelThreads, useKernelThreads, type KernelThreadOptions } from '../../src/threads.js';
import type { Dtype } from '../properties/arbitraries.js';
import { values } from './seeded-values.js';
import { CTOR, difference, makeParams, OPTIMIZERS, setGrad, threeSteps } from './thread-steps.js';

// This file's module graph is its own (vitest isolates test files), so its kernels' memory is made
// here, shared, before anything else uses it.
// Calls are split from 256 KiB per thread here (the default, 8 MiB, would make each test array 16 MiB).
const SPLIT_BYTES = 256 * 1024;
beforeAll(async () => {
  expect(await useKernelThreads(2, { minSplitBytes: SPLIT_BYTES })).toBe(2);
});
afterAll(() => useKernelThreads(1));
afterEach(() => useKernels(true));

/** A length each of whose arrays is cut in two (SPLIT_BYTES per thread at least), with a ragged tail. */
function splitLength(d: Dtype): number {
  return (2 * SPLIT_BYTES) / CTOR[d].BYTES_PER_ELEMENT + 37;
}

describe('kernel threads (rprop/threads)', () => {
  it('run on two threads', () => {
    expect(kernelThreads()).toBe(2);
  });

  describe.each(Object.keys(OPTIMIZERS))('%s', (name) => {
    it.each(['float32', 'float64'] as Dtype[])('a split step equals the reference rules bit for bit (%s)', (d) => {
      const lengths = [splitLength(d), splitLength(d), 1000];
      const resident = [true, false, true];
      const reference = threeSteps(name, d, lengths, resident, true);
      expect(difference(threeSteps(name, d, lengths, resident, false), reference)).toBeNull();
    });
  });

  describe.each(Object.keys(OPTIMIZERS))('%s over many small tensors', (name) => {
    it.each(['float32', 'float64'] as Dtype[])('shares whole tensors out across the threads, equal to the reference rules bit for bit (%s)', (d) => {
      // 48 resident tensors of 1000–8999 weights (over 2 × SPLIT_BYTES in all), and 3 ordinary ones.
      const lengths = Array.from({ length: 51 }, (_, k) => 1000 + ((k * 7919) % 8000));
      const resident = lengths.map((_, k) => k % 17 !== 5);
      const splits = () => kernelThreadPool()!.splitCalls;
      const reference = threeSteps(name, d, lengths, resident, true, splits);
      const kernel = threeSteps(name, d, lengths, resident, false, splits);
      expect(kernel.calls).toBe(3); // once per step
      expect(difference(kernel, reference)).toBeNull();
    });
  });

  it.each([
    ['in the worker\'s range', [splitLength('float32') - 5], splitLength('float32') - 5],
    ['in both ranges: the first one counts', [10, splitLength('float32') - 5], 10],
  ] as const)('find a NaN %s, and the step is refused whole', (_, at, reported) => {
    const p = Rprop.allocate(splitLength('float32'));
    p.data.set(values(p.data.length, 1));
    const opt = new Rprop([p], { variant: 'irprop+' });
    setGrad(p, values(p.data.length, 2));
    opt.step(() => 1);
    const before = { params: [p.data.slice()], state: opt.stateDict() };
    setGrad(p, values(p.data.length, 3));
    for (const i of at) p.gradBuffer[i] = NaN;
    let error: unknown;
    try {
      opt.step(() => 2);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NonFiniteGradientError);
    expect((error as NonFiniteGradientError).index).toBe(reported);
    expect(difference({ params: [p.data.slice()], state: opt.stateDict() }, before)).toBeNull();
  });

  it('count views taken before the shared memory grew as views of it (they stay valid)', () => {
    const p = Rprop.allocate(1000);
    const early = p.data;
    const big = Rprop.allocate(64 * 2 ** 20); // grows the memory by 256 MiB
    expect(big.data.buffer).not.toBe(early.buffer);
    expect(kernelHeap()!.offsetOf(early)).toBe(early.byteOffset);
    expect(p.data.buffer).toBe(big.data.buffer); // re-viewed on the current buffer
    early[3] = 42;
    expect(p.data[3]).toBe(42);
  });

  it('change in number: 1 stops the workers, and steps still equal the reference', async () => {
    const run = (reference: boolean) => {
      useKernels(!reference);
      const [p] = makeParams('float32', [splitLength('float32')], [!reference]);
      const opt = new Rprop([p!]);
      for (let t = 0; t < 2; t++) {
        setGrad(p!, values(p!.data.length, 40 + t));
        opt.step();
      }
      return { params: [p!.data.slice()], state: opt.stateDict() };
    };
    const reference = run(true);
    expect(await useKernelThreads(1)).toBe(1);
    expect(kernelThreads()).toBe(1);
    expect(difference(run(false), reference)).toBeNull();
    expect(await useKernelThreads(2, { minSplitBytes: SPLIT_BYTES })).toBe(2);
    expect(difference(run(false), reference)).toBeNull();
  });

  it('leave calls below minSplitBytes per thread on the calling thread (the default: 8 MiB)', async () => {
    expect(MIN_SPLIT_BYTES).toBe(8 * 2 ** 20);
    const p = Rprop.allocate(splitLength('float32'));
    const opt = new Rprop([p]);
    const calls = () => kernelThreadPool()!.splitCalls;
    const before = calls();
    setGrad(p, values(p.data.length, 9));
    opt.step();
    expect(calls()).toBeGreaterThan(before);
    await useKernelThreads(2, { minSplitBytes: 4 * SPLIT_BYTES });
    const unsplit = calls();
    opt.step();
    expect(calls()).toBe(unsplit);
    await useKernelThreads(2, { minSplitBytes: SPLIT_BYTES });
  });

  it('report a kernel that traps on a worker, and stay usable', () => {
    const k = kernels()!;
    const end = kernelHeap()!.buffer.byteLength;
    const n = splitLength('float32');
    // The calling thread's range ends inside the memory; the worker's runs past its end and traps.
    const at = end - 4 * Math.floor(n / 2);
    expect(() => k.firstNonFiniteF32(at, n)).toThrow('rprop: the kernel firstNonFiniteF32 failed on a kernel thread');
    const before = kernelThreadPool()!.splitCalls;
    const p = Rprop.allocate(n);
    p.gradBuffer.fill(1);
    p.gradBuffer[n - 3] = Infinity;
    expect(() => new Rprop([p]).step()).toThrow('is Infinity at index ' + (n - 3));
    expect(kernelThreadPool()!.splitCalls).toBeGreaterThan(before);
    expect(kernelThreadPool()!.lost).toBeNull(); // a trap loses no worker
    expect(kernelThreads()).toBe(2);
  });

  it.each([0, 1.5, 65, NaN, -1])('refuse %s threads, naming the rule', async (threads) => {
    await expect(useKernelThreads(threads)).rejects.toThrow(`useKernelThreads: threads must be an integer from 1 to 64, got ${threads}`);
    expect(kernelThreads()).toBe(2);
  });

  it.each([-1, 0.5, Infinity, NaN])('refuse minSplitBytes %s, naming the rule', async (minSplitBytes) => {
    await expect(useKernelThreads(2, { minSplitBytes })).rejects.toThrow(`useKernelThreads: minSplitBytes must be an integer ≥ 0, got ${minSplitBytes}`);
    expect(kernelThreads()).toBe(2);
  });

  it('show a string given for a number as a string', async () => {
    await expect(useKernelThreads('2' as unknown as number)).rejects.toThrow('useKernelThreads: threads must be an integer from 1 to 64, got "2"');
    await expect(useKernelThreads(2, { minSplitBytes: '0' as unknown as number })).rejects.toThrow('useKernelThreads: minSplitBytes must be an integer ≥ 0, got "0"');
    expect(kernelThreads()).toBe(2);
  });

  it('refuse a misspelt option instead of keeping the default', async () => {
    const before = kernelThreadPool()!.minSplitBytes;
    await expect(useKernelThreads(2, { minSplitbytes: 0 } as KernelThreadOptions)).rejects.toThrow(
      'useKernelThreads: unknown option "minSplitbytes" (did you mean \'minSplitBytes\'?); the options are minSplitBytes, minPipelineBytes, callTimeoutMs',
    );
    expect(kernelThreadPool()!.minSplitBytes).toBe(before);
  });

  it('take any integer minSplitBytes, however large (one that keeps every call on this thread)', async () => {
    expect(await useKernelThreads(2, { minSplitBytes: 2 ** 60 })).toBe(2);
    expect(kernelThreadPool()!.minSplitBytes).toBe(2 ** 60);
    await useKernelThreads(2, { minSplitBytes: SPLIT_BYTES });
  });
});
