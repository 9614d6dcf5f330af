import { expect, it } from 'vitest';
import { minimize } from '../../src/index.js';

it('names the x0 value it cannot use as given, not the NaN it became', () => {
  const f = () => 0;
  expect(() => minimize(f, [1, , 2] as unknown as number[])).toThrow(new RangeError('minimize: x0 is undefined at index 1, not a finite number'));
  expect(() => minimize(f, [1, 'a'] as unknown as number[])).toThrow(new RangeError('minimize: x0 is "a" at index 1, not a finite number'));
  expect(() => minimize(f, [1, NaN])).toThrow(new RangeError('minimize: x0 is NaN at index 1, not a finite number'));
});
