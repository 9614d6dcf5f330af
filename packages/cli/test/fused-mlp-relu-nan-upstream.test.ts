import { describe, expect, it } from 'vitest';
import { FusedMlp } from '../src/train/fused/fused-mlp.js';

// relu′ is applied by multiplying (δ = g · [a > 0]), not by masking, so a NaN reaching a unit that is
// off (a = 0) stays NaN, as in TF.js's relu gradient (dy · step(x)): the run then stops on a
// non-finite gradient instead of stepping with a 0 that hides it. Masked, NaN · 0 would become 0.

describe('FusedMlp with a NaN upstream gradient at a relu unit that is off', () => {
  it('keeps the NaN in that layer\'s gradients, with the MSE finite', () => {
    // x = 1 → relu(−1·x) = 0 → two linear outputs 3e38·0 = 0, targets −2 and 2: the MSE is (2² + 2²)/2,
    // and the upstream gradient δ·K = 2·3e38 + (−2)·3e38 is Infinity − Infinity = NaN in float32.
    const net = FusedMlp.create(
      [{ inputs: 1, units: 1, activation: 'relu' }, { inputs: 1, units: 2, activation: 'linear' }],
      { count: 1, inputs: 1, outputs: 2, x: [1], y: [-2, 2] },
    );
    const [hiddenKernel, hiddenBias, outputKernel, outputBias] = net.weights;
    hiddenKernel!.set([-1]);
    hiddenBias!.set([0]);
    outputKernel!.set([3e38, 3e38]);
    outputBias!.set([0, 0]);
    expect(net.lossAndGradients()).toBe(4);
    // The output layer's gradients are finite (a = 0, δ = ±2)…
    expect(Array.from(net.grads[2]!)).toEqual([0, 0]);
    expect(Array.from(net.grads[3]!)).toEqual([2, -2]);
    // …the relu layer's carry the NaN.
    expect(net.grads[0]![0]).toBeNaN();
    expect(net.grads[1]![0]).toBeNaN();
    net.dispose();
  });
});
