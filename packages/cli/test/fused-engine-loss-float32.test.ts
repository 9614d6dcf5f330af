import * as tf from '../src/tf.js';
import { RpropOptimizer } from 'rprop-tfjs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../src/data/dataset.js';
import { fusedFullBatch } from '../src/train/fused/fused-full-batch.js';
import { buildMlp } from '../src/train/mlp.js';
import { mlpLayers } from '../src/train/mlp-gradients.js';

// iRprop+ undoes a weight's last step when its gradient changed sign and the loss went up. The TF.js
// engine's RpropOptimizer takes the loss as a float32 (setLoss), so two losses equal in float32 are
// "not up"; the fused engine must round the kernel's float64 MSE the same way before its Rprop
// compares them, or it takes another step than the TF.js engine would.

/** One linear unit, y = 3 at x = 1, weights 0: the first step of size 2 overshoots, so the gradient's sign flips. */
async function weightsAfter(secondLoss: number): Promise<number[]> {
  const data: Dataset = { source: 'test', count: 1, inputs: 1, outputs: 1, x: Float32Array.from([1]), y: Float32Array.from([3]) };
  const model = buildMlp(data, [], 'tanh', 1);
  model.setWeights(model.getWeights().map((w) => tf.zerosLike(w)));
  const optimizer = new RpropOptimizer({ variant: 'irprop+', lr: 2 });
  const engine = fusedFullBatch(mlpLayers(model), optimizer, data, { variant: 'irprop+', lr: 2 });
  engine.lossAndGradient();
  engine.step(1);
  engine.lossAndGradient();
  engine.step(secondLoss);
  await engine.finish();
  const weights = model.getWeights().flatMap((w) => Array.from(w.dataSync()));
  optimizer.dispose();
  model.dispose();
  return weights;
}

describe('fusedFullBatch step', () => {
  it('compares losses as float32, as the TF.js engine does: a rise below float32 is no rise', async () => {
    await tf.setBackend('cpu');
    const unchanged = await weightsAfter(1);
    expect(await weightsAfter(1 + 2 ** -30)).toEqual(unchanged);
    // A rise float32 can see does undo the step: the test can tell the two apart.
    expect(await weightsAfter(1 + 2 ** -20)).not.toEqual(unchanged);
  });
});
