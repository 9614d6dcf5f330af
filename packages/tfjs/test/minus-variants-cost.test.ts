import * as tf from '@tensorflow/tfjs';
import { Rprop } from 'rprop';
import { describe, expect, it } from 'vitest';
import { RpropOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';

// Only the + variants compare losses, so only they refuse a cost they cannot compare. The core's − variants
// never look at the loss (`step(() => NaN)` steps); refusing minimize's cost there would stop a run whose
// gradients are fine, which TF.js's own optimizers (and model.fit with them) would carry on with.
describe('the − variants ignore the cost minimize computes, as the core ignores the loss', () => {
  onCpuBackend();

  it.each([
    ['irprop-', NaN],
    ['irprop-', -Infinity],
    ['rprop-', NaN],
    ['rprop-', -Infinity],
  ] as const)('%s: a cost of %s with finite gradients takes the core\'s step', (variant, cost) => {
    const w = tf.variable(tf.tensor1d([1, -2, 3]), true, `minusCost${variant}${cost}`);
    const opt = new RpropOptimizer({ variant, lr: 0.1 });
    // d/dw of sum(w·[1, −1, 2]) + cost: the constant adds nothing to the gradient.
    expect(() => opt.minimize(() => tf.add(tf.sum(tf.mul(w, tf.tensor1d([1, -1, 2]))), cost) as tf.Scalar)).not.toThrow();
    const p = { data: new Float32Array([1, -2, 3]), grad: new Float32Array([1, -1, 2]) };
    new Rprop([p], { variant, lr: 0.1 }).step(() => cost);
    expect(Array.from(w.dataSync())).toEqual(Array.from(p.data));
    expect(opt.iterations).toBe(1);
    w.dispose();
    opt.dispose();
  });
});
