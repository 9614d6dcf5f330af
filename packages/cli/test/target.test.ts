import * as tf from '../src/tf.js';
import { describe, expect, it } from 'vitest';
import { BUILTIN } from '../src/data/builtin.js';
import { buildMlp } from '../src/train/mlp.js';
import { train, type TrainOptions } from '../src/train/train.js';

const options: TrainOptions = { hidden: [4], activation: 'tanh', optimizer: 'rprop', variant: 'irprop-', epochs: 50, seed: 3, quiet: true };

describe('training stops at the first point whose MSE reaches the target', () => {
  it('takes no step from that point: at a target met at the start the model is the initial one, after 0 epochs', async () => {
    await tf.setBackend('cpu');
    const data = BUILTIN['xor']!();
    const result = await train(data, { ...options, targetMse: 1 });
    expect(result.epochs).toBe(0);
    expect(result.reachedTarget).toBe(true);
    const initial = buildMlp(data, options.hidden, options.activation, options.seed);
    const got = result.model.getWeights().map((w) => Array.from(w.dataSync()));
    expect(got).toEqual(initial.getWeights().map((w) => Array.from(w.dataSync())));
  });

  it('reports as epochs the steps taken, and the MSE of the point it stopped at', async () => {
    await tf.setBackend('cpu');
    const data = BUILTIN['xor']!();
    const free = await train(data, { ...options, epochs: 30 });
    const target = free.curve[12]! * (1 + 1e-9); // met first after 12 steps (if the curve fell until then)
    const firstMet = free.curve.findIndex((mse) => mse <= target);
    const stopped = await train(data, { ...options, epochs: 30, targetMse: target });
    expect(stopped.epochs).toBe(firstMet);
    expect(stopped.curve).toEqual(free.curve.slice(0, firstMet + 1));
    expect(stopped.trainMse).toBeCloseTo(free.curve[firstMet]!, 6);
  });
});
