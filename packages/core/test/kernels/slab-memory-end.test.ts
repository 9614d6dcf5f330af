import { describe, expect, it } from 'vitest';
import type { KernelExports } from '../../src/kernels/instance.js';
import { KernelHeap } from '../../src/kernels/kernel-heap.js';
import { Slab } from '../../src/kernels/slab.js';

/**
 * A heap over a memory of 12 pages that cannot grow: its scratch region takes the first 660 KiB, so
 * about 108 KiB are left — less than a first slab (256 KiB), more than the arrays below.
 */
function nearlyFullHeap(): KernelHeap {
  const memory = new WebAssembly.Memory({ initial: 12, maximum: 12 });
  return new KernelHeap({ memory, heapBase: () => 0 } as unknown as KernelExports);
}

describe('a slab near the end of the kernels\' memory', () => {
  it('takes just the array where a whole slab does not fit, and claims no more than it took', () => {
    const heap = nearlyFullHeap();
    const slab = new Slab(heap);
    const first = slab.allocate(64 * 1024);
    // Refused (−1) if the slab insisted on its full 256 KiB.
    expect(first).toBeGreaterThanOrEqual(0);
    // The slab holds only those 64 KiB: its next array is a new block from the heap, and the heap's
    // own next block lies after that one — had the slab claimed 256 KiB past `first`, it would hand
    // out memory the heap still counts as free, and both would return the same offset.
    const second = slab.allocate(64);
    const fromHeap = heap.allocate(64);
    expect(second).toBeGreaterThanOrEqual(first + 64 * 1024);
    expect(fromHeap).toBeGreaterThanOrEqual(0);
    expect(fromHeap).not.toBe(second);
    expect(Math.abs(fromHeap - second)).toBeGreaterThanOrEqual(64);
  });
});
