import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers, step } from './helpers-state.js';

let made = 0;

// The cpu backend's dataSync() and data() return the tensor's storage itself, and tf.tensor(array)
// keeps the array it is given: with TF.js's own optimizers (which assign new tensors) both stay
// snapshots of the values at the time. A step writing in place would change them.
describe('on cpu, what dataSync() returned before a step stays as it was', () => {
  onCpuBackend();

  it.each(optimizerMakers)('%s: the variable and its slots', async (_label, make) => {
    const opt = make();
    const w = tf.variable(tf.tensor1d([1, -2, 3]), true, `snapshot${++made}`);
    const g = tf.tensor1d([0.5, -1, 2]);
    step(opt, [{ name: w.name, tensor: g }], 3);
    const values = w.dataSync();
    const copied = Array.from(values);
    const copy = tf.tensor(w.dataSync(), w.shape); // shares the array on cpu
    const slots = (await opt.getWeights()).slice(1).map((s) => ({ values: s.tensor.dataSync(), copied: Array.from(s.tensor.dataSync()) }));

    step(opt, [{ name: w.name, tensor: g }], 2);
    expect(Array.from(w.dataSync())).not.toEqual(copied); // the step did move it
    expect(Array.from(values)).toEqual(copied);
    expect(Array.from(copy.dataSync())).toEqual(copied);
    for (const s of slots) expect(Array.from(s.values)).toEqual(s.copied);
    opt.dispose();
    tf.dispose([w, g, copy]);
  });
});
