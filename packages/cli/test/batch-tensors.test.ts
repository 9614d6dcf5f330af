import * as tf from '../src/tf.js';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../src/data/dataset.js';
import { batchTensors } from '../src/train/batch-tensors.js';

describe('batchTensors: the rows asked for, as mlpGradients takes them', () => {
  it('gathers the rows in the order given, the inputs transposed too, with their targets', async () => {
    await tf.setBackend('cpu');
    // Three inputs and two outputs per row, every value telling its row and column apart.
    const count = 5;
    const data: Dataset = {
      source: 'made-up',
      count,
      inputs: 3,
      outputs: 2,
      x: Float32Array.from({ length: count * 3 }, (_, k) => 10 * Math.floor(k / 3) + (k % 3)),
      y: Float32Array.from({ length: count * 2 }, (_, k) => -(10 * Math.floor(k / 2) + (k % 2)) - 1),
    };
    const rows = Uint32Array.of(4, 0, 2);
    const before = tf.memory().numTensors;
    const batch = batchTensors(data, rows);
    tf.tidy(() => {
      const index = tf.tensor1d([...rows], 'int32');
      expect(batch.x.arraySync()).toEqual(tf.gather(tf.tensor2d(data.x, [count, 3]), index).arraySync());
      expect(batch.y.arraySync()).toEqual(tf.gather(tf.tensor2d(data.y, [count, 2]), index).arraySync());
      expect(batch.xT.arraySync()).toEqual(tf.transpose(batch.x).arraySync());
    });
    tf.dispose([batch.x, batch.xT, batch.y]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
