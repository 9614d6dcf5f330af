import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers } from './helpers-state.js';

// getWeights saves the iteration count as TF.js's own optimizers do, an int32 named 'iter': as a
// float32 a count past 2^24 would be saved rounded (16777217 read back as 16777216).
describe('the saved iteration count is an int32', () => {
  onCpuBackend();

  it.each(optimizerMakers)('%s: exact past 2^24', async (_label, make) => {
    const source = make();
    const layout = await source.getWeights(); // no slots yet: [iter, extra scalars…]
    const count = tf.scalar(2 ** 24 + 1, 'int32');
    const opt = make();
    await opt.setWeights([{ name: 'iter', tensor: count }, ...layout.slice(1)]);
    const [iter] = await opt.getWeights();
    expect(iter!.name).toBe('iter');
    expect(iter!.tensor.dtype).toBe('int32');
    expect(iter!.tensor.dataSync()[0]).toBe(2 ** 24 + 1);
    count.dispose();
    source.dispose();
    opt.dispose();
  });
});
