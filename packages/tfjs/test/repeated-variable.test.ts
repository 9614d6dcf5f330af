import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { SlotOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers, ownerOf, snapshot, step, trained } from './helpers-state.js';

// Slots are kept by position, so a variable listed twice got two sets of slots and moved twice in
// one step. In applyGradients two entries may carry two gradients: refused, as the core refuses a
// parameter listed twice. minimize's varList repeats a variable when model.fit trains a model that
// also uses a layer inside a nested model: there one variable has one gradient, and takes one step.
describe('a variable listed twice in one step', () => {
  onCpuBackend();

  it.each(optimizerMakers)('%s: applyGradients refuses it, naming it, changes nothing and leaks nothing', async (label, make) => {
    const owner = ownerOf(label);
    const opt: SlotOptimizer = make();
    const vars = trained(opt);
    const [a, b, c] = vars as [tf.Variable, tf.Variable, tf.Variable];
    const before = await snapshot(opt, vars);
    const g = tf.onesLike(a);
    const n0 = tf.memory().numTensors;
    const twice = [a, b, c, b].map((v) => ({ name: v.name, tensor: g }));
    expect(() => step(opt, twice)).toThrow(`${owner}: variable '${b.name}' is listed twice in one step (entries 1 and 3); nothing was changed`);
    expect(tf.memory().numTensors).toBe(n0);
    expect(await snapshot(opt, vars)).toEqual(before);
    tf.dispose([...vars, g]);
    opt.dispose();
  });

  it.each(optimizerMakers)('%s: minimize steps a variable its varList repeats once, as if listed once', async (_label, make) => {
    const run = async (repeat: boolean) => {
      const opt: SlotOptimizer = make();
      const vars = trained(opt);
      const [a, b, c] = vars as [tf.Variable, tf.Variable, tf.Variable];
      const f = () => tf.sum(tf.mul(tf.add(tf.mul(a, 2), b), tf.sub(c, 0.5))) as tf.Scalar;
      for (let t = 0; t < 3; t++) opt.minimize(f, false, repeat ? [a, b, c, b, a] : [a, b, c]);
      const state = await snapshot(opt, vars);
      tf.dispose(vars);
      opt.dispose();
      return state;
    };
    const repeated = (await run(true)) as { weights: Array<{ name: string }> };
    const once = (await run(false)) as { weights: Array<{ name: string }> };
    // The variables' names differ from run to run; their values, the count and the slots must not.
    const unnamed = (s: { weights: Array<{ name: string }> }) => ({ ...s, weights: s.weights.map((w) => ({ ...w, name: w.name.replace(/^[^/]*\//, '') })) });
    expect(unnamed(repeated)).toEqual(unnamed(once));
  });

  it('model.fit on a model that also uses a layer inside a nested model trains each weight once', async () => {
    const { rprop } = await import('rprop-tfjs');
    const shared = tf.layers.dense({ units: 3, inputShape: [3], kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) });
    const input = tf.input({ shape: [3] });
    const inner = tf.sequential({ layers: [shared] });
    const model = tf.model({ inputs: input, outputs: shared.apply(inner.apply(input)) as tf.SymbolicTensor });
    expect(model.trainableWeights.length).toBe(4); // the kernel and the bias, each listed twice
    const optimizer = rprop();
    model.compile({ optimizer, loss: 'meanSquaredError' });
    const x = tf.tensor2d([[1, 2, 3], [-1, 0.5, 2]]);
    const y = tf.tensor2d([[0, 1, 0], [1, 0, 0]]);
    await model.fit(x, y, { epochs: 2, batchSize: 2, verbose: 0 });
    // The iteration count, the previous loss, and two slots for each of two variables.
    expect((await optimizer.getWeights()).map((w) => w.name)).toEqual(['iter', 'prevLoss', ...['prev', 'stepSize'].flatMap((s) => [shared.weights[0]!, shared.weights[1]!].map((w) => `${w.name}/${s}`))]);
    tf.dispose([x, y]);
    model.dispose();
    optimizer.dispose();
  });
});
