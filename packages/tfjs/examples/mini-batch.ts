// Mini-batch training with Signum and Lion, beside Rprop and Adam on the same mini-batches.
// A 4→32→1 tanh MLP fits y = sin(1.5·x1)·cos(x2) + 0.5·x3 + noise (σ 0.3, so the best possible MSE is
// 0.09) from 4096 samples: 4 epochs of batches of 32, the loss measured on 1024 held-out samples.
// Rprop's sign test compares successive gradients; on mini-batches their signs flip with the batch's
// noise, each flip halves the step size, and the steps fall to near the 1e-6 floor within the first
// epoch: Rprop stalls (a smaller start, lr 1e-3, ended no better: 0.205–0.245 on seeds 1–3). The same
// Rprop on the full batch does well. packages/tfjs/test/mini-batch.test.ts runs
// this (`npx vitest run packages/tfjs/test/mini-batch.test.ts`); import { compareOnMiniBatches } from
// this file, or run it (see the end).
import * as tf from '@tensorflow/tfjs';
import { lion, rprop, signum } from 'rprop-tfjs';

/** Held-out MSE after training, for each way of training, and what Rprop's step sizes came to on mini-batches. */
export interface MiniBatchResults {
  signum: number;
  lion: number;
  adam: number;
  rpropMiniBatch: number;
  rpropFullBatch: number;
  /** The largest of Rprop's per-weight step sizes after the mini-batch run: near 1e-6 means it stalled. */
  rpropLargestStepSize: number;
}

/** The noisy regression: `samples` rows of 4 inputs uniform in [−2, 2] and one noisy target, from `seed`. */
export function noisyRegression(samples: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  return tf.tidy(() => {
    const x = tf.randomUniform([samples, 4], -2, 2, 'float32', seed) as tf.Tensor2D;
    const [x1, x2, x3] = tf.split(x, [1, 1, 1, 1], 1) as tf.Tensor2D[]; // x4 is a distractor
    const clean = tf.add(tf.mul(tf.sin(tf.mul(x1!, 1.5)), tf.cos(x2!)), tf.mul(x3!, 0.5));
    const y = tf.add(clean, tf.randomNormal([samples, 1], 0, 0.3, 'float32', seed + 1)) as tf.Tensor2D;
    return { x, y };
  });
}

/** The same seeded MLP every time, so that each optimizer starts from the same weights. */
function mlp(seed: number): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.dense({ units: 32, inputShape: [4], activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed }) }),
      tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }),
    ],
  });
}

/**
 * Trains the MLP with each optimizer on the data from `seed` and returns the held-out MSEs.
 * Signum (lr 3e-3), Lion (lr 2e-3: Lion's paper advises 3–10× below AdamW's), `tf.train.adam(1e-2)`
 * and Rprop (PyTorch's defaults) train 4 epochs of batches of 32; Rprop also trains 100 full-batch epochs.
 */
export async function compareOnMiniBatches(seed = 1): Promise<MiniBatchResults> {
  const train = noisyRegression(4096, seed * 10 + 1);
  const test = noisyRegression(1024, seed * 10 + 5);
  const fitAndTest = async (optimizer: tf.Optimizer, epochs: number, batchSize: number) => {
    const model = mlp(seed);
    model.compile({ optimizer, loss: 'meanSquaredError' });
    // shuffle: false because TF.js shuffles with Math.random, which cannot be seeded; the samples are
    // drawn independently, so batches in order are already random ones.
    await model.fit(train.x, train.y, { epochs, batchSize, shuffle: false, verbose: 0 });
    const loss = model.evaluate(test.x, test.y) as tf.Scalar;
    const value = (await loss.data())[0]!;
    loss.dispose();
    // model.dispose(), not tf.dispose(model): that would walk into the optimizer, which is read after.
    model.dispose();
    return value;
  };
  const miniBatch = (optimizer: tf.Optimizer) => fitAndTest(optimizer, 4, 32);

  const optimizers = { signum: signum({ lr: 3e-3 }), lion: lion({ lr: 2e-3 }), adam: tf.train.adam(1e-2), rpropMiniBatch: rprop({}), rpropFullBatch: rprop({}) };
  const results: MiniBatchResults = {
    signum: await miniBatch(optimizers.signum),
    lion: await miniBatch(optimizers.lion),
    adam: await miniBatch(optimizers.adam),
    rpropMiniBatch: await miniBatch(optimizers.rpropMiniBatch),
    rpropFullBatch: await fitAndTest(optimizers.rpropFullBatch, 100, 4096),
    rpropLargestStepSize: await largestStepSize(optimizers.rpropMiniBatch),
  };
  for (const optimizer of Object.values(optimizers)) optimizer.dispose(); // a model does not dispose an optimizer it was given
  tf.dispose([train.x, train.y, test.x, test.y]);
  return results;
}

/** The largest value in an Rprop optimizer's `stepSize` slots. */
async function largestStepSize(optimizer: tf.Optimizer): Promise<number> {
  let largest = 0;
  for (const { name, tensor } of await optimizer.getWeights()) {
    // The optimizer's own slot variables (not copies): read, not disposed.
    if (name.endsWith('/stepSize')) largest = Math.max(largest, ...(await tensor.data()));
  }
  return largest;
}

// Run directly: print the held-out losses. Node 20 does not run .ts itself and there is no built copy of
// examples/, so compile it with tsc first, or use a TypeScript runner such as tsx (not installed by this repository).
if (import.meta.url === `file://${process.argv[1]}`) {
  await tf.setBackend('cpu');
  const r = await compareOnMiniBatches();
  console.log(`held-out MSE (noise floor 0.09), batches of 32, 4 epochs:
  Signum ${r.signum.toFixed(4)}   Lion ${r.lion.toFixed(4)}   Adam ${r.adam.toFixed(4)}   Rprop ${r.rpropMiniBatch.toFixed(4)}
  (Rprop's largest step size: ${r.rpropLargestStepSize.toExponential(1)}; Rprop full batch, 100 epochs: ${r.rpropFullBatch.toFixed(4)})`);
}
