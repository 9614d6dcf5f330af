import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { SlotOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers, step } from './helpers-state.js';

let made = 0;

// A variable without a gradient is not updated (as in TF.js's optimizers) but gets its slots, and an
// int32 one got int32 slots (zerosLike): getWeights then returned weights that setWeights refuses
// ("slots are float32"), so the optimizer's own state, saved with a model, could not be loaded.
describe('slots made for a variable of another dtype that has no gradient', () => {
  onCpuBackend();

  it.each(optimizerMakers)('%s: are float32, and its weights load into it and into a new one', async (_label, make) => {
    const counter = tf.variable(tf.tensor1d([1, 2], 'int32'), true, `int32Var${++made}`);
    const w = tf.variable(tf.tensor1d([1, -2]), true, `float32Var${made}`);
    const g = tf.ones([2]);
    const opt: SlotOptimizer = make();
    step(opt, [{ name: counter.name, tensor: null as never }, { name: w.name, tensor: g }]);
    const saved = await opt.getWeights();
    expect(saved.slice(1).map((s) => s.tensor.dtype)).toEqual(saved.slice(1).map(() => 'float32'));
    const values = await Promise.all(saved.map(async (s) => Array.from(await s.tensor.data())));
    const fresh: SlotOptimizer = make();
    await fresh.setWeights(saved);
    await opt.setWeights(saved);
    for (const o of [opt, fresh]) expect(await Promise.all((await o.getWeights()).map(async (s) => Array.from(await s.tensor.data())))).toEqual(values);
    expect(Array.from(counter.dataSync())).toEqual([1, 2]);
    tf.dispose([counter, w, g]);
    opt.dispose();
    fresh.dispose();
  });
});
