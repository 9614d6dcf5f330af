import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RpropOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';
import { data, smallModel } from './helpers.js';
import { optimizerMakers, step } from './helpers-state.js';

/** A handler that keeps nothing: saving is all that is measured. */
const discard = tf.io.withSaveHandler(async () => ({ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }));

/** How many tensors 10 saves with the optimizer leave behind, after one save made anything kept from call to call. */
async function leakedBySaves(optimizer: tf.Optimizer): Promise<number> {
  const model = smallModel();
  model.compile({ optimizer, loss: 'meanSquaredError' });
  const { x, y } = data();
  await model.fit(x, y, { epochs: 2, batchSize: 16, verbose: 0 });
  await model.save(discard, { includeOptimizer: true });
  const n0 = tf.memory().numTensors;
  for (let i = 0; i < 10; i++) await model.save(discard, { includeOptimizer: true });
  const leaked = tf.memory().numTensors - n0;
  tf.dispose([x, y]);
  model.dispose();
  optimizer.dispose();
  return leaked;
}

describe('getWeights and model.save', () => {
  onCpuBackend();

  // tf.train.adam leaks its iteration-count scalar on every save (TF.js's saveIterations makes a new one
  // that model.save never disposes); ours is one variable kept from save to save.
  it.each(optimizerMakers)('%s: saving leaks nothing, where tf.train.adam leaks one tensor per save', async (_label, make) => {
    expect(await leakedBySaves(tf.train.adam(0.01))).toBe(10);
    expect(await leakedBySaves(make())).toBe(0);
  });

  it("the previous loss in getWeights follows the optimizer's, and dispose() frees it", async () => {
    const w = tf.variable(tf.tensor1d([1, -1]), true, 'prevLossFollows');
    const g = tf.tensor1d([1, 1]);
    const n0 = tf.memory().numTensors;
    const opt = new RpropOptimizer({ variant: 'irprop+' });
    const prevLoss = async () => {
      const weights = await opt.getWeights();
      weights[0]!.tensor.dispose(); // the iteration count: a new scalar every call, as in TF.js
      return weights[1]!.tensor.dataSync()[0];
    };
    expect(await prevLoss()).toBe(Infinity); // no previous loss yet
    step(opt, [{ name: w.name, tensor: g }], 5);
    expect(await prevLoss()).toBe(5);
    step(opt, [{ name: w.name, tensor: g }], 3);
    expect(await prevLoss()).toBe(3);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(n0);
    tf.dispose([w, g]);
  });
});
