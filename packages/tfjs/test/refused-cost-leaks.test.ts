import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers, snapshot, trained } from './helpers-state.js';

// TF.js's variableGrads checks f's result only after computing it and its gradients, and throws
// leaving both: f returning a tensor that is not a scalar, or one no variable led to. minimize
// disposes what a refused step made, so these must leak nothing either.
describe('minimize refused by TF.js for what f returned leaks nothing and changes nothing', () => {
  onCpuBackend();

  it.each(optimizerMakers)('%s', async (_label, make) => {
    const opt = make();
    const vars = trained(opt);
    const [a] = vars as [tf.Variable];
    const c = tf.scalar(2);
    const before = await snapshot(opt, vars);
    const n0 = tf.memory().numTensors;
    expect(() => opt.minimize(() => tf.mul(a, 2), false, vars)).toThrow('must return a scalar, but it returned a rank-1 tensor');
    expect(() => opt.minimize(() => tf.mul(a, 2), true)).toThrow('must return a scalar');
    expect(() => opt.minimize(() => tf.mul(c, 3) as tf.Scalar, false, vars)).toThrow('Cannot find a connection between any variable');
    expect(tf.memory().numTensors).toBe(n0);
    expect(c.isDisposed).toBe(false);
    expect(await snapshot(opt, vars)).toEqual(before);
    tf.dispose([...vars, c]);
    opt.dispose();
  });
});
