import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { MODEL_OPTIMIZERS, expectResumeEqualsStraight, expectTrainsWithoutLeaks } from './model-training.js';

// A functional model with two inputs and two outputs: fit minimizes one total loss, the sum of the
// two outputs' losses, over every trainable weight of both branches and the shared trunk. TF.js 4.22
// ignores compile's lossWeights (and refuses to save a custom loss function), so weighted losses
// take a training loop of one's own: minimize on the weighted sum, compile only to save the optimizer.

const LOSSES = ['meanSquaredError', 'categoricalCrossentropy'];

/** Two inputs merged into a trunk, then a regression head and a classification head, compiled. Seeded. */
function twoInTwoOut(optimizer: tf.Optimizer, lossWeights?: number[]): tf.LayersModel {
  const seeded = (seed: number) => tf.initializers.glorotUniform({ seed });
  const a = tf.input({ shape: [3], name: 'a' });
  const b = tf.input({ shape: [2], name: 'b' });
  const merged = tf.layers.concatenate().apply([a, b]) as tf.SymbolicTensor;
  const trunk = tf.layers.dense({ units: 6, activation: 'tanh', kernelInitializer: seeded(1) }).apply(merged) as tf.SymbolicTensor;
  const value = tf.layers.dense({ units: 1, name: 'value', kernelInitializer: seeded(2) }).apply(trunk) as tf.SymbolicTensor;
  const label = tf.layers.dense({ units: 3, activation: 'softmax', name: 'label', kernelInitializer: seeded(3) }).apply(trunk) as tf.SymbolicTensor;
  const model = tf.model({ inputs: [a, b], outputs: [value, label] });
  // lossWeights is not in TF.js's ModelCompileArgs type, though a Keras user would pass it.
  model.compile({ optimizer, loss: LOSSES, ...(lossWeights && { lossWeights }) } as tf.ModelCompileArgs);
  return model;
}

/** 12 fixed samples: inputs a, b; targets value (a sum) and label (one-hot of a sign pattern). */
function samples(): { xs: tf.Tensor[]; ys: tf.Tensor[] } {
  const a = Array.from({ length: 12 }, (_, i) => [Math.sin(i), Math.cos(i * 1.3), Math.sin(i * 0.7)]);
  const b = Array.from({ length: 12 }, (_, i) => [Math.cos(i * 2.1), Math.sin(i * 0.4)]);
  const value = a.map((r, i) => [r[0]! - r[2]! + b[i]![1]!]);
  const label = a.map((r) => [0, 1, 2].map((k) => (k === (r[0]! > 0 ? 0 : r[1]! > 0 ? 1 : 2) ? 1 : 0)));
  return { xs: [tf.tensor2d(a), tf.tensor2d(b)], ys: [tf.tensor2d(value), tf.tensor2d(label)] };
}

async function fitFullBatch(model: tf.LayersModel, epochs: number): Promise<number[]> {
  return (await fitHistory(model, epochs)).loss as number[];
}

async function fitHistory(model: tf.LayersModel, epochs: number): Promise<tf.History['history']> {
  const { xs, ys } = samples();
  const history = await model.fit(xs, ys, { epochs, batchSize: 12, shuffle: false, verbose: 0 });
  tf.dispose([...xs, ...ys]);
  return history.history;
}

/** `steps` minimize steps on 0.5 × the value head's loss + 2 × the label head's, as lossWeights [0.5, 2] would weigh them. */
async function minimizeWeighted(model: tf.LayersModel, steps: number): Promise<number[]> {
  const { xs, ys } = samples();
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const weighted = () =>
    tf.tidy(() => {
      const [value, label] = model.apply(xs, { training: true }) as tf.Tensor[];
      return tf.add(tf.mul(0.5, tf.losses.meanSquaredError(ys[0]!, value!)), tf.mul(2, tf.losses.softmaxCrossEntropy(ys[1]!, tf.log(label!)))) as tf.Scalar;
    });
  const losses: number[] = [];
  for (let t = 0; t < steps; t++) {
    const cost = model.optimizer.minimize(weighted, true, variables)!;
    losses.push(cost.dataSync()[0]!);
    cost.dispose();
  }
  tf.dispose([...xs, ...ys]);
  return losses;
}

describe('a functional model with two inputs and two outputs (two losses, loss weights)', () => {
  onCpuBackend();

  it("TF.js 4.22 ignores compile's lossWeights: fit's loss is the plain sum of the outputs' losses", async () => {
    const model = twoInTwoOut(tf.train.sgd(0), [0.5, 2]);
    const history = await fitHistory(model, 1);
    const [total, value, label] = [history.loss, history.value_loss, history.label_loss].map((l) => (l as number[])[0]!) as [number, number, number];
    expect(value * 0.5 + label * 2).not.toBeCloseTo(total, 3);
    expect(value + label).toBeCloseTo(total, 5);
    model.dispose();
  });

  it.each(MODEL_OPTIMIZERS)('%s: minimize on the weighted losses lowers them, steps leak nothing, and save, load, minimize on = uninterrupted', async (_label, make) => {
    await expectTrainsWithoutLeaks(twoInTwoOut(make()), minimizeWeighted, 30, 0.8);
    await expectResumeEqualsStraight(() => twoInTwoOut(make()), minimizeWeighted, 4);
  });

  it.each(MODEL_OPTIMIZERS)('%s: fit lowers the weighted total loss, and steps leak nothing', async (_label, make) => {
    await expectTrainsWithoutLeaks(twoInTwoOut(make()), fitFullBatch, 30, 0.8);
  });

  it.each(MODEL_OPTIMIZERS)('%s: save with the optimizer, load, fit on = uninterrupted fit, bit for bit', async (_label, make) => {
    await expectResumeEqualsStraight(() => twoInTwoOut(make()), fitFullBatch, 4);
  });
});
