import * as tf from '../tf.js';
import type { Dataset } from '../data/dataset.js';
import { batchTensors } from './batch-tensors.js';
import { mlpGradients, type DenseLayer } from './mlp-gradients.js';
import { hasSetLoss } from './optimizer.js';

/** What `miniBatchEpoch` calls around each step. */
export interface MiniBatchHooks {
  /** Called after each step taken (the caller counts them: a refused gradient throws mid-epoch). */
  onStep(): void;
  /** Awaited before each step: lets the event loop run now and then, for a signal's handler. */
  breathe(): Promise<void> | void;
}

/**
 * One epoch of mini-batch training: for each batch in turn, its MSE and gradient at the current
 * weights, and one optimizer step with them. Returns null, or (as a string) a batch's MSE that was not
 * finite — the run diverged there, and no step was taken from it. A gradient the optimizer refuses
 * throws, as `applyGradients` does.
 *
 * Rprop's + variants get the batch's MSE as the loss of the point the step starts from, as
 * `Rprop.step(closure)` would from a closure returning the batch loss (torch's Rprop has no + variant
 * and never reads the loss): they compare it with the previous step's,
 * another batch's loss at other weights, so their "the loss went up" test sees batch noise too.
 */
export async function miniBatchEpoch(layers: readonly DenseLayer[], optimizer: tf.Optimizer, data: Dataset, batches: readonly Uint32Array[], hooks: MiniBatchHooks): Promise<string | null> {
  for (const rows of batches) {
    await hooks.breathe();
    const batch = batchTensors(data, rows);
    try {
      // Inside the try: should the forward/backward pass throw, the batch's tensors are still freed.
      const { loss, grads } = mlpGradients(layers, batch.x, batch.xT, batch.y);
      try {
        const mse = loss.dataSync()[0]!;
        if (!Number.isFinite(mse)) return String(mse);
        if (hasSetLoss(optimizer)) optimizer.setLoss(mse);
        optimizer.applyGradients(grads);
      } finally {
        tf.dispose([loss, grads]);
      }
    } finally {
      tf.dispose([batch.x, batch.xT, batch.y]);
    }
    hooks.onStep();
  }
  return null;
}
