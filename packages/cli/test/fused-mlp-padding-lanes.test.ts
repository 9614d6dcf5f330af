import { describe, expect, it } from 'vitest';
import { FusedMlp, type FusedLayerShape } from '../src/train/fused/fused-mlp.js';
import { runsAcrossInputs } from '../src/train/fused/fused-orientation.js';
import { referenceEpoch } from './mlp-reference.js';

// A layer run across its units computes its last, partial vector whole: the lanes past its last unit
// read the next kernel row, and their activations land in the scratch's padding. The next layer, run
// across its inputs, loads that padding with its last block of inputs and must mask it out
// (assembly/across-inputs.ts): multiplying by the transposed rows' zero tails is not enough when the
// padding holds Infinity, as Infinity · 0 is NaN. Here the padding lane overflows while every real
// pre-activation is finite, so only the mask keeps the MSE finite.

describe('FusedMlp with Infinity in a layer\'s padding lanes', () => {
  it('keeps it out of the next layer, run across its inputs', () => {
    const layers: FusedLayerShape[] = [{ inputs: 2, units: 5, activation: 'linear' }, { inputs: 5, units: 2, activation: 'linear' }];
    expect(layers.map((l, k) => runsAcrossInputs(l, k > 0))).toEqual([false, true]);
    // x = (1e30, 0). Kernel row 1 starts with 1e30 and row 0 is all 0, so every real unit is
    // b + 1e30·0 + 0·1e30 = b, while lane 5 (past the last unit) reads K[1, 0]: 1e30 · 1e30 = Infinity.
    const data = { count: 1, inputs: 2, outputs: 2, x: [1e30, 0], y: [0.5, -0.25] };
    const weights = [
      [0, 0, 0, 0, 0, 1e30, 0, 0, 0, 0],
      [0.5, -0.5, 0.25, -0.25, 1],
      [0.5, -0.5, 0.25, 0.75, -1, 0.5, 0.125, -0.125, 1, 0.25],
      [0.125, -0.125],
    ];
    const net = FusedMlp.create(layers, data);
    net.weights.forEach((w, k) => w.set(weights[k]!));
    const ref = referenceEpoch(layers, weights, data);
    expect(Number.isFinite(ref.mse)).toBe(true);
    expect(net.evaluate().mse).toBeCloseTo(ref.mse, 6);
    expect(net.lossAndGradients()).toBeCloseTo(ref.mse, 6);
    net.dispose();
  });
});
