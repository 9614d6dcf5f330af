import * as tf from '../src/tf.js';
import { describe, expect, it } from 'vitest';
import { BUILTIN } from '../src/data/builtin.js';
import { train, type TrainOptions } from '../src/train/train.js';

const options: TrainOptions = { hidden: [2], activation: 'tanh', optimizer: 'rprop', variant: 'irprop-', epochs: 1, seed: 1, quiet: true };

// The time per epoch after warm-up leaves out the first five epochs; a run of five or fewer has no
// epoch after them, and reports its plain average instead (never a division by no epochs: Infinity,
// which --json prints as null).
describe('train(): the time per epoch', () => {
  it.each([1, 5, 6])('is a finite number of ms for a run of %i epochs, after warm-up too', async (epochs) => {
    await tf.setBackend('cpu');
    const r = await train(BUILTIN['xor']!(), { ...options, epochs });
    r.model.dispose();
    expect(r.epochs).toBe(epochs);
    expect(Number.isFinite(r.msPerEpoch)).toBe(true);
    expect(Number.isFinite(r.msPerEpochSteady)).toBe(true);
    expect(r.msPerEpochSteady).toBeGreaterThanOrEqual(0);
  });
});
