import * as tf from '../src/tf.js';
import { describe, expect, it } from 'vitest';
import { BUILTIN } from '../src/data/builtin.js';
import { train, type TrainOptions } from '../src/train/train.js';

const options: TrainOptions = { hidden: [4], activation: 'tanh', optimizer: 'rprop', variant: 'irprop-', epochs: 20, seed: 3, quiet: true };

// --target-mse is "stop when the training MSE is at most this": an MSE equal to the target meets it, and
// so does the point the last epoch's step reached, which the loop (checking before each epoch's step)
// never sees before the run ends.
describe('--target-mse at its edges', () => {
  it('an MSE equal to the target meets it: at the initial point, after 0 epochs', async () => {
    await tf.setBackend('cpu');
    const data = BUILTIN['xor']!();
    const free = await train(data, { ...options, epochs: 1 });
    const stopped = await train(data, { ...options, targetMse: free.curve[0]! });
    expect(stopped).toMatchObject({ epochs: 0, reachedTarget: true, curve: [free.curve[0]] });
  });

  it('the point the last epoch reached meets it: reached, after every epoch', async () => {
    await tf.setBackend('cpu');
    const data = BUILTIN['xor']!();
    const free = await train(data, options);
    // No earlier point met it (else the run would stop there): the curve fell to the last point.
    expect(Math.min(...free.curve.slice(0, -1))).toBeGreaterThan(free.trainMse);
    const last = await train(data, { ...options, targetMse: free.trainMse });
    expect(last).toMatchObject({ epochs: options.epochs, reachedTarget: true, trainMse: free.trainMse });
  });
});
