import { describe, expect, it } from 'vitest';
import { FusedMlp } from '../src/train/fused/fused-mlp.js';
import { referenceEpoch } from './mlp-reference.js';
import { WRONG_EXTREME_CASES } from './wrong-extreme.js';

// An output saturated at the wrong extreme must get its true gradient, tiny but not 0: the kernel
// takes f′ from z (through the same exp as the activation), not from 1 − a², which is exactly 0 there
// and leaves Rprop, reading only signs, on a flat spot it never leaves.

/** Relative to the reference's gradient magnitude: float32 rounding of z (|z| ≈ 30) and of the exp. */
const TOLERANCE = 1e-4;

describe('FusedMlp with an output at the wrong extreme', () => {
  it.each(WRONG_EXTREME_CASES)('$name: the float64 reference\'s gradient, the output bias\'s of the sign that pulls it back', ({ layers, weights, data, outputBiasSign }) => {
    const net = FusedMlp.create(layers, data);
    net.weights.forEach((w, k) => w.set(weights[k]!));
    net.lossAndGradients();
    const ref = referenceEpoch(layers, weights, data);
    expect(ref.gradientMagnitude).toBeGreaterThan(0);
    net.grads.forEach((g, k) => {
      for (let i = 0; i < g.length; i++) expect(Math.abs(g[i]! - ref.grads[k]![i]!), `variable ${k}, element ${i}`).toBeLessThanOrEqual(TOLERANCE * ref.gradientMagnitude);
    });
    expect(Math.sign(net.grads[3]![0]!)).toBe(outputBiasSign);
    net.dispose();
  });
});
