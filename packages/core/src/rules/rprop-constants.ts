import type { FloatArray } from '../types.js';

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
  const r = array instanceof Float32Array ? Math.fround : (x: number) => x;
  return { etaMinus: r(etas[0]), etaPlus: r(etas[1]), stepMin: r(stepSizes[0]), stepMax: r(stepSizes[1]), maximize };
}

/**
 * Step 3 of the semantics: Δ·f clamped to [Δmin, Δmax], f chosen by s = sign(g)·sign(gp).
 * Clamping the double product and letting the Float32Array store round it equals rounding first and
 * clamping after, because rounding is monotone and the bounds are float32 numbers.
 */
export function adaptedStepSize(delta: number, s: number, c: RpropConstants): number {
  const d = delta * (s > 0 ? c.etaPlus : s < 0 ? c.etaMinus : 1);
  return d < c.stepMin ? c.stepMin : d > c.stepMax ? c.stepMax : d;
}
