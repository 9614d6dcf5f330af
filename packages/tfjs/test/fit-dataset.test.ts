import * as tf from '@tensorflow/tfjs';
import { describe, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { data, smallModel } from './helpers.js';
import { MODEL_OPTIMIZERS, expectResumeEqualsStraight, expectSameStepsAsFit } from './model-training.js';

// model.fitDataset takes batches from a tf.data.Dataset (which makes and disposes its own tensors):
// with one batch per epoch it is the same full-batch step as fit.

function compiled(optimizer: tf.Optimizer): tf.LayersModel {
  const model = smallModel(6);
  model.compile({ optimizer, loss: 'meanSquaredError' });
  return model;
}

/** The 16 samples as a dataset of { xs, ys } in one batch of 16. */
function dataset(): tf.data.Dataset<tf.TensorContainer> {
  const { x, y } = data();
  const rows = tf.tidy(() => ({ xs: x.arraySync(), ys: y.arraySync() }));
  tf.dispose([x, y]);
  return tf.data.zip({ xs: tf.data.array(rows.xs), ys: tf.data.array(rows.ys) }).batch(16);
}

async function fitOnDataset(model: tf.LayersModel, epochs: number): Promise<number[]> {
  const history = await model.fitDataset(dataset(), { epochs, verbose: 0 });
  return history.history.loss as number[];
}

describe('model.fitDataset with tf.data', () => {
  onCpuBackend();

  it.each(MODEL_OPTIMIZERS)('%s: lowers the loss, equals fit bit for bit, and leaks nothing', async (_label, make) => {
    await expectSameStepsAsFit(() => compiled(make()), fitOnDataset, 20);
  });

  it.each(MODEL_OPTIMIZERS)('%s: save with the optimizer, load, fitDataset on = uninterrupted fitDataset, bit for bit', async (_label, make) => {
    await expectResumeEqualsStraight(() => compiled(make()), fitOnDataset, 4);
  });
});
