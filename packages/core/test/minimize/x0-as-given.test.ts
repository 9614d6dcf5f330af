import { expect, it } from 'vitest';
import { minimize } from '../../src/index.js';

// Float64Array.from would take these for numbers: null (what JSON.stringify makes of NaN) and false as
// 0, true as 1, "3" as 3, and the string "12" as the start [1, 2].
it('refuses an x0 element that is not a number, rather than starting from what it converts to', () => {
  let calls = 0;
  const f = (x: Float64Array) => (calls++, x[0]!);
  const refused = (x0: unknown) => () => minimize(f, x0 as number[]);
  expect(refused([1, null])).toThrow(new RangeError('minimize: x0 is null at index 1, not a finite number'));
  expect(refused(JSON.parse(JSON.stringify([0.5, NaN])))).toThrow(new RangeError('minimize: x0 is null at index 1, not a finite number'));
  expect(refused([true])).toThrow(new RangeError('minimize: x0 is true at index 0, not a finite number'));
  expect(refused(['3'])).toThrow(new RangeError('minimize: x0 is "3" at index 0, not a finite number'));
  expect(refused([1, 2n])).toThrow(new RangeError('minimize: x0 is 2n (a BigInt) at index 1, not a finite number'));
  expect(refused('12')).toThrow(new TypeError('minimize: x0 must be a non-empty array of numbers, got "12"'));
  expect(refused(() => 0)).toThrow(new TypeError('minimize: x0 must be a non-empty array of numbers, got a function'));
  expect(calls).toBe(0);
  // Arrays and typed arrays of finite numbers still start where they say.
  for (const x0 of [[2, -1], Float32Array.of(2, -1), Float64Array.of(2, -1)]) {
    expect(minimize(f, x0, { maxIterations: 0 }).x).toEqual(Float64Array.of(2, -1));
  }
});
