import * as tf from '../src/tf.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { evaluate, meanSquaredError } from '../src/train/metrics.js';
import { buildMlp } from '../src/train/mlp.js';
import { randomDataset } from './random-dataset.js';

// The whole set in one forward pass: `predict`'s default batches of 32 slice the inputs, and on the
// wasm backend each slice read the whole tensor back (evaluating 200 000 samples: 6 s, against 0.02 s
// in one batch). No timing here: the test asks for the one batch, and for the same figures.
beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('evaluate and meanSquaredError predict every sample in one batch', () => {
  it.each([1, 33, 1000])('%i samples', (count) => {
    const data = randomDataset(count, 3, 2, [0, 1], 7);
    const model = buildMlp(data, [5], 'tanh', 1);
    const x = tf.tensor2d(data.x, [count, 3]);
    const y = tf.tensor2d(data.y, [count, 2]);
    const predict = vi.spyOn(model, 'predict');
    const { mse, bitFail } = evaluate(model, x, y);
    const only = meanSquaredError(model, x, y);
    expect(predict.mock.calls.map((call) => (call[1] as { batchSize?: number } | undefined)?.batchSize)).toEqual([count, count]);
    predict.mockRestore();
    // The figures, from the model's layers applied by hand.
    const out = tf.tidy(() => model.layers.reduce((h: tf.Tensor, layer) => layer.apply(h) as tf.Tensor, x));
    const error = Array.from(tf.sub(out, y).dataSync());
    expect(mse).toBeCloseTo(error.reduce((a, e) => a + e * e, 0) / error.length, 6);
    expect(only).toBe(mse);
    expect(bitFail).toBe(error.filter((e) => !(Math.abs(e) < 0.5)).length);
    tf.dispose([x, y, out]);
    model.dispose();
  });
});
