import { expect, it } from 'vitest';
import { optimizerState } from '../../src/index.js';
import { firstNonFinite, firstNonFiniteLoop } from '../../src/kernels.js';

// Exported helpers that took any argument: firstNonFinite('abc') answered 0 (a character is not a
// finite number) and a plain array of 64 or more threw "a.subarray is not a function"; optimizerState
// made Int32Array state for an Int32Array, a buffer per character for names given as a string, and
// threw "names is not iterable" or "Cannot read properties of null" for others.

it.each<[string, unknown, string]>([
  ['a string', 'abc', '"abc"'],
  ['a plain array', new Array(100).fill(NaN), '[NaN, NaN, NaN, NaN, NaN, NaN, … 100 items]'],
  ['null', null, 'null'],
  ['an Int32Array', new Int32Array(3), 'Int32Array(3)'],
])('firstNonFinite and firstNonFiniteLoop refuse %s by name', (_what, given, shown) => {
  expect(() => firstNonFinite(given as never)).toThrow(new TypeError(`firstNonFinite: the array must be a Float32Array or Float64Array, got ${shown}`));
  expect(() => firstNonFiniteLoop(given as never)).toThrow(new TypeError(`firstNonFiniteLoop: the array must be a Float32Array or Float64Array, got ${shown}`));
});

it('firstNonFinite still finds the first NaN of a float array', () => {
  const a = new Float64Array(100);
  a[70] = NaN;
  expect(firstNonFinite(a)).toBe(70);
  expect(firstNonFiniteLoop(a)).toBe(70);
});

it.each<[string, unknown, unknown, string]>([
  ['an Int32Array like', new Int32Array(3), ['m'], 'like must be a Float32Array or Float64Array, got Int32Array(3)'],
  ['a null like', null, ['m'], 'like must be a Float32Array or Float64Array, got null'],
  ['names as a string', new Float64Array(3), 'mv', 'names must be an array of strings, got "mv"'],
  ['names holding a number', new Float64Array(3), ['m', 1], 'names must be an array of strings, got ["m", 1]'],
  ['no names', new Float64Array(3), undefined, 'names must be an array of strings, got undefined'],
])('optimizerState refuses %s by name', (_what, like, names, message) => {
  expect(() => optimizerState(like as never, names as never)).toThrow(new TypeError(`optimizerState: ${message}`));
});

it('optimizerState still makes zeroed buffers of the given type', () => {
  const s = optimizerState(new Float32Array(3), ['m', 'v']);
  expect(Object.keys(s)).toEqual(['m', 'v']);
  expect(s.m).toEqual(new Float32Array(3));
});
