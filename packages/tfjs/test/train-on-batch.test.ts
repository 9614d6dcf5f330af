import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { data, firstDifference, smallModel, weightsOf } from './helpers.js';
import { MODEL_OPTIMIZERS, expectResumeEqualsStraight, tensorsLeftBySteps } from './model-training.js';

// model.trainOnBatch is one step on one batch, for training loops the user writes: the same step fit
// takes (through minimize, which hands the + variants the loss), with the loss returned as a number.

function compiled(optimizer: tf.Optimizer): tf.LayersModel {
  const model = smallModel(4);
  model.compile({ optimizer, loss: 'meanSquaredError' });
  return model;
}

async function trainOnBatches(model: tf.LayersModel, steps: number): Promise<number[]> {
  const { x, y } = data();
  const losses: number[] = [];
  for (let t = 0; t < steps; t++) losses.push((await model.trainOnBatch(x, y)) as number);
  tf.dispose([x, y]);
  return losses;
}

async function fitFullBatch(model: tf.LayersModel, epochs: number): Promise<void> {
  const { x, y } = data();
  await model.fit(x, y, { epochs, batchSize: 16, shuffle: false, verbose: 0 });
  tf.dispose([x, y]);
}

describe('model.trainOnBatch', () => {
  onCpuBackend();

  it.each(MODEL_OPTIMIZERS)('%s: lowers the loss, equals fit on the same batch bit for bit, and leaks nothing', async (_label, make) => {
    const looped = compiled(make());
    const losses = await trainOnBatches(looped, 20);
    expect(losses[19]).toBeLessThan(losses[0]!);
    const fitted = compiled(make());
    await fitFullBatch(fitted, 20);
    expect(firstDifference(weightsOf(looped), weightsOf(fitted))).toBeNull();
    expect(await tensorsLeftBySteps(looped, trainOnBatches)).toBe(0);
    for (const m of [looped, fitted]) (m.optimizer.dispose(), m.dispose());
  });

  it.each(MODEL_OPTIMIZERS)('%s: save with the optimizer, load, train on = uninterrupted training, bit for bit', async (_label, make) => {
    await expectResumeEqualsStraight(() => compiled(make()), trainOnBatches, 4);
  });
});
