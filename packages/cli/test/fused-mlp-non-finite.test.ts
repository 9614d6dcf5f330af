import { describe, expect, it } from 'vitest';
import { FusedMlp, type FusedActivation, type FusedLayerShape } from '../src/train/fused/fused-mlp.js';

// A NaN weight, bias or input must show as a NaN MSE (so training stops as diverged). ±Infinity
// saturates tanh and the sigmoid as TF.js does (fused-mlp-overflow-saturates.test.ts); an infinite
// input (which the data loaders refuse) must still never leave both the MSE and every gradient finite:
// the weights it feeds get 0 · ∞ = NaN, which the optimizer refuses.

const ACTIVATIONS: FusedActivation[] = ['tanh', 'sigmoid', 'relu', 'linear'];

/** 3 inputs → 5 hidden (`hidden`) → 2 outputs (`output`), 4 samples, every weight 0.25 and bias −0.5. */
function network(hidden: FusedActivation, output: FusedActivation, x: number[] = Array.from({ length: 12 }, (_, i) => (i % 5) - 2)): FusedMlp {
  const layers: FusedLayerShape[] = [{ inputs: 3, units: 5, activation: hidden }, { inputs: 5, units: 2, activation: output }];
  const net = FusedMlp.create(layers, { count: 4, inputs: 3, outputs: 2, x, y: [0, 1, 1, 0, 0.5, 0.5, 1, 1] });
  net.weights.forEach((w, k) => w.fill(k % 2 === 0 ? 0.25 : -0.5));
  return net;
}

describe('FusedMlp with non-finite weights or inputs', () => {
  for (const hidden of ACTIVATIONS) {
    for (const output of ACTIVATIONS) {
      it(`is finite with finite weights, and NaN with a NaN weight, bias or input (${hidden} → ${output})`, () => {
        const net = network(hidden, output);
        expect(Number.isFinite(net.lossAndGradients())).toBe(true);
        for (const [k, w] of net.weights.entries()) {
          const kept = w[1]!;
          w[1] = NaN;
          expect(net.lossAndGradients(), `NaN in variable ${k}`).toBeNaN();
          const { mse, bitFail } = net.evaluate();
          expect(mse).toBeNaN();
          expect(bitFail).toBeGreaterThan(0); // NaN outputs count as failed bits
          w[1] = kept;
        }
        net.dispose();
      });
    }

    it(`leaves the MSE or a gradient non-finite with a ±Infinity input (${hidden} hidden layer)`, () => {
      for (const infinity of [Infinity, -Infinity]) {
        const x = Array.from({ length: 12 }, (_, i) => (i === 7 ? infinity : 0.5));
        const net = network(hidden, 'sigmoid', x);
        const loss = net.lossAndGradients();
        const allFinite = Number.isFinite(loss) && net.grads.every((g) => g.every(Number.isFinite));
        expect(allFinite, String(infinity)).toBe(false);
        net.dispose();
      }
    });
  }
});
