import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers, trained } from './helpers-state.js';

// setWeights' TSDoc: the tensors given stay the caller's, except the optimizer's own live slots (from
// its getWeights), which a load replaces and disposes like every slot it replaces; the scalars are
// kept variables. Given back its own weights, it must neither leak the old slots nor dispose the scalars.
onCpuBackend();

it.each(optimizerMakers)('%s: setWeights(await getWeights()) disposes the live slots it was given back, keeps the scalars, and leaks nothing', async (_label, make) => {
  const opt = make();
  const vars = trained(opt);
  const own = await opt.getWeights();
  const tensors = tf.memory().numTensors;
  await opt.setWeights(own);
  const scalars = own.filter((w) => w.tensor.rank === 0);
  const slots = own.filter((w) => w.tensor.rank > 0);
  expect(slots.length).toBeGreaterThan(0);
  expect(slots.every((w) => w.tensor.isDisposed)).toBe(true);
  expect(scalars.some((w) => w.tensor.isDisposed)).toBe(false);
  expect(tf.memory().numTensors).toBe(tensors);
  tf.dispose(vars);
  opt.dispose();
});
