import { afterEach, expect, it } from 'vitest';
import { Rprop, useKernels, type Parameter } from '../../src/index.js';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';

afterEach(() => useKernels(true, { stagingBytes: 256 * 2 ** 20 }));

// useKernels documents `stagingBytes: 0` as saving the staging region's memory, but a region made
// before the call was kept for good: only a larger one ever replaced it.
it('a staging limit lowered below the region gives the region back at the next step', () => {
  const p: Parameter = { data: new Float32Array(100_000), grad: new Float32Array(100_000).fill(1) };
  const opt = new Rprop([p]);
  opt.step(); // stages 400 kB of gradient: a region of 1 MiB
  const heap = kernelHeap()!;
  const free = heap.freeBytes;
  useKernels(true, { stagingBytes: 0 });
  opt.step(); // stages nothing, makes nothing
  expect(heap.freeBytes).toBe(free + 2 ** 20);
  useKernels(true, { stagingBytes: 256 * 2 ** 20 });
  opt.step(); // a region again, from the memory given back
  expect(heap.freeBytes).toBe(free);
});
