import * as tf from '@tensorflow/tfjs';
import './wasm-backend.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_OPTIMIZERS, expectResumeEqualsStraight, expectTrainsWithoutLeaks } from './model-training.js';

// On wasm the fused update writes the backend's heap, where a step may grow the heap. Conv2D and
// Embedding cannot train there at all (model-wasm-missing-kernels.test.ts): the models here have
// BatchNormalization's non-trainable statistics and a recurrent layer.

const seeded = (seed: number) => tf.initializers.glorotUniform({ seed });

/** Dense → BatchNormalization → Dense, and SimpleRNN → Dense, with their data. Seeded. */
const builders: Array<[string, (optimizer: tf.Optimizer) => tf.LayersModel, () => tf.Tensor[]]> = [
  ['Dense + BatchNormalization + Dense', (optimizer) => {
    const model = tf.sequential({ layers: [
      tf.layers.dense({ units: 4, inputShape: [3], kernelInitializer: seeded(40) }),
      tf.layers.batchNormalization(), tf.layers.dense({ units: 1, kernelInitializer: seeded(41) }),
    ] });
    model.compile({ optimizer, loss: 'meanSquaredError' });
    return model;
  }, () => [tf.tensor2d(Array.from({ length: 24 }, (_, i) => Math.sin(i * 0.7)), [8, 3]), tf.tensor2d(Array.from({ length: 8 }, (_, i) => Math.cos(i)), [8, 1])]],
  ['SimpleRNN + Dense', (optimizer) => {
    const model = tf.sequential({ layers: [
      tf.layers.simpleRNN({ units: 3, inputShape: [4, 2], kernelInitializer: seeded(42), recurrentInitializer: seeded(43) }),
      tf.layers.dense({ units: 1, kernelInitializer: seeded(44) }),
    ] });
    model.compile({ optimizer, loss: 'meanSquaredError' });
    return model;
  }, () => [tf.tensor3d(Array.from({ length: 48 }, (_, i) => Math.sin(i * 0.6)), [6, 4, 2]), tf.tensor2d(Array.from({ length: 6 }, (_, i) => 0.5 * Math.cos(i * 1.3)), [6, 1])]],
];

describe.each(builders)('on the wasm backend: %s', (_name, build, samples) => {
  beforeAll(async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  const fitFullBatch = async (model: tf.LayersModel, epochs: number): Promise<number[]> => {
    const [x, y] = samples() as [tf.Tensor, tf.Tensor];
    const history = await model.fit(x, y, { epochs, batchSize: x.shape[0], shuffle: false, verbose: 0 });
    tf.dispose([x, y]);
    return history.history.loss as number[];
  };

  it.each(MODEL_OPTIMIZERS)('%s: fit lowers the loss, steps leak nothing, and save, load, fit on = uninterrupted fit', async (_label, make) => {
    await expectTrainsWithoutLeaks(build(make()), fitFullBatch, 20);
    await expectResumeEqualsStraight(() => build(make()), fitFullBatch, 3);
  });
});
