import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compareOnMiniBatches } from '../examples/mini-batch.js';
import { onCpuBackend } from './cpu-backend.js';

describe('examples/mini-batch.ts', () => {
  onCpuBackend();

  // Five optimizers, none owned by its model (model.dispose() leaves them), and data made in tf.tidy:
  // each must be disposed by the example itself.
  it('compareOnMiniBatches leaves no tensor behind', async () => {
    await tf.ready(); // backend set up before counting
    const before = tf.memory().numTensors;
    await compareOnMiniBatches(2);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
