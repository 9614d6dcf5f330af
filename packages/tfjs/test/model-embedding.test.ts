import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { MODEL_OPTIMIZERS, expectResumeEqualsStraight, tensorsLeftBySteps, expectTrainsWithoutLeaks } from './model-training.js';

// An embedding's gradient is zero on every row no token in the batch used: those rows must not move
// (Rprop: no step for a zero gradient; Signum and Lion move them only by momentum and weight decay).

const VOCABULARY = 10;
/** Tokens 8 and 9 never occur, so their rows get a zero gradient at every step. */
const SEQUENCES = [[1, 2, 3], [4, 5, 6], [1, 5, 7], [2, 4, 6], [3, 3, 1], [7, 6, 5]];
const TARGETS = [[1], [0], [1], [0], [1], [0]];

/** Embedding → Flatten → Dense sigmoid. Seeded. */
function embeddingModel(optimizer: tf.Optimizer): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.embedding({ inputDim: VOCABULARY, outputDim: 4, inputLength: 3, embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: 6 }) }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 7 }) }),
    ],
  });
  model.compile({ optimizer, loss: 'binaryCrossentropy' });
  return model;
}

async function fitFullBatch(model: tf.LayersModel, epochs: number): Promise<number[]> {
  const x = tf.tensor2d(SEQUENCES, undefined, 'int32');
  const y = tf.tensor2d(TARGETS);
  const history = await model.fit(x, y, { epochs, batchSize: SEQUENCES.length, shuffle: false, verbose: 0 });
  tf.dispose([x, y]);
  return history.history.loss as number[];
}

const unusedRows = (model: tf.LayersModel) => Array.from(model.getWeights()[0]!.slice([8, 0], [2, 4]).dataSync());

describe('an embedding layer', () => {
  onCpuBackend();

  it.each(MODEL_OPTIMIZERS.slice(0, 2))('%s: fit lowers the loss, rows of unused tokens stay put, and steps leak nothing', async (_label, make) => {
    const model = embeddingModel(make());
    const before = unusedRows(model);
    const losses = await fitFullBatch(model, 25);
    expect(losses[24]).toBeLessThan(losses[0]! * 0.8);
    expect(unusedRows(model)).toEqual(before);
    expect(await tensorsLeftBySteps(model, fitFullBatch)).toBe(0);
    model.optimizer.dispose();
    model.dispose();
  });

  it.each(MODEL_OPTIMIZERS.slice(2))('%s: fit lowers the loss, and steps leak nothing', async (_label, make) => {
    await expectTrainsWithoutLeaks(embeddingModel(make()), fitFullBatch, 25, 0.8);
  });

  it.each(MODEL_OPTIMIZERS)('%s: save with the optimizer, load, fit on = uninterrupted fit, bit for bit', async (_label, make) => {
    await expectResumeEqualsStraight(() => embeddingModel(make()), fitFullBatch, 4);
  });
});
