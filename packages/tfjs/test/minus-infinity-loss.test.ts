import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RpropOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';

// The core's Rprop.step refuses a loss of −∞ for the + variants (no later loss could be below it as
// the previous loss, and JSON has no −∞); setLoss and minimize refuse it the same way.
describe('a loss of -Infinity', () => {
  onCpuBackend();

  it.each(['irprop+', 'rprop+'] as const)('%s: setLoss(-Infinity) is refused (RangeError), and the step still needs a loss', (variant) => {
    const w = tf.variable(tf.tensor1d([1, -1]), true, `minusInfSetLoss${variant}`);
    const g = tf.tensor1d([1, 1]);
    const opt = new RpropOptimizer({ variant });
    expect(() => opt.setLoss(-Infinity)).toThrow(RangeError);
    expect(() => opt.setLoss(-Infinity)).toThrow('RpropOptimizer.setLoss: the loss is -Infinity, which the + variants cannot compare; nothing was changed');
    expect(() => opt.applyGradients([{ name: w.name, tensor: g }])).toThrow(/variant needs the loss/);
    expect(Array.from(w.dataSync())).toEqual([1, -1]);
    expect(opt.iterations).toBe(0);
    tf.dispose([w, g]);
    opt.dispose();
  });

  it('irprop+: minimize with a cost of -Infinity changes nothing and leaks nothing', () => {
    const w = tf.variable(tf.tensor1d([1, -1]), true, 'minusInfCost');
    const opt = new RpropOptimizer({ variant: 'irprop+' });
    const n0 = tf.memory().numTensors;
    expect(() => opt.minimize(() => tf.mul(tf.sum(tf.square(w)), -Infinity) as tf.Scalar)).toThrow('RpropOptimizer.minimize: f returned -Infinity, which the + variants cannot compare; nothing was changed');
    expect(tf.memory().numTensors).toBe(n0);
    expect(Array.from(w.dataSync())).toEqual([1, -1]);
    expect(opt.iterations).toBe(0);
    w.dispose();
    opt.dispose();
  });
});
