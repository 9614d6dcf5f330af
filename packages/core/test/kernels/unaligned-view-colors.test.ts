import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rprop } from '../../src/index.js';
import { COLOR_SPAN, freestColor } from '../../src/kernels/cache-colors.js';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';

// A parameter may be a view into an allocated parameter's memory at any element (one flat buffer
// split into tensors). Its offset is then only a multiple of 4, and a colour taken from it placed
// state at such offsets too, moving the heap's top and free blocks off the 8-byte grid: the next
// Float64Array there threw "start offset of Float64Array should be a multiple of 8".

describe('colours from offsets that are not on a cache line', () => {
  it('freestColor still answers a colour on the 64-byte grain', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 30 }).map((i) => 4 * i), { minLength: 1, maxLength: 5 }), (taken) => {
        const color = freestColor(taken);
        expect(color % 64).toBe(0);
        expect(color).toBeLessThan(COLOR_SPAN);
      }),
    );
  });

  it('float32 state for views at odd elements leaves every later allocation 8-byte aligned', () => {
    const heap = kernelHeap()!;
    // Room made first, so the step does not grow the memory (which would detach the views).
    const room = heap.allocate(8 << 20);
    const flat = Rprop.allocate(2 * 1001 + 1, 'float32');
    heap.release(room, 8 << 20);
    flat.gradBuffer.fill(1);
    const params = [1, 1002].map((from) => ({ data: flat.data.subarray(from, from + 1000), grad: flat.gradBuffer.subarray(from, from + 1000) }));
    expect(params.map((p) => heap.offsetOf(p.data) % 8)).toEqual([4, 0]);
    const opt = new Rprop(params, { variant: 'rprop+' });
    opt.step(() => 1);
    expect(Array.from(params[0]!.data.subarray(0, 3))).toEqual([-0.01, -0.01, -0.01].map(Math.fround));
    const offsets = Array.from({ length: 64 }, (_, i) => heap.allocate(8 + 64 * (i % 5)));
    expect(offsets.filter((at) => at % 64 !== 0)).toEqual([]);
    const wide = Rprop.allocate(100, 'float64'); // threw RangeError before
    expect(wide.data.length).toBe(100);
  });

  it('the heap refuses a colour off that grain, naming it', () => {
    const heap = kernelHeap()!;
    expect(() => heap.allocate(64, 4)).toThrow(/colour must be a multiple of 64 below 4096, got 4/);
    expect(() => heap.allocate(64, 4096)).toThrow(/got 4096/);
  });
});
