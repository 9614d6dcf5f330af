import * as tf from '../src/tf.js';
import fc from 'fast-check';
import { Rprop, VARIANTS } from 'rprop';
import { RpropOptimizer } from 'rprop-tfjs';
import { describe, expect, it } from 'vitest';
import { rpropSlotWeights } from '../src/train/fused/rprop-slot-weights.js';

// The fused engine trains with the core's Rprop and hands its state to the model's RpropOptimizer for
// --save. Both run the same kernels, so after the same steps the hand-off must give exactly what the
// RpropOptimizer would hold itself, and stepping on from it must stay equal.

// Names, dtypes (the iteration count is an int32) and values: what --save writes of each.
const values = async (weights: Array<{ name: string; tensor: tf.Tensor }>) =>
  Promise.all(weights.map(async (w) => [w.name, w.tensor.dtype, Array.from(await w.tensor.data())] as const));

describe('rpropSlotWeights: the core Rprop state as RpropOptimizer.getWeights lays it out', () => {
  it('equals the RpropOptimizer stepped alike, for every variant; a fresh one loaded from it steps on alike', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...VARIANTS),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        async (variant, steps, seed) => {
          let s = seed;
          const random = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
          const shapes = [[3, 2], [2], [2, 1], [1]];
          const start = shapes.map((shape) => Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, random));
          const gradients = Array.from({ length: 2 * steps }, () => shapes.map((_, i) => Float32Array.from({ length: start[i]!.length }, random)));
          const losses = Array.from({ length: 2 * steps }, () => Math.fround(Math.abs(random())));
          const variables = start.map((w, i) => tf.variable(tf.tensor(w, shapes[i]!, 'float32')));
          const tfjs = new RpropOptimizer({ variant, lr: 0.05 });
          const core = new Rprop(start.map((w) => ({ data: w.slice(), grad: new Float32Array(w.length) })), { variant, lr: 0.05 });
          for (let k = 0; k < steps; k++) {
            tfjs.setLoss(losses[k]!);
            tfjs.applyGradients(variables.map((v, i) => ({ name: v.name, tensor: tf.tensor(gradients[k]![i]!, shapes[i]!) })));
            core.paramGroups[0]!.params.forEach((p, i) => p.grad!.set(gradients[k]![i]!));
            core.step(() => losses[k]!);
          }
          const handed = rpropSlotWeights(core, variables, steps)!;
          expect(await values(handed)).toEqual(await values(await tfjs.getWeights()));
          // A fresh optimizer loaded from the hand-off, on variables holding the core's weights, steps on
          // as the one that took every step.
          const copies = core.paramGroups[0]!.params.map((p, i) => tf.variable(tf.tensor(p.data, shapes[i]!, 'float32')));
          const loaded = new RpropOptimizer({ variant, lr: 0.05 });
          await loaded.setWeights(handed);
          for (let k = steps; k < 2 * steps; k++) {
            for (const [opt, vars] of [[tfjs, variables], [loaded, copies]] as const) {
              opt.setLoss(losses[k]!);
              opt.applyGradients(vars.map((v, i) => ({ name: v.name, tensor: tf.tensor(gradients[k]![i]!, shapes[i]!) })));
            }
          }
          expect(copies.map((v) => Array.from(v.dataSync()))).toEqual(variables.map((v) => Array.from(v.dataSync())));
          expect((await values(await loaded.getWeights())).map(([, , v]) => v)).toEqual((await values(await tfjs.getWeights())).map(([, , v]) => v));
          tf.dispose([...variables, ...copies, ...handed.map((w) => w.tensor)]);
          tfjs.dispose();
          loaded.dispose();
          core.dispose();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is null before any step: a fresh RpropOptimizer is then that optimizer already', () => {
    const v = tf.variable(tf.zeros([2]));
    const core = new Rprop([{ data: new Float32Array(2), grad: null }]);
    expect(rpropSlotWeights(core, [v], 0)).toBeNull();
    v.dispose();
  });
});
