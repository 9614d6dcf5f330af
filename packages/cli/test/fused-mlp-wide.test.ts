import { describe, expect, it } from 'vitest';
import { FusedMlp, type FusedLayerShape } from '../src/train/fused/fused-mlp.js';
import { referenceEpoch } from './mlp-reference.js';

/** As fused-mlp-reference.test.ts bounds it: relative to the size of what cancels. */
const TOLERANCE = 1e-4;

/** Deterministic values in [−1, 1], multiples of 1/512 (exact in float32), divided by `divisor`. */
function values(length: number, seed: number, divisor = 1): number[] {
  let s = seed;
  return Array.from({ length }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return ((s >>> 8) % 1025 - 512) / 512 / divisor;
  });
}

// A layer of 16 units or more runs its forward pass sixteen units (four vectors) at a time, then the
// rest a vector at a time (assembly/across-units.ts). The random networks of fused-mlp-reference are
// at most 9 wide, and the TF.js comparison's 16-unit layer starts with zero biases, so neither sees a
// wrong column or bias in the second to fourth vector of a block. Here: widths of 16 and more, with
// and without a tail past the blocks, every bias nonzero.
describe.each([
  [[5, 16, 2]],
  [[3, 19, 2]],
  [[7, 37, 18, 1]],
])('FusedMlp with layers of 16 units and more (widths %j)', (widths) => {
  const layers: FusedLayerShape[] = widths.slice(1).map((units, k) => ({ inputs: widths[k]!, units, activation: k % 2 ? 'sigmoid' : 'tanh' }));
  const count = 5;
  const data = { count, inputs: widths[0]!, outputs: widths.at(-1)!, x: values(count * widths[0]!, 3), y: values(count * widths.at(-1)!, 4) };
  const weights = layers.flatMap((l, k) => [values(l.inputs * l.units, 10 + k, 2 ** Math.ceil(Math.log2(l.inputs))), values(l.units, 60 + k)]);

  it('gives the reference MSE and gradient', () => {
    const net = FusedMlp.create(layers, data);
    net.weights.forEach((w, k) => w.set(weights[k]!));
    const ref = referenceEpoch(layers, weights, data);
    expect(Math.abs(net.evaluate().mse - ref.mse)).toBeLessThanOrEqual(TOLERANCE * ref.mseMagnitude);
    expect(Math.abs(net.lossAndGradients() - ref.mse)).toBeLessThanOrEqual(TOLERANCE * ref.mseMagnitude);
    net.grads.forEach((g, k) => {
      for (let i = 0; i < g.length; i++) {
        expect(Math.abs(g[i]! - ref.grads[k]![i]!), `variable ${k}, element ${i}`).toBeLessThanOrEqual(TOLERANCE * ref.gradientMagnitude);
      }
    });
    net.dispose();
  });
});
