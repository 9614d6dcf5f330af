import { describe, expect, it } from 'vitest';
import { colorOf, COLOR_SPAN } from '../../src/kernels/cache-colors.js';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';
import { Slab } from '../../src/kernels/slab.js';

describe('a coloured array within a slab', () => {
  it('starts at its colour in the same slab, and the bytes skipped to it go back to the heap', () => {
    const heap = kernelHeap()!;
    const slab = new Slab(heap);
    const a = slab.allocate(100); // 128 bytes: the slab goes on at a + 128
    const want = (colorOf(a) + 1024) % COLOR_SPAN;
    const free = heap.freeBytes;
    const b = slab.allocate(100, want);
    expect(colorOf(b)).toBe(want);
    expect(b).toBe(a + 1024); // the next offset of that colour, still in the first slab
    expect(heap.freeBytes - free).toBe(1024 - 128); // skipped, and free for other arrays
    expect(slab.allocate(64)).toBe(b + 128); // the slab goes on after b
  });
});
