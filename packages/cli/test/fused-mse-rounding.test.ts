import { describe, expect, it } from 'vitest';
import { FusedMlp } from '../src/train/fused/fused-mlp.js';

// The kernel's MSE is TF.js's meanSquaredError up to the sum: each difference y − t in float32, then
// squared and summed in float64. The fused-vs-reference tests bound it only to 1e-4 of its size, so
// they cannot tell a float64 square or sum from a float32 one. Here every output is a linear unit's
// bias (kernel 0), and the targets are chosen so that each float32 rounding the MSE must (or must
// not) do changes the result: it is checked exactly.

const b = 1 + 2 ** -20;
const targets = [
  0, // y − t = 1 + 2^−20: its square 1 + 2^−19 + 2^−40 loses 2^−40 in float32
  b - 2 ** -13, // y − t = 2^−13: its square 2^−26 is lost when added to 1 + 2^−19 in float32
  2 ** -30, // y − t = 1 + 2^−20 − 2^−30 in float64, 1 + 2^−20 in float32
];

/** A one-unit linear network whose output is `bias` for every sample. */
function constantNetwork(bias: number, y: number[]): FusedMlp {
  const net = FusedMlp.create([{ inputs: 1, units: 1, activation: 'linear' }], { count: y.length, inputs: 1, outputs: 1, x: y.map(() => 1), y });
  net.weights[1]!.set([bias]);
  return net;
}

describe('the fused MSE, exactly', () => {
  it('rounds each difference to float32, and squares and sums in float64', () => {
    const expected = targets.reduce((sum, t) => sum + Math.fround(b - t) ** 2, 0) / targets.length;
    // The data tells the roundings apart: every other choice gives another number.
    const f32 = (v: number) => Math.fround(v);
    expect(expected).not.toBe(targets.reduce((sum, t) => sum + (b - t) ** 2, 0) / targets.length);
    expect(expected).not.toBe(targets.reduce((sum, t) => sum + f32(f32(b - t) ** 2), 0) / targets.length);
    expect(expected).not.toBe(targets.reduce((sum, t) => f32(sum + f32(b - t) ** 2), 0) / targets.length);
    const net = constantNetwork(b, targets);
    expect(net.evaluate().mse).toBe(expected);
    expect(net.lossAndGradients()).toBe(expected);
    net.dispose();
  });

  it("scales the output gradient by 2 / (count · outputs) rounded to float32 first, as TF.js's mul(error, 2 / size)", () => {
    // Three samples, two of them exactly on target: d MSE / d bias is the one product f32(2/3) · (y − t).
    const net = constantNetwork(b, [0, b, b]);
    net.lossAndGradients();
    const expected = Math.fround(Math.fround(2 / 3) * b);
    expect(expected).not.toBe(Math.fround((b * 2) / 3)); // the factor left unrounded gives another float32
    expect(net.grads[1]![0]).toBe(expected);
    expect(net.grads[0]![0]).toBe(expected); // the kernel's too: every input is 1
    net.dispose();
  });

  it('counts an output exactly 0.5 from its target as a failed bit, as metrics.ts does', () => {
    const below = Math.fround(0.5 - 2 ** -25); // the float32 just under 0.5
    const net = constantNetwork(0, [0.5, -0.5, below, -below, 0]);
    expect(net.evaluate().bitFail).toBe(2);
    net.dispose();
  });
});
