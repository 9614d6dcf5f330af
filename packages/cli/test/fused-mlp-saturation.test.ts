import { describe, expect, it } from 'vitest';
import { FusedMlp, type FusedActivation } from '../src/train/fused/fused-mlp.js';
import { referenceEpoch } from './mlp-reference.js';

// Far past the exp's clamp (|z| from 100 to 2000: e^±2000 is no float32, and without the clamp the
// exponent bits of 2^n wrap into garbage), tanh and the sigmoid must saturate to their limits — no
// NaN, no Infinity — and the MSE and gradient still be the float64 reference's. Every unit is flat
// there: the reference's derivatives are below e^−200, and the kernel's must be as good as 0 (taken
// from the clamped exp, they are ≈1e-38: positive, as a saturated unit's must be, and tiny).

/** Relative to the reference's MSE; the saturated outputs are its limits to within float32 rounding. */
const MSE_TOLERANCE = 1e-6;
/** Absolute: the reference's gradients are all below 1e-80 here; an unsaturated unit would give ~0.1 and more. */
const GRADIENT_TOLERANCE = 1e-6;

describe('FusedMlp with saturated units', () => {
  for (const activation of ['tanh', 'sigmoid'] as FusedActivation[]) {
    it(`${activation}: finite, the reference's MSE, gradients as flat as the reference's`, () => {
      const layers = [
        { inputs: 2, units: 5, activation },
        { inputs: 5, units: 3, activation },
      ];
      const count = 6;
      const x = Array.from({ length: count * 2 }, (_, i) => (i % 3) - 1 + 0.5);
      const data = { count, inputs: 2, outputs: 3, x, y: Array.from({ length: count * 3 }, (_, i) => (i % 2 === 0 ? 0.25 : -0.75)) };
      // Kernel weights ±400 and biases ±300: every |z| between 100 and 2000, both signs.
      const weights = [
        Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 400 : -400)),
        [300, -300, 300, -300, 300],
        Array.from({ length: 15 }, (_, i) => (i % 3 === 0 ? -400 : 400)),
        [300, -300, 300],
      ];
      const net = FusedMlp.create(layers, data);
      net.weights.forEach((w, k) => w.set(weights[k]!));
      const ref = referenceEpoch(layers, weights, data);
      const mse = net.lossAndGradients();
      expect(Number.isFinite(mse)).toBe(true);
      expect(Math.abs(mse - ref.mse)).toBeLessThanOrEqual(MSE_TOLERANCE * ref.mse);
      net.grads.forEach((g, k) => {
        for (let i = 0; i < g.length; i++) expect(Math.abs(g[i]! - ref.grads[k]![i]!), `variable ${k}, element ${i}`).toBeLessThanOrEqual(GRADIENT_TOLERANCE);
      });
      expect(net.evaluate().mse).toBe(mse);
      net.dispose();
    });
  }
});
