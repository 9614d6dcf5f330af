import * as tf from '@tensorflow/tfjs';
import { Rprop, type Parameter } from 'rprop';
import { describe, expect, it } from 'vitest';
import { RpropOptimizer, type SlotOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';
import { firstDifference } from './helpers.js';
import { optimizerMakers, ownerOf, snapshot } from './helpers-state.js';

// The low-level entry point: optimizer.minimize(f, true, varList) with a varList that is a subset of
// the variables f reads, changing between calls (alternating training of two parts, a GAN's pattern).
// Slots are kept by position, so one optimizer serves one list; a list may grow at the end.

let made = 0;
/** Variables a (3 values), b (2×2) and c (3 values), and f reading all three. */
function problem(): { a: tf.Variable; b: tf.Variable; c: tf.Variable; f: () => tf.Scalar } {
  const [a, b, c] = tf.tidy(() => [
    tf.variable(tf.tensor1d([0.5, -1, 2]), true, `listA${++made}`),
    tf.variable(tf.tensor2d([[1, -2], [0.25, 3]]), true, `listB${made}`),
    tf.variable(tf.tensor1d([-0.5, 1.5, 0.75]), true, `listC${made}`),
  ]);
  const f = () => tf.tidy(() => tf.add(tf.sum(tf.square(tf.sub(tf.matMul(b, a.slice(0, 2).reshape([2, 1])), 1))), tf.sum(tf.square(tf.mul(a, c)))) as tf.Scalar);
  return { a: a!, b: b!, c: c!, f };
}

describe('minimize(f, true, varList) with a varList that changes between calls', () => {
  onCpuBackend();

  it.each(optimizerMakers)('%s: a list may grow at its end and shrink to a prefix; the left-out slots stay as they were', async (_label, make) => {
    const { a, b, c, f } = problem();
    const opt: SlotOptimizer = make();
    for (const list of [[a], [a, b], [a, b, c]]) opt.minimize(f, true, list)?.dispose();
    const cBefore = Array.from(c.dataSync());
    const slotsBefore = (await opt.getWeights()).filter((w) => w.name.startsWith(`${c.name}/`)).map((w) => Array.from(w.tensor.dataSync()));
    const n0 = tf.memory().numTensors;
    const cost = opt.minimize(f, true, [a, b])!;
    expect(Number.isFinite(cost.dataSync()[0])).toBe(true);
    cost.dispose();
    expect(tf.memory().numTensors).toBe(n0);
    expect(Array.from(c.dataSync())).toEqual(cBefore);
    expect((await opt.getWeights()).filter((w) => w.name.startsWith(`${c.name}/`)).map((w) => Array.from(w.tensor.dataSync()))).toEqual(slotsBefore);
    expect(opt.iterations).toBe(4);
    tf.dispose([a, b, c]);
    opt.dispose();
  });

  it.each(optimizerMakers)('%s: another subset is refused, naming the variable, changing nothing and leaking nothing', async (label, make) => {
    const { a, b, c, f } = problem();
    const opt: SlotOptimizer = make();
    opt.minimize(f, true, [a, b])?.dispose();
    const before = await snapshot(opt, [a, b, c]);
    const n0 = tf.memory().numTensors;
    expect(() => opt.minimize(f, true, [c, b])).toThrow(`${ownerOf(label)}: variable '${c.name}' is at position 0, where this optimizer keeps the slots of variable '${a.name}'`);
    expect(tf.memory().numTensors).toBe(n0); // the cost and the gradients computed before the refusal
    expect(await snapshot(opt, [a, b, c])).toEqual(before);
    tf.dispose([a, b, c]);
    opt.dispose();
  });

  it.each(['irprop-', 'irprop+'] as const)('%s: one optimizer per part, trained in turns, equals the core Rprop on the same gradients, bit for bit', async (variant) => {
    const { a, b, c, f } = problem();
    const parts = [[a, c], [b]];
    const optimizers = parts.map(() => new RpropOptimizer({ variant, lr: 0.05 }));
    const params: Parameter[][] = parts.map((vars) => vars.map((v) => ({ data: Float32Array.from(v.dataSync()), grad: null })));
    const cores = params.map((p) => new Rprop(p, { variant, lr: 0.05 }));
    for (let t = 0; t < 10; t++) {
      const k = t % 2;
      // The gradients minimize is about to compute: f and the variables are the same, so are they.
      const { value, grads } = tf.variableGrads(f, parts[k]);
      params[k]!.forEach((p, i) => (p.grad = grads[parts[k]![i]!.name]!.dataSync() as Float32Array));
      const loss = value.dataSync()[0]!;
      tf.dispose([value, ...Object.values(grads)]);
      optimizers[k]!.minimize(f, true, parts[k])?.dispose();
      cores[k]!.step(() => loss);
    }
    parts.forEach((vars, k) => vars.forEach((v, i) => expect(firstDifference(Array.from(v.dataSync()), Array.from(params[k]![i]!.data)), v.name).toBeNull()));
    tf.dispose([a, b, c]);
    optimizers.forEach((o) => o.dispose());
  });
});
