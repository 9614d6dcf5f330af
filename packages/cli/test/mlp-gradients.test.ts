import * as tf from '../src/tf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Activation } from '../src/train/choices.js';
import { buildMlp } from '../src/train/mlp.js';
import { mlpGradients, mlpLayers } from '../src/train/mlp-gradients.js';
import { randomDataset } from './random-dataset.js';

beforeAll(async () => {
  tf.enableProdMode();
  await tf.setBackend('cpu');
});


/** The same loss differentiated by TF.js: the MSE of `model.predict`. */
function autodiff(model: tf.Sequential, x: tf.Tensor2D, y: tf.Tensor2D): { loss: number; grads: Record<string, Float32Array> } {
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { value, grads } = tf.variableGrads(() => tf.mean(tf.square(tf.sub(model.predict(x) as tf.Tensor, y))) as tf.Scalar, variables);
  const out = { loss: value.dataSync()[0]!, grads: Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, g.dataSync() as Float32Array])) };
  tf.dispose([value, grads]);
  return out;
}

describe('mlpGradients (the loss and gradients `rprop train` steps with)', () => {
  const cases: Array<{ hidden: number[]; activation: Activation; range: [number, number] }> = [
    { hidden: [5], activation: 'tanh', range: [0, 1] }, // sigmoid output
    { hidden: [6, 4], activation: 'sigmoid', range: [-1, 1] }, // tanh output
    { hidden: [7], activation: 'relu', range: [-3, 4] }, // linear output
  ];
  it.each(cases)('equal TF.js autodiff up to float32 rounding: hidden $hidden, $activation', ({ hidden, activation, range }) => {
    const data = randomDataset(40, 3, 2, range, 12345);
    const model = buildMlp(data, hidden, activation, 3);
    const x = tf.tensor2d(data.x, [data.count, data.inputs]);
    const y = tf.tensor2d(data.y, [data.count, data.outputs]);
    const xT = tf.transpose(x) as tf.Tensor2D;
    const expected = autodiff(model, x, y);
    const before = tf.memory().numTensors;
    const { loss, grads } = mlpGradients(mlpLayers(model), x, xT, y);
    expect(tf.memory().numTensors - before).toBe(1 + Object.keys(grads).length); // only what it returns
    expect(Object.keys(grads).sort()).toEqual(Object.keys(expected.grads).sort());
    expect(loss.dataSync()[0]).toBeCloseTo(expected.loss, 6);
    for (const [name, g] of Object.entries(grads)) {
      const want = expected.grads[name]!;
      const got = g.dataSync();
      const scale = Math.max(...want.map(Math.abs));
      expect(scale).toBeGreaterThan(0);
      for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!)).toBeLessThanOrEqual(1e-5 * scale);
    }
    tf.dispose([x, y, xT, loss, grads]);
    model.dispose();
  });
});
