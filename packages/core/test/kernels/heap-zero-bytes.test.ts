import { describe, expect, it } from 'vitest';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';

describe('KernelHeap.allocate(0)', () => {
  it('still takes a line of its own, so releasing it (rounded up to a line, as release does) frees no one else\'s', () => {
    const heap = kernelHeap()!;
    const empty = heap.allocate(0);
    const next = heap.allocate(64);
    expect(next).not.toBe(empty);
    heap.release(empty, 0);
    expect(heap.allocate(64)).not.toBe(next); // `next` is still taken
    heap.release(next, 64);
  });
});
