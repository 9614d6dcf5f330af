import * as tf from '../tf.js';
import type { Dataset } from '../data/dataset.js';
import type { Activation } from './choices.js';
import { layerSeeds } from './layer-seeds.js';

/**
 * A fully connected network for `data`: the hidden layers given, then an output layer whose
 * activation fits the targets' range (sigmoid for [0, 1], tanh for [−1, 1], else linear). Weights are
 * seeded, so a run is reproducible; each layer by a seed of its own (`layerSeeds`).
 */
export function buildMlp(data: Dataset, hidden: number[], activation: Activation, seed: number): tf.Sequential {
  let min = Infinity;
  let max = -Infinity;
  for (const v of data.y) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const output = min >= 0 && max <= 1 ? 'sigmoid' : min >= -1 && max <= 1 ? 'tanh' : 'linear';
  const model = tf.sequential();
  const seeds = layerSeeds(seed, hidden.length + 1);
  [...hidden, data.outputs].forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: i === hidden.length ? output : activation,
        kernelInitializer: tf.initializers.glorotUniform({ seed: seeds[i]! }),
        ...(i === 0 ? { inputShape: [data.inputs] } : {}),
      }),
    );
  });
  return model;
}
