import { expect, it } from 'vitest';
import { Rprop } from '../../src/index.js';

// iRprop+ takes a step back on a sign flip only when the loss went up (E > Ep). A loss that stayed
// the same is no worse, so the flipped weight stays where it is; the traces never repeat a loss, so
// only this pins the strict comparison.
it.each<[string, number, number]>([
  ['an equal loss does not backtrack', 5, 0.99],
  ['a higher loss backtracks', 6, 1],
])('iRprop+ on a sign flip: %s', (_case, secondLoss, expected) => {
  const p = { data: Float64Array.of(1), grad: Float64Array.of(1) };
  const opt = new Rprop([p], { variant: 'irprop+' });
  opt.step(() => 5);
  expect(p.data[0]).toBe(0.99);
  p.grad[0] = -1;
  opt.step(() => secondLoss);
  expect(p.data[0]).toBe(expected);
});
