import type { FloatArray } from '../types.js';
import { describe } from '../errors.js';
import { isFloatArray } from '../optimizers/float-arrays.js';
import { flag, pair } from '../validate.js';

/** Rprop hyperparameters in the precision of the buffers they act on. */
export interface RpropConstants {
  readonly etaMinus: number;
  readonly etaPlus: number;
  readonly stepMin: number;
  readonly stepMax: number;
  readonly maximize: boolean;
}

/** The buffers of one parameter that an Rprop rule reads and writes, all of one type and length. */
export interface RpropBuffers<A extends FloatArray = FloatArray> {
  /** w: updated in place. */
  readonly param: A;
  /** g: read only. */
  readonly grad: A;
  /** gp: the stored previous derivative. */
  readonly prev: A;
  /** Δ: the per-weight step sizes. */
  readonly stepSize: A;
  /** dw: the last applied weight change (+ variants only). */
  readonly prevUpdate?: A;
}

/**
 * η±, Δmin and Δmax as PyTorch uses them on a buffer: rounded to float32 for Float32Array (PyTorch
 * casts Python scalars to the tensor's dtype), exact doubles for Float64Array.
 */
export function rpropConstantsFor(
  array: FloatArray,
  etas: readonly [number, number],
  stepSizes: readonly [number, number],
  maximize: boolean,
): RpropConstants {
  // The rules read it as JS truthiness, the kernels as a WebAssembly i32: "true" maximized on one and
  // minimized on the other.
  flag('rpropConstantsFor', 'maximize', maximize);
  // The array decides the precision: anything else was taken for float64. Pairs that are none (null)
  // threw "Cannot read properties of null"; a string's characters were taken for η− and η+.
  if (!isFloatArray(array)) throw new TypeError(`rpropConstantsFor: array must be a Float32Array or Float64Array, got ${describe(array)}`);
  pair('rpropConstantsFor', 'etas', etas);
  pair('rpropConstantsFor', 'stepSizes', stepSizes);
  const r = array instanceof Float32Array ? Math.fround : (x: number) => x;
  // A bound of −0 is taken as +0: clamping to it would make Δ = −0, and every path counts on Δ ≥ +0
  // (the kernels' "no move" is w − (+0); the reference's w − 0·(−0) would turn a weight of −0 into +0).
  const stepMin = r(stepSizes[0]) + 0;
  const stepMax = r(stepSizes[1]) + 0;
  return { etaMinus: r(etas[0]), etaPlus: r(etas[1]), stepMin, stepMax, maximize };
}

/**
 * Step 3 of the semantics: Δ·f clamped to [Δmin, Δmax], f chosen by s = sign(g)·sign(gp). For a
 * float32 buffer (`float32`, see `isFloat32`) the product is rounded to float32 before the clamp, as
 * PyTorch's `mul_` then `clamp_` do. (Clamping the exact product instead agrees everywhere but one
 * place: a negative Δ — only a loaded state can hold one — whose product rounds to −0 in float32 but
 * lies below a Δmin of +0 in double.)
 */
export function adaptedStepSize(delta: number, s: number, c: RpropConstants, float32 = false): number {
  const product = delta * (s > 0 ? c.etaPlus : s < 0 ? c.etaMinus : 1);
  const d = float32 ? Math.fround(product) : product;
  return d < c.stepMin ? c.stepMin : d > c.stepMax ? c.stepMax : d;
}

/** Whether `a` is a Float32Array: the `float32` argument of `adaptedStepSize`. */
export function isFloat32(a: FloatArray): boolean {
  return a instanceof Float32Array;
}
