import { describe, expect, it } from 'vitest';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';
import { Slab } from '../../src/kernels/slab.js';

describe('a slab', () => {
  it('hands out its last bytes to an array that fits them exactly, not a new slab', () => {
    const slab = new Slab(kernelHeap()!);
    const a = slab.allocate(64); // the first slab is 256 KiB
    expect(slab.allocate(256 * 1024 - 64)).toBe(a + 64);
  });
});
