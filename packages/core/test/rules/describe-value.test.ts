import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src/rules.js';

// How every message of the packages shows the value it got: what it is, briefly.
describe('describeValue', () => {
  it.each<[string, unknown, string]>([
    ['a number exactly', 0.1, '0.1'],
    ['negative zero as -0', -0, '-0'],
    ['NaN', NaN, 'NaN'],
    ['a string quoted', '0.5', '"0.5"'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['a boolean by its value', true, 'true'],
    ['false by its value', false, 'false'],
    ['a BigInt by its value', 10n, '10n (a BigInt)'],
    ['a symbol', Symbol('s'), 'a symbol'],
    ['a short array by its items', [1, '2', null], '[1, "2", null]'],
    ['a long array cut after six items', [1, 2, 3, 4, 5, 6, 7, 8], '[1, 2, 3, 4, 5, 6, … 8 items]'],
    ['a typed array by its type and length', new Float32Array(3), 'Float32Array(3)'],
    ['a function', () => 1, 'a function'],
    ['a plain object', { a: 1 }, 'an object'],
    ['an object without a prototype', Object.create(null), 'an object'],
    ['a Promise by its kind', Promise.resolve(1), 'a Promise'],
    ['an ArrayBuffer by its kind', new ArrayBuffer(4), 'an ArrayBuffer'],
    ['a Map by its kind', new Map(), 'a Map'],
  ])('%s', (_, value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });
});
