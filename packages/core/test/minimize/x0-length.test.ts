import { expect, it } from 'vitest';
import { minimize } from '../../src/index.js';

// Float64Array.from reads an array-like's length −1, NaN or 0.5 as 0, and 1.5 as 1: minimize ran on an
// empty x ("converged: the gradient is zero") or on part of the x0 given.
it('refuses an array-like x0 whose length is not a whole number > 0, before calling f', () => {
  let calls = 0;
  const f = (x: Float64Array) => (calls++, x.length);
  for (const [length, shown] of [[-1, '-1'], [NaN, 'NaN'], [0.5, '0.5'], [1.5, '1.5'], [Infinity, 'Infinity']] as const) {
    const x0 = { length, 0: 3, 1: 4 } as unknown as ArrayLike<number>;
    expect(() => minimize(f, x0)).toThrow(new RangeError(`minimize: x0's length must be a whole number > 0, got ${shown}`));
  }
  expect(calls).toBe(0);
  // A well-formed array-like still starts where it says.
  expect(minimize(f, { length: 2, 0: 3, 1: 4 }, { maxIterations: 0 }).x).toEqual(Float64Array.of(3, 4));
});
