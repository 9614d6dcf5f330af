import type { FloatArray } from '../types.js';

/** Whether `a` is an array a parameter, gradient or state buffer may be: a Float32Array or a Float64Array. */
export function isFloatArray(a: unknown): a is FloatArray {
  return a instanceof Float32Array || a instanceof Float64Array;
}
