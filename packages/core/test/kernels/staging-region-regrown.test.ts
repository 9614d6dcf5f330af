import { expect, it } from 'vitest';
import { SignSGD, useKernels, type Parameter } from '../../src/index.js';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';

// Gradients are staged in one region of the kernels' memory, its views cached until the region's
// offset or the memory's buffer changed. A larger region can start where the old one did, in the same
// buffer: the old one released, merged with memory freed right after it, and taken again. The cached
// views kept the old length, so staging past it threw 'offset is out of bounds' — at that step and at
// every later one, until the memory next grew.
//
// The layout is made by hand, not left to what optimizers happen to allocate (an earlier version of
// this test stopped reproducing it when state placement changed): 4 MiB taken and given back leave one
// free block, the first region (1 MiB) takes its start, and SignSGD keeps no state that could follow it.
it('a step stages gradients larger than any before into a regrown region that starts where the old one did', () => {
  const heap = kernelHeap()!;
  const block = heap.allocate(4 * 2 ** 20);
  heap.release(block, 4 * 2 ** 20);
  const bufferBefore = heap.buffer;
  new SignSGD([{ data: new Float32Array(1000), grad: new Float32Array(1000).fill(1) }]).step(); // region: 1 MiB at `block`
  const n = 300_000; // 1.2 MB of gradient: a region of 2 MiB, at `block` again
  const large: Parameter = { data: new Float32Array(n), grad: new Float32Array(n).fill(-1) };
  const reference: Parameter = { data: new Float32Array(n), grad: new Float32Array(n).fill(-1) };
  new SignSGD([large]).step();
  expect(heap.buffer).toBe(bufferBefore); // the memory did not grow: the scenario above, not a new buffer
  expect(heap.allocate(2 * 2 ** 20)).not.toBe(block); // …and the region does start at `block`
  useKernels(false);
  new SignSGD([reference]).step();
  useKernels(true);
  expect(large.data.findIndex((v, i) => !Object.is(v, reference.data[i]))).toBe(-1);
});
