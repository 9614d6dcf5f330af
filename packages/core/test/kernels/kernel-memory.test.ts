import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rprop, useKernels, type Parameter } from '../../src/index.js';
import { FreeList } from '../../src/kernels/free-list.js';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';
import { residentArray } from '../../src/kernels/resident.js';

describe('the free list of the kernels\' memory', () => {
  it('never hands out overlapping blocks, and merges what comes back', () => {
    const ops = fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 9 })), { maxLength: 60 });
    fc.assert(
      fc.property(ops, (steps) => {
        const free = new FreeList();
        free.give(0, 100);
        const taken: Array<[number, number]> = [];
        for (const [take, size] of steps) {
          if (take) {
            const at = free.take(size);
            if (at >= 0) taken.push([at, size]);
          } else if (taken.length > 0) {
            const [at, bytes] = taken.splice(size % taken.length, 1)[0]!;
            free.give(at, bytes);
          }
          const sorted = [...taken].sort((a, b) => a[0] - b[0]);
          sorted.forEach(([at, bytes], i) => {
            expect(at).toBeGreaterThanOrEqual(0);
            expect(at + bytes).toBeLessThanOrEqual(i + 1 < sorted.length ? sorted[i + 1]![0] : 100);
          });
          expect(free.freeBytes + taken.reduce((s, [, b]) => s + b, 0)).toBe(100);
        }
        for (const [at, bytes] of taken) free.give(at, bytes);
        expect(free.take(100)).toBe(0); // all merged back into one block
      }),
    );
  });
});

describe('the kernels\' heap', () => {
  it('reuses released memory, and zeroes it for its next owner', () => {
    const heap = kernelHeap()!;
    const like = new Float32Array(0);
    const first = residentArray(heap, like, 1000)!;
    first.view.fill(7);
    heap.release(first.at, 4000);
    const again = residentArray(heap, like, 1000)!;
    expect(again.at).toBe(first.at);
    expect(again.view.every((x) => x === 0)).toBe(true);
    heap.release(again.at, 4000);
  });

  it('keeps resident parameters and optimizer state valid when the memory grows between steps', () => {
    const Ctor = Float32Array;
    const wave = (n: number, k: number) => Ctor.from({ length: n }, (_, i) => Math.sin(i * k + 2));
    const resident = Rprop.allocate(1000);
    resident.data.set(wave(1000, 0.1));
    const plain: Parameter = { data: wave(1000, 0.1), grad: null };
    const fast = new Rprop([resident], { variant: 'rprop+' });
    useKernels(false);
    const reference = new Rprop([plain], { variant: 'rprop+' });
    useKernels(true);
    const heldBefore = resident.data;
    for (let t = 0; t < 6; t++) {
      const g = wave(1000, 0.5 + t);
      resident.gradBuffer.set(g);
      plain.grad = g;
      fast.step(() => t % 2);
      useKernels(false);
      reference.step(() => t % 2);
      useKernels(true);
      // Grow the memory by 16 MiB: every view taken before is detached, the parameter re-views.
      Rprop.allocate(4 * 2 ** 20);
      expect(Array.from(resident.data)).toStrictEqual(Array.from(plain.data));
    }
    expect(heldBefore.length).toBe(0); // detached, as documented: read `data` afresh
    expect(fast.stateDict()).toStrictEqual(reference.stateDict());
  });
});
