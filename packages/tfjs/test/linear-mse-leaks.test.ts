import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { fitLinear } from '../examples/linear-mse.js';
import { onCpuBackend } from './cpu-backend.js';

describe('examples/linear-mse.ts', () => {
  onCpuBackend();

  it('fitLinear with initial weights leaves no tensor behind (it disposes what it passes to setWeights)', () => {
    const x = tf.tensor2d([1, 2, 3, -1, 0, 2], [2, 3]);
    const y = tf.tensor2d([1, 0, -1, 2], [2, 2]);
    fitLinear(x, y, 1); // first use: whatever TF.js keeps for the process is made here
    const before = tf.memory().numTensors;
    fitLinear(x, y, 3, { kernel: [[1, 0], [0, 1], [1, 1]], bias: [0.5, -0.5] });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
  });
});
