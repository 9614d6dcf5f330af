// The seed's example in TypeScript: PyTorch's
//   torch.optim.Rprop(model.parameters(), lr=0.01, etas=(0.5, 1.2), step_sizes=(1e-6, 50))
// fitting nn.Linear(3, 2) with MSELoss, written with TensorFlow.js and rprop-tfjs.
// packages/tfjs/test/linear-mse.test.ts runs it from the PyTorch trace's weights (`npx vitest run
// packages/tfjs/test/linear-mse.test.ts`); import { fitLinear } from this file, or run it (see the end).
import * as tf from '@tensorflow/tfjs';
import { RpropOptimizer } from 'rprop-tfjs';

/** Fits y ≈ x·W + b (a dense 3→2 layer) full batch, returning the loss before each step. */
export function fitLinear(x: tf.Tensor2D, y: tf.Tensor2D, steps: number, init?: { kernel: number[][]; bias: number[] }): number[] {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
  if (init) {
    const initial = [tf.tensor2d(init.kernel), tf.tensor1d(init.bias)];
    model.setWeights(initial); // copies the values in: the tensors passed are still ours to dispose
    tf.dispose(initial);
  }
  const optimizer = new RpropOptimizer({ lr: 0.01, etas: [0.5, 1.2], stepSizes: [1e-6, 50] });
  const losses: number[] = [];
  for (let t = 0; t < steps; t++) {
    const loss = optimizer.minimize(() => tf.losses.meanSquaredError(y, model.predict(x) as tf.Tensor2D) as tf.Scalar, true)!;
    losses.push(loss.dataSync()[0]!);
    loss.dispose();
  }
  optimizer.dispose();
  model.dispose();
  return losses;
}

// Run directly: print the loss falling on random data. Node 20 does not run .ts itself and there is no built copy of
// examples/, so compile it with tsc first, or use a TypeScript runner such as tsx (not installed by this repository).
if (import.meta.url === `file://${process.argv[1]}`) {
  await tf.setBackend('cpu');
  const x = tf.randomNormal([10, 3], 0, 1, 'float32', 1) as tf.Tensor2D;
  const y = tf.randomNormal([10, 2], 0, 1, 'float32', 2) as tf.Tensor2D;
  const losses = fitLinear(x, y, 200);
  for (const t of [0, 10, 50, 100, 199]) console.log(`step ${t}: loss ${losses[t]!.toFixed(6)}`);
}
