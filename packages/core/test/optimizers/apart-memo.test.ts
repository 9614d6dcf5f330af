import { describe, expect, it } from 'vitest';
import { Rprop } from '../../src/index.js';
import { overlappingArrays, type ApartMemo } from '../../src/optimizers/overlapping-arrays.js';

// A step whose arrays are all views of the kernels' memory remembers them when they are apart, and
// skips the sweep while they stay the same objects. These tests change one array at a time and
// check that the overlap it makes is still found.
describe('the memory of arrays found apart', () => {
  const memory = new ArrayBuffer(4 * 64); // stands for the kernels' memory
  const view = (from: number, length: number) => new Float32Array(memory, 4 * from, length);

  function apart() {
    const params = [{ data: view(0, 8) }, { data: view(8, 8) }];
    const grads: Array<Float32Array | null> = [view(16, 8), view(24, 8)];
    const memo: ApartMemo = { buffer: null, arrays: [] };
    expect(overlappingArrays(params, grads, memo, memory)).toBeNull();
    expect(memo.buffer).toBe(memory);
    return { params, grads, memo };
  }

  it('sees a gradient replaced by one that overlaps values', () => {
    const { params, grads, memo } = apart();
    grads[1] = view(4, 8);
    expect(overlappingArrays(params, grads, memo, memory)).toEqual({ values: 0, other: 1, gradient: true });
    expect(memo.buffer).toBeNull();
  });

  it('sees values replaced by ones that overlap another parameter\'s', () => {
    const { params, grads, memo } = apart();
    params[1] = { data: view(6, 8) };
    expect(overlappingArrays(params, grads, memo, memory)).not.toBeNull();
  });

  it('sees a parameter added, and one that stops stepping and starts again with another gradient', () => {
    const { params, grads, memo } = apart();
    expect(overlappingArrays([...params, { data: view(20, 4) }], [...grads, view(40, 4)], memo, memory)).not.toBeNull();
    const again = apart();
    again.grads[0] = null;
    expect(overlappingArrays(again.params, again.grads, again.memo, memory)).toBeNull();
    again.grads[0] = view(10, 2);
    expect(overlappingArrays(again.params, again.grads, again.memo, memory)).not.toBeNull();
  });

  it('remembers nothing when an array lies elsewhere (it holds no caller\'s memory), nor for another memory', () => {
    const memo: ApartMemo = { buffer: null, arrays: [] };
    expect(overlappingArrays([{ data: view(0, 8) }, { data: view(8, 8) }], [view(16, 8), new Float32Array(8)], memo, memory)).toBeNull();
    expect(memo.buffer).toBeNull();
    expect(memo.arrays).toEqual([]);
    const { params, grads, memo: kept } = apart();
    grads[1] = view(4, 8); // overlapping, and asked about with another kernels' memory: looked at afresh
    expect(overlappingArrays(params, grads, kept, new ArrayBuffer(8))).not.toBeNull();
  });

  it('in a step: allocated parameters, then a gradient set to another parameter\'s values, is refused', () => {
    const [a, b] = [Rprop.allocate(64), Rprop.allocate(64)];
    a.gradBuffer.fill(1);
    b.gradBuffer.fill(-1);
    const opt = new Rprop([a, b]);
    opt.step();
    opt.step();
    b.grad = a.data;
    const before = [Array.from(a.data), Array.from(b.data), JSON.stringify(opt.stateDict())];
    expect(() => opt.step()).toThrow(/values of parameter 0 share memory with the gradient of parameter 1/);
    expect([Array.from(a.data), Array.from(b.data), JSON.stringify(opt.stateDict())]).toEqual(before);
    b.grad = b.gradBuffer;
    expect(() => opt.step()).not.toThrow();
  });
});
