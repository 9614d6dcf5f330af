import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FusedMlp, type FusedLayerShape } from '../src/train/fused/fused-mlp.js';
import { referenceEpoch } from './mlp-reference.js';

/**
 * Max |g − reference| over every gradient element, relative to the largest element of the gradient
 * taken on absolute values (`gradientMagnitude`), and |MSE − reference| relative to `mseMagnitude`:
 * float32 against float64 loses digits in every cancelling sum (y − t, over units, over samples), so
 * the scale is the size of what cancels. (Relative to the largest |reference| element alone, the
 * experiment's measure, a gradient that nearly cancels broke 1e-4 about once in 40 000 networks.)
 * Observed over 280 000 random networks: at most 2.0e-5 for both (a tanh output near 0, where
 * 2/(1 + e^(−2z)) − 1 keeps an absolute error of one ulp of 1), 1.4e-7 at the 99th percentile for
 * the gradient. A wrong index, derivative or sum is off by the whole scale.
 */
const GRADIENT_TOLERANCE = 1e-4;
const MSE_TOLERANCE = 1e-4;
/** For y = t exactly in float64, where `mseMagnitude` is 0 but float32 y is off by an ulp. */
const MSE_FLOOR = 1e-12;
/** Outputs whose float64 |y − t| is this close to 0.5 may fall on either side in float32. */
const BIT_FAIL_MARGIN = 1e-4;

/** Multiples of 1/512 in [−1, 1] divided by `divisor` (a power of 2): exact in float32. */
const value = (divisor = 1) => fc.integer({ min: -512, max: 512 }).map((n) => n / 512 / divisor);
/**
 * Kernel weights as Glorot-like initialisers keep them, |K| ≤ 1/fan-in (fan-in rounded up to a power
 * of 2, so they stay exact), so that |z| stays within a few units and outputs do not saturate deeply
 * (the tolerances were measured so; the kernel took tanh′ as 1 − a² then, which loses digits there,
 * and takes it from z now). Saturation has tests of its own (fused-mlp-saturation.test.ts,
 * fused-mlp-wrong-extreme.test.ts). With ≤ 9 inputs ≤ 1, a first layer's
 * pre-activations are exact in float32 as well, so relu units sit on the same side of 0 in both.
 */
const kernelValue = (inputs: number) => value(2 ** Math.ceil(Math.log2(inputs)));

const network = fc
  .record({
    widths: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 4 }), // inputs, then each layer's units
    activations: fc.array(fc.constantFrom('tanh', 'sigmoid', 'relu', 'linear' as const), { minLength: 3, maxLength: 3 }),
    count: fc.integer({ min: 1, max: 12 }),
  })
  .chain(({ widths, activations, count }) => {
    const layers: FusedLayerShape[] = widths.slice(1).map((units, k) => ({ inputs: widths[k]!, units, activation: activations[k]! }));
    const inputs = widths[0]!;
    const outputs = widths.at(-1)!;
    return fc.record({
      layers: fc.constant(layers),
      weights: fc.tuple(...layers.flatMap((l) => [fc.array(kernelValue(l.inputs), { minLength: l.inputs * l.units, maxLength: l.inputs * l.units }), fc.array(value(), { minLength: l.units, maxLength: l.units })])),
      data: fc.record({
        count: fc.constant(count),
        inputs: fc.constant(inputs),
        outputs: fc.constant(outputs),
        x: fc.array(value(), { minLength: count * inputs, maxLength: count * inputs }),
        y: fc.array(value(), { minLength: count * outputs, maxLength: count * outputs }),
      }),
    });
  });

describe('FusedMlp against a float64 reference (random depths, widths 1–9, activations)', () => {
  it('gives the MSE, the bit-fail count and every gradient element', () => {
    fc.assert(
      fc.property(network, ({ layers, weights, data }) => {
        const net = FusedMlp.create(layers, data);
        try {
          net.lossAndGradients(); // an epoch at other weights (all 0) first: it must leave nothing behind
          net.weights.forEach((w, k) => w.set(weights[k]!));
          const ref = referenceEpoch(layers, weights, data);
          const mse = net.lossAndGradients();
          expect(Math.abs(mse - ref.mse)).toBeLessThanOrEqual(MSE_TOLERANCE * ref.mseMagnitude + MSE_FLOOR);
          net.grads.forEach((g, k) => {
            expect(g.length).toBe(ref.grads[k]!.length);
            for (let i = 0; i < g.length; i++) {
              expect(Math.abs(g[i]! - ref.grads[k]![i]!), `variable ${k}, element ${i}`).toBeLessThanOrEqual(GRADIENT_TOLERANCE * ref.gradientMagnitude);
            }
          });
          const evaluation = net.evaluate();
          expect(evaluation.mse).toBe(mse); // the same float64 sum, forward only
          const sure = ref.errors.filter((e) => e >= 0.5 + BIT_FAIL_MARGIN).length;
          const borderline = ref.errors.filter((e) => Math.abs(e - 0.5) < BIT_FAIL_MARGIN).length;
          expect(evaluation.bitFail).toBeGreaterThanOrEqual(sure);
          expect(evaluation.bitFail).toBeLessThanOrEqual(sure + borderline);
        } finally {
          net.dispose();
        }
      }),
      { numRuns: 300 },
    );
  });
});
