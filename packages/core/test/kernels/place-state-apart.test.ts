import { describe, expect, it } from 'vitest';
import { colorsApart } from '../../src/kernels/cache-colors.js';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';
import { placeStateApart, residentOffset, stateAvoiding } from '../../src/kernels/kernel-state.js';

/** A one-buffer state record in the kernels' memory, its values 1, 2, 3, …. */
function record(): Record<string, Float32Array> {
  const state = stateAvoiding(new Float32Array(100), ['prev'], []) as Record<string, Float32Array>;
  state.prev!.set(state.prev!.map((_, i) => i + 1));
  return state;
}

describe('placeStateApart', () => {
  it('leaves a buffer exactly 512 bytes from an operand where it is: 512 is far enough', () => {
    const state = record();
    const at = residentOffset(state, 'prev');
    placeStateApart(state, [at + 512]);
    expect(residentOffset(state, 'prev')).toBe(at);
    placeStateApart(state, [at - 512]);
    expect(residentOffset(state, 'prev')).toBe(at);
  });

  it('moves a buffer closer than 512 bytes, values and all, and gives its old memory back', () => {
    const heap = kernelHeap()!;
    const state = record();
    const at = residentOffset(state, 'prev');
    const operand = at + 448;
    placeStateApart(state, [operand]);
    const moved = residentOffset(state, 'prev');
    expect(moved).not.toBe(at);
    expect(colorsApart(moved, operand)).toBeGreaterThanOrEqual(512);
    expect(Array.from(state.prev!.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(state.prev![99]).toBe(100);
    expect(heap.allocate(400)).toBe(at); // first fit: the buffer's old place is free again
  });
});
