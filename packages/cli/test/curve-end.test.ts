import * as tf from '../src/tf.js';
import { describe, expect, it } from 'vitest';
import { BUILTIN } from '../src/data/builtin.js';
import { train, type TrainOptions } from '../src/train/train.js';

const options: TrainOptions = { hidden: [4], activation: 'tanh', optimizer: 'rprop', variant: 'irprop-', epochs: 3, seed: 3, quiet: true };

describe('the training curve (what --plot draws) ends at the point the run reports', () => {
  it('after every epoch was used: one point per step taken, and the initial one', async () => {
    await tf.setBackend('cpu');
    const data = BUILTIN['xor']!();
    const one = await train(data, { ...options, epochs: 1 });
    const three = await train(data, options);
    expect(three.curve).toHaveLength(4);
    expect(three.curve.at(-1)).toBeCloseTo(three.trainMse, 6);
    // (Was: [initial MSE] alone, a plot that showed nothing of the step taken.)
    expect(one.curve).toHaveLength(2);
    expect(one.curve.at(-1)).toBeCloseTo(one.trainMse, 6);
    expect(one.curve[1]).toBeCloseTo(three.curve[1]!, 6);
    one.model.dispose();
    three.model.dispose();
  });

  it('at a target met: the point it stopped at, once', async () => {
    await tf.setBackend('cpu');
    const result = await train(BUILTIN['xor']!(), { ...options, targetMse: 1 });
    expect(result.curve).toHaveLength(1);
    expect(result.curve[0]).toBeCloseTo(result.trainMse, 6);
    result.model.dispose();
  });
});
