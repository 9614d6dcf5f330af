import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { MODEL_OPTIMIZERS, expectResumeEqualsStraight, expectTrainsWithoutLeaks } from './model-training.js';

// Recurrent layers keep three weights each (kernel, recurrent kernel, bias) whose gradients come
// back through time; an LSTM's are four gates wide. Kept tiny: 4 steps, 3 units, 6 sequences.

function recurrent(kind: 'simpleRNN' | 'lstm', optimizer: tf.Optimizer): tf.LayersModel {
  const seeded = (seed: number) => tf.initializers.glorotUniform({ seed });
  const layer = tf.layers[kind]({ units: 3, inputShape: [4, 2], kernelInitializer: seeded(12), recurrentInitializer: seeded(13) });
  const model = tf.sequential({ layers: [layer, tf.layers.dense({ units: 1, kernelInitializer: seeded(14) })] });
  model.compile({ optimizer, loss: 'meanSquaredError' });
  return model;
}

async function fitFullBatch(model: tf.LayersModel, epochs: number): Promise<number[]> {
  const x = tf.tensor3d(Array.from({ length: 48 }, (_, i) => Math.sin(i * 0.6)), [6, 4, 2]);
  const y = tf.tensor2d(Array.from({ length: 6 }, (_, i) => 0.5 * Math.cos(i * 1.3)), [6, 1]);
  const history = await model.fit(x, y, { epochs, batchSize: 6, shuffle: false, verbose: 0 });
  tf.dispose([x, y]);
  return history.history.loss as number[];
}

describe.each(['simpleRNN', 'lstm'] as const)('a %s layer', (kind) => {
  onCpuBackend();
  const build = (make: () => tf.Optimizer) => () => recurrent(kind, make());

  it.each(MODEL_OPTIMIZERS)('%s: fit lowers the loss, and steps leak nothing', async (_label, make) => {
    await expectTrainsWithoutLeaks(build(make)(), fitFullBatch, 20, 0.9);
  });

  it.each(MODEL_OPTIMIZERS)('%s: save with the optimizer, load, fit on = uninterrupted fit, bit for bit', async (_label, make) => {
    await expectResumeEqualsStraight(build(make), fitFullBatch, 3);
  });
});
