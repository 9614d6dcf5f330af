import { describe, expect, it } from 'vitest';
import { FusedMlp } from '../src/train/fused/fused-mlp.js';

// The kernel's exp (assembly/expv.ts) is claimed good to 7.6e-8 relative (under one float32 ulp), but
// the network tests bound whole gradients to 1e-4 of their size, which a much worse exp still passes
// (one with its top polynomial term dropped, or with floor for nearest in the range reduction, did).
// The sigmoid's tail shows the exp almost bare: for z in [−80, −20], 1 + e^−z rounds to e^−z (1 is
// under half an ulp of it), so σ(z) is the float32 reciprocal of the kernel's e^−z, which adds at most
// half an ulp (2^−24 relative). A one-unit network with input 1 and target 0 has MSE σ(w)², exactly
// (a float32 squared in float64), so its square root is the kernel's σ(w) itself.
const EXP_ERROR = 7.6e-8;
const RECIPROCAL_ERROR = 2 ** -24;

describe("the fused kernel's exp, seen through the sigmoid's tail", () => {
  it('is within its stated relative error of e^x for x from 20 to 80', () => {
    const net = FusedMlp.create([{ inputs: 1, units: 1, activation: 'sigmoid' }], { count: 1, inputs: 1, outputs: 1, x: [1], y: [0] });
    let worst = { error: 0, z: 0 };
    // 6000 steps of 0.01, offset so the range reduction's n + ½ boundaries are not all hit alike.
    for (let i = -8000; i <= -2000; i++) {
      const z = Math.fround(i / 100 + 0.0037);
      net.weights[0]!.set([z]);
      const sigmoid = Math.sqrt(net.evaluate().mse);
      const want = 1 / (1 + Math.exp(-z));
      const error = Math.abs(sigmoid - want) / want;
      if (error > worst.error) worst = { error, z };
    }
    expect(worst.error, `worst at z = ${worst.z}`).toBeLessThanOrEqual(EXP_ERROR + RECIPROCAL_ERROR);
    net.dispose();
  });
});
