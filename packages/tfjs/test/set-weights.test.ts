import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RpropOptimizer, SignumOptimizer, type SlotOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers, ownerOf, snapshot, step, trained } from './helpers-state.js';

let made = 0;

describe('setWeights', () => {
  onCpuBackend();

  it.each(optimizerMakers)('%s: setWeights(await getWeights()) keeps the state, and the next step is unchanged', async (_label, make) => {
    const opt = make();
    const twin = make();
    const vars = trained(opt);
    const twinVars = trained(twin);
    const before = await snapshot(opt, vars);
    await opt.setWeights(await opt.getWeights());
    expect(await snapshot(opt, vars)).toEqual(before);
    const grads = vars.map((v) => tf.fill(v.shape, 0.5));
    step(opt, vars.map((v, k) => ({ name: v.name, tensor: grads[k]! })), 2);
    step(twin, twinVars.map((v, k) => ({ name: v.name, tensor: grads[k]! })), 2);
    expect(vars.map((v) => Array.from(v.dataSync()))).toEqual(twinVars.map((v) => Array.from(v.dataSync())));
    tf.dispose([...vars, ...twinVars, ...grads]);
    opt.dispose();
    twin.dispose();
  });

  it.each<[string, () => SlotOptimizer, () => SlotOptimizer, string]>([
    [
      "irprop− weights (3 variables × 2 slots) into irprop+ (3 slots a variable: the count fits)",
      () => new RpropOptimizer({ variant: 'irprop-' }),
      () => new RpropOptimizer({ variant: 'irprop+' }),
      "RpropOptimizer.setWeights: weight 4 ('{2}/prev') should be variable 0's 'stepSize' slot: this optimizer saves 3 slot(s) per variable (prev, stepSize, prevUpdate), so these weights were saved by another optimizer or variant; nothing was changed",
    ],
    [
      'irprop+ weights (9 slots) into irprop− (2 slots a variable)',
      () => new RpropOptimizer({ variant: 'irprop+' }),
      () => new RpropOptimizer({ variant: 'irprop-' }),
      'RpropOptimizer.setWeights: expected the iteration count, 1 scalar(s) (prevLoss) and 2 slot(s) per variable (prev, stepSize), got 11 weights; nothing was changed',
    ],
    [
      'Rprop weights into Signum (its prevLoss, unnamed as a slot, is taken by position)',
      () => new RpropOptimizer(),
      () => new SignumOptimizer(),
      "SignumOptimizer.setWeights: weight 2 ('{0}/prev') should be variable 1's 'momentum' slot: this optimizer saves 1 slot(s) per variable (momentum), so these weights were saved by another optimizer or variant; nothing was changed",
    ],
  ])('refuses %s, changing nothing', async (_case, makeSource, makeTarget, message) => {
    const source = makeSource();
    const sourceVars = trained(source);
    const target = makeTarget();
    const targetVars = trained(target);
    const before = await snapshot(target, targetVars);
    await expect(target.setWeights(await source.getWeights())).rejects.toThrow(message.replace(/\{(\d)\}/, (_, k: string) => sourceVars[Number(k)]!.name));
    expect(await snapshot(target, targetVars)).toEqual(before);
    tf.dispose([...sourceVars, ...targetVars]);
    source.dispose();
    target.dispose();
  });

  it('refuses a slot that is not float32 or a count that is not a scalar, changing nothing', async () => {
    const opt = new RpropOptimizer();
    const vars = trained(opt);
    const before = await snapshot(opt, vars);
    const weights = await opt.getWeights();
    const int32Slot = tf.zeros([4], 'int32');
    await expect(opt.setWeights(weights.map((w, k) => (k === 3 ? { name: w.name, tensor: int32Slot } : w)))).rejects.toThrow(
      `RpropOptimizer.setWeights: weight 3 ('${vars[1]!.name}/prev') is int32; slots are float32; nothing was changed`,
    );
    const vector = tf.zeros([2]);
    await expect(opt.setWeights([{ name: 'iter', tensor: vector }, ...weights.slice(1)])).rejects.toThrow(
      "RpropOptimizer.setWeights: weight 0 ('iter', shape [2]) should be the iteration count, a scalar named 'iter'; nothing was changed",
    );
    expect(await snapshot(opt, vars)).toEqual(before);
    tf.dispose([...vars, int32Slot, vector]);
    opt.dispose();
  });

  it.each(optimizerMakers)('%s: refuses a disposed weight by its place and name, changing nothing and making no tensor', async (label, make) => {
    const opt = make();
    const vars = trained(opt);
    const before = await snapshot(opt, vars);
    const copies = (await opt.getWeights()).map((w) => ({ name: w.name, tensor: w.tensor.clone() }));
    const last = copies.length - 1;
    copies[last]!.tensor.dispose();
    const n0 = tf.memory().numTensors;
    await expect(opt.setWeights(copies)).rejects.toThrow(`${ownerOf(label)}.setWeights: weight ${last} ('${copies[last]!.name}') has been disposed; nothing was changed`);
    expect(tf.memory().numTensors).toBe(n0);
    copies[0]!.tensor.dispose();
    await expect(opt.setWeights(copies)).rejects.toThrow(`${ownerOf(label)}.setWeights: weight 0 ('iter') has been disposed; nothing was changed`);
    expect(await snapshot(opt, vars)).toEqual(before);
    tf.dispose([...vars, ...copies.map((w) => w.tensor)]);
    opt.dispose();
  });

  it.each(optimizerMakers)("%s: slots loaded for smaller variables are refused at the next step, which changes nothing", async (label, make) => {
    const source = make();
    const sourceVars = trained(source, 4);
    const opt = make();
    const big = tf.variable(tf.ones([100]), true, `bigVariable${++made}`);
    await opt.setWeights(await source.getWeights());
    const before = await snapshot(opt, [big]);
    const g = tf.ones([100]);
    expect(() => step(opt, [{ name: big.name, tensor: g }])).toThrow(
      `${ownerOf(label)}: variable '${big.name}' (position 0) has shape [100], but the '${label.startsWith('Rprop') ? 'prev' : 'momentum'}' slot at that position has shape [4].`,
    );
    expect(await snapshot(opt, [big])).toEqual(before);
    tf.dispose([...sourceVars, big, g]);
    source.dispose();
    opt.dispose();
  });
});
