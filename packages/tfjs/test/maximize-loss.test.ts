import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RpropOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';
import { firstDifference } from './helpers.js';

let made = 0;

/** The weights after `steps` calls of minimize(f) from w = [0, 0], f made by `cost` from w. */
function trajectory(opt: RpropOptimizer, cost: (w: tf.Variable) => tf.Scalar, steps: number): number[] {
  const w = tf.variable(tf.zeros([2]), true, `maximizeLoss${++made}`);
  for (let t = 0; t < steps; t++) opt.minimize(() => cost(w));
  const values = Array.from(w.dataSync());
  w.dispose();
  opt.dispose();
  return values;
}

// minimize(f) with maximize ascends f, so f is the objective and the + variants' loss is −f (as the
// core's minimize compares it): maximizing −L is then minimizing L, step for step, backtracking included.
describe('maximize on the + variants: minimize(f) compares −f as the loss', () => {
  onCpuBackend();

  const target = [3, -2.5];
  const L = (w: tf.Variable) => tf.tidy(() => tf.sum(tf.square(tf.sub(w, target)))) as tf.Scalar;

  it('irprop+: maximizing −L takes the steps minimizing L takes (backtracking only when L went up)', () => {
    const options = { variant: 'irprop+', lr: 1 } as const;
    const descending = trajectory(new RpropOptimizer(options), L, 30);
    const ascending = trajectory(new RpropOptimizer({ ...options, maximize: true }), (w) => tf.tidy(() => tf.neg(L(w))), 30);
    expect(firstDifference(ascending, descending)).toBeNull();
  });
});
