import { expect, it } from 'vitest';
import { minimize } from '../../src/index.js';

// Every refusal comes before the first evaluation.
const f = (): number => {
  throw new Error('f was called');
};
const at = (x0: number[], bounds: unknown) => () => minimize(f, x0, { bounds: bounds as [number, number][] });

it.each<[string, () => unknown, Error]>([
  ['not an array', at([1], 5), new TypeError('minimize: bounds must be an array of [lower, upper] pairs, one per coordinate of x0, got 5')],
  ['a single pair for one coordinate, not wrapped', at([1, 2], [0, 3]), new TypeError('minimize: bounds[0] must be a pair [lower, upper] of numbers (±Infinity for none), got 0')],
  ['fewer pairs than coordinates', at([1, 2], [[0, 3]]), new RangeError('minimize: bounds must have one [lower, upper] pair per coordinate of x0 (2), got 1')],
  ['more pairs than coordinates', at([1], [[0, 3], [0, 3]]), new RangeError('minimize: bounds must have one [lower, upper] pair per coordinate of x0 (1), got 2')],
  ['a hole', at([1, 2], [[0, 3], ,]), new TypeError('minimize: bounds[1] must be a pair [lower, upper] of numbers (±Infinity for none), got undefined')],
  ['null for a coordinate', at([1, 2], [[0, 3], null]), new TypeError('minimize: bounds[1] must be a pair [lower, upper] of numbers (±Infinity for none), got null')],
  ['three numbers', at([1], [[0, 1, 2]]), new TypeError('minimize: bounds[0] must be a pair [lower, upper] of numbers (±Infinity for none), got [0, 1, 2]')],
  ['a string bound', at([1], [['0', 3]]), new TypeError('minimize: bounds[0][0] (lower) must be a number (-Infinity for none), got "0"')],
  // JSON writes Infinity as null: which bound was meant (or a NaN) cannot be told, so it is refused.
  ['JSON\'s null for Infinity', at([1], JSON.parse(JSON.stringify([[0, Infinity]]))), new TypeError('minimize: bounds[0][1] (upper) must be a number (Infinity for none), got null')],
  ['NaN', at([1, 2], [[0, 3], [NaN, 3]]), new RangeError('minimize: bounds[1][0] (lower) must be a number (-Infinity for none), got NaN')],
  ['lower = +∞', at([1], [[Infinity, Infinity]]), new RangeError('minimize: bounds[0][0] (lower) must be < Infinity: no x lies within it, got Infinity')],
  ['upper = −∞', at([1], [[-Infinity, -Infinity]]), new RangeError('minimize: bounds[0][1] (upper) must be > -Infinity: no x lies within it, got -Infinity')],
  ['lower > upper', at([1, 2], [[0, 3], [3, 1]]), new RangeError('minimize: bounds[1] must satisfy lower ≤ upper, got [3, 1]')],
  // Refused, not clipped as SciPy clips it: a start nobody gave would be taken without a word.
  ['x0 below its lower bound', at([1, -0.5], [[0, 3], [0, 1]]), new RangeError('minimize: x0 is -0.5 at index 1, outside its bounds [0, 1]')],
  ['x0 above its upper bound', at([4, 0.5], [[0, 3], [0, 1]]), new RangeError('minimize: x0 is 4 at index 0, outside its bounds [0, 3]')],
  ['x0 off a fixed coordinate', at([1], [[2, 2]]), new RangeError('minimize: x0 is 1 at index 0, outside its bounds [2, 2]')],
  ['a misspelt option', () => minimize(f, [1], { bound: [[0, 1]] } as never),
    new TypeError(`minimize: unknown option "bound" (did you mean 'bounds'?); the options are lr, etas, stepSizes, variant, maximize, maxIterations, xTol, xTolAbs, gTol, bounds, onIteration`)],
])('refuses %s, naming it, before calling f', (_case, make, error) => {
  expect(make).toThrow(error);
});

it('takes ±Infinity, a typed-array pair, a fixed coordinate, x0 on a bound, and -0 for 0', () => {
  let calls = 0;
  const g = (x: Float64Array) => (calls++, x[0]!);
  const bounds = [[-Infinity, Infinity], Float64Array.of(0, 1), [2, 2], [-0, 5]] as unknown as [number, number][];
  expect(minimize(g, [7, 1, 2, 0], { bounds, maxIterations: 0 }).x).toEqual(Float64Array.of(7, 1, 2, 0));
  expect(calls).toBe(1);
  expect(minimize(g, [7], { bounds: undefined, maxIterations: 0 })).toEqual(minimize(g, [7], { maxIterations: 0 }));
});
