import * as tf from '@tensorflow/tfjs';
import './wasm-backend.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { SlotOptimizer } from 'rprop-tfjs';
import { CLAIMED_PATHS } from './helpers.js';
import { optimizerMakers, step } from './helpers-state.js';

let made = 0;

/**
 * Three steps on two variables, each given the other as its gradient (the tf.Variable itself, or a
 * copy of it taken before the step). Returns the variables and every saved weight, as numbers.
 */
async function crossed(make: () => SlotOptimizer, composed: boolean, copies: boolean): Promise<number[][]> {
  const a = tf.variable(tf.tensor1d([1, -2, 3, 0.5]), true, `crossA${++made}`);
  const b = tf.variable(tf.tensor1d([-1, 2, 0.25, 4]), true, `crossB${made}`);
  const opt = make();
  opt.forceComposedOps = composed;
  let afterFirst = 0;
  for (let t = 0; t < 3; t++) {
    const [ga, gb] = copies ? [tf.add(b, 0), tf.add(a, 0)] : [b, a];
    step(opt, [{ name: a.name, tensor: ga }, { name: b.name, tensor: gb }], 3 - t);
    if (copies) tf.dispose([ga, gb]);
    if (t === 0) afterFirst = tf.memory().numTensors;
  }
  expect(tf.memory().numTensors).toBe(afterFirst); // the first step made the slots; no step leaks
  const out = [a, b, ...(await opt.getWeights()).map((w) => w.tensor)].map((x) => Array.from(x.dataSync()));
  opt.dispose();
  tf.dispose([a, b]);
  return out;
}

// A step reads every gradient as it was when the step began (as the composed ops, which reshape each
// gradient first, always did). On cpu and wasm a gradient that is one of the variables the step
// updates was read from that variable's storage after its own update, so b moved by a's new values.
describe.each(CLAIMED_PATHS)('on %s (composed ops: %s), a variable given as the gradient of another', (backend, composed) => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(optimizerMakers)('%s: steps as with a copy of it taken before the step', async (_label, make) => {
    await tf.setBackend(backend);
    expect(await crossed(make, composed, false)).toEqual(await crossed(make, composed, true));
  });
});
