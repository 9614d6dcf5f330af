import { describe, expect, it } from 'vitest';
import { Rprop } from '../../src/index.js';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';
import { Slab } from '../../src/kernels/slab.js';

describe('allocated parameters: values with values, gradients with gradients', () => {
  it('each kind lies one after another, so a step over many tensors streams each kind on', () => {
    const heap = kernelHeap()!;
    const ps = Array.from({ length: 5 }, () => Rprop.allocate(100)); // 400 bytes, 448 with alignment
    const values = ps.map((p) => heap.offsetOf(p.data));
    const grads = ps.map((p) => heap.offsetOf(p.gradBuffer));
    for (let t = 1; t < 5; t++) {
      expect(values[t]! - values[t - 1]!).toBe(448);
      expect(grads[t]! - grads[t - 1]!).toBe(448);
    }
    // …and they step as ever: every value moved by the initial step against its gradient's sign.
    ps.forEach((p, t) => p.gradBuffer.fill(t % 2 === 0 ? 1 : -1));
    new Rprop(ps).step();
    ps.forEach((p, t) => expect(Array.from(new Set(p.data))).toEqual([t % 2 === 0 ? Math.fround(-0.01) : Math.fround(0.01)]));
  });
});

describe('Slab', () => {
  it('hands out aligned blocks one after another, a new slab when one does not fit, and gives the rest back', () => {
    const heap = kernelHeap()!;
    const slab = new Slab(heap);
    const a = slab.allocate(1);
    const b = slab.allocate(100);
    expect(a % 64).toBe(0);
    expect(b - a).toBe(64);
    const free = heap.freeBytes;
    const big = slab.allocate(256 * 1024); // more than the first slab's rest: a slab of its own
    expect(big).toBeGreaterThanOrEqual(0);
    expect(big % 64).toBe(0);
    expect(big === b + 128).toBe(false);
    // The first slab's rest (256 KiB − 64 − 128) went back to the heap for other uses.
    expect(heap.freeBytes - free).toBe(256 * 1024 - 192);
    // The new slab is twice the first (512 KiB): the next block follows the big one in it.
    expect(slab.allocate(64)).toBe(big + 256 * 1024);
  });

  it('returns −1 when the memory cannot hold the array', () => {
    const slab = new Slab(kernelHeap()!);
    expect(slab.allocate(2 ** 33)).toBe(-1);
    expect(slab.allocate(64)).toBeGreaterThanOrEqual(0);
  });
});
