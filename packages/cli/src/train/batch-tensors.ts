import * as tf from '../tf.js';
import type { Dataset } from '../data/dataset.js';

/** A mini-batch as `mlpGradients` takes it: the inputs of some rows, the same transposed, and their targets. */
export interface BatchTensors {
  readonly x: tf.Tensor2D;
  readonly xT: tf.Tensor2D;
  readonly y: tf.Tensor2D;
}

/**
 * The rows `rows` of `data` (indices, in that order) as tensors. Gathered here from the set's arrays,
 * not by tf ops on the whole set's tensors: the transposed inputs are laid out directly, with no
 * transpose op per step (full batch transposes once per run, a batch changes every step).
 */
export function batchTensors(data: Dataset, rows: Uint32Array): BatchTensors {
  const n = rows.length;
  const { inputs, outputs } = data;
  const x = new Float32Array(n * inputs);
  const xT = new Float32Array(inputs * n);
  const y = new Float32Array(n * outputs);
  rows.forEach((row, r) => {
    for (let j = 0; j < inputs; j++) {
      const v = data.x[row * inputs + j]!;
      x[r * inputs + j] = v;
      xT[j * n + r] = v;
    }
    y.set(data.y.subarray(row * outputs, (row + 1) * outputs), r * outputs);
  });
  return { x: tf.tensor2d(x, [n, inputs]), xT: tf.tensor2d(xT, [inputs, n]), y: tf.tensor2d(y, [n, outputs]) };
}
