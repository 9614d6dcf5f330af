import { expect, it } from 'vitest';
import { sgd } from '../../src/rules.js';

// torch.optim.SGD starts its momentum buffer as a copy of the first gradient (buf = clone(grad)); only
// later steps compute momentum·buf + g. So on the first step whatever the buffer held is overwritten,
// not decayed into the new value: a reused or loaded buffer must not leak into the first step.
it.each([false, true])('the first momentum step takes the gradient as the buffer, ignoring what the buffer held (maximize %s)', (maximize) => {
  const param = new Float64Array([1, -2, 3]);
  const grad = new Float64Array([0.5, -0.25, 2]);
  const buffer = new Float64Array([7, 7, 7]); // stale values: 0.9·7 + g would be far from g
  sgd(param, grad, buffer, 0.1, 0.9, true, maximize);
  const g = Array.from(grad, (x) => (maximize ? -x : x));
  expect(Array.from(buffer)).toEqual(g);
  expect(Array.from(param)).toEqual([1, -2, 3].map((p, i) => p - 0.1 * g[i]!));
});

// A gradient of −0 is copied as −0 (clone keeps it); computing 0.9·0 + (−0) instead gives +0, and the
// parameter's −0 then came out −0 where PyTorch's p − lr·(−0) gives +0.
it('the first momentum step keeps a gradient of −0 as −0', () => {
  const param = new Float64Array([-0]);
  const buffer = new Float64Array(1);
  sgd(param, new Float64Array([-0]), buffer, 0.1, 0.9, true, false);
  expect(Object.is(buffer[0], -0)).toBe(true);
  expect(Object.is(param[0], 0)).toBe(true);
});
