import * as tf from '../tf.js';
import type { FullBatchEngine } from './full-batch.js';
import { evaluate } from './metrics.js';
import { mlpGradients, type DenseLayer, type LossAndGradients } from './mlp-gradients.js';
import { hasSetLoss } from './optimizer.js';

/**
 * Full-batch epochs in TF.js ops: the MSE and gradients by `mlpGradients`, stepped by the model's own
 * optimizer (`rprop-tfjs`'s, or TF.js's Adam and SGD). The weights live in the model all along.
 */
export function tfjsFullBatch(model: tf.LayersModel, optimizer: tf.Optimizer, layers: readonly DenseLayer[], x: tf.Tensor2D, xT: tf.Tensor2D, y: tf.Tensor2D): FullBatchEngine {
  let kept: LossAndGradients | null = null;
  return {
    lossAndGradient() {
      kept = mlpGradients(layers, x, xT, y);
      return kept.loss.dataSync()[0]!;
    },
    step(mse) {
      if (hasSetLoss(optimizer)) optimizer.setLoss(mse); // the + variants compare successive losses
      optimizer.applyGradients(kept!.grads);
    },
    release() {
      if (kept !== null) tf.dispose([kept.loss, kept.grads]);
      kept = null;
    },
    evaluate: () => evaluate(model, x, y),
    finish: async () => {},
  };
}
