import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { MODEL_OPTIMIZERS, expectResumeEqualsStraight, firstSlotOf, slotOwnerNames, tensorsLeftBySteps, variableNames } from './model-training.js';

// One Dense layer applied to two inputs (a siamese pair): its kernel is used twice in the graph, so
// its gradient is the sum of both uses, and it is one variable: one set of slots, one step.

/** A shared encoder on inputs a and b, both encodings concatenated, then a Dense head. Seeded. */
function siamese(optimizer: tf.Optimizer): tf.LayersModel {
  const encoder = tf.layers.dense({ units: 4, activation: 'tanh', name: 'encoder', kernelInitializer: tf.initializers.glorotUniform({ seed: 10 }) });
  const a = tf.input({ shape: [3] });
  const b = tf.input({ shape: [3] });
  const pair = tf.layers.concatenate().apply([encoder.apply(a) as tf.SymbolicTensor, encoder.apply(b) as tf.SymbolicTensor]) as tf.SymbolicTensor;
  const head = tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 11 }) }).apply(pair) as tf.SymbolicTensor;
  const model = tf.model({ inputs: [a, b], outputs: head });
  model.compile({ optimizer, loss: 'meanSquaredError' });
  return model;
}

async function fitFullBatch(model: tf.LayersModel, epochs: number): Promise<number[]> {
  const a = tf.tensor2d(Array.from({ length: 24 }, (_, i) => Math.sin(i * 0.9)), [8, 3]);
  const b = tf.tensor2d(Array.from({ length: 24 }, (_, i) => Math.cos(i * 1.4)), [8, 3]);
  const y = tf.tensor2d(Array.from({ length: 8 }, (_, i) => Math.sin(i * 2)), [8, 1]);
  const history = await model.fit([a, b], y, { epochs, batchSize: 8, shuffle: false, verbose: 0 });
  tf.dispose([a, b, y]);
  return history.history.loss as number[];
}

describe('a layer shared between two branches', () => {
  onCpuBackend();

  it.each(MODEL_OPTIMIZERS)('%s: one set of slots per variable, fit lowers the loss, steps leak nothing', async (_label, make) => {
    const model = siamese(make());
    const losses = await fitFullBatch(model, 25);
    expect(losses[24]).toBeLessThan(losses[0]! * 0.8);
    const owners = await slotOwnerNames(model.optimizer, firstSlotOf(model.optimizer));
    expect(owners).toEqual(variableNames(model.trainableWeights));
    expect(owners.filter((name) => name.startsWith('encoder/'))).toHaveLength(2); // its kernel and bias, once each
    expect(await tensorsLeftBySteps(model, fitFullBatch)).toBe(0);
    model.optimizer.dispose();
    model.dispose();
  });

  it.each(MODEL_OPTIMIZERS)('%s: save with the optimizer, load, fit on = uninterrupted fit, bit for bit', async (_label, make) => {
    await expectResumeEqualsStraight(() => siamese(make()), fitFullBatch, 4);
  });
});
