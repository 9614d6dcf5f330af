import * as tf from '../src/tf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../src/train/metrics.js';

describe('evaluate', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('counts as a bit fail every output not within 0.5 of its target: |error| ≥ 0.5, and NaN', () => {
    const predictions = tf.tensor2d([[0.5, 0.25], [Number.NaN, -1], [0.4999, -0.5]]);
    const model = { predict: () => predictions } as unknown as tf.LayersModel;
    const x = tf.zeros([3, 1]) as tf.Tensor2D;
    const y = tf.zeros([3, 2]) as tf.Tensor2D;
    expect(evaluate(model, x, y).bitFail).toBe(4); // 0.5, NaN, −1, −0.5
    tf.dispose([predictions, x, y]);
  });
});
