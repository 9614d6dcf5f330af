import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RpropOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers, ownerOf, snapshot, trained } from './helpers-state.js';

/**
 * The iteration count must be a whole number ≥ 0 (as the core's Adam requires of its step count) below
 * 2^31 (it is saved as an int32), and
 * the previous loss a number, Infinity standing for none (as the core's loadStateDict takes a number
 * or null, not NaN); setWeights refuses anything else before anything changes, making no tensor.
 */
describe('setWeights checks the scalars', () => {
  onCpuBackend();

  it.each(
    optimizerMakers.flatMap(([label, make]) =>
      [
        [1.5, 'must be a whole number of steps ≥ 0, got 1.5'],
        [-1, 'must be a whole number of steps ≥ 0, got -1'],
        [NaN, 'must be a finite number, got NaN'],
        [Infinity, 'must be a finite number, got Infinity'],
        // getWeights saves the count as an int32: 2^31 would come back as -2^31, which load refuses.
        [2 ** 31, 'must be at most 2147483647 (getWeights saves it as an int32), got 2147483648'],
      ].map(([value, problem]) => [label, value as number, make, problem as string] as const),
    ),
  )('%s: an iteration count of %s is refused, changing nothing and leaking nothing', async (label, value, make, problem) => {
    const opt = make();
    const vars = trained(opt);
    const before = await snapshot(opt, vars);
    const saved = await opt.getWeights();
    const count = tf.scalar(value);
    const n0 = tf.memory().numTensors;
    await expect(opt.setWeights([{ name: 'iter', tensor: count }, ...saved.slice(1)])).rejects.toThrow(
      `${ownerOf(label)}.setWeights: weight 0 ('iter') ${problem}; nothing was changed`,
    );
    expect(tf.memory().numTensors).toBe(n0);
    expect(await snapshot(opt, vars)).toEqual(before);
    tf.dispose([...vars, count, saved[0]!.tensor]);
    opt.dispose();
  });

  it('a string iteration count is refused as a TypeError', async () => {
    const opt = new RpropOptimizer();
    const vars = trained(opt);
    const saved = await opt.getWeights();
    const count = tf.scalar('3');
    const refused = opt.setWeights([{ name: 'iter', tensor: count }, ...saved.slice(1)]);
    await expect(refused).rejects.toThrow(TypeError);
    await expect(refused).rejects.toThrow("RpropOptimizer.setWeights: weight 0 ('iter') is string; the iteration count must be a number (int32 or float32); nothing was changed");
    tf.dispose([...vars, count, saved[0]!.tensor]);
    opt.dispose();
  });

  it.each(['irprop+', 'irprop-'] as const)('RpropOptimizer %s: a NaN previous loss is refused as a TypeError; Infinity (none) and finite ones load', async (variant) => {
    const opt = new RpropOptimizer({ variant });
    const vars = trained(opt);
    const before = await snapshot(opt, vars);
    const saved = await opt.getWeights();
    const nan = tf.scalar(NaN);
    const refused = opt.setWeights([saved[0]!, { name: 'prevLoss', tensor: nan }, ...saved.slice(2)]);
    await expect(refused).rejects.toThrow(TypeError);
    await expect(refused).rejects.toThrow("RpropOptimizer.setWeights: weight 1 ('prevLoss') must be a number (Infinity for none), got NaN; nothing was changed");
    expect(await snapshot(opt, vars)).toEqual(before);
    const minusInfinity = tf.scalar(-Infinity); // no step leaves it: the + variants refuse that loss
    await expect(opt.setWeights([saved[0]!, { name: 'prevLoss', tensor: minusInfinity }, ...saved.slice(2)])).rejects.toThrow(
      "RpropOptimizer.setWeights: weight 1 ('prevLoss') cannot be -Infinity (a step refuses that loss); nothing was changed",
    );
    expect(await snapshot(opt, vars)).toEqual(before);
    minusInfinity.dispose();
    const loaded = [Infinity, 2.5].map((v) => tf.scalar(v));
    for (const t of loaded) {
      const current = await opt.getWeights(); // live slots: the previous setWeights replaced them
      await opt.setWeights([current[0]!, { name: 'prevLoss', tensor: t }, ...current.slice(2)]);
      current[0]!.tensor.dispose();
      const again = await opt.getWeights();
      expect(again[1]!.tensor.dataSync()[0]).toBe(t.dataSync()[0]);
      again[0]!.tensor.dispose();
    }
    tf.dispose([...vars, nan, ...loaded, saved[0]!.tensor]);
    opt.dispose();
  });
});
