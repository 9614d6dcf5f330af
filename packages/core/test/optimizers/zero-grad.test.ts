import { expect, it } from 'vitest';
import { Rprop, type Parameter } from '../../src/index.js';

// The other tests that call zeroGrad use one group, or compare two optimizers that share it; this
// one checks what it does: every gradient of every group zeroed in place, a missing one left missing.
it('zeroGrad zeroes the gradients of every group in place and leaves a null gradient null', () => {
  const a: Parameter = { data: new Float64Array(2), grad: Float64Array.of(1, -2) };
  const b: Parameter = { data: new Float32Array(3), grad: Float32Array.of(3, 0, -4) };
  const c: Parameter = { data: new Float64Array(1), grad: null };
  const last: Parameter = { data: new Float64Array(2), grad: Float64Array.of(5, 6) };
  const buffers = [a.grad, b.grad, last.grad];
  new Rprop([{ params: [a, c] }, { params: [b] }, { params: [last] }]).zeroGrad();
  expect([a.grad, b.grad, last.grad]).toEqual([new Float64Array(2), new Float32Array(3), new Float64Array(2)]);
  expect([a.grad, b.grad, last.grad].every((g, i) => g === buffers[i])).toBe(true);
  expect(c.grad).toBeNull();
});
