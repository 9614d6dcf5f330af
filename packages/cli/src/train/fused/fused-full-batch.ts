import * as tf from '../../tf.js';
import { Rprop, type Variant } from 'rprop';
import type { RpropOptimizer } from 'rprop-tfjs';
import type { Dataset } from '../../data/dataset.js';
import type { FullBatchEngine } from '../full-batch.js';
import type { DenseLayer } from '../mlp-gradients.js';
import { FusedMlp, type FusedActivation } from './fused-mlp.js';
import { rpropStateDict } from './rprop-state-dict.js';
import { rpropSlotWeights, type NamedTensor } from './rprop-slot-weights.js';

/**
 * Full-batch epochs as one WebAssembly SIMD call each (`FusedMlp`: forward pass, MSE and gradient of
 * every weight), stepped by the core's `Rprop` on the weights in the kernel's memory: `--engine fused`.
 * On small sets TF.js spends an epoch dispatching ops (a diabetes epoch: ≈0.6 ms on its wasm backend
 * against ≈0.07 ms here). The model's weights are copied in at the start and back at the end, with
 * the optimizer's state put into `optimizer` (the model's `RpropOptimizer`, same options), so what
 * `--save` writes is the model and optimizer the TF.js engine would have left. Its numbers differ
 * from that engine's by rounding (another summation order, another exp); Rprop reads only the
 * gradients' signs, so the two take the same steps until a near-zero gradient's sign differs.
 * `saved`: the optimizer's weights (`getWeights()`) when it goes on from a saved state (`--resume`):
 * the core's Rprop is loaded with them, and counts its steps on from theirs.
 */
export function fusedFullBatch(layers: readonly DenseLayer[], optimizer: RpropOptimizer, data: Dataset, o: { variant: Variant; lr: number }, saved?: readonly NamedTensor[]): FullBatchEngine {
  const shapes = layers.map((l) => ({ inputs: l.kernel.shape[0]!, units: l.kernel.shape[1]!, activation: l.activation as FusedActivation }));
  const net = FusedMlp.create(shapes, data);
  const variables = layers.flatMap((l) => [l.kernel, l.bias]);
  variables.forEach((v, i) => net.weights[i]!.set(v.dataSync()));
  const rprop = new Rprop(
    net.weights.map((w, i) => ({ data: w, grad: net.grads[i]! })),
    { lr: o.lr, variant: o.variant },
  );
  const state = saved === undefined ? null : rpropStateDict(saved, rprop, variables.length);
  if (state !== null) rprop.loadStateDict(state.stateDict);
  // The iteration count --save writes counts every step since the first run's first.
  let steps = state?.iterations ?? 0;
  return {
    lossAndGradient: () => {
      // The kernel's float64 sum stays finite past float32's range, where the TF.js engine's float32
      // MSE is already Infinity and training stops as diverged: past that range, so does this engine.
      const mse = net.lossAndGradients();
      return Math.fround(mse) === Infinity ? Infinity : mse; // (a NaN stays NaN, as the run reports it)
    },
    step(mse) {
      // Rounded to float32 as RpropOptimizer.setLoss takes a loss (and saves it): the + variants then
      // compare losses, and save the last one, as the TF.js engine's optimizer does.
      rprop.step(() => Math.fround(mse));
      steps++;
    },
    release() {},
    evaluate: () => net.evaluate(),
    async finish() {
      try {
        variables.forEach((v, i) => tf.tidy(() => v.assign(tf.tensor(net.weights[i]!, v.shape, 'float32'))));
        const weights = rpropSlotWeights(rprop, variables, steps);
        if (weights !== null) {
          try {
            await optimizer.setWeights(weights);
          } finally {
            tf.dispose(weights.map((w) => w.tensor)); // setWeights copies them
          }
        }
      } finally {
        rprop.dispose();
        net.dispose();
      }
    },
  };
}
