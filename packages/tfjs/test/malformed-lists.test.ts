import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { SlotOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';
import { optimizerMakers, ownerOf, snapshot, trained } from './helpers-state.js';

/** A list that is not what the call takes, made from the optimizer's own weights or from a variable. */
type Malformed = (weights: Array<{ name: string; tensor: tf.Tensor }>) => unknown;

// TypeScript keeps these out, but JavaScript callers and loaders do not: each must be refused by the
// optimizer, naming the problem, and change nothing (not TF.js's bare "Cannot read properties of null").
describe('setWeights and applyGradients given something that is not a list of { name, tensor }', () => {
  onCpuBackend();

  const badWeights: Array<[string, Malformed, string]> = [
    ['null', () => null, 'expected the weights as getWeights() returns them, an array of { name, tensor }, got null'],
    ['a map by name', (w) => Object.fromEntries(w.map((x) => [x.name, x.tensor])), 'expected the weights as getWeights() returns them, an array of { name, tensor }, got an object'],
    ['a null entry', (w) => w.map((x, k) => (k === 2 ? null : x)), 'weight 2 must be { name, tensor }, got null'],
    ['a bare tensor as an entry', (w) => w.map((x, k) => (k === 2 ? x.tensor : x)), 'weight 2 must be { name, tensor }, got a tf.Tensor'],
    ['an entry without a name', (w) => w.map((x, k) => (k === 2 ? { tensor: x.tensor } : x)), 'weight 2 must have a string name, got undefined'],
    ['an entry without a tensor', (w) => w.map((x, k) => (k === 2 ? { name: x.name } : x)), 'must be a tf.Tensor, got undefined'],
    ['a slot given as an array', (w) => w.map((x, k) => (k === w.length - 1 ? { name: x.name, tensor: [0.5, 0.5] } : x)), 'must be a tf.Tensor, got [0.5, 0.5]'],
    ['the iteration count as a number', (w) => w.map((x, k) => (k === 0 ? { name: 'iter', tensor: 2 } : x)), "weight 0 ('iter') must be a tf.Tensor, got 2"],
  ];

  it.each(optimizerMakers)('%s: setWeights refuses each, naming the weight, and changes nothing', async (label, make) => {
    const owner = ownerOf(label);
    const opt: SlotOptimizer = make();
    const vars = trained(opt);
    const own = (await opt.getWeights()).map((w) => ({ name: w.name, tensor: tf.clone(w.tensor) }));
    const before = await snapshot(opt, vars);
    for (const [, malformed, problem] of badWeights) {
      const given = malformed(own);
      const n0 = tf.memory().numTensors;
      const refused = opt.setWeights(given as never);
      await expect(refused).rejects.toThrow(TypeError);
      await expect(refused).rejects.toThrow(new RegExp(`^${escape(`${owner}.setWeights: `)}.*${escape(`${problem}; nothing was changed`)}$`));
      expect(tf.memory().numTensors).toBe(n0);
    }
    expect(await snapshot(opt, vars)).toEqual(before);
    tf.dispose([...vars, ...own.map((w) => w.tensor)]);
    opt.dispose();
  });

  const badGradients: Array<[string, (v: tf.Variable, g: tf.Tensor) => unknown, string]> = [
    ['null', () => null, 'expected the gradients as a map from variable names to tensors or an array of { name, tensor }, got null'],
    ['undefined', () => undefined, 'expected the gradients as a map from variable names to tensors or an array of { name, tensor }, got undefined'],
    ['a bare tensor', (_v, g) => g, 'expected the gradients as a map from variable names to tensors or an array of { name, tensor }, got a tf.Tensor'],
    // A Map's entries are not its properties: read as an object it was no gradients, and the step counted.
    ['a Map', (v, g) => new Map([[v.name, g]]), 'expected the gradients as a map from variable names to tensors or an array of { name, tensor }, got a Map (Object.fromEntries(map) makes one)'],
    ['a Set', (v, g) => new Set([{ name: v.name, tensor: g }]), 'expected the gradients as a map from variable names to tensors or an array of { name, tensor }, got a Set (Array.from(set) makes one)'],
    ['a null entry', (v, g) => [{ name: v.name, tensor: g }, null], 'entry 1 must be { name, tensor }, got null'],
    ['a bare tensor as an entry', (_v, g) => [g], 'entry 0 must be { name, tensor }, got a tf.Tensor'],
    ['an entry without a name', (_v, g) => [{ tensor: g }], "entry 0 must have the variable's name as a string, got undefined"],
  ];

  it.each(optimizerMakers)('%s: applyGradients refuses each, and changes nothing', async (label, make) => {
    const owner = ownerOf(label);
    const opt: SlotOptimizer = make();
    const vars = trained(opt);
    const g = tf.onesLike(vars[0]!);
    if ('setLoss' in opt) (opt as unknown as { setLoss(loss: number): void }).setLoss(1);
    const before = await snapshot(opt, vars);
    for (const [, malformed, problem] of badGradients) {
      expect(() => opt.applyGradients(malformed(vars[0]!, g) as never)).toThrow(TypeError);
      expect(() => opt.applyGradients(malformed(vars[0]!, g) as never)).toThrow(`${owner}.applyGradients: ${problem}; nothing was changed`);
    }
    expect(await snapshot(opt, vars)).toEqual(before);
    tf.dispose([...vars, g]);
    opt.dispose();
  });
});

/** `text` as a literal inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
