import { describe } from './errors.js';
import { firstNonFinite } from './kernels/first-non-finite.js';
import { isFloatArray } from './optimizers/float-arrays.js';

/**
 * `minimize`'s x0 as its own Float64Array, refused unless it is a non-empty array (or typed array) of
 * finite numbers. Each element is checked as given, not as `Float64Array.from` would convert it: that
 * turns null (what JSON makes of a NaN) and false into 0, true into 1 and "3" into 3, and a string
 * x0 "12" into [1, 2] — a start nobody gave, taken without a word.
 */
export function startingPoint(x0: unknown): Float64Array {
  if (typeof x0 !== 'object' || x0 === null || typeof (x0 as ArrayLike<unknown>).length !== 'number' || (x0 as ArrayLike<unknown>).length === 0) {
    throw new TypeError(`minimize: x0 must be a non-empty array of numbers, got ${describe(x0)}`);
  }
  // An array-like's length as given: Float64Array.from reads −1, NaN or 0.5 as 0 and 1.5 as 1, and
  // minimize would "converge" on an empty x, or drop an element, without a word.
  const length = (x0 as ArrayLike<unknown>).length;
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new RangeError(`minimize: x0's length must be a whole number > 0, got ${describe(length)}`);
  }
  const given = x0 as ArrayLike<unknown>;
  if (!isFloatArray(given)) {
    for (let i = 0; i < given.length; i++) {
      // The value as given (a hole is undefined, 'a' a string), not the NaN it would become.
      if (typeof given[i] !== 'number') throw notFinite(given[i], i);
    }
  }
  const x = Float64Array.from(given as ArrayLike<number>);
  const bad = firstNonFinite(x);
  if (bad >= 0) throw notFinite(given[bad], bad);
  return x;
}

function notFinite(value: unknown, index: number): RangeError {
  return new RangeError(`minimize: x0 is ${describe(value)} at index ${index}, not a finite number`);
}
