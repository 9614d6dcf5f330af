import { expect, it } from 'vitest';
import { Rprop } from '../../src/index.js';

// A NaN loss compares false with everything: "did the loss go up?" would silently answer no, and
// stateDict would save a prevLoss JSON cannot hold. The + variants refuse it, changing nothing.
it.each(['rprop+', 'irprop+'] as const)('%s refuses a closure that returns a NaN loss, changing nothing', (variant) => {
  const p = { data: new Float64Array([1, 2]), grad: new Float64Array([0.5, -0.5]) };
  const opt = new Rprop([p], { variant });
  expect(() => opt.step(() => NaN)).toThrow(new RangeError('Rprop.step: the closure returned a NaN loss; nothing was changed'));
  expect(Array.from(p.data)).toEqual([1, 2]);
});
