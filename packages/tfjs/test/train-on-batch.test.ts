import * as tf from '@tensorflow/tfjs';
import { describe, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { data, smallModel } from './helpers.js';
import { MODEL_OPTIMIZERS, expectResumeEqualsStraight, expectSameStepsAsFit } from './model-training.js';

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

describe('model.trainOnBatch', () => {
  onCpuBackend();

  it.each(MODEL_OPTIMIZERS)('%s: lowers the loss, equals fit on the same batch bit for bit, and leaks nothing', async (_label, make) => {
    await expectSameStepsAsFit(() => compiled(make()), trainOnBatches, 20);
  });

  it.each(MODEL_OPTIMIZERS)('%s: save with the optimizer, load, train on = uninterrupted training, bit for bit', async (_label, make) => {
    await expectResumeEqualsStraight(() => compiled(make()), trainOnBatches, 4);
  });
});
