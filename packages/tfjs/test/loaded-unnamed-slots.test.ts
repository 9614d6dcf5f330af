import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RpropOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';

// setWeights takes by position weights whose names do not say their variable (not made by getWeights,
// or '/prev' with nothing before the slot's name). getWeights then names their slots by position, as it
// names a variable's it has no name for: never '/prev', a name with an empty variable part.
describe('slots loaded without a variable name are saved by position', () => {
  onCpuBackend();

  it.each([
    ['an empty variable part', ['/prev', '/prev', '/stepSize', '/stepSize']],
    ['no / at all', ['a', 'b', 'c', 'd']],
  ])('%s', async (_name, slotNames) => {
    const tensors = [tf.scalar(2, 'int32'), tf.scalar(Infinity), ...slotNames.map(() => tf.tensor1d([0.5, 0.25]))];
    const opt = new RpropOptimizer();
    const names0 = ['iter', 'prevLoss', ...slotNames];
    await opt.setWeights(tensors.map((tensor, k) => ({ name: names0[k]!, tensor })));
    const names = (await opt.getWeights()).map((w) => w.name);
    expect(names).toEqual(['iter', 'prevLoss', '0/prev', '1/prev', '0/stepSize', '1/stepSize']);
    tf.dispose(tensors);
    opt.dispose();
  });
});
