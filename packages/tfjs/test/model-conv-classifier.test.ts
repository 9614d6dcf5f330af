import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { MODEL_OPTIMIZERS, expectResumeEqualsStraight, expectTrainsWithoutLeaks } from './model-training.js';

// Conv2D kernels are 4-d and pooling's gradient is sparse (zero but at each window's maximum):
// the fused path reads a variable and its gradient as flat arrays, which must line up whatever the rank.

/** Conv2D → MaxPool → Flatten → Dense softmax on 6×6 one-channel images, 2 classes. Seeded. */
function convClassifier(optimizer: tf.Optimizer): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 3, kernelSize: 3, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }) }),
    ],
  });
  model.compile({ optimizer, loss: 'categoricalCrossentropy' });
  return model;
}

/** 8 tiny images: class 0 has a vertical bar, class 1 a horizontal one, at varying places. */
function images(): { x: tf.Tensor4D; y: tf.Tensor2D } {
  const pixels = Array.from({ length: 8 }, (_, n) => {
    const horizontal = n % 2 === 1;
    const at = 1 + (n % 4);
    return Array.from({ length: 36 }, (_, p) => ((horizontal ? Math.floor(p / 6) : p % 6) === at ? 1 : 0.1 * Math.sin(p + n)));
  });
  const x = tf.tensor4d(pixels.flat(), [8, 6, 6, 1]);
  const y = tf.tensor2d(pixels.map((_, n) => (n % 2 === 0 ? [1, 0] : [0, 1])));
  return { x, y };
}

async function fitFullBatch(model: tf.LayersModel, epochs: number): Promise<number[]> {
  const { x, y } = images();
  const history = await model.fit(x, y, { epochs, batchSize: 8, shuffle: false, verbose: 0 });
  tf.dispose([x, y]);
  return history.history.loss as number[];
}

describe('a Conv2D + MaxPool + Flatten + Dense classifier on tiny images', () => {
  onCpuBackend();

  it.each(MODEL_OPTIMIZERS)('%s: fit lowers the loss, and steps leak nothing', async (_label, make) => {
    await expectTrainsWithoutLeaks(convClassifier(make()), fitFullBatch, 25, 0.8);
  });

  it.each(MODEL_OPTIMIZERS)('%s: save with the optimizer, load, fit on = uninterrupted fit, bit for bit', async (_label, make) => {
    await expectResumeEqualsStraight(() => convClassifier(make()), fitFullBatch, 4);
  });
});
