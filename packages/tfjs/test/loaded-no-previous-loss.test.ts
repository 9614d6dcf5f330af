import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RpropOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';

// A previous loss of +Infinity is what getWeights saves for "none yet" (the core's Ep starts at +∞), and
// with none no loss has risen: iRprop+ must not backtrack at the first step of such a state, whatever the
// loss. Were "no previous loss" compared as if it were a low one, a loaded state with a sign change in it
// would take back its last update at once.
describe('irprop+ loaded with no previous loss (+Infinity)', () => {
  onCpuBackend();

  it.each([false, true])('does not backtrack at its first step (composed ops: %s)', async (composed) => {
    const w = tf.variable(tf.tensor1d([1, 1]), true, `noPreviousLoss${composed}`);
    const opt = new RpropOptimizer({ variant: 'irprop+' });
    opt.forceComposedOps = composed;
    const given = [
      ['iter', tf.scalar(3, 'int32')],
      ['prevLoss', tf.scalar(Infinity)],
      [`${w.name}/prev`, tf.tensor1d([1, 1])],
      [`${w.name}/stepSize`, tf.tensor1d([0.1, 0.1])],
      [`${w.name}/prevUpdate`, tf.tensor1d([-0.25, -0.25])],
    ] as const;
    await opt.setWeights(given.map(([name, tensor]) => ({ name, tensor })));
    const g = tf.tensor1d([-1, 1]); // a sign change at index 0, none at index 1
    opt.setLoss(5);
    opt.applyGradients([{ name: w.name, tensor: g }]);
    // Index 0: held where it was (iRprop+ without a rise in the loss); index 1: one step of Δ·η+ = 0.12 against the gradient.
    const [held, moved] = Array.from(w.dataSync());
    expect(held).toBe(1); // a backtrack would have made it 1 − (−0.25) = 1.25
    expect(moved).toBeCloseTo(0.88, 6);
    tf.dispose([w, g, ...given.map(([, tensor]) => tensor)]);
    opt.dispose();
  });
});
