import * as tf from '../src/tf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../src/train/backend.js';
import { buildMlp } from '../src/train/mlp.js';
import { mlpGradients, mlpLayers } from '../src/train/mlp-gradients.js';

// On the wasm backend `mlpGradients` computes tanh as 2·σ(2z) − 1 (TF.js's wasm Tanh is a slow scalar
// loop): the loss and gradients must still be TF.js autodiff's, whose model.predict uses tf.tanh.
beforeAll(async () => {
  await useBackend('wasm');
});

describe('mlpGradients on the wasm backend (tanh through sigmoid)', () => {
  it.each([
    { hidden: [16], range: [0, 1] as [number, number] }, // tanh hidden, sigmoid output
    { hidden: [6, 4], range: [-1, 1] as [number, number] }, // tanh output too
  ])('equal TF.js autodiff of model.predict up to float32 rounding: hidden $hidden, targets in $range', ({ hidden, range }) => {
    expect(tf.getBackend()).toBe('wasm');
    let s = 4242;
    const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
    const count = 200;
    // Inputs up to ±3 drive the hidden units into tanh's flat tails as well as its middle.
    const data = {
      source: 'test', count, inputs: 5, outputs: 2,
      x: Float32Array.from({ length: count * 5 }, () => next() * 6 - 3),
      y: Float32Array.from({ length: count * 2 }, () => range[0] + (range[1] - range[0]) * next()),
    };
    const model = buildMlp(data, hidden, 'tanh', 7);
    const x = tf.tensor2d(data.x, [count, 5]);
    const y = tf.tensor2d(data.y, [count, 2]);
    const xT = tf.transpose(x) as tf.Tensor2D;
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const expected = tf.variableGrads(() => tf.mean(tf.square(tf.sub(model.predict(x) as tf.Tensor, y))) as tf.Scalar, variables);
    const { loss, grads } = mlpGradients(mlpLayers(model), x, xT, y);
    expect(loss.dataSync()[0]).toBeCloseTo(expected.value.dataSync()[0]!, 6);
    expect(Object.keys(grads).sort()).toEqual(Object.keys(expected.grads).sort());
    for (const [name, g] of Object.entries(grads)) {
      const want = expected.grads[name]!.dataSync();
      const got = g.dataSync();
      const scale = Math.max(...Array.from(want, Math.abs));
      expect(scale).toBeGreaterThan(0);
      for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!), `${name}[${i}]`).toBeLessThanOrEqual(1e-5 * scale);
    }
    tf.dispose([x, y, xT, loss, grads, expected.value, expected.grads]);
    model.dispose();
  });
});
