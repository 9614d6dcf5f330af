import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { SlotOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers, ownerOf, snapshot, step } from './helpers-state.js';

let made = 0;
/** `count` variables of one shape, with names no other test uses. */
function variables(count: number): tf.Variable[] {
  return Array.from({ length: count }, (_, k) => tf.tidy(() => tf.variable(tf.linspace(-1 - k, 1 + k, 4), true, `owned${++made}`)));
}

/** One step on `vars` with gradients that differ per variable. */
function stepOn(opt: SlotOptimizer, vars: tf.Variable[], loss = 1): void {
  const grads = vars.map((v, k) => tf.fill(v.shape, k + 1));
  try {
    step(opt, vars.map((v, k) => ({ name: v.name, tensor: grads[k]! })), loss);
  } finally {
    tf.dispose(grads);
  }
}

/** The refusal for `v` at `position`, where the slots of `slotOwner` are kept. */
function refusal(owner: string, v: tf.Variable, position: number, slotOwner: tf.Variable): string {
  return (
    `${owner}: variable '${v.name}' is at position ${position}, where this optimizer keeps the slots of variable '${slotOwner.name}'. ` +
    'Slots are matched to variables by position, so one optimizer instance serves one fixed list of variables, in one order; ' +
    'use a new optimizer for another list (a subset, another model); nothing was changed'
  );
}

describe('slots made for one variable are not used for another of the same shape', () => {
  onCpuBackend();

  describe.each(optimizerMakers)('%s', (label, make) => {
    const owner = ownerOf(label);

    it.each<[string, (a: tf.Variable, b: tf.Variable, c: tf.Variable, d: tf.Variable) => [tf.Variable[], tf.Variable, number, tf.Variable]]>([
      ['a subset that leaves out the first variable', (a, b) => [[b], b, 0, a]],
      ['the same variables in another order', (a, b) => [[b, a], b, 0, a]],
      ["another model's variables", (a, _b, c, d) => [[c, d], c, 0, a]],
    ])('refuses %s, changing nothing', async (_case, pick) => {
      const [a, b, c, d] = variables(4) as [tf.Variable, tf.Variable, tf.Variable, tf.Variable];
      const opt = make();
      stepOn(opt, [a, b], 5);
      stepOn(opt, [a, b], 4);
      const [list, v, position, slotOwner] = pick(a, b, c, d);
      const before = await snapshot(opt, [a, b, c, d]);
      expect(() => stepOn(opt, list, 3)).toThrow(refusal(owner, v, position, slotOwner));
      expect(await snapshot(opt, [a, b, c, d])).toEqual(before);
      tf.dispose([a, b, c, d]);
      opt.dispose();
    });

    it('refuses minimize() without a varList when a new variable sorts before the trained one', async () => {
      // Default names are numbers, which the variable registry (a plain object) lists first.
      const w = tf.tidy(() => tf.variable(tf.linspace(-1, 1, 4), true, `trained${++made}`));
      const opt = make();
      for (let t = 0; t < 2; t++) opt.minimize(() => tf.sum(tf.square(w)) as tf.Scalar);
      const later = tf.tidy(() => tf.variable(tf.linspace(1, 2, 4)));
      const before = await snapshot(opt, [w, later]);
      expect(() => opt.minimize(() => tf.add(tf.sum(tf.square(w)), tf.sum(later)) as tf.Scalar)).toThrow(refusal(owner, later, 0, w));
      expect(await snapshot(opt, [w, later])).toEqual(before);
      tf.dispose([w, later]);
      opt.dispose();
    });

    it('takes, after setWeights on an optimizer that has stepped, the loaded slots for the variables of their first step', async () => {
      const [a, b, c, d] = variables(4) as [tf.Variable, tf.Variable, tf.Variable, tf.Variable];
      const opt = make();
      stepOn(opt, [a, b], 5);
      await opt.setWeights(await opt.getWeights()); // the slots loaded are no longer a's and b's
      expect(() => stepOn(opt, [c, d], 4)).not.toThrow();
      expect(() => stepOn(opt, [a, b], 3)).toThrow(refusal(owner, a, 0, c));
      tf.dispose([a, b, c, d]);
      opt.dispose();
    });

    it('takes a new variable after the trained ones, and loaded slots for the variables of their first step', async () => {
      const [a, b, c, d, e] = variables(5) as [tf.Variable, tf.Variable, tf.Variable, tf.Variable, tf.Variable];
      const opt = make();
      stepOn(opt, [a, b], 5);
      stepOn(opt, [a, b, e], 4);
      const loaded = make();
      await loaded.setWeights(await opt.getWeights());
      stepOn(loaded, [c, d], 3); // a model loaded with its optimizer has new variables
      expect(() => stepOn(loaded, [a, b], 2)).toThrow(refusal(owner, a, 0, c));
      tf.dispose([a, b, c, d, e]);
      opt.dispose();
      loaded.dispose();
    });
  });
});
