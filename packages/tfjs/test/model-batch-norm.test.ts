import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { MODEL_OPTIMIZERS, expectResumeEqualsStraight, firstSlotOf, slotOwnerNames, tensorsLeftBySteps, variableNames } from './model-training.js';

// BatchNormalization's moving mean and variance are non-trainable weights that fit updates itself
// (a moving average of the batches' statistics): the optimizer must give them no slots and no step.

/** BatchNormalization first (so its moving statistics depend on the data only), then Dense → Dense. Seeded. */
function batchNormModel(optimizer: tf.Optimizer): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.batchNormalization({ inputShape: [3], momentum: 0.5 }),
      tf.layers.dense({ units: 4, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 8 }) }),
      tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 9 }) }),
    ],
  });
  model.compile({ optimizer, loss: 'meanSquaredError' });
  return model;
}

async function fitFullBatch(model: tf.LayersModel, epochs: number): Promise<number[]> {
  const x = tf.tensor2d(Array.from({ length: 30 }, (_, i) => 3 + 2 * Math.sin(i * 1.1)), [10, 3]);
  const y = tf.tensor2d(Array.from({ length: 10 }, (_, i) => Math.cos(i)), [10, 1]);
  const history = await model.fit(x, y, { epochs, batchSize: 10, shuffle: false, verbose: 0 });
  tf.dispose([x, y]);
  return history.history.loss as number[];
}

const movingStatistics = (model: tf.LayersModel) => model.layers[0]!.nonTrainableWeights.map((w) => Array.from(w.read().dataSync()));

describe('BatchNormalization', () => {
  onCpuBackend();

  it.each(MODEL_OPTIMIZERS)('%s: slots for the trainable weights only; the moving statistics move as under SGD', async (_label, make) => {
    const model = batchNormModel(make());
    const losses = await fitFullBatch(model, 20);
    expect(losses[19]).toBeLessThan(losses[0]!);
    expect(model.layers[0]!.nonTrainableWeights.map((w) => w.name)).toEqual([expect.stringMatching(/moving_mean$/), expect.stringMatching(/moving_variance$/)]);
    expect(await slotOwnerNames(model.optimizer, firstSlotOf(model.optimizer))).toEqual(variableNames(model.trainableWeights));
    // The layer sees the data itself, so its statistics are the optimizer's business only if it steps them.
    const sgd = batchNormModel(tf.train.sgd(0.01));
    await fitFullBatch(sgd, 20);
    expect(movingStatistics(model)).toEqual(movingStatistics(sgd));
    const untrained = batchNormModel(tf.train.sgd(0.01));
    expect(movingStatistics(model)).not.toEqual(movingStatistics(untrained)); // fit did move them
    untrained.dispose();
    expect(await tensorsLeftBySteps(model, fitFullBatch)).toBe(0);
    model.optimizer.dispose();
    model.dispose();
    sgd.dispose();
  });

  it.each(MODEL_OPTIMIZERS)('%s: save with the optimizer, load, fit on = uninterrupted fit, bit for bit (moving statistics included)', async (_label, make) => {
    await expectResumeEqualsStraight(() => batchNormModel(make()), fitFullBatch, 4);
  });
});
