import { describe, expect, it } from 'vitest';
import { FusedMlp, type FusedActivation } from '../src/train/fused/fused-mlp.js';

// A pre-activation that overflows float32 from finite weights and inputs (2 · 3e38) saturates, as
// TF.js's tanh, sigmoid and relu do — it does not become NaN (the kernel used to add z − z, which
// made the fused engine report "the training MSE became NaN" where TF.js, on the same weights, found
// a finite MSE).

/** One unit: input 3e38, weight `w`, bias 0, target `y`; the MSE is (f(w · 3e38) − y)². */
function mse(activation: FusedActivation, w: number, y: number): number {
  const net = FusedMlp.create([{ inputs: 1, units: 1, activation }], { count: 1, inputs: 1, outputs: 1, x: [3e38], y: [y] });
  net.weights[0]!.set([w]);
  net.weights[1]!.set([0]);
  const { mse } = net.evaluate();
  expect(net.lossAndGradients()).toBe(mse); // the training pass sees the same loss
  net.dispose();
  return mse;
}

describe('FusedMlp with a pre-activation that overflows float32', () => {
  it('tanh(±∞) = ±1', () => {
    expect(mse('tanh', 2, 0)).toBe(1);
    expect(mse('tanh', -2, 0)).toBe(1);
    expect(mse('tanh', 2, 1)).toBe(0);
    expect(mse('tanh', -2, -1)).toBe(0);
  });

  it('σ(+∞) = 1 and σ(−∞) is 0 but for the exp clamp\'s 1/(1 + e^88)', () => {
    expect(mse('sigmoid', 2, 1)).toBe(0);
    expect(mse('sigmoid', 2, 0)).toBe(1);
    expect(mse('sigmoid', -2, 0)).toBeLessThan(1e-70);
    expect(mse('sigmoid', -2, 1)).toBeCloseTo(1, 12);
  });

  it('relu(−∞) = 0, relu(+∞) = +∞', () => {
    expect(mse('relu', -2, 0.5)).toBe(0.25);
    expect(mse('relu', 2, 0.5)).toBe(Infinity);
  });
});
