import { expect, it } from 'vitest';
import { Rprop } from '../../src/index.js';

// A resident parameter kept "grad set to its buffer" as undefined, so `grad = undefined` (a gradient
// that was never computed, say) read back as the buffer and the step ran on whatever the buffer held;
// a plain parameter's undefined grad is refused by the step. Both are refused now, changing nothing.

it('a step refuses a resident parameter whose grad was set to undefined, as it refuses a plain one', () => {
  const r = Rprop.allocate(2, 'float64', 'w');
  r.gradBuffer.set([1, -1]);
  const opt = new Rprop([r]);
  r.grad = undefined as never;
  expect(r.grad).toBeUndefined();
  expect(() => opt.step()).toThrow(
    new TypeError('Rprop.step: the gradient of parameter 0 ("w") must be a Float64Array like the parameter (or null), got undefined; nothing was changed'),
  );
  expect(Array.from(r.data)).toEqual([0, 0]);
  // Set back to its buffer, it steps on it.
  r.grad = r.gradBuffer;
  expect(r.grad).toBe(r.gradBuffer);
  opt.step();
  expect(Array.from(r.data)).toEqual([-0.01, 0.01]);
});
