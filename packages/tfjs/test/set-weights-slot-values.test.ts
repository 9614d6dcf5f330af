import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RpropOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers, ownerOf, snapshot, trained } from './helpers-state.js';

/** `weights` with weight `k` replaced by a float32 copy whose value at `at` is `value` (the copy is returned to dispose). */
function withValue(weights: Array<{ name: string; tensor: tf.Tensor }>, k: number, values: Record<number, number>) {
  const data = Float32Array.from(weights[k]!.tensor.dataSync());
  for (const [at, value] of Object.entries(values)) data[Number(at)] = value;
  const bad = tf.tensor(data, weights[k]!.tensor.shape, 'float32');
  return { weights: weights.map((w, i) => (i === k ? { name: w.name, tensor: bad } : w)), bad };
}

/**
 * Like the core's loadStateDict, setWeights refuses slot values a step could never make, before
 * anything changes, naming the weight and the first bad index and value, and making no tensor.
 */
describe('setWeights checks the slots’ values', () => {
  onCpuBackend();

  it.each(optimizerMakers.flatMap(([label, make]) => [NaN, Infinity, -Infinity].map((v) => [label, v, make] as const)))(
    '%s: a slot holding %s is refused, changing nothing and leaking nothing',
    async (label, value, make) => {
      const opt = make();
      const vars = trained(opt);
      const before = await snapshot(opt, vars);
      const saved = await opt.getWeights();
      const k = saved.length - 2; // a slot of the second variable
      const { weights, bad } = withValue(saved, k, { 2: value, 3: value });
      const n0 = tf.memory().numTensors;
      await expect(opt.setWeights(weights)).rejects.toThrow(
        `${ownerOf(label)}.setWeights: weight ${k} ('${saved[k]!.name}') must hold finite numbers, got ${value} at index 2; nothing was changed`,
      );
      expect(tf.memory().numTensors).toBe(n0);
      expect(bad.isDisposed).toBe(false); // the caller's
      expect(await snapshot(opt, vars)).toEqual(before);
      tf.dispose([...vars, bad, saved[0]!.tensor]);
      opt.dispose();
    },
  );

  it.each(['irprop-', 'irprop+', 'rprop-', 'rprop+'] as const)('RpropOptimizer %s: a negative step size is refused, at the first bad index', async (variant) => {
    const opt = new RpropOptimizer({ variant });
    const vars = trained(opt);
    const before = await snapshot(opt, vars);
    const saved = await opt.getWeights();
    const k = saved.findIndex((w) => w.name === `${vars[0]!.name}/stepSize`);
    const negative = withValue(saved, k, { 1: -1e-3, 3: NaN });
    await expect(opt.setWeights(negative.weights)).rejects.toThrow(
      `RpropOptimizer.setWeights: weight ${k} ('${vars[0]!.name}/stepSize') must hold step sizes ≥ 0, got -0.0010000000474974513 at index 1; nothing was changed`,
    );
    const nanFirst = withValue(saved, k, { 0: NaN, 1: -1 });
    await expect(opt.setWeights(nanFirst.weights)).rejects.toThrow(
      `RpropOptimizer.setWeights: weight ${k} ('${vars[0]!.name}/stepSize') must hold finite numbers, got NaN at index 0; nothing was changed`,
    );
    const last = saved[k]!.tensor.size - 1; // the last value is checked too
    const lastNegative = withValue(saved, k, { [last]: -1 });
    await expect(opt.setWeights(lastNegative.weights)).rejects.toThrow(
      `RpropOptimizer.setWeights: weight ${k} ('${vars[0]!.name}/stepSize') must hold step sizes ≥ 0, got -1 at index ${last}; nothing was changed`,
    );
    expect(await snapshot(opt, vars)).toEqual(before);
    tf.dispose([...vars, negative.bad, nanFirst.bad, lastNegative.bad, saved[0]!.tensor]);
    opt.dispose();
  });

  it('RpropOptimizer: a step size of -0 is loaded as +0 (steps never make -0; the fused path counts on Δ ≥ +0)', async () => {
    const opt = new RpropOptimizer();
    const vars = trained(opt);
    const saved = await opt.getWeights();
    const k = saved.findIndex((w) => w.name === `${vars[1]!.name}/stepSize`);
    const { weights, bad } = withValue(saved, k, { 0: -0, 2: -0 });
    await opt.setWeights(weights);
    const loaded = Array.from((await opt.getWeights())[k]!.tensor.dataSync());
    expect(Object.is(loaded[0], 0) && Object.is(loaded[2], 0)).toBe(true);
    expect(loaded[1]).toBe(bad.dataSync()[1]);
    expect(Object.is(bad.dataSync()[0], -0)).toBe(true); // the caller's tensor is left as it was
    tf.dispose([...vars, bad, saved[0]!.tensor]);
    opt.dispose();
  });
});
