import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers, ownerOf, step } from './helpers-state.js';

let made = 0;

describe('a disposed optimizer', () => {
  onCpuBackend();

  it.each(optimizerMakers)('%s: dispose() twice is fine; stepping, getWeights and setWeights after it are refused, changing nothing', async (label, make) => {
    const w = tf.tidy(() => tf.variable(tf.tensor1d([1, -2, 3]), true, `disposed${++made}`));
    const g = tf.tensor1d([1, -1, 1]);
    const n0 = tf.memory().numTensors;
    const opt = make();
    step(opt, [{ name: w.name, tensor: g }], 3);
    const saved = await opt.getWeights();
    const weights = saved.map((s) => ({ name: s.name, tensor: s.tensor.clone() }));
    saved[0]!.tensor.dispose(); // the iteration count, as TF.js's optimizers leave it to the caller: harmless here
    opt.dispose();
    opt.dispose();
    expect(tf.memory().numTensors).toBe(n0 + weights.length);
    const values = Array.from(w.dataSync());
    const message = `${ownerOf(label)}: this optimizer was disposed; make a new one`;
    expect(() => step(opt, [{ name: w.name, tensor: g }], 2)).toThrow(message);
    expect(() => opt.minimize(() => tf.sum(tf.square(w)) as tf.Scalar, true)).toThrow(message);
    await expect(opt.getWeights()).rejects.toThrow(message);
    await expect(opt.setWeights(weights)).rejects.toThrow(message);
    expect(Array.from(w.dataSync())).toEqual(values);
    expect(opt.iterations).toBe(1);
    expect(tf.memory().numTensors).toBe(n0 + weights.length);
    tf.dispose([w, g, ...weights.map((x) => x.tensor)]);
  });
});
