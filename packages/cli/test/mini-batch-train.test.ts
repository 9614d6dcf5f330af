import * as tf from '../src/tf.js';
import { describe, expect, it } from 'vitest';
import { BUILTIN } from '../src/data/builtin.js';
import { train, type TrainOptions } from '../src/train/train.js';

const options: TrainOptions = { hidden: [4], activation: 'tanh', optimizer: 'lion', variant: 'irprop-', epochs: 3, seed: 3, batchSize: 32, quiet: true };
const spirals = BUILTIN['two-spirals']!();

/** Trains, and lets go of the model and its optimizer's state. */
async function run(o: Partial<TrainOptions>) {
  const result = await train(spirals, { ...options, ...o });
  const iterations = result.model.optimizer.iterations;
  result.model.optimizer.dispose();
  result.model.dispose();
  return { ...result, iterations };
}

describe('train() with mini-batches', () => {
  it('takes ⌈count / batchSize⌉ steps per epoch (the optimizer\'s own count), with every Rprop variant and every optimizer', async () => {
    await tf.setBackend('cpu');
    expect(spirals.count % 32).not.toBe(0); // (so the last batch is a smaller one)
    const perEpoch = Math.ceil(spirals.count / 32);
    // The + variants take each batch's loss: without it their step throws.
    for (const variant of ['rprop-', 'irprop-', 'rprop+', 'irprop+'] as const) {
      const r = await run({ optimizer: 'rprop', variant });
      expect(r, variant).toMatchObject({ epochs: 3, steps: 3 * perEpoch, iterations: 3 * perEpoch, batchSize: 32, diverged: null });
    }
    for (const optimizer of ['adam', 'sgd', 'signum', 'lion'] as const) {
      const r = await run({ optimizer });
      expect(r, optimizer).toMatchObject({ epochs: 3, steps: 3 * perEpoch, iterations: 3 * perEpoch });
    }
  });

  it('full batch when no size is given, or one at least the set\'s: one step per epoch, the size reported as the set\'s', async () => {
    await tf.setBackend('cpu');
    for (const batchSize of [undefined, spirals.count, spirals.count + 1]) {
      expect(await run({ batchSize }), String(batchSize)).toMatchObject({ epochs: 3, steps: 3, iterations: 3, batchSize: spirals.count });
    }
  });

  it('records the whole set\'s MSE once per epoch: the curve ends at the MSE reported', async () => {
    await tf.setBackend('cpu');
    const r = await run({ epochs: 4 });
    expect(r.curve).toHaveLength(5);
    expect(r.curve.at(-1)).toBeCloseTo(r.trainMse, 6);
    expect(new Set(r.curve).size).toBe(5); // (it moved every epoch)
  });

  it('a batch that diverges mid-epoch: the curve still has that epoch\'s starting MSE, the last finite point (the plot ends there)', async () => {
    await tf.setBackend('cpu');
    const r = await run({ optimizer: 'signum', lr: 1e38, batchSize: 10, epochs: 20 });
    expect(r.diverged).toMatchObject({ what: 'batch MSE', epoch: r.epochs });
    expect(r.curve).toHaveLength(r.epochs + 1);
    expect(r.curve.every(Number.isFinite)).toBe(true);
  });

  it('stops at a --target-mse met at an epoch\'s start, before its steps', async () => {
    await tf.setBackend('cpu');
    const r = await run({ targetMse: 1 });
    expect(r).toMatchObject({ epochs: 0, steps: 0, iterations: 0, reachedTarget: true });
    expect(r.curve).toHaveLength(1);
  });

  it('leaks no tensors: what is left after training does not grow with the epochs', async () => {
    await tf.setBackend('cpu');
    const left = async (epochs: number) => {
      const before = tf.memory().numTensors;
      const result = await train(spirals, { ...options, epochs });
      const after = tf.memory().numTensors - before;
      result.model.optimizer.dispose();
      result.model.dispose();
      return after;
    };
    await left(1); // (TF.js's own first-use tensors)
    expect(await left(5)).toBe(await left(1));
  });
});
