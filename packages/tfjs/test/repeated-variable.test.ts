import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SlotOptimizer } from 'rprop-tfjs';
import { optimizerMakers, ownerOf, snapshot, step, trained } from './helpers-state.js';

// Slots are kept by position, so a variable listed twice would get two sets of slots and be stepped
// twice in one step (TF.js's own optimizers, keyed by name in minimize, step it once; the core refuses
// a parameter listed twice). minimize(f, returnCost, [w, w]) led there: it maps varList to the list.
describe('a variable listed twice in one step', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(optimizerMakers)('%s: applyGradients and minimize refuse it, naming it, change nothing and leak nothing', async (label, make) => {
    const owner = ownerOf(label);
    const opt: SlotOptimizer = make();
    const vars = trained(opt);
    const [a, b] = vars as [tf.Variable, tf.Variable];
    const before = await snapshot(opt, vars);
    const message = `${owner}: variable '${b.name}' is listed twice in one step (entries 1 and 3); nothing was changed`;
    const g = tf.onesLike(a);
    const n0 = tf.memory().numTensors;
    const twice = [a, b, vars[2]!, b].map((v) => ({ name: v.name, tensor: g }));
    expect(() => step(opt, twice)).toThrow(message);
    const f = () => tf.sum(tf.square(tf.add(a, b))) as tf.Scalar;
    expect(() => opt.minimize(f, true, [a, b, vars[2]!, b])).toThrow(message);
    expect(tf.memory().numTensors).toBe(n0);
    expect(await snapshot(opt, vars)).toEqual(before);
    tf.dispose([...vars, g]);
    opt.dispose();
  });
});
