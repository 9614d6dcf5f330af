import * as tf from '../src/tf.js';
import { describe, expect, it } from 'vitest';
import { BUILTIN } from '../src/data/builtin.js';
import { miniBatchEpoch } from '../src/train/mini-batch-epoch.js';
import { buildMlp } from '../src/train/mlp.js';
import { mlpLayers } from '../src/train/mlp-gradients.js';
import { makeOptimizer } from '../src/train/optimizer.js';
import { shuffledBatches } from '../src/train/shuffled-batches.js';
import { train } from '../src/train/train.js';

// --seed seeds both the initial weights and every epoch's shuffle. Comparing runs of two seeds cannot
// tell whether the shuffle took it (the weights differ anyway): this rebuilds the run from its parts,
// each given the seed, and asks for the very same weights.
describe('a mini-batch run is the one its --seed makes', () => {
  it.each([5, 6])('--seed %i: initial weights and shuffles from that seed', async (seed) => {
    await tf.setBackend('cpu');
    const data = BUILTIN['two-spirals']!();
    const result = await train(data, { hidden: [4], activation: 'tanh', optimizer: 'signum', variant: 'irprop-', epochs: 2, seed, batchSize: 32, quiet: true });

    const model = buildMlp(data, [4], 'tanh', seed);
    const optimizer = makeOptimizer('signum', 'irprop-', undefined);
    model.compile({ optimizer, loss: 'meanSquaredError' });
    const next = shuffledBatches(data.count, 32, seed);
    for (let epoch = 0; epoch < 2; epoch++) await miniBatchEpoch(mlpLayers(model), optimizer, data, next(), { onStep: () => {}, breathe: () => {} });

    const weights = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));
    expect(weights(result.model)).toEqual(weights(model));
    for (const m of [result.model, model]) {
      m.optimizer.dispose();
      m.dispose();
    }
  });
});
