import type { FloatArray } from '../types.js';

/** A float array's length and element type as one number (float32: odd), compared once per tensor per step. */
export function shapeCode(a: FloatArray): number {
  return a.length * 2 + (a instanceof Float32Array ? 1 : 0);
}

/** `shapeCode` in words. */
export function shapeName(code: number): string {
  return `${code % 2 === 1 ? 'Float32Array' : 'Float64Array'} of length ${Math.floor(code / 2)}`;
}
