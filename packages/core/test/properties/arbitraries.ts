import fc from 'fast-check';
import { VARIANTS, type RpropOptions } from '../../src/index.js';

/** Valid Rprop options of every kind, including lr outside [Δmin, Δmax], Δmin = 0 and bounds of ±0. */
export const rpropOptions: fc.Arbitrary<RpropOptions> = fc
  .record({
    lr: fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(0.01, 1e-7, 60, -0)),
    etaMinus: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    etaPlus: fc.double({ min: 1.01, max: 3, noNaN: true }),
    stepMin: fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 1e-2, noNaN: true })),
    span: fc.double({ min: 1, max: 1e6, noNaN: true }),
    // Signed-zero bounds, which every path must take as +0 (Δ = −0 would move a weight of −0).
    zeroBounds: fc.option(fc.constantFrom<readonly [number, number]>([0, -0], [-0, 0], [-0, -0], [-0, 1e-3]), { freq: 6 }),
    variant: fc.constantFrom(...VARIANTS),
    maximize: fc.boolean(),
  })
  .map((o) => ({
    lr: o.lr,
    etas: [o.etaMinus, o.etaPlus] as const,
    stepSizes: o.zeroBounds ?? ([o.stepMin, Math.max(o.stepMin * o.span, 1e-3)] as const),
    variant: o.variant,
    maximize: o.maximize,
  }));

/** A derivative: mostly wide-ranging magnitudes of either sign, sometimes exactly zero. */
export const derivative: fc.Arbitrary<number> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.boolean(), fc.double({ min: -8, max: 8, noNaN: true })).map(([neg, e]) => (neg ? -1 : 1) * 10 ** e) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0) },
);

/** `steps` gradients for `n` weights, and a loss per step (the + variants need one). */
export function gradientRun(n: number, steps: number) {
  return fc.record({
    grads: fc.array(fc.array(derivative, { minLength: n, maxLength: n }), { minLength: steps, maxLength: steps }),
    // Whole numbers: c·a > c·b exactly when a > b, so scaling the loss never changes a comparison.
    losses: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: steps, maxLength: steps }),
  });
}

export type Dtype = 'float32' | 'float64';
export const dtype: fc.Arbitrary<Dtype> = fc.constantFrom('float32', 'float64');

export function arrayOf(d: Dtype, values: ArrayLike<number>): Float32Array | Float64Array {
  return d === 'float32' ? Float32Array.from(values) : Float64Array.from(values);
}
