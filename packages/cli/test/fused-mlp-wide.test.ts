import { describe, it } from 'vitest';
import { FusedMlp, type FusedLayerShape } from '../src/train/fused/fused-mlp.js';
import { expectReferenceEpoch, gridValues as values } from './fused-reference-check.js';

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
    expectReferenceEpoch(net, layers, weights, data);
    net.dispose();
  });
});
