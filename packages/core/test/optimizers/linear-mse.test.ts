import { describe, expect, it } from 'vitest';
import { Rprop } from '../../src/index.js';
import { loadFixture } from '../fixtures/load-trace.js';

interface LinearTrace {
  options: { lr: number; etas: [number, number]; stepSizes: [number, number]; maximize: boolean };
  x: number[];
  y: number[];
  weightInit: number[];
  biasInit: number[];
  steps: Array<{ loss: number; weight: number[]; bias: number[] }>;
}

/**
 * MSE of y ≈ x·Wᵀ + b (x: 10×3, W: 2×3, b: 2) and its gradients, in float64, as nn.Linear + nn.MSELoss.
 * The summation order differs from PyTorch's BLAS, so the loss agrees to rounding; Rprop reads only
 * the gradients' signs, so the parameters still agree exactly.
 */
function mse(t: LinearTrace, w: Float64Array, b: Float64Array, gw: Float64Array, gb: Float64Array): number {
  const rows = 10;
  const count = rows * 2;
  gw.fill(0);
  gb.fill(0);
  let loss = 0;
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < 2; o++) {
      let yhat = b[o]!;
      for (let i = 0; i < 3; i++) yhat += t.x[r * 3 + i]! * w[o * 3 + i]!;
      const e = yhat - t.y[r * 2 + o]!;
      loss += e * e;
      const d = (2 * e) / count;
      gb[o] = gb[o]! + d;
      for (let i = 0; i < 3; i++) gw[o * 3 + i] = gw[o * 3 + i]! + d * t.x[r * 3 + i]!;
    }
  }
  return loss / count;
}

describe('the Linear(3, 2) + MSELoss example', () => {
  it('follows torch.optim.Rprop for 200 full-batch steps: parameters exact, loss to rounding', () => {
    const t = loadFixture<LinearTrace>('torch/linear-mse-float64.json');
    const weight = { data: Float64Array.from(t.weightInit), grad: new Float64Array(6), name: 'weight' };
    const bias = { data: Float64Array.from(t.biasInit), grad: new Float64Array(2), name: 'bias' };
    const opt = new Rprop([weight, bias], { lr: 0.01, etas: [0.5, 1.2], stepSizes: [1e-6, 50] });
    t.steps.forEach((s, k) => {
      opt.zeroGrad();
      const loss = opt.step(() => mse(t, weight.data, bias.data, weight.grad, bias.grad))!;
      expect(Math.abs(loss - s.loss) / s.loss, `loss at step ${k}`).toBeLessThan(1e-12);
      expect(Array.from(weight.data), `weight after step ${k}`).toEqual(s.weight);
      expect(Array.from(bias.data), `bias after step ${k}`).toEqual(s.bias);
    });
    expect(t.steps.at(-1)!.loss).toBeLessThan(t.steps[0]!.loss);
  });
});
